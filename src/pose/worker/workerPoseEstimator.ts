import type { FrameRotationDeg, Pose, PoseModelId } from '../../geometry/types';
import type { BackendInfo, BackendPreference, TensorDiagnostics } from '../backends';
import type { RawModelTiming } from '../rawModelTiming';
import { PersonMaskSmoother } from '../blazepose/personMask';
import type { PixelPlanes } from '../pixels/pixelPlanes';
import type { EstimateOptions, LoadProgress, PixelFrame, PoseEstimator, PoseFrame } from '../types';
import type { FromWorker, ToWorker, TransferableFrame } from './messages';
import { PoseWorkerError } from './serializeError';

/**
 * A frame the worker has not answered in this long means the worker is stuck (a hung wasm
 * thread, an OOM that did not raise an error): it is treated as crashed. The slowest model takes
 * well under a second per frame even on a weak laptop.
 */
export const ESTIMATE_TIMEOUT_MS = 15_000;

export interface WorkerEstimatorOptions {
  readonly model: PoseModelId;
  /** Default 'auto': wasm, then webgl, then webgpu. */
  readonly backend?: BackendPreference;
  readonly enableSegmentation?: boolean;
  readonly enableSmoothing?: boolean;
  /** Default '/models/' on the page's origin. */
  readonly modelsBaseUrl?: string;
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Called once if the worker dies; pending estimates are rejected. */
  readonly onCrash?: (error: Error) => void;
  /** For tests: make the worker. Default: the bundled pose worker. */
  readonly createWorker?: () => Worker;
}

function defaultWorker(): Worker {
  return new Worker(new URL('./poseWorker.ts', import.meta.url), {
    type: 'module',
    name: 'pose-estimator',
  });
}

function isPixelData(frame: PoseFrame): frame is PixelFrame | PixelPlanes {
  return 'data' in frame && ('channels' in frame || 'kind' in frame);
}

/**
 * Turns any frame into something that can be transferred (moved, not copied) to the worker.
 * ImageBitmaps, VideoFrames and pixel buffers are handed over: the caller must not use them
 * afterwards.
 */
async function toTransferable(frame: PoseFrame): Promise<[TransferableFrame, Transferable[]]> {
  if (frame instanceof ImageBitmap) return [frame, [frame]];
  if (typeof VideoFrame !== 'undefined' && frame instanceof VideoFrame) return [frame, [frame]];
  if (isPixelData(frame)) return [frame, [frame.data.buffer]];
  if (frame instanceof ImageData) {
    const pixels: PixelFrame = {
      widthPx: frame.width,
      heightPx: frame.height,
      channels: 4,
      data: frame.data,
    };
    return [pixels, [frame.data.buffer]];
  }
  const bitmap = await createImageBitmap(frame);
  return [bitmap, [bitmap]];
}

/** A question to the worker waiting for its answer (rejected if the worker dies first). */
interface Answer<T> {
  resolve(value: T): void;
  reject(error: Error): void;
}

interface Pending {
  resolve(pose: Pose | null): void;
  reject(error: Error): void;
  readonly watchdog: ReturnType<typeof setTimeout>;
}

/**
 * The page's PoseEstimator: forwards frames to the pose worker and resolves with its poses.
 * Also reports how long the worker spent on the last frame, and its tensor count.
 */
export class WorkerPoseEstimator implements PoseEstimator {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly pendingDiagnostics = new Map<number, Answer<TensorDiagnostics>>();
  private readonly pendingTimings = new Map<number, Answer<RawModelTiming>>();
  private crashed: Error | null = null;
  private disposed = false;
  /** Worker-side milliseconds spent on the most recent frame. */
  lastInferenceMs = 0;
  /** BlazePose's masks are finished here, on the page, in the order the worker answers. */
  private readonly masks = new PersonMaskSmoother();

