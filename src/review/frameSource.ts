/**
 * What an offline analysis reads frames from. Two kinds exist: a decoder that reads the file's
 * encoded frames with Mediabunny and WebCodecs (video/decodedFrameSource.ts: MP4, MOV, WebM,
 * Matroska, MPEG-TS, the fast way) and a player that plays the file in a `<video>` element and
 * catches the frames it shows (video/playedFrameSource.ts, for a file whose pictures only the
 * browser's player decodes). openFrameSource.ts picks one.
 */

export interface SampledFrame {
  /** Owned by the receiver: transfer it to the estimator or close it. */
  readonly bitmap: ImageBitmap;
  /** The frame's media time. */
  readonly videoTimeMs: number;
  readonly widthPx: number;
  readonly heightPx: number;
}

export type FrameSourceMethod = 'decoder' | 'player';

export interface SamplerStats {
  readonly method: FrameSourceMethod;
  /** Sampling slots that went by with no frame seen in them (the player only; 0 for the decoder). */
  readonly slotsMissed: number;
  /** Stretches of damaged data skipped (to the next keyframe), and the video time they covered. */
  readonly damagedStretches: number;
  readonly damagedMs: number;
  /**
   * Where the readable part of a file that was cut short ends (its index lists frames past the
   * end of the data), in video time; null for a whole file.
   */
  readonly cutShortAtMs: number | null;
}

export interface FrameSource {
  readonly method: FrameSourceMethod;
  /** The length that can be read (a file cut short: its readable part). */
  readonly durationMs: number;
  /** Display size (rotation applied). */
  readonly widthPx: number;
  readonly heightPx: number;
  /** Starts reading from the first frame. */
  start(): void;
  /** The next due frame, in time order; null once all were taken. */
  next(): Promise<SampledFrame | null>;
  /** The model's recent pace, frames per second: a source may adjust how fast it reads. */
  setModelRate(framesPerSecond: number): void;
  stats(): SamplerStats;
  /** Stops reading and lets go of the file and of frames nobody took. */
  stop(): void;
}
