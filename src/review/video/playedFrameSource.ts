import { grabScaledBitmap } from '../../camera/scaledBitmap';
import { VideoFileError } from '../../camera/types';
import { videoFileErrorFor } from '../../camera/videoFileSource';
import type { FrameSource, SampledFrame, SamplerStats } from '../frameSource';
import {
  isFrameDue,
  nextDueMs,
  playbackCeilingAfter,
  playbackRateFor,
  PLAYBACK_RATE_RANGE,
  samplingIntervalMs,
  slotsSkipped,
  updatedFramePeriodMs,
  type SamplingRate,
} from '../samplingPlan';

/**
 * Frames of a file the decoder cannot read but the browser plays (a video in an Ogg file, a codec
 * only the player has). The video plays muted, faster than real time when the model keeps up
 * (samplingPlan.ts, `playbackRateFor`), and `requestVideoFrameCallback` reports each frame shown
 * with its media time; the first frame in each sampling slot is grabbed, scaled down, into a short
 * queue the model takes from, and the video pauses while the queue is full. The browser applies
 * the file's rotation when it draws the video, so frames come out upright.
 *
 * Frame callbacks come at most once per display refresh and a busy page misses some, so a slot
 * can go by unseen: it is counted (`slotsMissed`), not fetched back. Seeking back for it would
 * decode from the keyframe before, which costs more than one slot of a file this rare is worth.
 * Instead the playback slows down while slots are being missed (`playbackCeilingAfter`).
 */

export interface PlayedFrameSourceOptions {
  readonly rate: SamplingRate;
  /** Long side of the frames handed out. */
  readonly maxSidePx: number;
}

/**
 * Frames grabbed and waiting before the video pauses. A paused video that plays again drops the
 * frames its clock ran past meanwhile (seen in headless Chromium: 1-5 frames at each resume), so
 * pauses are kept rare: 24 frames of 480 px are ~20 MB, and the playback rate follows the model,
 * so the queue fills only slowly.
 */
const MAX_WAITING = 24;
/** No frame for this long while playing: the file is damaged past some point. */
const STALL_MS = 15_000;

export class PlayedFrameSource implements FrameSource {
  readonly method = 'player';
  private readonly queue: Promise<SampledFrame | null>[] = [];
  private framesTaken = 0;
  private slotsMissed = 0;
  /** Slots missed by the last rate update, and the fastest playback allowed since. */
  private slotsMissedAtRateUpdate = 0;
  private rateCeiling: number = PLAYBACK_RATE_RANGE.max;
  private waiter: (() => void) | null = null;
  private dueMs = 0;
  private stopped = false;
  private ended = false;
  private failure: Error | null = null;
  private pausedForQueue = false;
  private callbackId: number | null = null;
  private lastSeenMs: number | null = null;
  private framePeriodMs: number | null = null;
  private firstTakenMs: number | null = null;
  private lastTakenMs = 0;
  private lastFrameAtMs = 0;
  private stallTimer: ReturnType<typeof setInterval> | null = null;

  private constructor(
    private readonly video: HTMLVideoElement,
    private readonly url: string,
    private readonly fileName: string,
    private readonly options: PlayedFrameSourceOptions,
  ) {}

  /** Loads the file into `video`; rejects with a `VideoFileError` the user can act on. */
  static async open(
    video: HTMLVideoElement,
    file: Blob,
    fileName: string,
    options: PlayedFrameSourceOptions,
  ): Promise<PlayedFrameSource> {
    const url = URL.createObjectURL(file);
    video.srcObject = null;
    video.muted = true;
    video.playsInline = true;
    video.loop = false;
    video.preload = 'auto';
    try {
      await new Promise<void>((resolve, reject) => {
        video.addEventListener('loadeddata', () => resolve(), { once: true });
        video.addEventListener('error', () => reject(videoFileErrorFor(video, fileName)), {
          once: true,
        });
        video.src = url;
      });
      if (video.videoWidth === 0 || video.videoHeight === 0)
        throw new VideoFileError('no-picture', `“${fileName}” has no picture to analyse.`);
      if (!Number.isFinite(video.duration) || video.duration <= 0)
        throw new VideoFileError(
          'damaged',
          `“${fileName}” does not say how long it is, so it cannot be analysed. Saving it again from the phone or camera app usually fixes this.`,
        );
    } catch (error) {
      video.removeAttribute('src');
      video.load();
      URL.revokeObjectURL(url);
      throw error;
    }
    return new PlayedFrameSource(video, url, fileName, options);
  }

  get durationMs(): number {
    return this.video.duration * 1000;
  }

  get widthPx(): number {
    return this.video.videoWidth;
  }

  get heightPx(): number {
    return this.video.videoHeight;
  }

  /** Starts from the first frame, which has been on show since loading: it is taken at once. */
  start(): void {
    if (this.stallTimer !== null || this.stopped) return;
    const video = this.video;
    video.addEventListener('ended', this.onEnded);
    video.addEventListener('error', this.onError);
    document.addEventListener('visibilitychange', this.resume);
    this.callbackId = video.requestVideoFrameCallback(this.onFrame);
    this.lastFrameAtMs = performance.now();
    this.stallTimer = setInterval(() => this.checkStall(), 1_000);
    video.addEventListener(
      'seeked',
      () => {
        if (this.framesTaken === 0) this.take(video.currentTime * 1000);
        this.resume();
      },
      { once: true },
    );
    video.currentTime = 0;
  }

