import { useState } from 'react';
import type { SessionListEntry } from '../../session';
import { describeLibraryError } from '../../engine/sessionLibrary';
import { formatDuration } from '../../session/reportFormat';
import { formatDateTime } from '../report/saveFile';
import { useSessionLibrary } from './useSessionLibrary';

/**
 * Offers what to do with sessions cut off by a crash or a closed page: resume (where the screen
 * can run a session, via `onResume`), keep what was saved as a finished session, or look at it.
 * The live screen can show this too, with `onResume`.
 */
export function InterruptedNotice({
  entries,
  onResume,
}: {
  readonly entries: readonly SessionListEntry[];
  readonly onResume?: (sessionId: string) => void;
}) {
  const library = useSessionLibrary();
  const [error, setError] = useState<string | null>(null);
  if (entries.length === 0) return null;
  return (
    <section
      className="notice interrupted"
      aria-labelledby="interrupted-title"
      data-testid="interrupted-notice"
    >
      <div>
        <h2 id="interrupted-title">
          {entries.length === 1
            ? 'A session was cut off'
            : `${entries.length} sessions were cut off`}
        </h2>
        <p className="muted">
          The page closed or the browser stopped while recording. What was saved is kept.
        </p>
        <ul>
          {entries.map((entry) => (
            <li key={entry.meta.id}>
              <span>
                {formatDateTime(entry.meta.startedAtEpochMs)}, {formatDuration(entry.meta.lastTMs)}{' '}
                saved.
              </span>{' '}
              {onResume !== undefined && (
                <button
                  type="button"
                  className="primary small"
                  onClick={() => onResume(entry.meta.id)}
                >
                  Resume it
                </button>
              )}{' '}
              <button
                type="button"
                className="small"
                onClick={() => {
                  setError(null);
                  library
                    .finalise(entry.meta.id)
                    .catch((e: unknown) => setError(describeLibraryError(e)));
                }}
              >
                Finish it as it is
              </button>{' '}
              <a href={`#/report/${encodeURIComponent(entry.meta.id)}`}>See what was saved</a>
            </li>
          ))}
        </ul>
        {error !== null && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
      </div>
    </section>
  );
}
