import type { BodyMeasures, KneeState, Side, Unavailable } from '../../geometry/measures';
import type { AspectJudgement, FormAspect, SessionState } from '../../protocol';
import { currentStretch, judgeAspects, targetValue } from '../../protocol';

/**
 * How a live readout looks: its colour and icon on the session screen.
 * - `good`, `warn` (a form measure close to its limit), `bad`: judged, during a hold or glide;
 * - `short`: the hold's depth is not far enough yet (the opposite of close to a limit);
 * - `info`: measured but not judged — outside a hold nobody is asked to be in position yet;
 * - `unknown`: not measured (a joint not seen: moving may fix it);
 * - `unchecked`: not checked at all, with the reason as its detail (the model cannot see the back's
 *   outline): shown the same in every phase, since the reason is not a correction.
 */
export type ReadoutStatus = 'good' | 'warn' | 'short' | 'bad' | 'info' | 'unknown' | 'unchecked';

export interface ReadoutView {
  readonly id: 'depth' | 'back' | 'knee';
  readonly label: string;
  /** Shown as is: "72°", "flat", "soft", "not checked", or "—". */
  readonly value: string;
  readonly status: ReadoutStatus;
  /** The correction to show when it is not good. */
  readonly detail: string | null;
}

/** Aspects shown together under one readout. */
const READOUT_ASPECTS: Readonly<Record<'back' | 'knee', readonly FormAspect[]>> = {
  back: ['back', 'head', 'trunk'],
  knee: ['knee'],
};

const KNEE_WORDS: Readonly<Record<KneeState, string>> = {
  straight: 'straight',
  soft: 'soft',
  locked: 'locked',
  bent: 'bent',
};

/**
 * Why the back is not checked, when the model cannot see its outline at all (no person mask) or
 * the mask does not show it clearly: geometry then gives no rounding (geometry/rounding.ts)
 * rather than a guess from the head, and the panel says so instead of a blank.
 */
const BACK_NOT_CHECKED: Readonly<Partial<Record<Unavailable['reason'], string>>> = {
  'no-mask': "This model can't see the outline of your back - BlazePose full can.",
  'outline-unclear': 'Turn side-on to the camera so I can see the outline of your back.',
};

const NOT_CHECKED = 'not checked';

function formatDeg(value: number): string {
  return `${Math.round(value)}°`;
}

/** The protocol's verdict (formJudgement.ts) as a readout's look. */
const STATUS_OF: Readonly<Record<AspectJudgement['verdict'], ReadoutStatus>> = {
  fault: 'bad',
  near: 'warn',
  fine: 'good',
  none: 'unknown',
};

function shown(judgement: AspectJudgement): { status: ReadoutStatus; detail: string | null } {
  return { status: STATUS_OF[judgement.verdict], detail: judgement.check?.cue ?? null };
}

export interface ReadoutInputs {
  readonly state: SessionState;
  readonly measures: BodyMeasures | null;
  /** The leg the readouts describe: the rep's leg, else the one geometry found working. */
  readonly leg: Side | null;
}

/**
 * The three live readouts of the session screen: depth (hip hinge), back, knee. They judge and
 * advise only while a rep runs and the session is not paused: before the first hold, in rest
 * and after a stretch the person is not meant to be in position, so the numbers are shown
 * without a verdict or a correction.
 */
export function readouts(inputs: ReadoutInputs): readonly ReadoutView[] {
  const all = judgedReadouts(inputs);
  const { state } = inputs;
  const coaching = (state.phase === 'hold' || state.phase === 'glide') && state.paused === null;
  if (coaching) return all;
  return all.map((r) =>
    r.status === 'unknown' || r.status === 'unchecked'
      ? r
      : { ...r, status: 'info' as const, detail: null },
  );
}

function judgedReadouts(inputs: ReadoutInputs): readonly ReadoutView[] {
  const { state, measures, leg } = inputs;
  const stretch = currentStretch(state);
  const unknown = (id: ReadoutView['id'], label: string): ReadoutView => ({
    id,
    label,
    value: '—',
    status: 'unknown',
    detail: null,
  });
  if (stretch === null || measures === null || !measures.personFound || leg === null) {
    return [unknown('depth', 'Hip hinge'), unknown('back', 'Back'), unknown('knee', 'Knee')];
  }
  let depth: ReadoutView = unknown('depth', stretch.kind === 'glide' ? 'Neck' : 'Hip hinge');
  if (stretch.kind === 'hold') {
    const target = targetValue(state, measures, leg);
    if (target !== null) {
      const inPosition = state.form.inPosition;
      depth = {
        id: 'depth',
        label: stretch.target.measure.measure === 'legRaiseDeg' ? 'Leg raise' : 'Hip hinge',
        value: formatDeg(target),
        status: inPosition ? 'good' : 'short',
        detail: inPosition ? null : stretch.target.cue,
      };
    }
  } else {
    const neck = measures.neckFlexionDeg.value;
    if (neck !== null) depth = { ...depth, value: formatDeg(neck), status: 'good' };
  }

  const back = shown(judgeAspects(state, measures, leg, READOUT_ASPECTS.back));
  const backState = measures.backState.value;
  const rounding = measures.rounding;
  const notChecked = rounding.value === null ? (BACK_NOT_CHECKED[rounding.reason] ?? null) : null;
  const knee = shown(judgeAspects(state, measures, leg, READOUT_ASPECTS.knee));
  const kneeState = measures.kneeState[leg].value;
  return [
    depth,
    notChecked !== null && back.status !== 'bad'
      ? // A head check may still judge the head; the back itself is not checked.
        { id: 'back', label: 'Back', value: NOT_CHECKED, status: 'unchecked', detail: notChecked }
      : {
          id: 'back',
          label: 'Back',
          value: backState ?? '—',
          status: backState === null && back.status !== 'bad' ? 'unknown' : back.status,
          detail: back.detail,
        },
    {
      id: 'knee',
      label: 'Knee',
      value: kneeState !== null ? KNEE_WORDS[kneeState] : '—',
      status: kneeState === null && knee.status !== 'bad' ? 'unknown' : knee.status,
      detail: knee.detail,
    },
  ];
}
