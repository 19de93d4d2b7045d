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
import { dueFrameIndices, nextDueMs, type SamplingRate } from '../samplingPlan';
import { indexFrames, keyTimeAtOrBeforeMs } from './frameIndex';
import { FrameShrinker } from './frameShrinker';

/**
 * Frames of a video file for an offline analysis, read and decoded by Mediabunny (which finds
 * each frame from the container's index, applies edit lists and the track's rotation, and
 * decodes with WebCodecs). The sampling plan picks its frames from the index's frame times
 * (frameIndex.ts) and Mediabunny is asked for exactly those: it decodes each group of pictures
 * up to the last frame wanted from it, and keeps up to 8 wanted frames decoded ahead while the
 * model works. Those are shrunk and turned upright into bitmaps for the model
 * (frameShrinker.ts), a few of which wait ready (`maxWaiting`), so memory stays a few frames
 * however long the clip is.
 *
 * A damaged stretch (the decoder refuses a frame) is skipped to the next keyframe; a file cut
 * short is read up to where its data ends.
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
 * A file whose frames end this much before the length it states was cut short. Containers round
 * their stated length by a frame or so (42 ms at 24 fps, the slowest rate cameras use); a cut
 * loses far more.
 */
const CUT_SHORT_MIN_MS = 200;

/** The preview redraws at most this often: it is for a person to follow, not for the model. */
const PREVIEW_EVERY_MS = 100;

/** How a read of some frames went: how many were done, and the decoder's complaint if it stopped. */
interface ReadOutcome {
  readonly done: number;
  readonly error: unknown;
}

