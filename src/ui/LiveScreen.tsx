import { useEffect, useMemo, useState } from 'react';
import { browserDependencies } from '../engine/browserDependencies';
import { useEngine } from './EngineContext';
import type { ReadableStore } from '../engine/store';
import { LiveCameraController, type LiveState } from '../engine/liveCameraController';
import { BACKEND_CHOICES, DEFAULT_MODEL, MODEL_CHOICES } from '../engine/modelChoices';
import type { BackendPreference } from '../pose/backends';
import type { PoseModelId } from '../geometry/types';
import { looksLikePerson } from '../geometry/personFound';
import { CaptionBar } from './CaptionBar';
import { ProgressBar } from './ProgressBar';
import { SkeletonOverlay } from './SkeletonOverlay';
import { sameData, useSelector, useStore } from './useStore';

const STAGE_LABELS: Record<string, string> = {
  backend: 'Starting the pose engine',
  download: 'Downloading the pose model',
  warmup: 'Preparing the pose model',
  ready: 'Ready',
};

function backendLabel(backend: LiveState['backend']): string {
  if (backend === null) return '—';
  if (backend.name !== 'wasm') return backend.name;
  const threads =
    backend.threads && backend.threadCount !== undefined
      ? `${backend.threadCount} thread${backend.threadCount === 1 ? '' : 's'}`
      : null;
  const extras = [backend.simd ? 'SIMD' : null, threads].filter(Boolean);
  return extras.length > 0 ? `wasm (${extras.join(' + ')})` : 'wasm';
}

const selectPose = (state: LiveState) => ({ pose: state.pose });

/** What the screen shows besides the per-frame figures: it changes when the camera starts or stops. */
const selectScreen = (state: LiveState) => ({
  phase: state.phase,
  model: state.model,
  backend: state.backend,
  loadProgress: state.loadProgress,
  cameraReady: state.cameraReady,
  error: state.error,
});

/** The figures a frame changes, each as shown. */
const selectStats = (state: LiveState) => ({
  fps: state.phase === 'live' ? state.analysedFps.toFixed(1) : '—',
  framesAnalysed: state.framesAnalysed,
  tensorCount: state.tensorCount,
  person:
    state.phase !== 'live'
      ? '—'
      : state.pose === null || !looksLikePerson(state.pose)
        ? 'not found'
        : 'found',
});

/** The camera check: the live camera with the skeleton drawn over it, model and speed. */
export function LiveScreen() {
  const controller = useMemo(
    () => new LiveCameraController(browserDependencies, DEFAULT_MODEL),
    [],
  );
  const state = useSelector(controller.store, selectScreen, sameData);
  const voice = useEngine().voice;
  const voiceState = useStore(voice.store);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const [model, setModel] = useState<PoseModelId>(DEFAULT_MODEL);
  const [backend, setBackend] = useState<BackendPreference>('auto');

  useEffect(() => () => controller.stop(), [controller]);

  const running = state.phase === 'starting' || state.phase === 'live';
  const start = (): void => {
    void voice.unlockAudio();
    if (video !== null) void controller.start(video, model, backend);
  };
  const modelLabel = MODEL_CHOICES.find((m) => m.id === state.model)?.label ?? state.model;

  return (
    <div className="live">
      <h1>Live form check</h1>
      <p className="tagline">
        Hamstring stretches with a coach that watches your form — everything stays on this device.
      </p>

      <section className="controls" aria-label="Camera controls">
        <label>
          Pose model{' '}
          <select
            value={model}
            disabled={running}
            onChange={(e) => setModel(e.target.value as PoseModelId)}
          >
            {MODEL_CHOICES.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Run on{' '}
          <select
            value={backend}
            disabled={running}
            onChange={(e) => setBackend(e.target.value as BackendPreference)}
          >
            {BACKEND_CHOICES.map((b) => (
              <option key={b.id} value={b.id}>
                {b.label}
              </option>
            ))}
          </select>
        </label>
        {running ? (
          <button type="button" onClick={() => controller.stop()}>
            Stop camera
          </button>
        ) : (
          <button type="button" className="primary" onClick={start} disabled={video === null}>
            {state.phase === 'error' ? 'Try again' : 'Start camera'}
          </button>
        )}
      </section>

      {state.phase === 'starting' && state.loadProgress !== null && (
        <ProgressBar
          fraction={state.loadProgress.fraction}
          label={STAGE_LABELS[state.loadProgress.stage] ?? 'Loading'}
        />
      )}
      {state.phase === 'starting' && !state.cameraReady && (
        <p className="hint">Waiting for the camera — your browser may ask for permission.</p>
      )}

      {state.backend !== null && state.backend.failedAttempts.length > 0 && (
        <p className="hint" role="status" data-testid="backend-fallback">
          {state.backend.failedAttempts
            .map((a) => `${a.name} could not start (${a.error})`)
            .join('; ')}
          ; running on {state.backend.name} instead.
        </p>
      )}

      {state.error !== null && (
        <div className="error" role="alert" data-testid="error" data-kind={state.error.kind}>
          <h2>{state.error.title}</h2>
          <p>{state.error.message}</p>
        </div>
      )}

      <div className="stage">
        <video ref={setVideo} className="camera" muted playsInline aria-label="Camera picture" />
        <SkeletonOverlay store={controller.store} select={selectPose} video={video} />
        {state.phase === 'idle' && (
          <p className="stage-empty">Press “Start camera” and stand side-on, a few steps back.</p>
        )}
      </div>

      <CaptionBar captions={voiceState.captions} tonesPlayed={voiceState.tonesPlayed} />

      <LiveStats
        store={controller.store}
        modelLabel={modelLabel}
        backendLabel={backendLabel(state.backend)}
      />
    </div>
  );
}

/**
 * The model's figures: the one part of the screen a frame changes, so it alone subscribes to
 * them and re-renders per frame.
 */
function LiveStats({
  store,
  modelLabel,
  backendLabel: backend,
}: {
  readonly store: ReadableStore<LiveState>;
  readonly modelLabel: string;
  readonly backendLabel: string;
}) {
  const stats = useSelector(store, selectStats, sameData);
  return (
    <dl className="stats" aria-label="Pose engine status" data-testid="stats">
      <div>
        <dt>Model</dt>
        <dd data-testid="stat-model">{modelLabel}</dd>
      </div>
      <div>
        <dt>Backend</dt>
        <dd data-testid="stat-backend">{backend}</dd>
      </div>
      <div>
        <dt>Analysed frames/s</dt>
        <dd data-testid="stat-fps" data-frames-analysed={stats.framesAnalysed}>
          {stats.fps}
        </dd>
      </div>
      <div>
        <dt>Model memory (tensors)</dt>
        <dd data-testid="stat-tensors">{stats.tensorCount ?? '—'}</dd>
      </div>
      <div>
        <dt>Person</dt>
        <dd data-testid="stat-person">{stats.person}</dd>
      </div>
    </dl>
  );
}
