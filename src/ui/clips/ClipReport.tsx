import type { SessionReport } from '../../session';
import { KeyFigures } from '../report/KeyFigures';
import { GlideTable, HoldTable } from '../report/RepTables';
import '../report/report.css';

/**
 * The clip's session report: the same summary sentences and rep tables as the report screen
 * (its components), in a section of the review screen.
 */
export function ClipReport({ report }: { readonly report: SessionReport }) {
  return (
    <section className="clip-report" aria-labelledby="clip-report-title" data-testid="clip-report">
      <h2 id="clip-report-title">Report</h2>
      <ul className="report-summary-list">
        {report.summary.map((sentence) => (
          <li key={sentence}>{sentence}</li>
        ))}
      </ul>
      <KeyFigures report={report} />
      {report.stretches.map((stretch) =>
        stretch.legs.map((leg) =>
          stretch.kind === 'hold' ? (
            <HoldTable
              key={`${stretch.startTMs}-${leg}`}
              leg={leg}
              reps={stretch.reps.flatMap((r) => (r.kind === 'hold' && r.leg === leg ? [r] : []))}
            />
          ) : (
            <GlideTable
              key={`${stretch.startTMs}-${leg}`}
              leg={leg}
              sets={stretch.reps.flatMap((r) => (r.kind === 'glide' && r.leg === leg ? [r] : []))}
            />
          ),
        ),
      )}
      <p className="muted">
        Times in the tables count from the start of the session; angles come from a camera and are
        estimates, not a clinical measurement.
      </p>
    </section>
  );
}
