import type { FrameRotationDeg, Pose, PoseModelId } from '../geometry/types';
import type { BackendInfo, BackendPreference, TensorDiagnostics } from './backends';
import type { ModelFileReader } from './modelArtifacts';
import type { PixelPlanes } from './pixels/pixelPlanes';

/** Raw pixels, row-major from the top-left, 8 bits per channel. */
export interface PixelFrame {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly channels: 3 | 4;
  readonly data: Uint8Array | Uint8ClampedArray;
}

/**
 * What an estimator accepts: raw pixels or pixel planes anywhere; browser images and camera
 * VideoFrames where the browser has them.
 */
export type PoseFrame =
  | PixelFrame
  | PixelPlanes
  | ImageData
  | ImageBitmap
  | VideoFrame
  | HTMLVideoElement
  | HTMLCanvasElement;

export interface EstimateOptions {
  /**
   * Rotate the frame clockwise by this much before inference (for lying bodies); keypoints come
   * back in the original frame either way. Changing it resets tracking. Default 0.
   */
  readonly rotationDeg?: FrameRotationDeg;
}

/**
 * Finds the one person in a frame. Implementations: `createTfjsPoseEstimator` (runs TF.js in the
 * calling thread; Node tests, the worker) and `WorkerPoseEstimator` (the browser's proxy to it).
 */
export interface PoseEstimator {
  readonly model: PoseModelId;
  readonly backend: BackendInfo;
  /**
   * Estimates the pose in `frame`, taken at `timestampMs` (increasing within a stream: the
   * keypoint filter and the tracker use it). Resolves to null when no person is found.
   * Calls are served one at a time, in order.
   */
  estimate(frame: PoseFrame, timestampMs: number, options?: EstimateOptions): Promise<Pose | null>;
  /** Forgets tracking and filter state, e.g. before an unrelated image or a new clip. */
  reset(): void;
  /** What TF.js holds where the model runs: flat over a session, or something leaks. */
  diagnostics(): Promise<TensorDiagnostics>;
  /** Frees the model. The estimator must not be used afterwards. */
  dispose(): void;
}

/** 'measure': timing models on this device to choose one (the automatic model setting). */
export type LoadStage = 'measure' | 'backend' | 'download' | 'warmup' | 'ready';

export interface LoadProgress {
  readonly stage: LoadStage;
  /** Overall progress of loading, 0..1. */
  readonly fraction: number;
  readonly loadedBytes: number;
  readonly totalBytes: number;
}

export interface EstimatorOptions {
  readonly model: PoseModelId;
  /** Default 'auto': wasm, then webgl, then webgpu. */
  readonly backend?: BackendPreference;
  /** How to read files of `models/` (fetch in the browser, disk in Node). */
  readonly reader: ModelFileReader;
  /** BlazePose only: also return a person mask (used for the back outline). Default false. */
  readonly enableSegmentation?: boolean;
  /**
   * Smooth keypoints over time with pose-detection's own One-Euro filter, keyed on the
   * timestamps passed to `estimate`. Default true.
   */
  readonly enableSmoothing?: boolean;
  readonly onProgress?: (progress: LoadProgress) => void;
}