  async next(): Promise<SampledFrame | null> {
    for (;;) {
      if (this.failure !== null) throw this.failure;
      const head = this.queue.shift();
      if (head !== undefined) {
        if (this.pausedForQueue && this.queue.length < MAX_WAITING) {
          this.pausedForQueue = false;
          this.resume();
        }
        const frame = await head;
        if (frame !== null) return frame;
        continue;
      }
      if (this.ended || this.stopped) return null;
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
      });
    }
  }

  /** The model's recent pace: the playback rate follows it. */
  setModelRate(framesPerSecond: number): void {
    if (this.stopped || this.ended) return;
    const taken = this.framesTaken;
    const videoMsPerSample =
      taken >= 2 && this.firstTakenMs !== null
        ? (this.lastTakenMs - this.firstTakenMs) / (taken - 1)
        : (samplingIntervalMs(this.options.rate) ?? this.framePeriodMs ?? 1000 / 30);
    this.rateCeiling = playbackCeilingAfter(
      this.rateCeiling,
      this.video.playbackRate,
      this.slotsMissed - this.slotsMissedAtRateUpdate,
    );
    this.slotsMissedAtRateUpdate = this.slotsMissed;
    const rate = Math.min(
      this.rateCeiling,
      playbackRateFor({
        modelFramesPerSecond: framesPerSecond,
        videoMsPerSample: Math.max(1, videoMsPerSample),
      }),
    );
    if (Math.abs(rate - this.video.playbackRate) > 1e-6) this.video.playbackRate = rate;
  }

  stats(): SamplerStats {
    return {
      method: this.method,
      slotsMissed: this.slotsMissed,
      // The player conceals damaged data as best it can; it cannot say how much there was.
      damagedStretches: 0,
      damagedMs: 0,
      cutShortAtMs: null,
    };
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    const video = this.video;
    if (this.callbackId !== null) video.cancelVideoFrameCallback(this.callbackId);
    if (this.stallTimer !== null) clearInterval(this.stallTimer);
    video.removeEventListener('ended', this.onEnded);
    video.removeEventListener('error', this.onError);
    document.removeEventListener('visibilitychange', this.resume);
    video.pause();
    for (const waiting of this.queue.splice(0)) void waiting.then((frame) => frame?.bitmap.close());
    this.wake();
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(this.url);
  }

  private readonly onFrame = (_now: number, metadata: VideoFrameCallbackMetadata): void => {
    if (this.stopped) return;
    this.callbackId = this.video.requestVideoFrameCallback(this.onFrame);
    this.lastFrameAtMs = performance.now();
    const mediaMs = metadata.mediaTime * 1000;
    if (this.lastSeenMs !== null) {
      const skipped = slotsSkipped(this.options.rate, this.lastSeenMs, mediaMs, this.framePeriodMs);
      this.slotsMissed += skipped;
      if (skipped === 0)
        this.framePeriodMs = updatedFramePeriodMs(this.framePeriodMs, mediaMs - this.lastSeenMs);
    }
    this.lastSeenMs = mediaMs;
    if (isFrameDue(mediaMs, this.dueMs)) this.take(mediaMs);
  };

  /** Takes the frame on show: its picture is read now, scaling finishes later. */
  private take(videoTimeMs: number): void {
    const video = this.video;
    this.dueMs = nextDueMs(this.options.rate, videoTimeMs);
    this.framesTaken++;
    this.firstTakenMs ??= videoTimeMs;
    this.lastTakenMs = videoTimeMs;
    const grab = grabScaledBitmap(
      video,
      video.videoWidth,
      video.videoHeight,
      this.options.maxSidePx,
      videoTimeMs,
    ).then(
      (frame): SampledFrame | null =>
        frame === null
          ? null
          : { bitmap: frame.bitmap, videoTimeMs, widthPx: frame.widthPx, heightPx: frame.heightPx },
      (error: unknown) => {
        this.fail(error instanceof Error ? error : new Error(String(error)));
        return null;
      },
    );
    this.queue.push(grab);
    if (this.queue.length >= MAX_WAITING && !this.pausedForQueue) {
      this.pausedForQueue = true;
      video.pause();
    }
    this.wake();
  }

  /**
   * Plays unless something holds the video: a full queue, the end, or a hidden page (which gets
   * no frame callbacks, so frames would play by unseen).
   */
  private readonly resume = (): void => {
    const held = this.ended || this.pausedForQueue || document.visibilityState === 'hidden';
    if (this.stopped) return;
    if (held) {
      this.video.pause();
      return;
    }
    this.lastFrameAtMs = performance.now();
    // A play() cut short by the next pause() rejects with AbortError; that is expected.
    this.video.play().catch(() => undefined);
  };

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }

  private checkStall(): void {
    if (this.stopped || this.ended || this.video.paused) return;
    if (performance.now() - this.lastFrameAtMs > STALL_MS)
      this.fail(
        new VideoFileError(
          'damaged',
          `“${this.fileName}” stopped playing partway through; it may be damaged or incomplete.`,
        ),
      );
  }

  private readonly onEnded = (): void => {
    this.ended = true;
    this.wake();
  };

  private readonly onError = (): void => {
    if (!this.stopped) this.fail(videoFileErrorFor(this.video, this.fileName));
  };
}
