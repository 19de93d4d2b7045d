import { scaledFrameSize } from '../../camera/scaledBitmap';
import { VideoFileError } from '../../camera/types';
import type { FrameSource, SampledFrame, SamplerStats } from '../frameSource';
import { isFrameDue, nextDueMs, type SamplingRate } from '../samplingPlan';
import { FrameShrinker } from './frameShrinker';
import type { EncodedVideoTrack, NotReadable } from './encodedVideoTrack';
import { readVideoTrack } from './videoTrack';
import { batchFrom } from './sampleBatches';

/**
 * Frames of an MP4, MOV, WebM or Matroska file for an offline analysis, decoded with WebCodecs.
 *
 * Why: playing the file and catching the frames the player shows (videoFrameSampler.ts) is tied
 * to the display. Frame callbacks come at most once per refresh and a busy page misses some, so
 * supply stopped near 30 frames a second and each missed slot cost a seek (npm run bench,
 * section 7: analysis reached 0.52-0.92 of the model's own pace). A `VideoDecoder` has no display
 * path: the file's frames are found from its container (videoTrack.ts), read in order
 * (sampleBatches.ts) and decoded once each, and the ones the sampling plan wants are shrunk and
 * turned upright into bitmaps for the model (frameShrinker.ts). Every frame gets its time from
 * the container (mp4Timing.ts for MP4), so variable frame rates and edit lists give the same
 * times the review player shows. A damaged stretch is skipped to the next keyframe.
 *
 * Reading stops while enough frames wait for the model (`maxWaiting`) or the decoder has a
 * backlog, so memory stays a few frames however long the clip is.
 */

export interface DecodedFrameSourceOptions {
  readonly rate: SamplingRate;
  /** Long side of the frames handed out. */
  readonly maxSidePx: number;
  /** Frames ready and waiting before reading pauses. */
  readonly maxWaiting?: number;
  /** A canvas that shows the frames being analysed, a few times a second. */
  readonly preview?: HTMLCanvasElement | null;
  readonly now?: () => number;
}

/** Encoded frames handed to the decoder and not yet decoded; a few keep its threads busy. */
const MAX_DECODE_BACKLOG = 6;
/**
 * Damaged stretches skipped before a file is refused: a clip copied with a few bad blocks is
 * still worth analysing; one damaged throughout is not.
 */
const MAX_DAMAGED_STRETCHES = 3;

/** The first keyframe (decoding order) after `index`, or -1. */
function nextKeyframeAfter(samples: readonly { readonly isKey: boolean }[], index: number): number {
  for (let i = index + 1; i < samples.length; i++) if (samples[i]?.isKey === true) return i;
  return -1;
}

/** The preview redraws at most this often: it is for a person to follow, not for the model. */
const PREVIEW_EVERY_MS = 100;

export type DecoderOpenResult =
  | { readonly ok: true; readonly source: DecodedFrameSource }
  | { readonly ok: false; readonly reason: NotReadable | 'no-webcodecs' | 'codec-unsupported' };

type Waiter = () => void;

export class DecodedFrameSource implements FrameSource {
  readonly method = 'decoder';
  private readonly queue: Promise<SampledFrame | null>[] = [];
  private readonly maxWaiting: number;
  private readonly now: () => number;
  private readonly frameSize: { readonly widthPx: number; readonly heightPx: number };
  private decoder: VideoDecoder | null = null;
  private readonly shrinker: FrameShrinker;
  /** Decoding-order index of each sample, by the timestamp its frame comes out with. */
  private readonly indexByTimestamp = new Map<number, number>();
  /** The latest sample (decoding order) whose frame came out of the current decoder. */
  private lastDecodedIndex = -1;
  /** Stretches of damaged data skipped, and how much video they covered. */
  private readonly damaged = { stretches: 0, ms: 0 };
  private dueMs = 0;
  private started = false;
  private stopped = false;
  private ended = false;
  private failure: Error | null = null;
  /** Woken when a frame is ready, the source ends or fails. */
  private frameWaiter: Waiter | null = null;
  /** Woken when the decoder or the queue has room for more. */
  private roomWaiter: Waiter | null = null;
  private lastPreviewMs = -Infinity;
  private firstShownMs: number | null = null;
  private lastShownMs = 0;
  private readonly counts = {
    framesShown: 0,
    framesTaken: 0,
    grabsFailed: 0,
    pauses: 0,
  };

  private constructor(
    private readonly file: Blob,
    private readonly fileName: string,
    private readonly track: EncodedVideoTrack,
    private readonly config: VideoDecoderConfig,
    private readonly options: DecodedFrameSourceOptions,
  ) {
    this.maxWaiting = options.maxWaiting ?? 3;
    this.now = options.now ?? (() => performance.now());
    this.frameSize = scaledFrameSize(
      track.displayWidthPx,
      track.displayHeightPx,
      options.maxSidePx,
    );
    this.shrinker = new FrameShrinker(track.rotation, this.frameSize, this.now);
    track.samples.forEach((sample, index) =>
      this.indexByTimestamp.set(Math.round(sample.presentationMs * 1000), index),
    );
  }

