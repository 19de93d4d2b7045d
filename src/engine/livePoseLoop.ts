import { closeLiveFrame } from '../camera/liveFrame';
import { motionGrid } from '../camera/motionSample';
import type { FrameSource, LiveFrame } from '../camera/types';
import type { FrameRotationDeg, Pose } from '../geometry/types';
import type { PoseEstimator } from '../pose/types';
import {
  INITIAL_ADAPTIVE_RATE,
  offerPicture,
  poseSeen,
  type AdaptiveRateOptions,
  type AdaptiveRateState,
  type RateMode,
} from './adaptiveRate';
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
  /** 'still': the picture has not moved for a while and is analysed at a low rate. */
  readonly rateMode: RateMode;
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
  /**
   * Analyse at full rate only while the picture moves (see adaptiveRate.ts). Absent: every
   * picture the model has room for is analysed.
   */
  readonly adaptive?: AdaptiveRateOptions;
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
  private adaptiveState: AdaptiveRateState = INITIAL_ADAPTIVE_RATE;
  private rateMode: RateMode = 'full';
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
    this.adaptiveState = INITIAL_ADAPTIVE_RATE;
    this.rateMode = 'full';
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
      const grab = this.grabs.then(() => this.grabWanted(grabbedAtMs));
      this.grabs = grab.catch(() => undefined);
      const frame = await grab;
      if (frame === null) return;
      if (!this.running) {
        closeLiveFrame(frame);
        return;
      }
      const rotationDeg = this.options.rotation?.() ?? 0;
      const pose = await this.estimator.estimate(frame.picture, frame.timestampMs, {
        rotationDeg,
      });
      if (!this.running) return;
      const adaptive = this.options.adaptive;
      if (adaptive !== undefined) {
        this.adaptiveState = poseSeen(this.adaptiveState, pose, frame.timestampMs, adaptive);
      }
      const nowMs = this.options.now();
      this.rate.record(nowMs);
      this.framesAnalysed++;
      this.options.onResult({
        framesAnalysed: this.framesAnalysed,
        pose,
        timestampMs: frame.timestampMs,
        analysedFps: this.rate.perSecond(nowMs),
        latencyMs: nowMs - grabbedAtMs,
        rateMode: this.rateMode,
      });
    } catch (error) {
      if (this.running)
        this.options.onError(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /**
   * The current picture if it is to be analysed: always at a fixed rate; with an adaptive rate,
   * only if it moved or the still interval is up (the others are closed here).
   */
  private async grabWanted(grabbedAtMs: number): Promise<LiveFrame | null> {
    const frame = await this.source.grabFrame(this.options.maxSidePx, grabbedAtMs);
    const adaptive = this.options.adaptive;
    if (frame === null || adaptive === undefined || !this.running) return frame;
    const grid = await motionGrid(frame);
    const [state, decision] = offerPicture(this.adaptiveState, grid, grabbedAtMs, adaptive);
    this.adaptiveState = state;
    this.rateMode = decision.mode;
    if (decision.analyse) return frame;
    closeLiveFrame(frame);
    return null;
  }
}