  private constructor(
    readonly model: PoseModelId,
    readonly backend: BackendInfo,
    private readonly worker: Worker,
    private readonly onCrash: ((error: Error) => void) | undefined,
  ) {
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.receive(event.data);
    worker.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      this.fail(new Error(`The pose worker stopped: ${event.message || 'unknown error'}`));
    };
  }

  /** Starts a worker, loads the model there, and resolves once it is warmed up. */
  static create(options: WorkerEstimatorOptions): Promise<WorkerPoseEstimator> {
    const worker = (options.createWorker ?? defaultWorker)();
    return new Promise((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.type === 'progress') options.onProgress?.(message.progress);
        if (message.type === 'loaded') {
          resolve(new WorkerPoseEstimator(options.model, message.backend, worker, options.onCrash));
        }
        if (message.type === 'load-failed') {
          worker.terminate();
          reject(new PoseWorkerError(message.error));
        }
      };
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        worker.terminate();
        reject(new Error(`The pose worker failed to start: ${event.message || 'unknown error'}`));
      };
      const load: ToWorker = {
        type: 'load',
        options: {
          model: options.model,
          backend: options.backend ?? 'auto',
          enableSegmentation: options.enableSegmentation ?? false,
          enableSmoothing: options.enableSmoothing ?? true,
          modelsBaseUrl: options.modelsBaseUrl ?? '/models/',
        },
      };
      worker.postMessage(load);
    });
  }

  async estimate(
    frame: PoseFrame,
    timestampMs: number,
    options?: EstimateOptions,
  ): Promise<Pose | null> {
    if (this.crashed !== null) throw this.crashed;
    if (this.disposed) throw new Error('The pose estimator was disposed.');
    const [transferable, transfer] = await toTransferable(frame);
    const id = this.nextId++;
    const rotationDeg: FrameRotationDeg = options?.rotationDeg ?? 0;
    const message: ToWorker = {
      type: 'estimate',
      id,
      frame: transferable,
      timestampMs,
      rotationDeg,
    };
    return new Promise((resolve, reject) => {
      const watchdog = setTimeout(
        () => this.fail(new Error('The pose worker stopped responding.')),
        ESTIMATE_TIMEOUT_MS,
      );
      this.pending.set(id, { resolve, reject, watchdog });
      this.worker.postMessage(message, transfer);
    });
  }

  /**
   * What TF.js holds in the worker: flat over a session, or something leaks. Rejects when the
   * worker is gone, so a caller never waits forever (nor shows an old count as a new one).
   */
  diagnostics(): Promise<TensorDiagnostics> {
    if (this.crashed !== null) return Promise.reject(this.crashed);
    if (this.disposed) return Promise.reject(new Error('The pose estimator was disposed.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pendingDiagnostics.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'diagnostics', id } satisfies ToWorker);
    });
  }

  /**
   * Times a bare graph inside the worker, on its backend: the loaded model's, or `model`'s (which
   * is loaded for the timing and let go after).
   */
  timeRawModel(frames: number, model?: PoseModelId): Promise<RawModelTiming> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (this.crashed !== null) {
        reject(this.crashed);
        return;
      }
      this.pendingTimings.set(id, { resolve, reject });
      this.worker.postMessage({
        type: 'time-raw-model',
        id,
        frames,
        ...(model !== undefined ? { model } : {}),
      } satisfies ToWorker);
    });
  }

  reset(): void {
    this.masks.reset();
    if (!this.disposed && this.crashed === null) this.worker.postMessage({ type: 'reset' });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.worker.postMessage({ type: 'dispose' } satisfies ToWorker);
    // The worker closes itself after freeing TF.js memory; terminate in case it is stuck.
    setTimeout(() => this.worker.terminate(), 1000);
    for (const pending of this.pending.values()) {
      clearTimeout(pending.watchdog);
      pending.reject(new Error('The pose estimator was disposed.'));
    }
    this.pending.clear();
    for (const answers of [this.pendingDiagnostics, this.pendingTimings]) {
      for (const answer of answers.values())
        answer.reject(new Error('The pose estimator was disposed.'));
      answers.clear();
    }
  }

  private receive(message: FromWorker): void {
    if (message.type === 'pose' || message.type === 'estimate-failed') {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (pending !== undefined) clearTimeout(pending.watchdog);
      if (message.type === 'pose') {
        this.lastInferenceMs = message.inferenceMs;
        const { pose, regionMask, newTrack } = message;
        pending?.resolve(
          pose === null || regionMask === null
            ? pose
            : { ...pose, segmentation: this.masks.finish(regionMask, pose.imageSize, newTrack) },
        );
      } else {
        pending?.reject(new PoseWorkerError(message.error));
      }
    } else if (message.type === 'diagnostics') {
      this.pendingDiagnostics.get(message.id)?.resolve(message.tensors);
      this.pendingDiagnostics.delete(message.id);
    } else if (message.type === 'raw-model-timing' || message.type === 'raw-model-timing-failed') {
      const pending = this.pendingTimings.get(message.id);
      this.pendingTimings.delete(message.id);
      if (message.type === 'raw-model-timing') pending?.resolve(message.timing);
      else pending?.reject(new PoseWorkerError(message.error));
    }
  }

  private fail(error: Error): void {
    if (this.crashed !== null) return;
    this.crashed = error;
    this.worker.terminate();
    // Told first, so the owner can stop asking before the pending frames are rejected.
    this.onCrash?.(error);
    for (const pending of this.pending.values()) {
      clearTimeout(pending.watchdog);
      pending.reject(error);
    }
    this.pending.clear();
    for (const answers of [this.pendingDiagnostics, this.pendingTimings]) {
      for (const answer of answers.values()) answer.reject(error);
      answers.clear();
    }
  }
}
