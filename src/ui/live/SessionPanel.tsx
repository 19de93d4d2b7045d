import type { SessionView } from '../../engine/live/sessionView';
import { HoldRing } from './HoldRing';
import { Readout } from './Readout';

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

function legWords(view: SessionView): string {
  const leg = view.stretch?.leg;
  if (leg === 'both') return 'both legs';
  if (leg === 'left' || leg === 'right') return `${leg} leg`;
  return 'either leg to start';
}

/** Where the session is: stretch, leg, rep, the hold ring or counters, readouts, setup help. */
export function SessionPanel({ view }: { readonly view: SessionView }) {
  const stretch = view.stretch;
  return (
    <section className="session-panel" aria-label="Session progress">
      {stretch !== null && (
        <header className="session-heading">
          <p className="phase" data-testid="phase">
            {PHASE_WORDS[view.phase]}
          </p>
          <h2 data-testid="stretch-name">
            {stretch.name[0]?.toUpperCase() + stretch.name.slice(1)}
          </h2>
          <p data-testid="rep-indicator">
            Stretch {stretch.number} of {stretch.of} · {legWords(view)} ·{' '}
            {stretch.kind === 'hold' ? 'rep' : 'set'} {stretch.rep} of {stretch.reps}
            {stretch.pass !== null && ` · side ${stretch.pass} of 2`}
          </p>
        </header>
      )}
      {view.hold !== null && <HoldRing {...view.hold} />}
      {view.glide !== null && (
        <p className="big-count" data-testid="glide-count">
          {view.glide.reps} <span>of {view.glide.target} glides</span>
        </p>
      )}
      {view.restRemainingMs !== null && (
        <p className="big-count" data-testid="rest-remaining">
          {Math.ceil(view.restRemainingMs / 1000)} <span>seconds rest</span>
        </p>
      )}
      {view.phase === 'setup' && (
        <div className="setup-help" data-testid="setup-help">
          {view.cameraPlacement !== null && <p className="hint">{view.cameraPlacement}</p>}
          <ul>
            {view.setupHints.map((hint) => (
              <li key={hint}>{hint}</li>
            ))}
          </ul>
        </div>
      )}
      <dl className="readouts">
        {view.readouts.map((r) => (
          <Readout
            key={r.id}
            label={r.label}
            value={r.value}
            status={r.status}
            {...(r.detail !== null ? { detail: r.detail } : {})}
          />
        ))}
      </dl>
    </section>
  );
}
