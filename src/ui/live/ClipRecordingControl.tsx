import { useEffect, useId, useMemo, useState } from 'react';
import { createLiveClipController } from '../../engine/clips/browserClips';
import type { LiveClipState } from '../../engine/clips/liveClipController';
import { describeBudget, formatBytes } from '../../review/storageBudget';
import type { SessionRunner } from '../../engine/live/sessionRunner';
import { routeHref } from '../router';
import { saveBlob, formatVideoTime } from '../clips/saveBlob';
import { useStore } from '../useStore';

function RecordingLine({ state }: { readonly state: LiveClipState }) {
  return (
    <p className="clip-recording-line" data-testid="clip-recording">
      <span className="rec-dot" aria-hidden="true" /> Recording a clip ·{' '}
      {formatVideoTime(state.durationMs)} · {formatBytes(state.bytes)}
      {state.budget !== null && ` of ${formatBytes(state.budget.remainingBytes)} free`}
    </p>
  );
}

/**
 * "Record a clip" for a live session: off unless the user switches it on, with what it records
 * and where it is kept said next to the switch. The clip is kept when the session ends; if it
 * cannot be (storage), the session is unaffected and the clip can be saved as a file.
 */
export function ClipRecordingControl({
  runner,
  video,
  ended,
}: {
  readonly runner: SessionRunner;
  readonly video: HTMLVideoElement;
  /** The session is over: nothing new can be recorded, but a clip's fate is still shown. */
  readonly ended: boolean;
}) {
  const controller = useMemo(() => createLiveClipController(runner, video), [runner, video]);
  useEffect(() => controller.connect(), [controller]);
  const noteId = useId();
  const state = useStore(controller.store);
  const [status, setStatus] = useState<string | null>(null);

  if (state.phase === 'unsupported' || (ended && state.phase === 'off')) return null;
  const download = (): void => {
    controller.unsavedBundle().then(
      (bundle) => {
        if (bundle !== null) saveBlob(bundle);
        setStatus(bundle === null ? 'There is no clip to save.' : `Saved ${bundle.fileName}.`);
      },
      (error: unknown) => setStatus(error instanceof Error ? error.message : String(error)),
    );
  };

  return (
    <div className="clip-recording" data-testid="clip-control" data-phase={state.phase}>
      {!ended && (state.phase === 'off' || state.phase === 'failed') && (
        <button type="button" onClick={() => void controller.start()} aria-describedby={noteId}>
          Record a clip
        </button>
      )}
      {state.phase === 'recording' && (
        <>
          <RecordingLine state={state} />
          <button type="button" onClick={() => controller.stop()}>
            Stop recording
          </button>
        </>
      )}
      {(state.phase === 'off' || state.phase === 'recording') && (
        <p className="muted" id={noteId}>
          Records your picture only (no sound) and keeps it on this device with what the coach saw,
          for you or a trainer to review. Nothing is uploaded.{' '}
          {state.budget !== null && describeBudget(state.budget)}
        </p>
      )}
      {state.phase === 'saved' && state.clipId !== null && (
        <p role="status">
          Clip kept.{' '}
          <a href={routeHref({ name: 'clip', clipId: state.clipId })} data-testid="open-clip">
            Review it
          </a>
        </p>
      )}
      {state.phase === 'saving' && <p role="status">Keeping the clip…</p>}
      <div role="status" aria-live="polite">
        {state.message !== null && (
          <p className={state.phase === 'failed' ? 'error-inline' : 'notice-inline'}>
            {state.message}
          </p>
        )}
        {state.canDownload && (
          <button type="button" onClick={download}>
            Save the clip as a file
          </button>
        )}
        {status !== null && <p>{status}</p>}
      </div>
    </div>
  );
}
