import { useCallback, useState } from 'react';
import { ALL_CLIENTS, type ClientFilter } from '../../session/clientName';
import type { SessionLibrary } from '../../engine/sessionLibrary';
import '../report/report.css';
import './history.css';
import { ClientFilterSelect } from './ClientFilterSelect';
import { ImportExport } from './ImportExport';
import { InterruptedNotice } from './InterruptedNotice';
import { AsymmetryTable, ProgressCharts, SymptomList, WeekBars } from './ProgressViews';
import { SessionList } from './SessionList';
import { useLibraryQuery, useSessionLibrary } from './useSessionLibrary';

/** Progress over weeks and the list of stored sessions, with import, export and delete. */
export function HistoryScreen() {
  const library = useSessionLibrary();
  const [filter, setFilter] = useState<ClientFilter>(ALL_CLIENTS);
  const loadHistory = useCallback((lib: SessionLibrary) => lib.history(filter), [filter]);
  const query = useLibraryQuery(loadHistory);
  // Another client's list starts again at its newest page.
  const filterKey = JSON.stringify(filter);
  const onDelete = useCallback(
    async (id: string) => {
      await library.delete(id);
    },
    [library],
  );

  return (
    <div className="history">
      <h1>History</h1>
      <ImportExport
        hasSessions={query.status === 'ready' && query.data.totalSessions > 0}
        filtered={
          query.status === 'ready' && filter.kind !== 'all'
            ? query.data.sessions.map((s) => s.meta.id)
            : null
        }
      />
      {query.status === 'loading' && <p role="status">Loading your sessions…</p>}
      {query.status === 'error' && (
        <div className="error" role="alert">
          <p>{query.message}</p>
        </div>
      )}
      {query.status === 'ready' && (
        <>
          <InterruptedNotice entries={query.data.interrupted} />
          {query.data.totalSessions > 0 &&
            (query.data.clients.clients.length > 0 || filter.kind !== 'all') && (
              <ClientFilterSelect
                present={query.data.clients}
                filter={filter}
                onChange={setFilter}
              />
            )}
          {query.data.totalSessions === 0 ? (
            <p className="empty-history">
              No sessions yet. Finish a stretch session, or import an export, and your progress will
              show here.
            </p>
          ) : query.data.sessions.length === 0 ? (
            <p className="empty-history" role="status">
              No sessions for this client. Choose &ldquo;All clients&rdquo; to see every session.
            </p>
          ) : (
            <>
              <section
                className="report-summary"
                aria-labelledby="progress-summary-title"
                data-testid="history-summary"
              >
                <h2 id="progress-summary-title">Your progress</h2>
                <ul>
                  {query.data.history.summary.map((sentence) => (
                    <li key={sentence}>{sentence}</li>
                  ))}
                </ul>
              </section>
              <WeekBars weeks={query.data.history.weeks} />
              <ProgressCharts progress={query.data.history.progress} />
              <AsymmetryTable key={filterKey} asymmetry={query.data.history.asymmetry} />
              <SymptomList symptoms={query.data.history.symptoms} />
              <SessionList key={filterKey} sessions={query.data.sessions} onDelete={onDelete} />
            </>
          )}
        </>
      )}
    </div>
  );
}