export class DecodedFrameSource implements FrameSource {
  readonly method = 'decoder';
  private readonly ready: SampledFrame[] = [];
  private readonly maxWaiting: number;
  private readonly frameSize: { readonly widthPx: number; readonly heightPx: number };
  private readonly shrinker: FrameShrinker;
  private readonly counts = { damagedStretches: 0, damagedMs: 0 };
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
    /** Presentation times of the readable frames, ascending. */
    private readonly timesMs: readonly number[],
    /** Where decoding can start: the readable keyframes' times, ascending. */
    private readonly keyTimesMs: readonly number[],
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
    const [widthPx, heightPx, foundS, statedS, index] = await Promise.all([
      track.getDisplayWidth(),
      track.getDisplayHeight(),
      track.computeDuration(),
      track.getDurationFromMetadata(),
      indexFrames(track),
    ]);
    if (index.timesMs.length === 0)
      throw new VideoFileError(
        'damaged',
        `“${fileName}” was cut short before its first picture: there is nothing in it to analyse.`,
      );
    const endMs = index.cutShortAtMs ?? foundS * 1000;
    // A file that states a length its frames do not reach lost its end (a recording cut off).
    const statedMs = (statedS ?? 0) * 1000;
    const cutShortAtMs = index.cutShortAtMs ?? (statedMs - endMs > CUT_SHORT_MIN_MS ? endMs : null);
    return new DecodedFrameSource(
      input,
      track,
      fileName,
      index.timesMs,
      index.keyTimesMs,
      widthPx,
      heightPx,
      endMs,
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
      // The frames read before a failure are handed out first.
      const frame = this.ready.shift();
      if (frame !== undefined) {
        this.wakeRoom();
        return frame;
      }
      if (this.failure !== null && !this.stopped) throw this.failure;
      if (this.ended || this.stopped) return null;
      await new Promise<void>((resolve) => {
        this.frameWaiter = resolve;
      });
    }
  }

  /** The decoder reads as fast as the queue allows: nothing to follow. */
  setModelRate(): void {}

  stats(): SamplerStats {
    return { method: this.method, ...this.counts, slotsMissed: 0, cutShortAtMs: this.cutShortAtMs };
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
   * Reads the frames the sampling plan wants, from the first. When the decoder refuses a frame
   * it stops, and the frames it had decoded ahead are dropped, so the complaint does not say
   * which frame was damaged: the first wanted frame that did not come is read again on its own
   * (decoded from its keyframe up to it, nothing further). If it comes, reading goes on after it;
   * if not, the damage lies at or before it, the frames after it up to the next keyframe depend
   * on the damaged one, and reading goes on from that keyframe with the plan's next slot. Past
   * `MAX_DAMAGED_STRETCHES`, or with no keyframe left, the file is refused.
   */
  private async readAll(): Promise<void> {
    let from = 0;
    while (!this.stopped) {
      const wanted = dueFrameIndices(this.timesMs, from, this.dueMs, this.options.rate);
      if (wanted.length === 0) return;
      const read = await this.read(wanted);
      const missing = wanted[read.done];
      if (read.error === null || missing === undefined) return;
      const alone = await this.read([missing]);
      if (alone.error === null) {
        from = missing + 1;
        continue;
      }
      from = await this.skipDamage(missing, alone.error);
    }
  }

  /** Skips from the frame at `index` (which cannot be decoded) to the next keyframe's index. */
  private async skipDamage(index: number, error: unknown): Promise<number> {
    const atMs = this.timesMs[index] ?? 0;
    const packets = new EncodedPacketSink(this.track);
    const options = { verifyKeyPackets: true };
    const damaged = await packets.getPacket(atMs / 1000, options);
    const key = damaged === null ? null : await packets.getNextKeyPacket(damaged, options);
    const resume = key === null ? -1 : this.timesMs.findIndex((t) => t >= key.timestamp * 1000);
    if (resume < 0 || this.counts.damagedStretches >= MAX_DAMAGED_STRETCHES)
      throw this.damagedError(atMs, error);
    this.counts.damagedStretches++;
    this.counts.damagedMs += (this.timesMs[resume] ?? atMs) - atMs;
    return resume;
  }

  /**
   * Reads the frames at `indices` (ascending) into the ready queue, in order. Decoding starts at
   * the keyframe before the first (from the index: see FrameIndex.keyTimesMs for why not
   * Mediabunny's lookup) and runs to the last; the frames between that are not wanted are
   * dropped as they come. `done` counts the wanted frames passed, read or not there.
   */
  private async read(indices: readonly number[]): Promise<ReadOutcome> {
    const wantedMs = indices.map((i) => this.timesMs[i] ?? 0);
    const firstMs = wantedMs[0] ?? 0;
    const last = indices.at(-1) ?? 0;
    // The range's end is exclusive: the frame after the last wanted one.
    const endS = (this.timesMs[last + 1] ?? Infinity) / 1000;
    const startS = keyTimeAtOrBeforeMs(this.keyTimesMs, firstMs) / 1000;
    const sink = new VideoSampleSink(this.track);
    let done = 0;
    try {
      for await (const sample of sink.samples(startS, endS)) {
        try {
          const atMs = sample.timestamp * 1000;
          while (done < wantedMs.length && (wantedMs[done] ?? Infinity) < atMs) done++;
          if (wantedMs[done] !== atMs) continue;
          done++;
          await this.take(sample);
        } finally {
          sample.close();
        }
        while (this.ready.length >= this.maxWaiting && !this.stopped)
          await new Promise<void>((resolve) => {
            this.roomWaiter = resolve;
          });
        if (this.stopped || done === wantedMs.length) break;
      }
      return { done: wantedMs.length, error: null };
    } catch (error) {
      if (this.stopped || error instanceof InputDisposedError) return { done, error: null };
      return { done, error };
    }
  }

  /** A wanted frame, shrunk for the model. */
  private async take(sample: VideoSample): Promise<void> {
    const videoTimeMs = sample.timestamp * 1000;
    this.dueMs = nextDueMs(this.options.rate, videoTimeMs);
    const bitmap = await this.shrinker.toBitmap(sample);
    if (this.stopped) {
      bitmap.close();
      return;
    }
    this.drawPreview(bitmap);
    this.ready.push({ bitmap, videoTimeMs, ...this.frameSize });
    this.wakeFrame();
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

  private damagedError(atMs: number, error: unknown): VideoFileError {
    const said = error instanceof Error ? ` (the browser said: ${error.message})` : '';
    return new VideoFileError(
      'damaged',
      `“${this.fileName}” is damaged ${(atMs / 1000).toFixed(1)} s in: its pictures cannot be decoded from there on${said}. Saving the video again from the phone or camera app usually fixes this.`,
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
