import type { FrameSource } from '../camera/types';
import type { Pose, PoseModelId } from '../geometry/types';
import type { BackendInfo, BackendPreference } from '../pose/backends';
import type { LoadProgress, PoseEstimator } from '../pose/types';
import type { Clock, Scheduler } from './clock';
import { PoseFeed, livePoseLoop, type StartPoseLoop } from './live/poseFeed';
import { createStore, type Store } from './store';
import { toUserFacingError, type UserFacingError } from './userFacingError';

export type LivePhase = 'idle' | 'starting' | 'live' | 'error';

export interface LiveState {
  readonly phase: LivePhase;
  readonly model: PoseModelId;
  readonly backend: BackendInfo | null;
  /** Model download / warm-up progress while starting. */
  readonly loadProgress: LoadProgress | null;
  readonly cameraReady: boolean;
  readonly error: UserFacingError | null;
  readonly pose: Pose | null;
  readonly analysedFps: number;
  readonly framesAnalysed: number;
  readonly latencyMs: number;
  /** Tensors held by the model's TF.js instance, sampled every few seconds. */
  readonly tensorCount: number | null;
}

export interface LiveDependencies {
  createEstimator(
    model: PoseModelId,
    backend: BackendPreference,
    onProgress: (progress: LoadProgress) => void,
    onCrash: (error: Error) => void,
  ): Promise<PoseEstimator>;
  createSource(video: HTMLVideoElement): FrameSource;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  /** How poses are pulled from the source; the page's loop unless a test feeds them. */
  readonly startLoop?: StartPoseLoop;
}

/** How often to ask the worker for its tensor count (cheap, but not per frame). */
const DIAGNOSTICS_INTERVAL_MS = 2000;

/**
 * Runs the first screen: opens the camera and loads the model at the same time, then streams
 * poses into `store` until stopped. Everything that can fail ends in `phase: 'error'` with a
 * message the user can act on.
 */
export class LiveCameraController {
  readonly store: Store<LiveState>;
  private source: FrameSource | null = null;
  private estimator: PoseEstimator | null = null;
  private readonly feed: PoseFeed;

  constructor(
    private readonly deps: LiveDependencies,
    model: PoseModelId,
  ) {
    this.store = createStore<LiveState>({
      phase: 'idle',
      model,
      backend: null,
      loadProgress: null,
      cameraReady: false,
      error: null,
      pose: null,
      analysedFps: 0,
      framesAnalysed: 0,
      latencyMs: 0,
      tensorCount: null,
    });
    this.feed = new PoseFeed(
      deps.scheduler,
      deps.startLoop ?? livePoseLoop(deps.clock),
      DIAGNOSTICS_INTERVAL_MS,
    );
  }

  async start(
    video: HTMLVideoElement,
    model: PoseModelId,
    backend: BackendPreference = 'auto',
  ): Promise<void> {
    this.stop();
    this.store.update((s) => ({
      ...s,
      phase: 'starting',
      model,
      error: null,
      pose: null,
      loadProgress: null,
      cameraReady: false,
    }));
    const source = this.deps.createSource(video);
    this.source = source;
    source.onEnded(() =>
      this.fail(new Error('The camera stopped sending pictures. Was it unplugged?')),
    );
    const cameraStarted = source.start().then(() => {
      this.store.update((s) => ({ ...s, cameraReady: true }));
    });
    const estimatorLoaded = this.deps.createEstimator(
      model,
      backend,
      (loadProgress) => this.store.update((s) => ({ ...s, loadProgress })),
      (error) => this.fail(error),
    );
    try {
      const [, estimator] = await Promise.all([cameraStarted, estimatorLoaded]);
      if (this.source !== source) {
        estimator.dispose();
        return;
      }
      this.estimator = estimator;
      this.store.update((s) => ({ ...s, phase: 'live', backend: estimator.backend }));
      this.feed.run(source, estimator, {
        onResult: (result) =>
          this.store.update((s) => ({
            ...s,
            pose: result.pose,
            analysedFps: result.analysedFps,
            framesAnalysed: result.framesAnalysed,
            latencyMs: result.latencyMs,
          })),
        onError: (error) => this.fail(error),
        onTensors: (tensorCount) => this.store.update((s) => ({ ...s, tensorCount })),
      });
    } catch (error) {
      // Whichever half succeeded must not linger (a camera light left on, a worker running).
      void estimatorLoaded.then((e) => e.dispose()).catch(() => undefined);
      this.fail(error);
    }
  }

  stop(): void {
    this.feed.stop();
    this.source?.stop();
    this.source = null;
    this.estimator?.dispose();
    this.estimator = null;
    this.store.update((s) => (s.phase === 'error' ? s : { ...s, phase: 'idle', pose: null }));
  }

  private fail(error: unknown): void {
    this.feed.stop();
    this.source?.stop();
    this.store.update((s) => ({ ...s, phase: 'error', error: toUserFacingError(error) }));
  }
}
