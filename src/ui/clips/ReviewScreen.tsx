import { useCallback, useMemo, useState } from 'react';
import type { ClipLibrary, ClipView } from '../../engine/clips/clipLibrary';
import { describeClipError } from '../../engine/clips/clipLibrary';
import type { ClipMeta } from '../../review/clipTypes';
import { CLIENT_NAME_MAX_LENGTH } from '../../session/clientName';
import { formatDuration } from '../../session/reportFormat';
import { InlineEdit } from '../common/InlineEdit';
import { ClipRename } from './ClipRename';
import { formatDateTime } from '../report/saveFile';
import { navigate, routeHref } from '../router';
import { ClipPlayer } from './ClipPlayer';
import { ClipReport } from './ClipReport';
import { MeasureTimeline } from './MeasureTimeline';
import { NotesPanel } from './NotesPanel';
import { PlayerModel } from './playerModel';
import { saveBlob } from './saveBlob';
import { useClipLibrary, useClipQuery } from './useClipLibrary';

const ORIGIN_WORDS = {
  live: 'recorded during a session',
  upload: 'analysed from a video',
  bundle: 'opened from a review bundle',
} as const;

function ClipActions({ view }: { readonly view: ClipView }) {
  const library = useClipLibrary();
  const { meta } = view.clip;
  const [status, setStatus] = useState<string | null>(null);
  const loadInHistory = useCallback(
    (lib: ClipLibrary) => lib.inHistory(meta.sessionId),
    [meta.sessionId],
  );
  const inHistory = useClipQuery(loadInHistory);
  const exportBundle = (): void => {
    setStatus('Preparing the bundle…');
    library.exportBundle(meta.id).then(
      (bundle) => {
        saveBlob(bundle);
        setStatus(`Saved ${bundle.fileName}. Send it to whoever should review it.`);
      },
      (error: unknown) => setStatus(describeClipError(error)),
    );
  };
  const keep = (): void => {
    library.keepInHistory(meta.id).then(
      (added) =>
        setStatus(
          added ? 'The session is now in your history.' : 'It was in your history already.',
        ),
      (error: unknown) => setStatus(describeClipError(error)),
    );
  };
  return (
    <div className="clip-actions">
      <div role="group" aria-label="Share and keep this clip">
        <button
          type="button"
          className="primary"
          onClick={exportBundle}
          data-testid="export-bundle"
        >
          Export review bundle
        </button>
        {inHistory.status === 'ready' && !inHistory.data && (
          <button type="button" onClick={keep}>
            Keep the session in my history
          </button>
        )}
        {inHistory.status === 'ready' && inHistory.data && (
          <a className="button" href={routeHref({ name: 'report', sessionId: meta.sessionId })}>
            Full report in history
          </a>
        )}
      </div>
      <p className="hint" role="status" data-testid="clip-status">
        {status ?? ''}
      </p>
    </div>
  );
}

function ClipDetailsRow({ meta }: { readonly meta: ClipMeta }) {
  const library = useClipLibrary();
  return (
    <div className="review-details">
      <ClipRename
        title={meta.title}
        onSave={(text) => library.rename(meta.id, text)}
        testId="clip-rename"
      />
      <span>
        Client:{' '}
        <InlineEdit
          value={meta.client ?? ''}
          emptyText="none given"
          label="Client (name or initials)"
          editLabel="Change client"
          subject={`the clip “${meta.title}”`}
          maxLength={CLIENT_NAME_MAX_LENGTH}
          onSave={(text) => library.setClient(meta.id, text)}
          testId="clip-client"
        />
      </span>
    </div>
  );
}

function Review({ view }: { readonly view: ClipView }) {
  const { clip, report, timeline } = view;
  const loadMeta = useCallback((lib: ClipLibrary) => lib.meta(clip.meta.id), [clip.meta.id]);
  const latest = useClipQuery(loadMeta);
  // Notes change while the clip is reviewed; the video, track and report do not.
  const meta = latest.status === 'ready' && latest.data !== null ? latest.data : clip.meta;
  const player = useMemo(
    () => new PlayerModel(clip.track, clip.meta.durationMs),
    [clip.track, clip.meta.durationMs],
  );
  return (
    <article className="review" aria-labelledby="review-title">
      <p className="back-link">
        <a href={routeHref({ name: 'clips' })}>← Clips</a>
      </p>
      <header className="review-head">
        <h1 id="review-title">{meta.title}</h1>
        <ClipDetailsRow meta={meta} />
        <p className="muted">
          {formatDateTime(meta.createdAtEpochMs)} · {formatDuration(meta.durationMs)} ·{' '}
          {ORIGIN_WORDS[meta.origin]}
        </p>
        {(meta.analysis?.detectionExplanation ?? null) !== null && (
          <p className="hint" data-testid="detection">
            {meta.analysis?.detectionExplanation}
          </p>
        )}
        <ClipActions view={view} />
      </header>
      <div className="review-layout">
        <ClipPlayer
          clip={clip}
          player={player}
          label="Clip player"
          faults={timeline.faults}
          notes={meta.notes}
          angleTool
        />
        {/* Beside the picture on a wide screen, so the measures can be read (and clicked to seek)
            while the video plays; notes follow. */}
        <div className="review-side">
          <MeasureTimeline
            timeline={timeline}
            durationMs={meta.durationMs}
            notes={meta.notes}
            player={player}
          />
          <NotesPanel clipId={meta.id} notes={meta.notes} player={player} />
        </div>
      </div>
      <ClipReport report={report} />
    </article>
  );
}

/** Reviewing one clip: the player with overlay and tools, notes, the timeline and the report. */
export function ReviewScreen({ clipId }: { readonly clipId: string }) {
  const load = useCallback((library: ClipLibrary) => library.view(clipId), [clipId]);
  const query = useClipQuery(load, false);
  if (query.status === 'loading') return <p role="status">Loading the clip…</p>;
  if (query.status === 'error')
    return (
      <div className="error" role="alert">
        <h1>The clip could not be opened</h1>
        <p>{query.message}</p>
      </div>
    );
  if (query.data === null)
    return (
      <section>
        <h1>Clip not found</h1>
        <p>
          There is no clip with this address on this device.{' '}
          <a href={routeHref({ name: 'clips' })}>Back to your clips</a>.
        </p>
        <p>
          <button type="button" onClick={() => navigate({ name: 'clips' })}>
            Go to Clips
          </button>
        </p>
      </section>
    );
  return <Review view={query.data} />;
}
