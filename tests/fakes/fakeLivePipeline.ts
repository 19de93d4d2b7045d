import type { FrameSource, LiveFrame, SourceEndReason } from '../../src/camera/types';
import type { CoachLine } from '../../src/engine/coachVoice';
import type { SessionVoice } from '../../src/engine/live/coachEffects';
import type { PoseLoop, PoseLoopHandlers, StartPoseLoop } from '../../src/engine/live/poseFeed';
import type { Pipeline } from '../../src/engine/live/sessionPlan';
import type { Pose, PoseModelId } from '../../src/geometry/types';
import type { BackendInfo, TensorDiagnostics } from '../../src/pose/backends';
import type { LoadProgress, PoseEstimator, PoseFrame } from '../../src/pose/types';

/**
 * Stand-ins for what a live session runs on in the page: a picture source, pose estimators (one
 * per load, each of which can crash), the loop that pulls frames, and the coach's voice. The
 * test delivers poses by hand; nothing here waits on real time.
 */

export class FakeFrameSource implements FrameSource {
  readonly kind = 'webcam' as const;
  readonly video = null;
  started = 0;
  stopped = 0;
  private ended: ((reason: SourceEndReason) => void) | null = null;

  start(): Promise<void> {
    this.started++;
    return Promise.resolve();
  }

  grabFrame(): Promise<LiveFrame | null> {
    return Promise.resolve(null);
  }

  stop(): void {
    this.stopped++;
  }

  onEnded(listener: (reason: SourceEndReason) => void): void {
    this.ended = listener;
  }

  /** The source ends by itself (camera unplugged, file over). */
  end(reason: SourceEndReason): void {
    this.ended?.(reason);
  }
}

const WASM: BackendInfo = { name: 'wasm', simd: null, threads: null, failedAttempts: [] };

export class FakeEstimator implements PoseEstimator {
  readonly backend = WASM;
  disposed = false;

  constructor(
    readonly model: PoseModelId,
    private readonly onCrash: (error: Error) => void,
  ) {}

  estimate(_frame: PoseFrame, _timestampMs: number): Promise<Pose | null> {
    return Promise.resolve(null);
  }

  reset(): void {}

  diagnostics(): Promise<TensorDiagnostics> {
    return this.disposed
      ? Promise.reject(new Error('disposed'))
      : Promise.resolve({ numTensors: 120, numBytes: 1_000 });
  }

  dispose(): void {
    this.disposed = true;
  }

  /** The worker dies. */
  crash(message = 'The pose worker stopped.'): void {
    this.onCrash(new Error(message));
  }
}

/** A pipeline over a fake source whose every estimator load is kept, newest last. */
export class FakePipeline implements Pipeline {
  readonly estimators: FakeEstimator[] = [];
  /** The model the next load takes (a settings change moves it). */
  model: PoseModelId = 'movenet-lightning';
  /** Set to make the next load fail. */
  failNextLoad: Error | null = null;

  constructor(readonly source: FakeFrameSource = new FakeFrameSource()) {}

  createEstimator(
    onProgress: (progress: LoadProgress) => void,
    onCrash: (error: Error) => void,
  ): Promise<PoseEstimator> {
    const failure = this.failNextLoad;
    if (failure !== null) {
      this.failNextLoad = null;
      return Promise.reject(failure);
    }
    onProgress({ stage: 'ready', fraction: 1, loadedBytes: 0, totalBytes: 0 });
    const estimator = new FakeEstimator(this.model, onCrash);
    this.estimators.push(estimator);
    return Promise.resolve(estimator);
  }

  get current(): FakeEstimator | undefined {
    return this.estimators.at(-1);
  }
}

export class FakePoseLoop implements PoseLoop {
  running = false;
  private framesAnalysed = 0;

  constructor(
    readonly estimator: PoseEstimator,
    private readonly handlers: PoseLoopHandlers,
  ) {}

  start(): void {
    this.running = true;
  }

  stop(): void {
    this.running = false;
  }

  /** A pose comes back for the frame taken at `timestampMs`. Ignored once stopped. */
  deliver(pose: Pose | null, timestampMs: number): void {
    if (!this.running) return;
    this.framesAnalysed++;
    this.handlers.onResult({
      pose,
      timestampMs,
      analysedFps: 30,
      latencyMs: 0,
      framesAnalysed: this.framesAnalysed,
      rateMode: 'full',
    });
  }

  fail(error: Error): void {
    if (this.running) this.handlers.onError(error);
  }
}

/** Every loop the runner started, newest last. */
export function fakeLoops(): { readonly loops: FakePoseLoop[]; readonly start: StartPoseLoop } {
  const loops: FakePoseLoop[] = [];
  return {
    loops,
    start: (_source, estimator, handlers) => {
      const loop = new FakePoseLoop(estimator, handlers);
      loops.push(loop);
      return loop;
    },
  };
}

export class FakeVoice implements SessionVoice {
  readonly lines: CoachLine[] = [];
  silenced = 0;
  private readonly listeners = new Set<(id: string) => void>();

  say(line: CoachLine): void {
    this.lines.push(line);
  }

  silence(): void {
    this.silenced++;
  }

  onLineFinished(listener: (id: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.listeners.size;
  }

  finish(id: string): void {
    for (const listener of this.listeners) listener(id);
  }
}
