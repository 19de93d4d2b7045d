/**
 * Which frames of a video an offline analysis looks at, and how fast the video must play to feed
 * the model. Pure: both frame sources (video/decodedFrameSource.ts, video/playedFrameSource.ts)
 * ask these functions at each frame; the playback rate and skipped slots matter only to the
 * player.
 *
 * A fixed rate takes the first frame in each slot of `1000 / perSecond` ms of video time
 * (0-99 ms, 100-199 ms... at 10/s), the same slot rule as the session recorder: at 30 fps frames
 * come 33.3 ms apart and a "100 ms since the last one" rule would drift to 7.5 samples a second.
 * A clip with fewer frames than slots (a 5 fps clip at 10/s) gives one sample per frame.
 */

export type SamplingRate =
  { readonly kind: 'per-second'; readonly perSecond: number } | { readonly kind: 'every-frame' };

/**
 * 10 a second: the rate the session recorder keeps measures at (session/recorder.ts), enough for
 * the fastest movement that matters (a bounce, 0.8-3.3 Hz) and a third of a 30 fps clip's frames.
 */
export const DEFAULT_SAMPLING: SamplingRate = { kind: 'per-second', perSecond: 10 };

export const SAMPLING_CHOICES: readonly {
  readonly id: string;
  readonly rate: SamplingRate;
  readonly label: string;
}[] = [
  { id: '5', rate: { kind: 'per-second', perSecond: 5 }, label: '5 frames a second (quickest)' },
  { id: '10', rate: DEFAULT_SAMPLING, label: '10 frames a second (recommended)' },
  { id: '15', rate: { kind: 'per-second', perSecond: 15 }, label: '15 frames a second' },
  { id: 'all', rate: { kind: 'every-frame' }, label: 'Every frame (slowest)' },
];

/**
 * A video's clock reports a frame's time as a float of seconds (0.19999999 for 200 ms), so a frame
 * this close before a slot's start counts as in the slot.
 */
export const SLOT_TOLERANCE_MS = 0.5;

export function samplingIntervalMs(rate: SamplingRate): number | null {
  return rate.kind === 'per-second' ? 1000 / rate.perSecond : null;
}

/** Whether a frame shown at video time `frameMs` should be analysed, given the next due time. */
export function isFrameDue(frameMs: number, dueMs: number): boolean {
  return frameMs >= dueMs - SLOT_TOLERANCE_MS;
}

/** The video time from which the next frame is due, after taking a frame at `takenMs`. */
export function nextDueMs(rate: SamplingRate, takenMs: number): number {
  const interval = samplingIntervalMs(rate);
  // Every frame: any frame later than this one (a frame's time repeats when a seek lands on it).
  if (interval === null) return takenMs + 2 * SLOT_TOLERANCE_MS;
  const slot = Math.floor((takenMs + SLOT_TOLERANCE_MS) / interval);
  return (slot + 1) * interval;
}

/**
 * The frames to take, given a video's frame times in ascending order: from `fromIndex` on, the
 * first frame due at or after `dueMs`, then the first due after it, and so on. Indices into
 * `timesMs`.
 */
export function dueFrameIndices(
  timesMs: readonly number[],
  fromIndex: number,
  dueMs: number,
  rate: SamplingRate,
): number[] {
  const due: number[] = [];
  let nextMs = dueMs;
  for (let i = Math.max(0, fromIndex); i < timesMs.length; i++) {
    const timeMs = timesMs[i] ?? NaN;
    if (!isFrameDue(timeMs, nextMs)) continue;
    due.push(i);
    nextMs = nextDueMs(rate, timeMs);
  }
  return due;
}

/**
 * How many frames an analysis of a clip of `durationMs` at `framesPerSecond` should give: one per
 * slot, or one per frame when frames are fewer than slots (or every frame is asked for).
 */
export function plannedSampleCount(
  durationMs: number,
  rate: SamplingRate,
  framesPerSecond: number,
): number {
  const frames = Math.round((durationMs * framesPerSecond) / 1000);
  const interval = samplingIntervalMs(rate);
  if (interval === null) return frames;
  return Math.min(Math.ceil(durationMs / interval - SLOT_TOLERANCE_MS / interval), frames);
}

