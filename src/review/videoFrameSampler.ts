import { grabScaledBitmap } from '../camera/scaledBitmap';
import { VideoFileError, type GrabbedFrame } from '../camera/types';
import { videoFileErrorFor } from '../camera/videoFileSource';
import { FrameRecovery } from './frameRecovery';
import type { FrameSource, SampledFrame, SamplerStats } from './frameSource';
import {
  framesSkippedBetween,
  mayHaveLostDueFrame,
  mayHaveLostFramesAtEnd,
  startRecovery,
  updatedFramePeriodMs,
  type FrameShown,
} from './missedFrames';
import {
  isFrameDue,
  nextDueMs,
  playbackRateFor,
  samplingIntervalMs,
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
 * plays on from there (decisions in missedFrames.ts, seeking in frameRecovery.ts). Seeks are slow
 * on clips with few keyframes, but only misses pay for them.
 *
 * One class, over the usual length: playback, the frame callbacks, the grab queue and the
 * recoveries share one state (the due time, why the video is paused) that splitting would have to
 * pass around; the decisions themselves are pure functions in samplingPlan.ts and missedFrames.ts.
 */

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

type Waiter = (frame: SampledFrame | null | Error) => void;

export class VideoFrameSampler implements FrameSource {
  readonly method = 'player';
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
  private recovery: FrameRecovery | null = null;
  /** Smallest gap seen between consecutive frames: the clip's frame period. */
  private framePeriodMs: number | null = null;
  private lastDropped = 0;
  /** The last frame seen when the end was last checked for skipped frames. */
  private endCheckedAfterMs: number | null = null;
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
    });
    if (Math.abs(rate - this.video.playbackRate) > 1e-6) this.video.playbackRate = rate;
  }

  stats(): SamplerStats {
    const quality = this.video.getVideoPlaybackQuality?.();
    return {
      method: this.method,
      ...this.counts,
      // The player conceals damaged data as best it can; it cannot say how much there was.
      damagedStretches: 0,
      damagedMs: 0,
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
    this.recovery?.cancel();
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
    const dropped = this.droppedFrames();
    if (this.recovery !== null) {
      this.recovery.onFrame(metadata, dropped);
      return;
    }
    this.counts.framesShown++;
    const shown = {
      mediaMs: metadata.mediaTime * 1000,
      presentedFrames: metadata.presentedFrames,
      droppedFrames: dropped,
    };
    const previous = this.lastShown();
    this.noteShown(shown);
    this.firstShown ??= { presented: shown.presentedFrames, mediaMs: shown.mediaMs };
    if (previous !== null) {
      const skipped = framesSkippedBetween(previous, shown, this.framePeriodMs);
      if (shown.presentedFrames > previous.presentedFrames + 1)
        this.counts.framesMissed += shown.presentedFrames - previous.presentedFrames - 1;
      if (!skipped)
        this.framePeriodMs = updatedFramePeriodMs(
          this.framePeriodMs,
          shown.mediaMs - previous.mediaMs,
        );
      else if (mayHaveLostDueFrame(this.options.rate, this.dueMs, shown.mediaMs)) {
        this.startRecovery(shown.mediaMs, previous.mediaMs);
        return;
      }
    }
    this.takeIfDue(shown.mediaMs);
  };

  private lastShown(): FrameShown | null {
    return this.lastPresented === null
      ? null
      : {
          mediaMs: this.lastShownMediaMs,
          presentedFrames: this.lastPresented,
          droppedFrames: this.lastDropped,
        };
  }

  private noteShown(frame: FrameShown): void {
    this.lastShownMediaMs = frame.mediaMs;
    this.lastPresented = frame.presentedFrames;
    this.lastDropped = frame.droppedFrames;
  }

  private droppedFrames(): number {
    return this.video.getVideoPlaybackQuality?.().droppedVideoFrames ?? 0;
  }

  private takeIfDue(mediaMs: number): boolean {
    if (!isFrameDue(mediaMs, this.dueMs)) return false;
    this.dueMs = nextDueMs(this.options.rate, mediaMs);
    this.take(mediaMs);
    return true;
  }

  /** Pauses and seeks back for what a skip may have cost (see missedFrames.ts). */
  private startRecovery(triggerMs: number, lastSeenMs: number): void {
    this.counts.recoveries++;
    const state = startRecovery(
      this.options.rate,
      triggerMs,
      this.dueMs,
      lastSeenMs,
      this.framePeriodMs,
    );
    this.recovery = new FrameRecovery(
      {
        video: this.video,
        take: (mediaMs) => this.take(mediaMs),
        setDueMs: (dueMs) => {
          this.dueMs = dueMs;
        },
        noteShown: (frame) => this.noteShown(frame),
        finished: (gaveUp) => {
          this.recovery = null;
          if (gaveUp) this.counts.slotsLost++;
          this.resume();
        },
      },
      state,
    );
    this.recovery.begin();
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
    // Frames skipped at the very end have no later frame to give them away. Checked once per
    // last frame seen, so a clip whose last frame simply lasts long cannot loop.
    const lastSeenMs = this.lastShownMediaMs;
    if (
      this.lastPresented !== null &&
      this.endCheckedAfterMs !== lastSeenMs &&
      mayHaveLostFramesAtEnd(
        this.options.rate,
        this.dueMs,
        lastSeenMs,
        this.durationMs,
        this.framePeriodMs,
      )
    ) {
      this.endCheckedAfterMs = lastSeenMs;
      this.startRecovery(this.durationMs, lastSeenMs);
      return;
    }
    this.ended = true;
    this.wake(null);
  };

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
