import {
  EncodedPacketSink,
  InputDisposedError,
  VideoSampleSink,
  type Input,
  type InputVideoTrack,
  type VideoSample,
} from 'mediabunny';
import { scaledFrameSize } from '../../camera/scaledBitmap';
import { VideoFileError } from '../../camera/types';
import type { FrameSource, SampledFrame, SamplerStats } from '../frameSource';
import { isFrameDue, nextDueMs, type SamplingRate } from '../samplingPlan';
import { FrameShrinker } from './frameShrinker';
import { readableEndS } from './readableEnd';

/**
 * Frames of a video file for an offline analysis, read and decoded by Mediabunny (which finds
 * each frame from the container's index, applies edit lists and the track's rotation, and
 * decodes with WebCodecs, a few frames ahead of what is taken). The frames the sampling plan
 * wants are shrunk and turned upright into bitmaps for the model (frameShrinker.ts) while the
 * model works on earlier ones; the rest are closed as they come.
 *
 * Reading pauses while enough frames wait for the model (`maxWaiting`), so memory stays a few
 * frames however long the clip is. A damaged stretch (the decoder refuses a frame) is skipped to
 * the next keyframe; a file cut short is read up to where its data ends.
 */

export interface DecodedFrameSourceOptions {
  readonly rate: SamplingRate;
  /** Long side of the frames handed out. */
  readonly maxSidePx: number;
  /** Frames ready and waiting before reading pauses. */
  readonly maxWaiting?: number;
  /** A canvas that shows the frames being analysed, a few times a second. */
  readonly preview?: HTMLCanvasElement | null;
}

/**
 * Damaged stretches skipped before a file is refused: a clip copied with a few bad blocks is
 * still worth analysing; one damaged throughout is not.
 */
const MAX_DAMAGED_STRETCHES = 3;

/**
 * A file whose readable part ends this much before the length it states (or its index lists) was
 * cut short. Containers round their stated length by a frame or so (42 ms at 24 fps, the slowest
 * rate cameras use); a cut loses far more.
 */
const CUT_SHORT_MIN_S = 0.2;

/** The preview redraws at most this often: it is for a person to follow, not for the model. */
const PREVIEW_EVERY_MS = 100;

type ReadOutcome = 'done' | { readonly error: unknown };

export class DecodedFrameSource implements FrameSource {
  readonly method = 'decoder';
  private readonly ready: SampledFrame[] = [];
  private readonly maxWaiting: number;
  private readonly frameSize: { readonly widthPx: number; readonly heightPx: number };
  private readonly shrinker: FrameShrinker;
  private readonly counts = { framesSeen: 0, framesTaken: 0, damagedStretches: 0, damagedMs: 0 };
  /** The newest frame that came out of the decoder, in seconds of video time. */
  private lastSeenS: number | null = null;
  private dueMs = 0;
  private started = false;
  private stopped = false;
  private ended = false;
  private failure: Error | null = null;
  /** Woken when a frame is ready, or reading ends or fails. */
  private frameWaiter: (() => void) | null = null;
  /** Woken when the model takes a frame (there is room for another). */
  private roomWaiter: (() => void) | null = null;
  private lastPreviewMs = -Infinity;

  private constructor(
    private readonly input: Input,
    private readonly track: InputVideoTrack,
    private readonly fileName: string,
    readonly widthPx: number,
    readonly heightPx: number,
    readonly durationMs: number,
    private readonly cutShortAtMs: number | null,
    private readonly options: DecodedFrameSourceOptions,
  ) {
    this.maxWaiting = options.maxWaiting ?? 3;
    this.frameSize = scaledFrameSize(widthPx, heightPx, options.maxSidePx);
    this.shrinker = new FrameShrinker(this.frameSize);
  }

  /** A source over `track`, which the browser decodes; owns `input` from here on. */
  static async open(
    input: Input,
    track: InputVideoTrack,
    fileName: string,
    options: DecodedFrameSourceOptions,
  ): Promise<DecodedFrameSource> {
    const [widthPx, heightPx, foundS, statedS, readableS] = await Promise.all([
      track.getDisplayWidth(),
      track.getDisplayHeight(),
      track.computeDuration(),
      track.getDurationFromMetadata(),
      readableEndS(track),
    ]);
    const endS = readableS ?? foundS;
    const cutShort = Math.max(foundS, statedS ?? 0) - endS > CUT_SHORT_MIN_S;
    if (endS <= 0)
      throw new VideoFileError(
        'damaged',
        `“${fileName}” was cut short before its first picture: there is nothing in it to analyse.`,
      );
    const cutShortAtMs = cutShort ? endS * 1000 : null;
    return new DecodedFrameSource(
      input,
      track,
      fileName,
      widthPx,
      heightPx,
      endS * 1000,
      cutShortAtMs,
      options,
    );
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.readAll().then(
      () => {
        this.ended = true;
        this.wakeFrame();
      },
      (error: unknown) => {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
        this.wakeFrame();
      },
    );
  }

