import { useEffect, useMemo, useState } from 'react';
import { routeHref } from '../router';
import { useEngine } from '../EngineContext';
import { CaptionBar } from '../CaptionBar';
import { ProgressBar } from '../ProgressBar';
import { useStore } from '../useStore';
import {
  INITIAL_RUNNER_STATE,
  type RunnerState,
  type SessionRunner,
} from '../../engine/live/sessionRunner';
import { createStore } from '../../engine/store';
import { ClipRecordingControl } from './ClipRecordingControl';
import { SessionDialogs } from './SessionDialogs';
import { SessionPanel } from './SessionPanel';
import { SessionStage } from './SessionStage';
import { saveFile } from '../report/saveFile';
import { useSessionKeys } from './useSessionKeys';

const STAGE_LABELS: Record<string, string> = {
  measure: 'Finding the best pose model for this device',
  backend: 'Starting the pose engine',
  download: 'Downloading the pose model',
  warmup: 'Preparing the pose model',
  ready: 'Ready',
};

/** The live session: picture, skeleton, progress, readouts, captions, pause and stop. */
export function SessionScreen() {
  const engine = useEngine();
  const slot = useStore(engine.session);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);

  useEffect(() => {
    if (video !== null && slot.pending !== null && slot.runner === null) {
      engine.startPendingSession(video);
    }
  }, [engine, video, slot.pending, slot.runner]);

  if (slot.runner === null && slot.pending === null) {
    return (
      <section>
        <h1>No session running</h1>
        <p>
          <a href={routeHref({ name: 'home' })}>Choose stretches and start a session</a>.
        </p>
      </section>
    );
  }
  return <RunningSession runner={slot.runner} video={video} setVideo={setVideo} />;
}

interface RunningProps {
  readonly runner: SessionRunner | null;
  readonly video: HTMLVideoElement | null;
  readonly setVideo: (video: HTMLVideoElement | null) => void;
}

function RunningSession({ runner, video, setVideo }: RunningProps) {
  const engine = useEngine();
  const state = useStore(runner?.store ?? IDLE_STORE);
  const voice = useStore(engine.voice.store);
  const view = state.view;
  const running = state.status === 'running';
  const handlers = useMemo(
    () => ({
      togglePause: () => runner?.command({ command: view?.paused === true ? 'resume' : 'pause' }),
      stop: () => runner?.command({ command: 'stop' }),
    }),
    [runner, view?.paused],
  );
  useSessionKeys(running, handlers);

  return (
    <div className="session">
      <h1 className="visually-hidden">Stretch session</h1>
      {state.status === 'starting' && (
        <div className="starting">
          <p>Opening the picture source and the pose model…</p>
          {state.loadProgress !== null && (
            <ProgressBar
              fraction={state.loadProgress.fraction}
              label={STAGE_LABELS[state.loadProgress.stage] ?? 'Loading'}
            />
          )}
        </div>
      )}
      {state.error !== null && (
        <div className="error" role="alert" data-testid="error" data-kind={state.error.kind}>
          <h2>{state.error.title}</h2>
          <p>{state.error.message}</p>
          {state.error.fallbackModel !== undefined && video !== null && (
            <p>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  const fallback = state.error?.fallbackModel;
                  if (fallback !== undefined) engine.retryWithModel(fallback.id, video);
                }}
              >
                Use {state.error.fallbackModel.label} instead
              </button>
            </p>
          )}
          {state.endedSessionId !== null && (
            <p>
              <a
                href={routeHref({ name: 'report', sessionId: state.endedSessionId })}
                data-testid="error-report-link"
              >
                See the report of what was saved
              </a>
            </p>
          )}
          <p>
            <a href={routeHref({ name: 'home' })}>Back to the start</a>
          </p>
        </div>
      )}
      {state.recording !== null && state.recording.error !== null && (
        <div className="notice" role="alert" data-testid="storage-problem">
          <p>{state.recording.error.message}</p>
          <button
            type="button"
            className="primary"
            onClick={() => {
              void runner?.exportNow().then((file) => {
                if (file !== null) saveFile(file);
              });
            }}
          >
            Export this session now
          </button>
        </div>
      )}
      {state.restartingModel && (
        <div className="notice" role="status" data-testid="model-restarting">
          <p>The pose model stopped. Restarting it — your session carries on.</p>
        </div>
      )}
      {state.sourceProblem !== null && (
        <div className="notice" role="alert" data-testid="source-problem">
          <p>{state.sourceProblem.message}</p>
          {state.sourceProblem.reason === 'track-ended' && video !== null && (
            <button type="button" onClick={() => void engine.reconnectSource(video)}>
              Reconnect the camera
            </button>
          )}
        </div>
      )}
      {state.status === 'ended' && (
        <div className="ended" data-testid="session-ended">
          <h2>Session finished</h2>
          {state.endedSessionId !== null ? (
            <p>
              <a
                className="button primary"
                href={routeHref({ name: 'report', sessionId: state.endedSessionId })}
              >
                See your report
              </a>
            </p>
          ) : (
            <p>This session was not saved on this device.</p>
          )}
          <p>
            <a href={routeHref({ name: 'home' })}>Back to the start</a>
          </p>
        </div>
      )}
      <div className="session-layout">
        <SessionStage
          store={runner?.store ?? IDLE_STORE}
          setVideo={setVideo}
          video={video}
          state={state}
        />
        {view !== null && <SessionPanel view={view} />}
      </div>
      <CaptionBar captions={voice.captions} tonesPlayed={voice.tonesPlayed} />
      {running && (
        <div className="session-controls">
          <button type="button" onClick={handlers.togglePause} aria-keyshortcuts="Space">
            {view?.paused === true ? 'Resume (Space)' : 'Pause (Space)'}
          </button>
          <button type="button" onClick={() => runner?.command({ command: 'skip' })}>
            Skip this stretch
          </button>
          <button
            type="button"
            className="stop-button"
            onClick={handlers.stop}
            aria-keyshortcuts="Escape"
          >
            Stop (Esc)
          </button>
        </div>
      )}
      {(running || state.status === 'ended') && runner !== null && video !== null && (
        <ClipRecordingControl runner={runner} video={video} ended={!running} />
      )}
      {running && view !== null && runner !== null && (
        <SessionDialogs view={view} command={(c) => runner.command(c)} />
      )}
    </div>
  );
}

/** Shown while the session is requested but its runner does not exist yet. */
const IDLE_STORE = createStore<RunnerState>({ ...INITIAL_RUNNER_STATE, status: 'starting' });
