import type {
  BackNotChecked,
  FaultSpan,
  GlideSetReport,
  HoldRepReport,
  ReportLeg,
} from '../../session';
import {
  capitalise,
  depthLabel,
  faultLabel,
  formatClock,
  formatDegrees,
  formatDuration,
  formatIndex,
  formatSeconds,
  legLabel,
} from '../../session/reportFormat';

function Faults({ faults }: { readonly faults: readonly FaultSpan[] }) {
  if (faults.length === 0) return <>none</>;
  return (
    <ul className="fault-list">
      {faults.map((f, i) => (
        <li key={i}>
          {faultLabel(f.fault)} at {formatClock(f.startTMs)} for {formatDuration(f.durationMs)}
          {f.open ? ' (still going when recording stopped)' : ''}
        </li>
      ))}
    </ul>
  );
}

/** Why the back was not checked, in a few words for the table (reportText says it in full). */
const BACK_NOT_CHECKED_SHORT: Readonly<Record<BackNotChecked, string>> = {
  'model-without-mask': "this model can't see the back's outline",
  'outline-not-seen': "the back's outline was not clear",
};

function RoundingCell({ rep }: { readonly rep: HoldRepReport }) {
  const notChecked = rep.rounding.notChecked ?? null;
  if (notChecked !== null) {
    return (
      <>
        not checked <span className="muted">({BACK_NOT_CHECKED_SHORT[notChecked]})</span>
      </>
    );
  }
  return (
    <>
      {formatIndex(rep.rounding.meanIndex)} / {formatIndex(rep.rounding.maxIndex)}
    </>
  );
}

function kneeState(rep: HoldRepReport): string {
  const [top] = rep.knee.states;
  if (top === undefined) return '—';
  return top.share >= 0.995 ? top.state : `${top.state} (${Math.round(top.share * 100)}%)`;
}

function status(rep: { completed: boolean; interrupted: boolean }): string {
  if (rep.interrupted) return 'cut off';
  return rep.completed ? 'done' : 'stopped';
}

/** Rep by rep for one leg of a hold stretch. */
export function HoldTable({
  leg,
  reps,
}: {
  readonly leg: ReportLeg;
  readonly reps: readonly HoldRepReport[];
}) {
  const depth = capitalise(depthLabel(reps[0]?.depthMeasure ?? null));
  return (
    <div className="table-scroll">
      <table className="rep-table card-table" data-testid="rep-table">
        <caption>{capitalise(legLabel(leg))}, rep by rep</caption>
        <thead>
          <tr>
            <th scope="col">Rep</th>
            <th scope="col">Held in form / target</th>
            <th scope="col">Start · length</th>
            <th scope="col">Peak {depth.toLowerCase()} (held in form)</th>
            <th scope="col">Mean {depth.toLowerCase()} (held in form)</th>
            <th scope="col">Knee range</th>
            <th scope="col">Knee</th>
            <th scope="col">Rounding mean / max</th>
            <th scope="col">Faults</th>
            <th scope="col">Cues</th>
          </tr>
        </thead>
        <tbody>
          {reps.map((rep) => (
            <tr key={`${rep.rep}-${rep.startTMs}`}>
              <th scope="row">
                {rep.rep} <span className="muted">({status(rep)})</span>
              </th>
              <td data-label="Held in form / target">
                {formatSeconds(rep.heldInFormMs)} /{' '}
                {rep.targetMs === null ? '—' : formatSeconds(rep.targetMs)}
                {rep.breaks > 0 && (
                  <span className="muted">
                    {' '}
                    · {rep.breaks} break{rep.breaks === 1 ? '' : 's'}
                  </span>
                )}
              </td>
              <td data-label="Start · length">
                {formatClock(rep.startTMs)} · {formatDuration(rep.totalMs)}
              </td>
              <td data-label={`Peak ${depth.toLowerCase()} (held in form)`}>
                {formatDegrees(rep.peakDeg)}
              </td>
              <td data-label={`Mean ${depth.toLowerCase()} (held in form)`}>
                {formatDegrees(rep.meanDeg)}
              </td>
              <td data-label="Knee range">
                {formatDegrees(rep.knee.minDeg)}–{formatDegrees(rep.knee.maxDeg)}
              </td>
              <td data-label="Knee">{kneeState(rep)}</td>
              <td data-label="Rounding mean / max">
                <RoundingCell rep={rep} />
              </td>
              <td data-label="Faults">
                <Faults faults={rep.faults} />
                {rep.bounces.length > 0 && <p className="muted">bounced {rep.bounces.length}×</p>}
              </td>
              <td data-label="Cues">{rep.cues.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Set by set for one leg of a nerve glide. */
export function GlideTable({
  leg,
  sets,
}: {
  readonly leg: ReportLeg;
  readonly sets: readonly GlideSetReport[];
}) {
  return (
    <div className="table-scroll">
      <table className="rep-table card-table" data-testid="rep-table">
        <caption>{capitalise(legLabel(leg))}, set by set</caption>
        <thead>
          <tr>
            <th scope="col">Set</th>
            <th scope="col">Reps / target</th>
            <th scope="col">Start · length</th>
            <th scope="col">Mean rep</th>
            <th scope="col">Too quick</th>
            <th scope="col">Feet followed</th>
            <th scope="col">Faults</th>
            <th scope="col">Cues</th>
          </tr>
        </thead>
        <tbody>
          {sets.map((set) => (
            <tr key={`${set.set}-${set.startTMs}`}>
              <th scope="row">
                {set.set} <span className="muted">({status(set)})</span>
              </th>
              <td data-label="Reps / target">
                {set.reps} / {set.targetReps ?? '—'}
              </td>
              <td data-label="Start · length">
                {formatClock(set.startTMs)} · {formatDuration(set.totalMs)}
              </td>
              <td data-label="Mean rep">
                {set.meanRepMs === null ? '—' : formatSeconds(set.meanRepMs)}
              </td>
              <td data-label="Too quick">{set.rejected}</td>
              <td data-label="Feet followed">{set.ankleTracked ? 'yes' : 'no (neck only)'}</td>
              <td data-label="Faults">
                <Faults faults={set.faults} />
              </td>
              <td data-label="Cues">{set.cues.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
