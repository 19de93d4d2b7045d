import type { ReadoutView } from '../../coach/view/readouts';
import type { SessionView } from '../../coach/view/sessionView';
import type { RunnerState } from '../../engine/live/runnerState';
import type { ReadableStore } from '../../engine/store';
import { sameData, useSelector } from '../useStore';
import type { UserCommand } from '../../protocol';
import type { StallOffer } from '../../coach/view/sessionView';
import { HoldRing } from './HoldRing';
import { StallChoices } from './StallChoices';
import { Readout } from './Readout';

/**
 * Where the session is: stretch, leg, rep, the hold ring or counters, readouts, setup help. Each
 * part subscribes to its own slice of the runner's state, so a frame that changes one readout
 * re-renders that readout and nothing else (tests/browser/modules/renderCounts.spec.ts).
 */

type Store = ReadableStore<RunnerState>;

const PHASE_WORDS: Record<SessionView['phase'], string> = {
  idle: 'Starting',
  'warm-up': 'Warm-up check',
  setup: 'Getting into position',
  countdown: 'Get ready',
  hold: 'Hold',
  glide: 'Nerve glide',
  rest: 'Rest',
  'symptom-check': 'Quick check',
  'symptom-advice': 'Take care',
  done: 'Done',
};

function legWords(leg: NonNullable<SessionView['stretch']>['leg']): string {
  if (leg === 'both') return 'both legs';
  if (leg === 'left' || leg === 'right') return `${leg} leg`;
  return 'either leg to start';
}

const selectShown = (s: RunnerState): boolean => s.view !== null;
const selectHeading = (s: RunnerState) =>
  s.view === null || s.view.stretch === null
    ? null
    : { phase: s.view.phase, stretch: s.view.stretch };
const selectHold = (s: RunnerState) => s.view?.hold ?? null;
const selectGlide = (s: RunnerState) => s.view?.glide ?? null;
const selectRestSeconds = (s: RunnerState): number | null => {
  const restMs = s.view?.restRemainingMs ?? null;
  return restMs === null ? null : Math.ceil(restMs / 1000);
};
const selectSetupHelp = (s: RunnerState) =>
  s.view?.phase !== 'setup'
    ? null
    : { placement: s.view.cameraPlacement, hints: s.view.setupHints };
export type ReadoutId = ReadoutView['id'];
const READOUT_IDS: readonly ReadoutId[] = ['depth', 'back', 'knee'];
/** One selector per readout, made once so each slot's subscription stays stable. */
const SELECT_READOUT = Object.fromEntries(
  READOUT_IDS.map((id) => [
    id,
    (s: RunnerState): ReadoutView | null => s.view?.readouts.find((r) => r.id === id) ?? null,
  ]),
) as Record<ReadoutId, (s: RunnerState) => ReadoutView | null>;

interface PanelProps {
  readonly store: Store;
  /** Sends the user's choices (ease the target, move on); without it none are offered. */
  readonly command?: (command: UserCommand) => void;
}

export function SessionPanel({ store, command }: PanelProps) {
  const shown = useSelector(store, selectShown);
  if (!shown) return null;
  return (
    <section className="session-panel" aria-label="Session progress">
      <SessionHeading store={store} />
      <SessionCounters store={store} />
      {command !== undefined && <StallSlot store={store} command={command} />}
      <SetupHelp store={store} />
      <dl className="readouts">
        {READOUT_IDS.map((id) => (
          <ReadoutSlot key={id} store={store} id={id} />
        ))}
      </dl>
    </section>
  );
}

export function SessionHeading({ store }: { readonly store: Store }) {
  const heading = useSelector(store, selectHeading, sameData);
  if (heading === null) return null;
  const { stretch, phase } = heading;
  return (
    <header className="session-heading">
      <p className="phase" data-testid="phase">
        {PHASE_WORDS[phase]}
      </p>
      <h2 data-testid="stretch-name">{stretch.name[0]?.toUpperCase() + stretch.name.slice(1)}</h2>
      <p data-testid="rep-indicator">
        Stretch {stretch.number} of {stretch.of} · {legWords(stretch.leg)} ·{' '}
        {stretch.kind === 'hold' ? 'rep' : 'set'} {stretch.rep} of {stretch.reps}
        {stretch.pass !== null && ` · side ${stretch.pass} of 2`}
      </p>
    </header>
  );
}

/** The hold ring, the glide count or the rest left: whichever the phase has. */
export function SessionCounters({ store }: { readonly store: Store }) {
  const hold = useSelector(store, selectHold, sameData);
  const glide = useSelector(store, selectGlide, sameData);
  const restSeconds = useSelector(store, selectRestSeconds);
  return (
    <>
      {hold !== null && <HoldRing {...hold} />}
      {glide !== null && (
        <p className="big-count" data-testid="glide-count">
          {glide.reps} <span>of {glide.target} glides</span>
        </p>
      )}
      {restSeconds !== null && (
        <p className="big-count" data-testid="rest-remaining">
          {restSeconds} <span>seconds rest</span>
        </p>
      )}
    </>
  );
}

export const selectStall = (s: RunnerState): StallOffer | null => s.view?.stall ?? null;

/** The ways out of a hold that will not come, once the coach has offered them. */
function StallSlot({ store, command }: Required<PanelProps>) {
  const offer = useSelector(store, selectStall, sameData);
  if (offer === null) return null;
  return (
    <StallChoices
      offer={offer}
      easeTarget={() => command({ command: 'ease-target' })}
      moveOn={() => command({ command: 'move-on' })}
    />
  );
}

function SetupHelp({ store }: { readonly store: Store }) {
  const help = useSelector(store, selectSetupHelp, sameData);
  if (help === null) return null;
  return (
    <div className="setup-help" data-testid="setup-help">
      {help.placement !== null && <p className="hint">{help.placement}</p>}
      <ul>
        {help.hints.map((hint) => (
          <li key={hint}>{hint}</li>
        ))}
      </ul>
    </div>
  );
}

export function ReadoutSlot({ store, id }: { readonly store: Store; readonly id: ReadoutId }) {
  const readout = useSelector(store, SELECT_READOUT[id], sameData);
  if (readout === null) return null;
  return (
    <Readout
      label={readout.label}
      value={readout.value}
      status={readout.status}
      {...(readout.detail !== null ? { detail: readout.detail } : {})}
    />
  );
}
