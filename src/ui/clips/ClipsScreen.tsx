import { useCallback, useRef, useState } from 'react';
import type { ClipLibrary, ClipListView, DetailsResult } from '../../engine/clips/clipLibrary';
import { describeClipError } from '../../engine/clips/clipLibrary';
import { describeBudget, formatBytes } from '../../review/storageBudget';
import { formatDuration } from '../../session/reportFormat';
import type { ClipMeta } from '../../review/clipTypes';
import { ConfirmDeleteDialog } from '../common/ConfirmDeleteDialog';
import { ClipRename } from './ClipRename';
import { formatDateTime } from '../report/saveFile';
import { navigate, routeHref } from '../router';
import { BundleImport } from './BundleImport';
import { useClipLibrary, useClipQuery } from './useClipLibrary';

const ORIGIN_LABEL = {
  live: 'Recorded live',
  upload: 'Analysed video',
  bundle: 'From a bundle',
} as const;

const loadList = (library: ClipLibrary) => library.list();

function BudgetLine({ view }: { readonly view: ClipListView }) {
  const { budget } = view;
  const fraction = budget.budgetBytes > 0 ? Math.min(1, budget.clipsBytes / budget.budgetBytes) : 0;
  return (
    <div className="clip-budget" data-testid="clip-budget">
      <p>{describeBudget(budget)}</p>
      <div
        className="progress-track"
        role="meter"
        aria-label="Space used by clips"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
        aria-valuetext={`${formatBytes(budget.clipsBytes)} of ${formatBytes(budget.budgetBytes)}`}
      >
        <div className="progress-fill" style={{ width: `${fraction * 100}%` }} />
      </div>
    </div>
  );
}

interface ClipTableProps {
  readonly clips: readonly ClipMeta[];
  readonly selected: readonly string[];
  readonly onSelect: (id: string, on: boolean) => void;
  readonly onDelete: (clip: ClipMeta) => void;
  readonly onRename: (id: string, title: string) => Promise<DetailsResult>;
}

function ClipTable({ clips, selected, onSelect, onDelete, onRename }: ClipTableProps) {
  const showClient = clips.some((clip) => clip.client !== undefined);
  return (
    <div className="table-scroll">
      <table className="rep-table card-table clip-table" data-testid="clip-list">
        <caption className="visually-hidden">Kept clips, newest first</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">Compare</span>
            </th>
            <th scope="col">Clip</th>
            {showClient && <th scope="col">Client</th>}
            <th scope="col">Date</th>
            <th scope="col">Length</th>
            <th scope="col">Size</th>
            <th scope="col">Notes</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {clips.map((clip) => (
            <tr key={clip.id} data-clip-id={clip.id}>
              <td data-label="Compare">
                <input
                  type="checkbox"
                  checked={selected.includes(clip.id)}
                  onChange={(e) => onSelect(clip.id, e.currentTarget.checked)}
                  aria-label={`Choose “${clip.title}” to compare`}
                />
              </td>
              <th scope="row">
                <a href={routeHref({ name: 'clip', clipId: clip.id })}>{clip.title}</a>
                <span className="muted clip-origin"> · {ORIGIN_LABEL[clip.origin]}</span>
              </th>
              {showClient && <td data-label="Client">{clip.client ?? '—'}</td>}
              <td data-label="Date">{formatDateTime(clip.createdAtEpochMs)}</td>
              <td data-label="Length">{formatDuration(clip.durationMs)}</td>
              <td data-label="Size">{formatBytes(clip.video.byteSize)}</td>
              <td data-label="Notes">{clip.notes.length}</td>
              <td className="clip-row-actions">
                <ClipRename title={clip.title} onSave={(text) => onRename(clip.id, text)} />{' '}
                <button
                  type="button"
                  className="small"
                  onClick={() => onDelete(clip)}
                  aria-label={`Delete the clip “${clip.title}”`}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * Kept clips: the list with the space they take, analysis of a new video, opening a review
 * bundle someone sent, choosing two clips to compare, and delete (asked first).
 */
export function ClipsScreen() {
  const library = useClipLibrary();
  const query = useClipQuery(loadList);
  const [selected, setSelected] = useState<readonly string[]>([]);
  const [target, setTarget] = useState<ClipMeta | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const onSelect = useCallback((id: string, on: boolean) => {
    // The last two chosen are compared: choosing a third drops the oldest choice.
    setSelected((ids) =>
      on ? [...ids.filter((x) => x !== id), id].slice(-2) : ids.filter((x) => x !== id),
    );
  }, []);

  const clips = query.status === 'ready' ? query.data.clips : [];
  const chosen = selected.filter((id) => clips.some((c) => c.id === id));
  const [leftId, rightId] = chosen;

  return (
    <div className="clips">
      <h1 ref={heading} tabIndex={-1}>
        Clips
      </h1>
      <p className="tagline">
        Videos of your stretches with what the coach saw in them. Review them frame by frame, pin
        notes to moments, and share them with a trainer as a review bundle file — nothing is
        uploaded anywhere.
      </p>
      <div className="history-actions" role="group" aria-label="Add clips">
        <a className="button primary" href={routeHref({ name: 'analyse' })}>
          Analyse a video…
        </a>
        <BundleImport onOpened={(clipId) => navigate({ name: 'clip', clipId })} />
      </div>
      {query.status === 'loading' && <p role="status">Loading your clips…</p>}
      {query.status === 'error' && (
        <div className="error" role="alert">
          <p>{query.message}</p>
        </div>
      )}
      {query.status === 'ready' && (
        <>
          <BudgetLine view={query.data} />
          {clips.length === 0 ? (
            <p className="empty-history" data-testid="no-clips">
              No clips yet. Analyse a video from your phone or computer, switch on “Record a clip”
              during a session, or open a review bundle.
            </p>
          ) : (
            <section aria-labelledby="clip-list-title" className="history-block">
              <h2 id="clip-list-title">Your clips</h2>
              <ClipTable
                clips={clips}
                selected={chosen}
                onSelect={onSelect}
                onDelete={setTarget}
                onRename={(id, title) => library.rename(id, title)}
              />
              <p className="compare-bar">
                <button
                  type="button"
                  disabled={leftId === undefined || rightId === undefined}
                  onClick={() => {
                    if (leftId !== undefined && rightId !== undefined)
                      navigate({ name: 'compare', leftId, rightId });
                  }}
                  data-testid="compare-button"
                >
                  Compare side by side
                </button>{' '}
                <span className="muted">
                  {chosen.length === 2
                    ? 'Two clips chosen.'
                    : 'Tick two clips — left and right leg, or this week and last.'}
                </span>
              </p>
            </section>
          )}
        </>
      )}
      <ConfirmDeleteDialog
        target={target}
        title="Delete this clip?"
        describe={(clip) =>
          `“${clip.title}” — its video, pose track and notes — will be removed from this device. Sessions in your history are kept. Export a review bundle first if you may want it back.`
        }
        confirmLabel="Delete clip"
        onConfirm={async (clip) => {
          await library.delete(clip.id);
          setSelected((ids) => ids.filter((x) => x !== clip.id));
        }}
        describeError={describeClipError}
        onClose={(deleted) => {
          setTarget(null);
          // The row is gone: focus lands on the heading rather than on nothing.
          if (deleted) heading.current?.focus();
        }}
        testId="delete-clip-dialog"
      />
    </div>
  );
}
