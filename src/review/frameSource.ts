/**
 * What an offline analysis reads frames from. Two kinds exist: a decoder that reads the file's
 * encoded frames itself (decoding/decodedFrameSource.ts, for MP4, MOV, WebM and Matroska files,
 * the fast way) and a player that plays the file in a `<video>` element and catches the frames
 * it shows (videoFrameSampler.ts, for anything else the browser plays).
 * openFrameSource.ts picks one.
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
  /** Frames the video showed (or the decoder gave) while the source watched. */
  readonly framesShown: number;
  readonly framesTaken: number;
  /** Frames shown without a callback (the page was busy) or dropped by the player. */
  readonly framesMissed: number;
  /** Times the player sought back for a frame it missed. */
  readonly recoveries: number;
  /** Slots (or frames) given up after a recovery found nothing: should stay 0. */
  readonly slotsLost: number;
  /** Frames due whose picture could not be read. */
  readonly grabsFailed: number;
  /** Times reading paused because the model had enough frames waiting. */
  readonly pauses: number;
  /** Stretches of damaged data the decoder skipped (to the next keyframe), and their length. */
  readonly damagedStretches: number;
  readonly damagedMs: number;
  /** Main-thread time spent starting frame grabs. */
  readonly grabMs: number;
  /** The player's playback rate; null for the decoder, which has none. */
  readonly playbackRate: number | null;
  /** The clip's frame rate as seen (frames per second of video), null until known. */
  readonly videoFramesPerSecond: number | null;
}

export interface FrameSource {
  readonly method: FrameSourceMethod;
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
