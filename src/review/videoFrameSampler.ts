import { grabScaledBitmap } from '../camera/scaledBitmap';
import { VideoFileError, type GrabbedFrame } from '../camera/types';
import { videoFileErrorFor } from '../camera/videoFileSource';
import {
  isFrameDue,
  nextDueMs,
  playbackRateFor,
  samplingIntervalMs,
  SLOT_TOLERANCE_MS,
  type SamplingRate,
} from './samplingPlan';

/**
 * Takes frames out of a video file for an offline analysis, as fast as the model can use them.
 *
 * Why play rather than seek: a seek makes the decoder start again from the keyframe before the
 * target, and phone clips and screen recordings have keyframes seconds apart. Measured in
 * headless Chromium stepping through a 13 s, 30 fps clip at 10 frames a second: 327 ms a seek
 * with one keyframe in the clip (up to 860 ms near its end), 153 ms on the 5 fps fixture —
 * slower than the model itself. Playing decodes each frame once, in order.
 *
 * So the video plays muted, and `requestVideoFrameCallback` reports every frame it shows with its
 * exact media time (variable frame rates and edit lists included). Frames due by the sampling
 * plan are grabbed at once, scaled down, into a short queue the model takes from. The playback
 * rate follows the model's pace (samplingPlan.ts, `playbackRateFor`); when the queue is full the
 * video pauses, and plays on when the model has taken a frame, so no due frame is lost to a slow
 * model. The browser applies the file's rotation when it draws the video, so frames come out
 * upright (checked in tests/browser/modules/reviewAnalysis.spec.ts with a rotated phone clip).
 *
 * Playing can skip frames: frame callbacks come at most once per display refresh, and a busy page
 * or a loaded machine misses some (measured in headless Chromium with the other core busy: a
 * 4 s, 30 fps clip at 10 frames a second lost 4 of its 40 slots in one stretch, and a 5 fps
 * clip, where every frame is a slot, lost 6 of 65). Skipping a frame inside a slot is harmless —
 * a later frame of the slot is taken — but when a skip may have cost a whole slot (or any frame,
 * for every-frame analysis) the sampler pauses, seeks back to the frame it missed, takes it, and
 * plays on from there. Seeks are slow on clips with few keyframes, but only misses pay for them.
 */

export interface SampledFrame {
  /** Owned by the receiver: transfer it to the estimator or close it. */
  readonly bitmap: ImageBitmap;
  /** The frame's media time. */
  readonly videoTimeMs: number;
  readonly widthPx: number;
  readonly heightPx: number;
}

export interface SamplerStats {
  /** Frames the video showed while the sampler watched. */
  readonly framesShown: number;
  readonly framesTaken: number;
  /** Frames shown without a callback (the page was busy) or dropped by the player. */
  readonly framesMissed: number;
  /** Times the sampler sought back for a frame it missed. */
  readonly recoveries: number;
  /** Slots (or frames) given up after a recovery found nothing: should stay 0. */
  readonly slotsLost: number;
  /** Frames due whose picture could not be read (the video had none to give at that moment). */
  readonly grabsFailed: number;
  /** Times the video paused because the model had enough frames waiting. */
  readonly pauses: number;
  /** Main-thread time spent starting frame grabs. */
  readonly grabMs: number;
  readonly playbackRate: number;
  /** The clip's frame rate as seen (frames shown per second of video), null until known. */
  readonly videoFramesPerSecond: number | null;
}

export interface VideoFrameSamplerOptions {
  readonly rate: SamplingRate;
  /** Long side of the frames handed out. */
  readonly maxSidePx: number;
  /**
   * Frames grabbed and waiting before the video pauses. Three keep the model fed through the
   * ~50 ms a paused video takes to show its next frame, at ~0.5 MB a frame (480 px).
   */
  readonly maxWaiting?: number;
  readonly now?: () => number;
}

/** No frame for this long while playing: the file is damaged past some point. */
const STALL_MS = 15_000;

/** Reads of the first frame before giving it to the frame callbacks, and the wait between. */
const FIRST_FRAME_ATTEMPTS = 5;
const FIRST_FRAME_RETRY_MS = 30;

function sampledFrame(frame: GrabbedFrame, videoTimeMs: number): SampledFrame {
  return { bitmap: frame.bitmap, videoTimeMs, widthPx: frame.widthPx, heightPx: frame.heightPx };
}