  async next(): Promise<SampledFrame | null> {
    for (;;) {
      if (this.failure !== null && !this.stopped) throw this.failure;
      const frame = this.ready.shift();
      if (frame !== undefined) {
        this.wakeRoom();
        return frame;
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
    return {
      method: this.method,
      ...this.counts,
      slotsMissed: 0,
      cutShortAtMs: this.cutShortAtMs,
    };
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    // Ends the decoder's iteration too (it throws InputDisposedError, taken as the end).
    this.input.dispose();
    for (const frame of this.ready.splice(0)) frame.bitmap.close();
    this.wakeFrame();
    this.wakeRoom();
  }

  /**
   * Reads the whole file. When the decoder refuses a frame (damaged data), reading starts again
   * at the next keyframe after the last frame that came out, and the frames in between are
   * skipped (they depend on the damaged one). Past `MAX_DAMAGED_STRETCHES`, or with no keyframe
   * left, the file is refused.
   */
  private async readAll(): Promise<void> {
    let fromS: number | undefined;
    for (;;) {
      const outcome = await this.readFrom(fromS);
      if (outcome === 'done' || this.stopped) return;
      const resume = await this.nextKeyframe(fromS);
      if (resume === null || this.counts.damagedStretches >= MAX_DAMAGED_STRETCHES)
        throw this.damagedError(outcome.error);
      this.counts.damagedStretches++;
      this.counts.damagedMs += Math.max(0, (resume - (this.lastSeenS ?? 0)) * 1000);
      fromS = resume;
    }
  }

  private async readFrom(fromS: number | undefined): Promise<ReadOutcome> {
    try {
      for await (const sample of new VideoSampleSink(this.track).samples(fromS)) {
        try {
          await this.see(sample);
        } finally {
          sample.close();
        }
        if (this.stopped) return 'done';
        while (this.ready.length >= this.maxWaiting && !this.stopped)
          await new Promise<void>((resolve) => {
            this.roomWaiter = resolve;
          });
      }
      return 'done';
    } catch (error) {
      if (this.stopped || error instanceof InputDisposedError) return 'done';
      if (error instanceof VideoFileError) throw error;
      return { error };
    }
  }

  /** A decoded frame: taken when the sampling plan wants it. */
  private async see(sample: VideoSample): Promise<void> {
    this.counts.framesSeen++;
    this.lastSeenS = sample.timestamp;
    const videoTimeMs = sample.timestamp * 1000;
    // Frames before the edit list's start (negative times) are decoded as references, not shown.
    if (this.stopped || !isFrameDue(videoTimeMs, this.dueMs)) return;
    this.dueMs = nextDueMs(this.options.rate, videoTimeMs);
    const bitmap = await this.shrinker.toBitmap(sample);
    if (this.stopped) {
      bitmap.close();
      return;
    }
    this.counts.framesTaken++;
    this.drawPreview(bitmap);
    this.ready.push({ bitmap, videoTimeMs, ...this.frameSize });
    this.wakeFrame();
  }

  /**
   * The first keyframe after the last frame seen, or after the keyframe reading last started at
   * when no frame came out since.
   */
  private async nextKeyframe(fromS: number | undefined): Promise<number | null> {
    const packets = new EncodedPacketSink(this.track);
    const options = { verifyKeyPackets: true };
    const afterS = Math.max(this.lastSeenS ?? -Infinity, fromS ?? -Infinity);
    const after = Number.isFinite(afterS)
      ? await packets.getPacket(afterS)
      : await packets.getFirstKeyPacket(options);
    const key = after === null ? null : await packets.getNextKeyPacket(after, options);
    return key?.timestamp ?? null;
  }

  /** Shows the frame (already small and upright) in the preview, a few times a second. */
  private drawPreview(bitmap: ImageBitmap): void {
    const preview = this.options.preview;
    const atMs = performance.now();
    if (preview === undefined || preview === null || atMs - this.lastPreviewMs < PREVIEW_EVERY_MS)
      return;
    this.lastPreviewMs = atMs;
    if (preview.width !== bitmap.width) preview.width = bitmap.width;
    if (preview.height !== bitmap.height) preview.height = bitmap.height;
    preview.getContext('2d')?.drawImage(bitmap, 0, 0);
  }

  private damagedError(error: unknown): VideoFileError {
    const atS = (this.lastSeenS ?? 0).toFixed(1);
    const said = error instanceof Error ? ` (the browser said: ${error.message})` : '';
    return new VideoFileError(
      'damaged',
      `“${this.fileName}” is damaged ${atS} s in: its pictures cannot be decoded from there on${said}. Saving the video again from the phone or camera app usually fixes this.`,
    );
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
