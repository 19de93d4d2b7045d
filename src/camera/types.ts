/** A frame taken from a source, ready to hand to the pose estimator. */
export interface GrabbedFrame {
  /** Owned by the receiver: transfer it to the estimator or close it. */
  readonly bitmap: ImageBitmap;
  readonly timestampMs: number;
  /** Size of the bitmap (the source may be scaled down before inference). */
  readonly widthPx: number;
  readonly heightPx: number;
}

/** A picture taken from a live source for the pose estimator. */
export interface LiveFrame {
  /**
   * Owned by the receiver: transfer it to the estimator or close it. A VideoFrame where the
   * browser has them (full size, the source's own pixels), else an ImageBitmap scaled down.
   */
  readonly picture: VideoFrame | ImageBitmap;
  readonly timestampMs: number;
  readonly widthPx: number;
  readonly heightPx: number;
}

export type FrameSourceKind = 'webcam' | 'video-file' | 'demo';

/** Why a source stopped on its own (not because `stop()` was called). */
export type SourceEndReason = 'track-ended' | 'file-ended' | 'error';

/**
 * Where frames come from: the webcam, a video file played as if it were the camera, or the
 * bundled demo. The engine pulls frames at the model's pace; the source's own picture (if it
 * has one) keeps playing at full rate in `video`.
 */
export interface FrameSource {
  readonly kind: FrameSourceKind;
  /** The element showing the live picture, or null when the source has none. */
  readonly video: HTMLVideoElement | null;
  start(): Promise<void>;
  /**
   * Grabs the current picture (null: none yet). `maxSidePx` bounds the long side of a picture
   * that has to be scaled into a bitmap (browsers without VideoFrame).
   */
  grabFrame(maxSidePx: number, nowMs: number): Promise<LiveFrame | null>;
  stop(): void;
  /** Called once when the source ends by itself, e.g. the camera was unplugged. */
  onEnded(listener: (reason: SourceEndReason) => void): void;
}

export type CameraErrorKind =
  | 'unsupported'
  | 'insecure-context'
  | 'permission-denied'
  | 'no-camera'
  | 'camera-in-use'
  | 'unknown';

/** A camera that cannot be opened, with a message a person can act on. */
export class CameraError extends Error {
  override readonly name = 'CameraError';
  constructor(
    readonly kind: CameraErrorKind,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

export type VideoFileErrorKind = 'unsupported' | 'damaged' | 'no-picture' | 'unknown';

/** A video file that cannot be used as a frame source, with a message a person can act on. */
export class VideoFileError extends Error {
  override readonly name = 'VideoFileError';
  constructor(
    readonly kind: VideoFileErrorKind,
    message: string,
  ) {
    super(message);
  }
}