/** A seek that shows no frame in this long has nothing new to show (the frame was the same). */
const RECOVERY_SEEK_TIMEOUT_MS = 1_500;
/** Seeks one recovery may take, stepping a frame at a time, before it gives the slot up. */
const MAX_RECOVERY_STEPS = 4;
/**
 * A gap between frames shown this many times the clip's frame period means frames were skipped
 * (catches frames the decoder dropped, which the presented-frame count does not). Under 2, so one
 * missing frame at a steady rate shows; over 1.5, so a phone clip's slightly uneven frame times
 * do not.
 */
const SKIP_GAP_FACTOR = 1.9;
/** Frame period assumed before one is seen: 30 fps, the commonest rate. */
const DEFAULT_FRAME_PERIOD_MS = 1000 / 30;

interface Recovery {
  /** The frame whose arrival showed the miss: the recovery ends once it is reached again. */
  readonly triggerMs: number;
  /** Media time sought to: the frame shown is the last one at or before it. */
  targetMs: number;
  steps: number;
  timer: ReturnType<typeof setTimeout> | null;
}

type Waiter = (frame: SampledFrame | null | Error) => void;

export class VideoFrameSampler {
  private readonly queue: Promise<SampledFrame | null>[] = [];
  private waiter: Waiter | null = null;
  private dueMs = 0;
  private started = false;
  private stopped = false;
  private ended = false;
  private failure: Error | null = null;
  private pausedForQueue = false;
  private pausedForHiddenPage = false;
  private callbackId: number | null = null;
  private lastPresented: number | null = null;
  private firstShown: { readonly presented: number; readonly mediaMs: number } | null = null;
  private lastShownMediaMs = 0;
  private firstTakenMs: number | null = null;
  private lastTakenMs = 0;
  private lastFrameAtMs = 0;
  private stallTimer: ReturnType<typeof setInterval> | null = null;
  private counts = {
    framesShown: 0,
    framesTaken: 0,
    framesMissed: 0,
    pauses: 0,
    grabMs: 0,
    recoveries: 0,
    slotsLost: 0,
    grabsFailed: 0,
  };
  private recovery: Recovery | null = null;
  /** Smallest gap seen between consecutive frames: the clip's frame period. */
  private framePeriodMs: number | null = null;
  private lastDropped = 0;
  /** A due time whose slot a recovery could not find: not sought again. */
  private abandonedDueMs: number | null = null;
  /** The last frame seen when the end was last checked for skipped frames. */
  private endRecoveryTriedAfterMs: number | null = null;
  private readonly maxWaiting: number;
  private readonly now: () => number;

  private constructor(
    readonly video: HTMLVideoElement,
    private readonly url: string,
    private readonly fileName: string,
    private readonly options: VideoFrameSamplerOptions,
  ) {
    this.maxWaiting = options.maxWaiting ?? 3;
    this.now = options.now ?? (() => performance.now());
  }

