import type { FrameSource } from '../camera/types';
import type { FrameRotationDeg, Pose } from '../geometry/types';
import type { PoseEstimator } from '../pose/types';
import { RateMeter } from './rateMeter';

export interface PoseLoopResult {
  readonly pose: Pose | null;
  /** When the frame's picture was taken (the source's time for it): what the pose describes. */
  readonly timestampMs: number;
  /** Poses delivered per second, over the last two seconds. */
  readonly analysedFps: number;
  /** From frame grab to pose, this frame. */
  readonly latencyMs: number;
  /** Frames analysed since `start()`. */
  readonly framesAnalysed: number;
}

export interface PoseLoopOptions {
  /** Long side of frames sent to the model. */
  readonly maxSidePx: number;
  /**
   * Frames in flight at once. Two keeps the worker busy: the next frame is grabbed and
   * transferred while the current one is analysed, so the model never waits for the page.
   */
  readonly maxInFlight: number;
  readonly now: () => number;
  readonly onResult: (result: PoseLoopResult) => void;
  readonly onError: (error: Error) => void;
  /** Rotation to apply before inference (lying bodies), read for each frame. */
  readonly rotation?: () => FrameRotationDeg;
}

/**
 * Pulls frames from a source at the model's own pace: whenever fewer than `maxInFlight` frames
 * are being analysed and the source has shown a new picture, it grabs that picture. The video
 * element keeps playing at its own rate; stale frames are never queued.
 */
export class LivePoseLoop {
  private running = false;
  private inFlight = 0;
  private newestFrame = 0;
  private grabbedFrame = 0;
  private videoCallback: number | null = null;
  private readonly rate = new RateMeter();
  private framesAnalysed = 0;
  /**
   * Grabs run one after another, so frames reach the estimator in the order they were taken
   * and its keypoint filter always sees increasing timestamps.
   */
  private grabs: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly source: FrameSource,
    private readonly estimator: PoseEstimator,
    private readonly options: PoseLoopOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.rate.reset();
    this.framesAnalysed = 0;
    this.watchSource();
  }

  stop(): void {
    this.running = false;
    const video = this.source.video;
    if (video !== null && this.videoCallback !== null) {
      video.cancelVideoFrameCallback(this.videoCallback);
    }
    this.videoCallback = null;
  }

  /** Counts pictures as the source presents them; each one may start an analysis. */
  private watchSource(): void {
    const video = this.source.video;
    const onPicture = (): void => {
      if (!this.running) return;
      this.newestFrame++;
      this.pump();
      if (video !== null) this.videoCallback = video.requestVideoFrameCallback(onPicture);
      else requestAnimationFrame(onPicture);
    };
    if (video !== null) this.videoCallback = video.requestVideoFrameCallback(onPicture);
    else requestAnimationFrame(onPicture);
  }

  private pump(): void {
    while (
      this.running &&
      this.inFlight < this.options.maxInFlight &&
      this.grabbedFrame < this.newestFrame
    ) {
      this.grabbedFrame = this.newestFrame;
      this.inFlight++;
      void this.analyse().finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async analyse(): Promise<void> {
    const grabbedAtMs = this.options.now();
    try {
      const grab = this.grabs.then(() =>
        this.source.grabFrame(this.options.maxSidePx, grabbedAtMs),
      );
      this.grabs = grab.catch(() => undefined);
      const frame = await grab;
      if (frame === null) return;
      if (!this.running) {
        frame.bitmap.close();
        return;
      }
      const rotationDeg = this.options.rotation?.() ?? 0;
      const pose = await this.estimator.estimate(frame.bitmap, frame.timestampMs, { rotationDeg });
      if (!this.running) return;
      const nowMs = this.options.now();
      this.rate.record(nowMs);
      this.framesAnalysed++;
      this.options.onResult({
        framesAnalysed: this.framesAnalysed,
        pose,
        timestampMs: frame.timestampMs,
        analysedFps: this.rate.perSecond(nowMs),
        latencyMs: nowMs - grabbedAtMs,
      });
    } catch (error) {
      if (this.running)
        this.options.onError(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
