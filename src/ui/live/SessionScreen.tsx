import { useEffect, useMemo, useState } from 'react';
import { routeHref } from '../router';
import { useEngine } from '../EngineContext';
import { CaptionBar } from '../CaptionBar';
import { ProgressBar } from '../ProgressBar';
import { sameData, useSelector, useStore } from '../useStore';
import { INITIAL_RUNNER_STATE, type RunnerState } from '../../engine/live/runnerState';
import type { SessionRunner } from '../../engine/live/sessionRunner';
import type { CoachVoiceState } from '../../engine/coachVoice';
import { createStore } from '../../engine/store';
import { ClipRecordingControl } from './ClipRecordingControl';
import { SessionDialogs } from './SessionDialogs';
import { SessionPanel, selectStall } from './SessionPanel';
import { SessionControls, SymptomStopAdvice } from './SessionControls';
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
  const store = runner?.store ?? IDLE_STORE;
  const status = useSelector(store, selectStatus);
  const recording = useSelector(store, selectRecording);
  const paused = useSelector(store, selectPaused);
  const stall = useSelector(store, selectStall, sameData);
  const stoppedForSymptoms = useSelector(store, selectStoppedForSymptoms);
  const captions = useSelector(engine.voice.store, selectCaptions, sameData);
  const running = status.kind === 'running';
  const handlers = useMemo(
    () => ({
      togglePause: () => runner?.command({ command: paused ? 'resume' : 'pause' }),
      stop: () => runner?.command({ command: 'stop' }),
      reportSymptom: () => runner?.command({ command: 'report-symptom' }),
      easeTarget:
        stall?.easeOffered === true ? () => runner?.command({ command: 'ease-target' }) : null,
      moveOn: stall !== null ? () => runner?.command({ command: 'move-on' }) : null,
    }),
    [runner, paused, stall],
  );
  useSessionKeys(running, handlers);
  const error =
    status.kind === 'failed' ? status.error : status.kind === 'ended' ? status.saveError : null;
  const savedId = status.kind === 'failed' || status.kind === 'ended' ? status.sessionId : null;
  const analysis = status.kind === 'running' ? status.analysis : null;

  return (
    <div className="session">
      <h1 className="visually-hidden">Stretch session</h1>
      {status.kind === 'starting' && (
        <div className="starting">
          <p>Opening the picture source and the pose model…</p>
          {status.loadProgress !== null && (
            <ProgressBar
              fraction={status.loadProgress.fraction}
              label={STAGE_LABELS[status.loadProgress.stage] ?? 'Loading'}
            />
          )}
        </div>
      )}
      {error !== null && (
        <div className="error" role="alert" data-testid="error" data-kind={error.kind}>
          <h2>{error.title}</h2>
          <p>{error.message}</p>
          {error.fallbackModel !== undefined && video !== null && (
            <p>
              <button
                type="button"
                className="primary"
                onClick={() => {
                  if (error.fallbackModel !== undefined)
                    engine.retryWithModel(error.fallbackModel.id, video);
                }}
              >
                Use {error.fallbackModel.label} instead
              </button>
            </p>
          )}
          {savedId !== null && (
            <p>
              <a
                href={routeHref({ name: 'report', sessionId: savedId })}
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
      {recording !== null && recording.error !== null && (
        <div className="notice" role="alert" data-testid="storage-problem">
          <p>{recording.error.message}</p>
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
      {analysis?.kind === 'restarting-model' && (
        <div className="notice" role="status" data-testid="model-restarting">
          <p>The pose model stopped. Restarting it — your session carries on.</p>
        </div>
      )}
      {analysis?.kind === 'source-lost' && (
        <div className="notice" role="alert" data-testid="source-problem">
          <p>{analysis.problem.message}</p>
          {analysis.problem.reason === 'track-ended' && video !== null && (
            <button type="button" onClick={() => void engine.reconnectSource(video)}>
              Reconnect the camera
            </button>
          )}
        </div>
      )}
      {status.kind === 'ended' && (
        <div className="ended" data-testid="session-ended">
          {stoppedForSymptoms && <SymptomStopAdvice />}
          <h2>{stoppedForSymptoms ? 'Session stopped' : 'Session finished'}</h2>
          {savedId !== null ? (
            <p>
              <a
                className="button primary"
                href={routeHref({ name: 'report', sessionId: savedId })}
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
        <SessionStage store={store} setVideo={setVideo} video={video} />
        <SessionPanel
          store={store}
          command={runner === null ? undefined : (c) => runner.command(c)}
        />
      </div>
      <CaptionBar captions={captions.captions} tonesPlayed={captions.tonesPlayed} />
      {running && (
        <SessionControls
          paused={paused}
          togglePause={handlers.togglePause}
          skip={() => runner?.command({ command: 'skip' })}
          stop={handlers.stop}
          reportSymptom={handlers.reportSymptom}
        />
      )}
      {(running || status.kind === 'ended') && runner !== null && video !== null && (
        <ClipRecordingControl runner={runner} video={video} ended={!running} />
      )}
      {running && runner !== null && (
        <SessionDialogs store={store} command={(c) => runner.command(c)} />
      )}
    </div>
  );
}

const selectStatus = (s: RunnerState) => s.status;
const selectRecording = (s: RunnerState) => s.recording;
const selectPaused = (s: RunnerState): boolean => s.view?.paused === true;
const selectStoppedForSymptoms = (s: RunnerState): boolean => s.view?.stoppedForSymptoms === true;
const selectCaptions = (s: CoachVoiceState) => ({
  captions: s.captions,
  tonesPlayed: s.tonesPlayed,
});

/** Shown while the session is requested but its runner does not exist yet. */
const IDLE_STORE = createStore<RunnerState>({
  ...INITIAL_RUNNER_STATE,
  status: { kind: 'starting', loadProgress: null },
});