  /**
   * Reads the file's index and checks this browser can decode its video. Not ok (with the
   * reason) when it cannot: the caller then plays the file instead.
   */
  static async open(
    file: Blob,
    fileName: string,
    options: DecodedFrameSourceOptions,
  ): Promise<DecoderOpenResult> {
    if (typeof VideoDecoder === 'undefined') return { ok: false, reason: 'no-webcodecs' };
    // A file mp4box cannot make sense of is for the player to judge (and explain).
    const read = await readVideoTrack(file).catch(() => null);
    if (read === null) return { ok: false, reason: 'no-index' };
    if (!read.ok) return read;
    const { track } = read;
    const config: VideoDecoderConfig = {
      codec: track.codec,
      codedWidth: track.codedWidthPx,
      codedHeight: track.codedHeightPx,
      ...(track.description === undefined ? {} : { description: track.description }),
    };
    const support = await VideoDecoder.isConfigSupported(config).catch(() => null);
    if (support?.supported !== true) return { ok: false, reason: 'codec-unsupported' };
    if (!track.samples.some((sample) => sample.isKey))
      return { ok: false, reason: 'codec-unsupported' };
    return { ok: true, source: new DecodedFrameSource(file, fileName, track, config, options) };
  }

  get durationMs(): number {
    return this.track.durationMs;
  }

  get widthPx(): number {
    return this.track.displayWidthPx;
  }

  get heightPx(): number {
    return this.track.displayHeightPx;
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    void this.decodeAll().catch((error: unknown) =>
      this.fail(error instanceof Error ? error : new Error(String(error))),
    );
  }

  async next(): Promise<SampledFrame | null> {
    for (;;) {
      if (this.failure !== null) throw this.failure;
      const head = this.queue.shift();
      if (head !== undefined) {
        this.wakeRoom();
        const frame = await head;
        if (frame !== null) return frame;
        continue;
      }
      if (this.ended || this.stopped) return null;
      await new Promise<void>((resolve) => {
        this.frameWaiter = resolve;
      });
    }
  }

  /** The decoder reads as fast as the queue allows: nothing to follow. */
  setModelRate(): void {}

