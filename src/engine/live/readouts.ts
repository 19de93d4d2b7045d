import type { BodyMeasures, KneeState, Side } from '../../geometry/measures';
import type { FormAspect, FormCheck, SessionState, StretchDefinition } from '../../protocol';
import { currentStretch } from '../../protocol';
import { readMeasure } from '../../protocol/readMeasure';

export type ReadoutStatus = 'good' | 'warn' | 'bad' | 'unknown';

export interface ReadoutView {
  readonly id: 'depth' | 'back' | 'knee';
  readonly label: string;
  /** Shown as is: "72°", "flat", "soft", or "—". */
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

function formatDeg(value: number): string {
  return `${Math.round(value)}°`;
}

/**
 * A check group's status: `bad` while one of its faults is on (after hysteresis), `warn` when a
 * value is on the fault's side of a check's leave threshold without the fault being on (it is
 * close, or not yet held long enough), else `good`.
 */
function groupStatus(
  stretch: StretchDefinition,
  state: SessionState,
  values: readonly (number | null)[],
  aspects: readonly FormAspect[],
): { status: ReadoutStatus; detail: string | null } {
  let warn: FormCheck | null = null;
  let any = false;
  for (let i = 0; i < stretch.checks.length; i++) {
    const check = stretch.checks[i] as FormCheck;
    if (!aspects.includes(check.aspect)) continue;
    any = true;
    if ((state.form.faultSinceMs[i] ?? null) !== null) return { status: 'bad', detail: check.cue };
    const value = values[i] ?? null;
    if (value === null) continue;
    // Past the point where the fault would clear, but not (yet) a fault: in the hysteresis band,
    // or beyond it while the fault waits to persist or outside the phases that judge it. Never
    // "good" then: the back reading "rounded" in green told the user two things at once.
    const onFaultSide = check.faultWhen === 'above' ? value >= check.leave : value <= check.leave;
    if (onFaultSide) warn ??= check;
  }
  if (!any) return { status: 'unknown', detail: null };
  return warn !== null ? { status: 'warn', detail: warn.cue } : { status: 'good', detail: null };
}

function numberOrNull(value: ReturnType<typeof readMeasure>): number | null {
  return typeof value === 'number' ? value : null;
}

export interface ReadoutInputs {
  readonly state: SessionState;
  readonly measures: BodyMeasures | null;
  /** The leg the readouts describe: the rep's leg, else the one geometry found working. */
  readonly leg: Side | null;
}

/** The three live readouts of the session screen: depth (hip hinge), back, knee. */
export function readouts(inputs: ReadoutInputs): readonly ReadoutView[] {
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
  const values = stretch.checks.map((check) =>
    numberOrNull(readMeasure(measures, check.measure, leg)),
  );

  let depth: ReadoutView = unknown('depth', stretch.kind === 'glide' ? 'Neck' : 'Hip hinge');
  if (stretch.kind === 'hold') {
    const target = numberOrNull(readMeasure(measures, stretch.target.measure, leg));
    if (target !== null) {
      const inPosition = state.form.inPosition;
      depth = {
        id: 'depth',
        label: stretch.target.measure.measure === 'legRaiseDeg' ? 'Leg raise' : 'Hip hinge',
        value: formatDeg(target),
        status: inPosition ? 'good' : 'warn',
        detail: inPosition ? null : stretch.target.cue,
      };
    }
  } else {
    const neck = measures.neckFlexionDeg.value;
    if (neck !== null) depth = { ...depth, value: formatDeg(neck), status: 'good' };
  }

  const back = groupStatus(stretch, state, values, READOUT_ASPECTS.back);
  const backState = measures.backState.value;
  const knee = groupStatus(stretch, state, values, READOUT_ASPECTS.knee);
  const kneeState = measures.kneeState[leg].value;
  return [
    depth,
    {
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
