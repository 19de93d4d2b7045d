import type { SessionReport } from '../../session';
import { formatDuration, formatPercent } from '../../session/reportFormat';

/** The report's figures at a glance: held time, faults, cues, pauses, warm-up, how it ended. */
const END_WORDS: Record<string, string> = {
  completed: 'completed',
  stopped: 'stopped early',
  symptoms: 'ended after symptoms',
  interrupted: 'cut off (page closed)',
};

export function KeyFigures({ report }: { readonly report: SessionReport }) {
  const { totals } = report;
  return (
    <dl className="key-figures">
      {totals.targetMs > 0 && (
        <div>
          <dt>Held in good form</dt>
          <dd>
            {formatDuration(totals.heldInFormMs)} of {formatDuration(totals.targetMs)} (
            {formatPercent(totals.heldInFormMs, totals.targetMs)})
          </dd>
        </div>
      )}
      {totals.glideReps > 0 && (
        <div>
          <dt>Nerve-glide reps</dt>
          <dd>{totals.glideReps}</dd>
        </div>
      )}
      <div>
        <dt>Form faults</dt>
        <dd>
          {totals.faultCount}
          {totals.faultCount > 0 && `, ${formatDuration(totals.faultMs)} in all`}
        </dd>
      </div>
      <div>
        <dt>Coach cues</dt>
        <dd>{totals.cueCount}</dd>
      </div>
      <div>
        <dt>Pauses</dt>
        <dd>
          {report.pauses.count}
          {report.pauses.count > 0 && `, ${formatDuration(report.pauses.totalMs)}`}
        </dd>
      </div>
      <div>
        <dt>Warm-up</dt>
        <dd>{report.warmUp === null ? '—' : report.warmUp === 'warmed-up' ? 'done' : 'skipped'}</dd>
      </div>
      <div>
        <dt>Session</dt>
        <dd>
          {report.endReason === null
            ? 'still recording'
            : (END_WORDS[report.endReason] ?? report.endReason)}
        </dd>
      </div>
    </dl>
  );
}
