import type { FrameRotationDeg, Pose, PoseModelId } from '../../geometry/types';
import type { BackendInfo, BackendPreference, TensorDiagnostics } from '../backends';
import type { RawModelTiming } from '../rawModelTiming';
import type { RegionMask } from '../blazepose/blazePoseTracker';
import type { PixelPlanes } from '../pixels/pixelPlanes';
import type { LoadProgress, PixelFrame } from '../types';

/** Frames cross to the worker as transferable objects, never copied. */
export type TransferableFrame = ImageBitmap | VideoFrame | PixelFrame | PixelPlanes;

export interface WorkerLoadOptions {
  readonly model: PoseModelId;
  readonly backend: BackendPreference;
  readonly enableSegmentation: boolean;
  readonly enableSmoothing: boolean;
  /** Where `models/` is served, e.g. '/models/'. */
  readonly modelsBaseUrl: string;
}

export type ToWorker =
  | { readonly type: 'load'; readonly options: WorkerLoadOptions }
  | {
      readonly type: 'estimate';
      readonly id: number;
      readonly frame: TransferableFrame;
      readonly timestampMs: number;
      readonly rotationDeg: FrameRotationDeg;
    }
  | { readonly type: 'reset' }
  | { readonly type: 'diagnostics'; readonly id: number }
  /**
   * Time a model's bare graph in this worker (its backend already set up): the loaded model's,
   * or `model`'s (for the automatic model choice, which compares models on this device).
   */
  | {
      readonly type: 'time-raw-model';
      readonly id: number;
      readonly frames: number;
      readonly model?: PoseModelId;
    }
  | { readonly type: 'dispose' };

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  /** For ModelIntegrityError / ModelLoadError: the file concerned. */
  readonly fileName?: string;
}

export type FromWorker =
  | { readonly type: 'progress'; readonly progress: LoadProgress }
  | { readonly type: 'loaded'; readonly backend: BackendInfo }
  | { readonly type: 'load-failed'; readonly error: SerializedError }
  | {
      readonly type: 'pose';
      readonly id: number;
      readonly pose: Pose | null;
      /** BlazePose's mask, finished on the page (see PersonMaskSmoother). */
      readonly regionMask: RegionMask | null;
      readonly newTrack: boolean;
      /** Time spent in the worker on this frame, pixels to pose. */
      readonly inferenceMs: number;
    }
  | { readonly type: 'estimate-failed'; readonly id: number; readonly error: SerializedError }
  | {
      readonly type: 'diagnostics';
      readonly id: number;
      readonly tensors: TensorDiagnostics;
    }
  | { readonly type: 'raw-model-timing'; readonly id: number; readonly timing: RawModelTiming }
  | {
      readonly type: 'raw-model-timing-failed';
      readonly id: number;
      readonly error: SerializedError;
    };