export interface PlaybackRateInputs {
  /** What the model can do, frames per second (null before it is known). */
  readonly modelFramesPerSecond: number | null;
  /** Video time between the samples taken so far (the interval, or the frame gap if larger). */
  readonly videoMsPerSample: number;
}

/**
 * The most samples the video may bring past in a second: a slot (or, reading every frame, a
 * frame) that goes by with no frame callback seen in it is lost. Callbacks come at most once per
 * display refresh (60 Hz) and a busy page misses some. Measured in headless Chromium: a 30 fps
 * clip read frame by frame missed 69 of 390 frames at 60 frames a second shown and none at 30; at
 * 10 a second it missed 10 slots at 40 slots a second and none at 30 (npm run bench, section 7).
 * The model is fed at most this fast.
 */
export const MAX_SAMPLES_SHOWN_PER_S = 30;

/** Chromium plays muted video up to 16x; past about 8x its decoder drops frames on 2 cores. */
export const PLAYBACK_RATE_RANGE = { min: 0.25, max: 8 } as const;

/**
 * Playback makes frames 30% faster than the model takes them, so a few always wait and the model
 * never does; the sampler pauses the video when too many wait, so the surplus costs nothing.
 */
export const PLAYBACK_HEADROOM = 1.3;

/** How fast the video should play so that the model always has a frame waiting. */
export function playbackRateFor(inputs: PlaybackRateInputs): number {
  const { modelFramesPerSecond, videoMsPerSample } = inputs;
  const wanted =
    modelFramesPerSecond === null || modelFramesPerSecond <= 0
      ? 1
      : (modelFramesPerSecond * videoMsPerSample * PLAYBACK_HEADROOM) / 1000;
  const rate = Math.min(wanted, (MAX_SAMPLES_SHOWN_PER_S * videoMsPerSample) / 1000);
  const clamped = Math.min(PLAYBACK_RATE_RANGE.max, Math.max(PLAYBACK_RATE_RANGE.min, rate));
  // Quarter steps: the media pipeline restarts its clock on every change, so do not dither.
  return Math.max(PLAYBACK_RATE_RANGE.min, Math.round(clamped * 4) / 4);
}

/**
 * The fastest the player may play, given how it went since the last rate update: half the rate
 * it played at when slots went by unseen (a busy page draws fewer frames than the rate asks for,
 * and each missed slot is lost for good), eased back up by a quarter when none did. Starts at
 * the range's top.
 */
export function playbackCeilingAfter(
  ceiling: number,
  playedRate: number,
  slotsMissedSince: number,
): number {
  const next = slotsMissedSince > 0 ? Math.min(ceiling, playedRate) / 2 : ceiling * 1.25;
  return Math.min(PLAYBACK_RATE_RANGE.max, Math.max(PLAYBACK_RATE_RANGE.min, next));
}

/**
 * A gap between frames shown in a row this many times the clip's frame period means frames were
 * skipped. Under 2, so one missing frame at a steady rate shows; over 1.5, so a phone clip's
 * slightly uneven frame times do not.
 */
export const SKIP_GAP_FACTOR = 1.9;

/** The clip's frame period: the smallest gap seen between frames shown in a row, unskipped. */
export function updatedFramePeriodMs(periodMs: number | null, gapMs: number): number | null {
  return gapMs > SLOT_TOLERANCE_MS ? Math.min(periodMs ?? Infinity, gapMs) : periodMs;
}

/**
 * Samples lost between two frames a player showed in a row (at `previousMs` and `currentMs`):
 * none unless the gap shows skipped frames; then the frames skipped, but no more than the slots
 * strictly between the two frames' (a slot with no frame loses nothing).
 */
export function slotsSkipped(
  rate: SamplingRate,
  previousMs: number,
  currentMs: number,
  framePeriodMs: number | null,
): number {
  const gapMs = currentMs - previousMs;
  if (framePeriodMs === null || gapMs <= SKIP_GAP_FACTOR * framePeriodMs) return 0;
  const framesSkipped = Math.max(0, Math.round(gapMs / framePeriodMs) - 1);
  const interval = samplingIntervalMs(rate);
  if (interval === null) return framesSkipped;
  const slotOf = (ms: number): number => Math.floor((ms + SLOT_TOLERANCE_MS) / interval);
  return Math.min(framesSkipped, Math.max(0, slotOf(currentMs) - slotOf(previousMs) - 1));
}