  /** Loads the file into `video`; rejects with a `VideoFileError` the user can act on. */
  static async open(
    video: HTMLVideoElement,
    file: Blob,
    fileName: string,
    options: VideoFrameSamplerOptions,
  ): Promise<VideoFrameSampler> {
    const url = URL.createObjectURL(file);
    video.srcObject = null;
    video.muted = true;
    video.playsInline = true;
    video.loop = false;
    video.preload = 'auto';
    try {
      await new Promise<void>((resolve, reject) => {
        const done = (): void => {
          video.removeEventListener('loadeddata', onLoaded);
          video.removeEventListener('error', onError);
        };
        const onLoaded = (): void => {
          done();
          resolve();
        };
        const onError = (): void => {
          done();
          reject(videoFileErrorFor(video, fileName));
        };
        video.addEventListener('loadeddata', onLoaded);
        video.addEventListener('error', onError);
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
    return new VideoFrameSampler(video, url, fileName, options);
  }

  get durationMs(): number {
    return this.video.duration * 1000;
  }

  /** Display size (rotation applied). */
  get widthPx(): number {
    return this.video.videoWidth;
  }

  get heightPx(): number {
    return this.video.videoHeight;
  }

  /** How far the analysis has come: the newest frame taken. */
  get videoTimeMs(): number {
    return this.lastTakenMs;
  }

  /** Starts from the first frame: seeking to 0 shows it again, with its exact media time. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const video = this.video;
    video.playbackRate = 1;
    video.addEventListener('ended', this.onEnded);
    video.addEventListener('error', this.onError);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.watchFrames();
    this.lastFrameAtMs = this.now();
    this.stallTimer = setInterval(() => this.checkStall(), 1_000);
    const play = (): void => {
      video.removeEventListener('seeked', play);
      // The first frame has been on show since the file loaded, so a frame callback for it may
      // never come (in headless Chromium, 1 run in 3 of a 30 fps clip lost it): take it now.
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && this.counts.framesTaken === 0) {
        const firstMs = video.currentTime * 1000;
        this.lastShownMediaMs = firstMs;
        void this.takeFirstFrame(firstMs).then(() => this.resume());
        return;
      }
      this.resume();
    };
    video.addEventListener('seeked', play);
    video.currentTime = 0;
  }

  /** The next due frame, in time order; null once the video has ended and all were taken. */
  async next(): Promise<SampledFrame | null> {
    for (;;) {
      if (this.failure !== null) throw this.failure;
      const head = this.queue.shift();
      if (head !== undefined) {
        if (this.pausedForQueue && this.queue.length < this.maxWaiting) {
          this.pausedForQueue = false;
          this.resume();
        }
        const frame = await head;
        if (frame !== null) return frame;
        continue;
      }
      if (this.ended || this.stopped) return null;
      const woken = await new Promise<SampledFrame | null | Error>((resolve) => {
        this.waiter = resolve;
      });
      if (woken instanceof Error) throw woken;
    }
  }

  /** The model's recent pace: the playback rate follows it. */
  setModelRate(framesPerSecond: number): void {
    if (this.stopped || this.ended) return;
    const taken = this.counts.framesTaken;
    const interval = samplingIntervalMs(this.options.rate) ?? 33;
    const videoMsPerSample =
      taken >= 2 && this.firstTakenMs !== null
        ? (this.lastTakenMs - this.firstTakenMs) / (taken - 1)
        : interval;
    const rate = playbackRateFor({
      modelFramesPerSecond: framesPerSecond,
      videoMsPerSample: Math.max(1, videoMsPerSample),
      videoFramesPerSecond: this.videoFramesPerSecond(),
      everyFrame: this.options.rate.kind === 'every-frame',
    });
    if (Math.abs(rate - this.video.playbackRate) > 1e-6) this.video.playbackRate = rate;
  }

  stats(): SamplerStats {
    const quality = this.video.getVideoPlaybackQuality?.();
    return {
      ...this.counts,
      framesMissed: this.counts.framesMissed + (quality?.droppedVideoFrames ?? 0),
      playbackRate: this.video.playbackRate,
      videoFramesPerSecond: this.videoFramesPerSecond(),
    };
  }

  /** Stops playback and lets go of the file and of frames nobody took. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    const video = this.video;
    if (this.callbackId !== null) video.cancelVideoFrameCallback(this.callbackId);
    if (this.stallTimer !== null) clearInterval(this.stallTimer);
    if (this.recovery !== null && this.recovery.timer !== null) clearTimeout(this.recovery.timer);
    this.recovery = null;
    video.removeEventListener('ended', this.onEnded);
    video.removeEventListener('error', this.onError);
    document.removeEventListener('visibilitychange', this.onVisibility);
    video.pause();
    for (const waiting of this.queue.splice(0)) void waiting.then((frame) => frame?.bitmap.close());
    this.wake(null);
    video.removeAttribute('src');
    video.load();
    URL.revokeObjectURL(this.url);
  }

  private videoFramesPerSecond(): number | null {
    const first = this.firstShown;
    if (first === null || this.lastPresented === null) return null;
    const spanMs = this.lastShownMediaMs - first.mediaMs;
    const frames = this.lastPresented - first.presented;
    return spanMs >= 200 && frames >= 2 ? (frames * 1000) / spanMs : null;
  }

  private watchFrames(): void {
    this.callbackId = this.video.requestVideoFrameCallback(this.onFrame);
  }

  private readonly onFrame = (_now: number, metadata: VideoFrameCallbackMetadata): void => {
    if (this.stopped) return;
    this.watchFrames();
    this.lastFrameAtMs = this.now();
    const mediaMs = metadata.mediaTime * 1000;
    if (this.recovery !== null) {
      this.onRecoveryFrame(mediaMs, metadata.presentedFrames);
      return;
    }
    this.counts.framesShown++;
    const skipped = this.skippedBefore(mediaMs, metadata.presentedFrames);
    this.lastPresented = metadata.presentedFrames;
    this.firstShown ??= { presented: metadata.presentedFrames, mediaMs };
    const previousMs = this.lastShownMediaMs;
    this.lastShownMediaMs = mediaMs;
    if (skipped && this.mayHaveLostDueFrame(mediaMs)) {
      this.startRecovery(mediaMs, previousMs);
      return;
    }
    this.takeIfDue(mediaMs);
  };

  private takeIfDue(mediaMs: number): boolean {
    if (!isFrameDue(mediaMs, this.dueMs)) return false;
    this.dueMs = nextDueMs(this.options.rate, mediaMs);
    this.take(mediaMs);
    return true;
  }

  /** Whether frames went by unseen between the last frame shown and this one. */
  private skippedBefore(mediaMs: number, presentedFrames: number): boolean {
    let skipped = false;
    if (this.lastPresented !== null && presentedFrames > this.lastPresented + 1) {
      this.counts.framesMissed += presentedFrames - this.lastPresented - 1;
      skipped = true;
    }
    const dropped = this.video.getVideoPlaybackQuality?.().droppedVideoFrames ?? 0;
    if (dropped > this.lastDropped) skipped = true;
    this.lastDropped = dropped;
    if (this.lastPresented === null) return false;
    const gapMs = mediaMs - this.lastShownMediaMs;
    const period = this.framePeriodMs;
    if (period !== null && gapMs > SKIP_GAP_FACTOR * period) skipped = true;
    if (gapMs > 0.5 && !skipped) this.framePeriodMs = Math.min(period ?? Infinity, gapMs);
    return skipped;
  }

  /**
   * A skip cost something only if the frame shown now lies past the slot that was due (or, for
   * every frame, always): the slot may have had its only frames among the skipped ones.
   */
  private mayHaveLostDueFrame(mediaMs: number): boolean {
    const interval = samplingIntervalMs(this.options.rate);
    if (interval === null) return true;
    if (this.abandonedDueMs === this.dueMs) return false;
    return mediaMs >= this.dueMs + interval - SLOT_TOLERANCE_MS;
  }

  private startRecovery(triggerMs: number, lastSeenMs: number): void {
    this.counts.recoveries++;
    const interval = samplingIntervalMs(this.options.rate);
    // The due slot's start, or (every frame) the frame after the last one seen.
    const targetMs =
      interval === null ? lastSeenMs + (this.framePeriodMs ?? DEFAULT_FRAME_PERIOD_MS) : this.dueMs;
    this.recovery = { triggerMs, targetMs, steps: 0, timer: null };
    this.video.pause();
    this.seekForRecovery(targetMs);
  }

  private seekForRecovery(targetMs: number): void {
    const recovery = this.recovery;
    if (recovery === null) return;
    recovery.targetMs = targetMs;
    if (recovery.timer !== null) clearTimeout(recovery.timer);
    recovery.timer = setTimeout(() => this.endRecovery(true), RECOVERY_SEEK_TIMEOUT_MS);
    // A hair past the frame's time, so float rounding cannot land on the frame before.
    this.video.currentTime = (targetMs + SLOT_TOLERANCE_MS) / 1000;
  }

  private onRecoveryFrame(mediaMs: number, presentedFrames: number): void {
    const recovery = this.recovery;
    // A frame from before the pause took hold: the seek's frame is at or before its target.
    if (recovery === null || mediaMs > recovery.targetMs + 2 * SLOT_TOLERANCE_MS) return;
    this.lastPresented = presentedFrames;
    this.lastShownMediaMs = mediaMs;
    this.lastDropped =
      this.video.getVideoPlaybackQuality?.().droppedVideoFrames ?? this.lastDropped;
    // Taken if due, the trigger frame included: playing on shows the frame after the one on show.
    const taken = this.takeIfDue(mediaMs);
    if (taken || mediaMs >= recovery.triggerMs - SLOT_TOLERANCE_MS) {
      this.endRecovery(false);
      return;
    }
    // The frame before the slot: step to the next frame.
    recovery.steps++;
    if (recovery.steps > MAX_RECOVERY_STEPS) this.endRecovery(true);
    else this.seekForRecovery(mediaMs + (this.framePeriodMs ?? DEFAULT_FRAME_PERIOD_MS));
  }

  /** Plays on from the frame shown; a slot not found is given up rather than sought forever. */
  private endRecovery(gaveUp: boolean): void {
    const recovery = this.recovery;
    if (recovery === null) return;
    if (recovery.timer !== null) clearTimeout(recovery.timer);
    this.recovery = null;
    if (gaveUp) {
      this.counts.slotsLost++;
      this.abandonedDueMs = this.dueMs;
    }
    this.resume();
  }

  private grab(videoTimeMs: number): Promise<GrabbedFrame | null> {
    const video = this.video;
    return grabScaledBitmap(
      video,
      video.videoWidth,
      video.videoHeight,
      this.options.maxSidePx,
      videoTimeMs,
    );
  }

  private take(videoTimeMs: number): void {
    const grabStart = this.now();
    // The picture is read now, while this frame is the one shown; scaling finishes later.
    const grab = this.grab(videoTimeMs).then(
      (frame) => {
        if (frame === null) this.counts.grabsFailed++;
        return frame === null ? null : sampledFrame(frame, videoTimeMs);
      },
      (error: unknown) => {
        this.fail(error instanceof Error ? error : new Error(String(error)));
        return null;
      },
    );
    this.counts.grabMs += this.now() - grabStart;
    this.enqueue(videoTimeMs, grab);
  }

  /**
   * The first frame, read from the paused video before it plays. Right after the opening seek
   * the video may have no picture to give yet (seen in about 1 run in 10), so it is asked again a
   * few times; if it still has none, the first frame callback takes whatever frame comes first.
   */
  private async takeFirstFrame(videoTimeMs: number): Promise<void> {
    const dueBefore = this.dueMs;
    // Claimed now, so a late callback for the same frame does not take it twice.
    this.dueMs = nextDueMs(this.options.rate, videoTimeMs);
    for (let attempt = 0; attempt < FIRST_FRAME_ATTEMPTS; attempt++) {
      const frame = await this.grab(videoTimeMs).catch(() => null);
      if (this.stopped) {
        frame?.bitmap.close();
        return;
      }
      if (frame !== null) {
        this.enqueue(videoTimeMs, Promise.resolve(sampledFrame(frame, videoTimeMs)));
        return;
      }
      this.counts.grabsFailed++;
      await new Promise((resolve) => setTimeout(resolve, FIRST_FRAME_RETRY_MS));
    }
    this.dueMs = dueBefore;
  }

  private enqueue(videoTimeMs: number, grab: Promise<SampledFrame | null>): void {
    const video = this.video;
    this.counts.framesTaken++;
    this.firstTakenMs ??= videoTimeMs;
    this.lastTakenMs = videoTimeMs;
    this.queue.push(grab);
    if (this.queue.length >= this.maxWaiting && !this.pausedForQueue) {
      this.pausedForQueue = true;
      this.counts.pauses++;
      video.pause();
    }
    this.wake(null);
  }

  /** Plays unless something holds the video: a full queue, a hidden page, the end. */
  private resume(): void {
    if (
      this.stopped ||
      this.ended ||
      this.pausedForQueue ||
      this.pausedForHiddenPage ||
      this.recovery !== null
    )
      return;
    this.lastFrameAtMs = this.now();
    // A play() cut short by the next pause() rejects with AbortError; that is expected.
    this.video.play().catch(() => undefined);
  }

  private wake(value: SampledFrame | null | Error): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.(value);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake(error);
  }

  private checkStall(): void {
    const video = this.video;
    if (this.stopped || this.ended || video.paused) return;
    if (this.now() - this.lastFrameAtMs > STALL_MS)
      this.fail(
        new VideoFileError(
          'damaged',
          `“${this.fileName}” stopped playing partway through; it may be damaged or incomplete.`,
        ),
      );
  }

  private readonly onEnded = (): void => {
    // The last frame showed a miss: the recovery seeks back, and the video will end again.
    if (this.recovery !== null) return;
    if (this.lostFramesAtEnd()) {
      this.endRecoveryTriedAfterMs = this.lastShownMediaMs;
      this.startRecovery(Infinity, this.lastShownMediaMs);
      return;
    }
    this.ended = true;
    this.wake(null);
  };

  /**
   * Frames skipped at the very end show no later frame to give them away: the video ended more
   * than a frame after the last frame seen, and a due frame may lie in between. Tried once per
   * last frame seen, so a clip whose last frame simply lasts long cannot loop.
   */
  private lostFramesAtEnd(): boolean {
    if (this.lastPresented === null || this.endRecoveryTriedAfterMs === this.lastShownMediaMs)
      return false;
    const period = this.framePeriodMs ?? DEFAULT_FRAME_PERIOD_MS;
    const lastFrameMs = this.durationMs - period;
    if (lastFrameMs < this.lastShownMediaMs + period / 2) return false;
    const interval = samplingIntervalMs(this.options.rate);
    return (
      interval === null ||
      (this.abandonedDueMs !== this.dueMs && lastFrameMs >= this.dueMs - SLOT_TOLERANCE_MS)
    );
  }

  private readonly onError = (): void => {
    if (!this.stopped) this.fail(videoFileErrorFor(this.video, this.fileName));
  };

  /**
   * A hidden page gets no frame callbacks, so frames would play by unseen: the video waits
   * while the page is hidden.
   */
  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') {
      this.pausedForHiddenPage = true;
      this.video.pause();
    } else {
      this.pausedForHiddenPage = false;
      this.resume();
    }
  };
}
