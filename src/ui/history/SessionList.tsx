import { useEffect, useRef, useState } from 'react';
import type { SessionListEntry } from '../../session';
import { describeLibraryError } from '../../engine/sessionLibrary';
import { formatDuration, formatPercent } from '../../session/reportFormat';
import { formatDateTime } from '../report/saveFile';
import { ConfirmDeleteDialog } from '../common/ConfirmDeleteDialog';
import { ShowOlder, useShownCount } from './ShowOlder';

const END_WORDS: Record<string, string> = {
  completed: 'completed',
  stopped: 'stopped early',
  symptoms: 'ended: symptoms',
  interrupted: 'cut off',
};

function stretchNames(entry: SessionListEntry): string {
  const summary = entry.summary;
  if (summary === null || summary.stretchIds.length === 0) return '—';
  return summary.stretchIds.map((id) => summary.stretchNames[id] ?? id).join(', ');
}

function held(entry: SessionListEntry): string {
  const totals = entry.summary?.totals;
  if (totals === undefined || totals.targetMs === 0) return '—';
  return `${formatDuration(totals.heldInFormMs)} (${formatPercent(totals.heldInFormMs, totals.targetMs)})`;
}

function symptoms(entry: SessionListEntry): string {
  const reported = entry.summary?.symptoms.filter((s) => s.anySymptom).length ?? 0;
  return reported === 0 ? 'none' : `reported (${reported})`;
}

interface DeleteTarget {
  readonly id: string;
  readonly startedAtEpochMs: number;
}

/** Every stored session, newest first, with its report link and a delete that asks first. */
export function SessionList({
  sessions,
  onDelete,
}: {
  readonly sessions: readonly SessionListEntry[];
  readonly onDelete: (id: string) => Promise<void>;
}) {
  const [target, setTarget] = useState<DeleteTarget | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Only a trainer's list needs the column: someone stretching alone never names a client.
  const showClient = sessions.some((entry) => entry.meta.client !== undefined);
  const [shown, showMore] = useShownCount();
  const body = useRef<HTMLTableSectionElement>(null);
  // After "Show older", focus goes to the first row that appeared, where reading carries on.
  const focusRow = useRef<number | null>(null);
  useEffect(() => {
    if (focusRow.current === null) return;
    body.current?.querySelectorAll('a')[focusRow.current]?.focus();
    focusRow.current = null;
  }, [shown]);
  const more = (): void => {
    focusRow.current = shown;
    showMore();
  };

  const closed = (deleted: boolean) => {
    setTarget(null);
    // The row and its button are gone: give focus a place to land that makes sense.
    if (deleted) heading.current?.focus();
  };

  return (
    <section aria-labelledby="sessions-title" className="history-block">
      <h2 id="sessions-title" ref={heading} tabIndex={-1}>
        Sessions
      </h2>
      <div className="table-scroll">
        <table className="rep-table card-table session-table" data-testid="session-list">
          <thead>
            <tr>
              <th scope="col">Date</th>
              {showClient && <th scope="col">Client</th>}
              <th scope="col">Stretches</th>
              <th scope="col">Length</th>
              <th scope="col">Held in form</th>
              <th scope="col">Ended</th>
              <th scope="col">Symptoms</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody ref={body}>
            {sessions.slice(0, shown).map((entry) => {
              const date = formatDateTime(entry.meta.startedAtEpochMs);
              return (
                <tr key={entry.meta.id} data-session-id={entry.meta.id}>
                  <th scope="row">
                    <a href={`#/report/${encodeURIComponent(entry.meta.id)}`}>{date}</a>
                  </th>
                  {showClient && <td data-label="Client">{entry.meta.client ?? '—'}</td>}
                  <td data-label="Stretches">{stretchNames(entry)}</td>
                  <td data-label="Length">
                    {entry.summary === null ? '—' : formatDuration(entry.summary.durationMs)}
                  </td>
                  <td data-label="Held in form">{held(entry)}</td>
                  <td data-label="Ended">
                    {entry.meta.endReason === null
                      ? '—'
                      : (END_WORDS[entry.meta.endReason] ?? entry.meta.endReason)}
                  </td>
                  <td data-label="Symptoms">{symptoms(entry)}</td>
                  <td>
                    <button
                      type="button"
                      className="small"
                      onClick={() =>
                        setTarget({
                          id: entry.meta.id,
                          startedAtEpochMs: entry.meta.startedAtEpochMs,
                        })
                      }
                      aria-label={`Delete the session of ${date}`}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ShowOlder shown={shown} total={sessions.length} noun="sessions" onMore={more} />
      <ConfirmDeleteDialog
        target={target}
        title="Delete this session?"
        describe={(t) =>
          `The session of ${formatDateTime(t.startedAtEpochMs)} and its report will be removed from this device. This cannot be undone; export it first if you may want it back.`
        }
        confirmLabel="Delete session"
        onConfirm={(t) => onDelete(t.id)}
        describeError={describeLibraryError}
        onClose={closed}
        testId="delete-dialog"
      />
    </section>
  );
}
