import { useCallback, useState } from 'react';
import type { ChartData, StretchReport } from '../../session';
import { describeLibraryError, type SessionLibrary } from '../../engine/sessionLibrary';
import { formatClock, formatDuration, symptomWords } from '../../session/reportFormat';
import { useLibraryQuery, useSessionLibrary } from '../history/useSessionLibrary';
import { KeyFigures } from './KeyFigures';
import { MeasureChart } from './MeasureChart';
import { MeasureKey } from './MeasureKey';
import { GlideTable, HoldTable } from './RepTables';
import { formatDateTime, saveFile } from './saveFile';
import './report.css';

function StretchSection({
  stretch,
  charts,
  index,
}: {
  readonly stretch: StretchReport;
  readonly charts: readonly ChartData[];
  readonly index: number;
}) {
  const headingId = `stretch-${index}-title`;
  const symptom = stretch.symptom;
  const symptoms = symptom === null ? null : symptomWords(symptom.answer);
  return (
    <section className="stretch-section" aria-labelledby={headingId} data-testid="stretch-section">
      <h2 id={headingId}>
        {stretch.name.charAt(0).toUpperCase() + stretch.name.slice(1)}
        <span className="muted">
          {' '}
          · {formatClock(stretch.startTMs)}–{formatClock(stretch.endTMs)}
        </span>
      </h2>
      {stretch.reps.length === 0 && <p className="muted">No rep was started.</p>}
      {stretch.legs.map((leg) =>
        stretch.kind === 'hold' ? (
          <HoldTable
            key={leg}
            leg={leg}
            reps={stretch.reps.flatMap((r) => (r.kind === 'hold' && r.leg === leg ? [r] : []))}
          />
        ) : (
          <GlideTable
            key={leg}
            leg={leg}
            sets={stretch.reps.flatMap((r) => (r.kind === 'glide' && r.leg === leg ? [r] : []))}
          />
        ),
      )}
      {symptom?.source === 'pain-button' && (
        <p className="symptom-note">Stopped here: you reported pain or tingling.</p>
      )}
      {symptom !== null && symptom.source !== 'pain-button' && (
        <p className={symptoms === null ? 'muted' : 'symptom-note'}>
          Symptom check:{' '}
          {symptom.answer === null
            ? 'skipped'
            : symptoms === null
              ? 'no tingling, numbness or sharp pain'
              : `reported ${symptoms}`}
          .
        </p>
      )}
      {stretch.reps.length > 0 && <MeasureKey stretch={stretch} />}
      <div className="chart-grid">
        {charts.map((chart) => (
          <MeasureChart key={chart.id} chart={chart} />
        ))}
      </div>
      {stretch.cues.length > 0 && (
        <details className="cue-log">
          <summary>Coach cues during this stretch ({stretch.cues.length})</summary>
          <ol>
            {stretch.cues.map((cue, i) => (
              <li key={i}>
                <time>{formatClock(cue.atMs)}</time> {cue.text}
                {!cue.spoken && <span className="muted"> (caption only)</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}

/** The report of one session: summary first, then each stretch with its tables and charts. */
export function ReportScreen({ sessionId }: { readonly sessionId: string }) {
  const library = useSessionLibrary();
  const load = useCallback((lib: SessionLibrary) => lib.report(sessionId), [sessionId]);
  const query = useLibraryQuery(load);
  const [exportError, setExportError] = useState<string | null>(null);

  if (query.status === 'loading') return <p role="status">Loading the report…</p>;
  if (query.status === 'error')
    return (
      <div className="error" role="alert">
        <h1>The report could not be loaded</h1>
        <p>{query.message}</p>
      </div>
    );
  if (query.data === null)
    return (
      <section>
        <h1>Report not found</h1>
        <p>
          There is no session with this address on this device.{' '}
          <a href="#/history">Back to your history</a>.
        </p>
      </section>
    );

  const { report, charts } = query.data;
  const exportAs = (kind: 'json' | 'csv') => {
    setExportError(null);
    const run = kind === 'json' ? library.exportJson([sessionId]) : library.exportCsv([sessionId]);
    run.then(saveFile, (error: unknown) => setExportError(describeLibraryError(error)));
  };

  return (
    <article className="report" aria-labelledby="report-title">
      <p className="no-print back-link">
        <a href="#/history">← History</a>
      </p>
      <header className="report-head">
        <h1 id="report-title">Session report</h1>
        {report.meta.client !== undefined && (
          <p className="report-client" data-testid="report-client">
            Client: <strong>{report.meta.client}</strong>
          </p>
        )}
        <p className="report-date">
          {formatDateTime(report.meta.startedAtEpochMs)} · {formatDuration(report.durationMs)}
        </p>
        <div className="report-actions no-print" role="group" aria-label="Save this report">
          <button type="button" onClick={() => window.print()}>
            Print or save as PDF
          </button>
          <button type="button" onClick={() => exportAs('json')}>
            Export JSON
          </button>
          <button type="button" onClick={() => exportAs('csv')}>
            Export CSV (one row per rep)
          </button>
        </div>
        {exportError !== null && (
          <p className="error" role="alert">
            {exportError}
          </p>
        )}
      </header>

      <section
        className="report-summary"
        aria-labelledby="summary-title"
        data-testid="report-summary"
      >
        <h2 id="summary-title">Summary</h2>
        <ul>
          {report.summary.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
        <KeyFigures report={report} />
      </section>

      {report.incidents.length > 0 && (
        <section
          className="report-incidents"
          aria-labelledby="incidents-title"
          data-testid="report-incidents"
        >
          <h2 id="incidents-title">Gaps in the analysis</h2>
          <ul>
            {report.incidents.map((incident) => (
              <li key={`${incident.kind}-${incident.atMs}`}>
                At {formatDuration(incident.atMs)}, for {formatDuration(incident.durationMs)}:{' '}
                {incident.kind === 'analysis-gap'
                  ? 'the pose model stopped and was restarted'
                  : 'the camera was lost'}{' '}
                <span className="muted">({incident.detail})</span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {report.stretches.map((stretch, i) => (
        <StretchSection
          key={`${stretch.stretchId}-${stretch.startTMs}`}
          stretch={stretch}
          charts={charts[i] ?? []}
          index={i}
        />
      ))}

      <p className="muted print-only">
        StretchCheck report · session {report.meta.id}
        {report.meta.client !== undefined && <> · client {report.meta.client}</>} · measured with{' '}
        {report.meta.model ?? 'a pose model'} on this device. Angles come from a camera and are
        estimates, not a clinical measurement.
      </p>
    </article>
  );
}