  stats(): SamplerStats {
    const spanMs = this.firstShownMs === null ? 0 : this.lastShownMs - this.firstShownMs;
    return {
      method: this.method,
      ...this.counts,
      grabMs: this.shrinker.busyMs,
      framesMissed: 0,
      recoveries: 0,
      slotsLost: 0,
      damagedStretches: this.damaged.stretches,
      damagedMs: this.damaged.ms,
      playbackRate: null,
      videoFramesPerSecond:
        spanMs >= 200 && this.counts.framesShown >= 3
          ? ((this.counts.framesShown - 1) * 1000) / spanMs
          : null,
    };
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.decoder !== null && this.decoder.state !== 'closed') this.decoder.close();
    this.decoder = null;
    for (const waiting of this.queue.splice(0)) void waiting.then((frame) => frame?.bitmap.close());
    this.wakeFrame();
    this.wakeRoom();
  }

  /**
   * Decodes the whole file. A decoder error (damaged data) ends that decoder; decoding starts
   * again with a new one at the next keyframe after the last frame that came out, and the frames
   * in between are skipped (they depend on the damaged one). Past `MAX_DAMAGED_STRETCHES`, or
   * with no keyframe left, the file is refused.
   */
  private async decodeAll(): Promise<void> {
    const samples = this.track.samples;
    let from = samples.findIndex((sample) => sample.isKey);
    for (;;) {
      const outcome = await this.decodeFrom(from);
      if (outcome === 'stopped') return;
      if (outcome === 'finished') break;
      const resumeAt = nextKeyframeAfter(samples, Math.max(from, this.lastDecodedIndex));
      const resume = samples[resumeAt];
      if (resume === undefined || this.damaged.stretches >= MAX_DAMAGED_STRETCHES)
        throw this.decodeError(outcome.error);
      this.damaged.stretches++;
      this.damaged.ms += Math.max(0, resume.presentationMs - this.lastShownMs);
      from = resumeAt;
    }
    // Frames still being scaled are in the queue already; `next` hands them out before ending.
    this.ended = true;
    this.wakeFrame();
  }

  /** Feeds samples from `first` on to a new decoder, in decoding order, then flushes it. */
  private async decodeFrom(
    first: number,
  ): Promise<'finished' | 'stopped' | { readonly error: DOMException }> {
    let failure: DOMException | null = null;
    const decoder = new VideoDecoder({
      output: (frame) => this.onDecoded(frame),
      error: (error) => {
        failure = error;
        this.wakeRoom();
      },
    });
    decoder.addEventListener('dequeue', () => this.wakeRoom());
    decoder.configure(this.config);
    this.decoder = decoder;
    this.lastDecodedIndex = first - 1;
    const samples = this.track.samples;
    try {
      let index = first;
      while (index < samples.length) {
        await this.roomToDecode(decoder, () => failure !== null);
        if (this.stopped) return 'stopped';
        if (failure !== null) return { error: failure };
        const batch = batchFrom(samples, index);
        if (batch === null) break;
        const bytes = new Uint8Array(
          await this.file.slice(batch.startByte, batch.endByte).arrayBuffer(),
        );
        if (this.stopped) return 'stopped';
        if (failure !== null) return { error: failure };
        for (let i = batch.first; i < batch.end; i++) {
          const sample = samples[i];
          if (sample === undefined) continue;
          const start = sample.offset - batch.startByte;
          decoder.decode(
            new EncodedVideoChunk({
              type: sample.isKey ? 'key' : 'delta',
              timestamp: Math.round(sample.presentationMs * 1000),
              duration: Math.round(sample.durationMs * 1000),
              data: bytes.subarray(start, start + sample.size),
            }),
          );
        }
        index = batch.end;
      }
      await decoder.flush();
      return 'finished';
    } catch (error) {
      // After a decoder error, decode() and flush() throw too: the error callback has the cause.
      if (this.stopped) return 'stopped';
      if (failure !== null) return { error: failure };
      throw error;
    } finally {
      if (decoder.state !== 'closed') decoder.close();
    }
  }

  private async roomToDecode(decoder: VideoDecoder, decoderFailed: () => boolean): Promise<void> {
    let paused = false;
    while (
      !this.stopped &&
      this.failure === null &&
      !decoderFailed() &&
      (decoder.decodeQueueSize >= MAX_DECODE_BACKLOG || this.queue.length >= this.maxWaiting)
    ) {
      if (!paused && this.queue.length >= this.maxWaiting) {
        paused = true;
        this.counts.pauses++;
      }
      await new Promise<void>((resolve) => {
        this.roomWaiter = resolve;
      });
    }
  }

  private onDecoded(frame: VideoFrame): void {
    const videoTimeMs = frame.timestamp / 1000;
    this.counts.framesShown++;
    const index = this.indexByTimestamp.get(frame.timestamp);
    if (index !== undefined && index > this.lastDecodedIndex) this.lastDecodedIndex = index;
    this.firstShownMs ??= videoTimeMs;
    this.lastShownMs = videoTimeMs;
    // Frames before the edit list's start (negative times) are decoded as references, not shown.
    if (this.stopped || videoTimeMs < 0 || !isFrameDue(videoTimeMs, this.dueMs)) {
      frame.close();
      return;
    }
    this.dueMs = nextDueMs(this.options.rate, videoTimeMs);
    this.counts.framesTaken++;
    this.queue.push(this.grab(frame, videoTimeMs));
    this.wakeFrame();
  }

  /** Scales (and turns) a frame into a bitmap for the model; closes the frame. */
  private async grab(frame: VideoFrame, videoTimeMs: number): Promise<SampledFrame | null> {
    const { widthPx, heightPx } = this.frameSize;
    try {
      const bitmap = await this.shrinker.toBitmap(frame);
      if (this.stopped) {
        bitmap.close();
        return null;
      }
      this.drawPreview(bitmap);
      return { bitmap, videoTimeMs, widthPx, heightPx };
    } catch {
      this.counts.grabsFailed++;
      return null;
    } finally {
      frame.close();
    }
  }

  /** Shows the frame (already small and upright) in the preview, a few times a second. */
  private drawPreview(bitmap: ImageBitmap): void {
    const preview = this.options.preview;
    const atMs = this.now();
    if (preview === undefined || preview === null || atMs - this.lastPreviewMs < PREVIEW_EVERY_MS)
      return;
    this.lastPreviewMs = atMs;
    if (preview.width !== bitmap.width) preview.width = bitmap.width;
    if (preview.height !== bitmap.height) preview.height = bitmap.height;
    preview.getContext('2d')?.drawImage(bitmap, 0, 0);
  }

  private decodeError(error: DOMException): VideoFileError {
    const atS = (this.lastShownMs / 1000).toFixed(1);
    return new VideoFileError(
      'damaged',
      `“${this.fileName}” is damaged ${atS} s in: its pictures cannot be decoded from there on (the browser said: ${error.message}). Saving the video again from the phone or camera app usually fixes this.`,
    );
  }

  private fail(error: Error): void {
    if (this.stopped) return;
    this.failure ??= error;
    this.wakeFrame();
    this.wakeRoom();
  }

  private wakeFrame(): void {
    const waiter = this.frameWaiter;
    this.frameWaiter = null;
    waiter?.();
  }

  private wakeRoom(): void {
    const waiter = this.roomWaiter;
    this.roomWaiter = null;
    waiter?.();
  }
}
