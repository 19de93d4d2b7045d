import type { ProtocolEvent } from './events';
import { NO_EVENTS } from './events';

/**
 * Detects ballistic bouncing in the hip angle (seed 000: "Avoid Bouncing ... Stick to static
 * holds"; seed 001: "bouncing or jerking ... can trigger the stretch reflex").
 *
 * The signal is split into swings with a zig-zag filter: a turning point is confirmed once the
 * angle has come back `minSwingDeg` from it, so jitter smaller than that never makes a swing.
 * Bouncing is `swingsToDetect` consecutive swings each of at least `minSwingDeg` peak to peak
 * and each lasting `minHalfPeriodMs`-`maxHalfPeriodMs`:
 * - Ballistic bouncing is a push to the end of range and a rebound at about 1-3 per second with
 *   several degrees of swing: half-cycles of 150-600 ms (0.8-3.3 Hz), 4 degrees or more.
 * - Slow deepening is one long swing in one direction (no turning points); breathing moves the
 *   hip angle 1-2 degrees over 3-5 s; both fall outside the band.
 * - Keypoint jitter is frame to frame: white noise up to the frame rate's Nyquist limit (15 Hz at
 *   30 frames/s). A one-pole low-pass at `lowPassHz` (4 Hz) in front of the zig-zag keeps 80% or
 *   more of a 1-3 Hz bounce but cuts that noise to about a third of its power: unsmoothed MoveNet
 *   jitter of 1.5 px (1.7 degrees of hip angle) rarely makes 4-degree swings.
 * - Noisier input (a poorly lit room, a far camera) raises the swing threshold to
 *   `noiseFactor` (3) times the jitter, estimated from the second difference of the raw angle
 *   (for white noise E|x[n] - 2x[n-1] + x[n-2]| = 1.95 sigma; a 3 Hz bounce adds under a tenth
 *   of its swing to it at 30 frames/s). Bouncing that small cannot be told from jitter.
 * Three swings (one and a half cycles), each within a factor `maxRhythmRatio` (1.5) of the one
 * before in size and length, is the fewest that shows a rhythm rather than one adjustment. The
 * bout ends when no qualifying swing has come for `quietMs`.
 *
 * Measured by simulation (the noise cases in tests/unit/protocol/bounceDetector.test.ts): no
 * detection in 30 min of white jitter at any sigma from 1 to 3 degrees (30 frames/s); a 2 Hz,
 * 8-degree bounce in 1.7 degrees of jitter is flagged within 1.1 s, a 1 Hz 10-degree one within
 * 2.1 s. A 3 Hz bounce of 6 degrees in that much jitter takes several seconds: it is barely
 * above it.
 */
export interface BounceConfig {
  readonly lowPassHz: number;
  readonly minSwingDeg: number;
  /** The swing threshold is at least this many times the estimated jitter (sigma). */
  readonly noiseFactor: number;
  /** Consecutive swings of a bounce differ in size and length by at most this factor. */
  readonly maxRhythmRatio: number;
  readonly minHalfPeriodMs: number;
  readonly maxHalfPeriodMs: number;
  readonly swingsToDetect: number;
  readonly quietMs: number;
  /** A signal gap longer than this restarts the detector (no swing spans a blind spot). */
  readonly maxGapMs: number;
}

export const DEFAULT_BOUNCE_CONFIG: BounceConfig = Object.freeze({
  lowPassHz: 4,
  minSwingDeg: 4,
  noiseFactor: 3,
  maxRhythmRatio: 1.5,
  minHalfPeriodMs: 150,
  maxHalfPeriodMs: 600,
  swingsToDetect: 3,
  quietMs: 1200,
  maxGapMs: 500,
});

export interface BounceState {
  /** The low-passed hip angle. */
  readonly smoothedDeg: number | null;
  /** The last two raw samples and the running mean of |second difference| (jitter estimate). */
  readonly rawPrevDeg: number | null;
  readonly rawPrev2Deg: number | null;
  readonly meanAbsSecondDiffDeg: number;
  readonly jitterSamples: number;
  /** Last confirmed turning point. */
  readonly pivotDeg: number | null;
  readonly pivotMs: number;
  /** +1 while the signal rises from the pivot, -1 while it falls, 0 before the first pivot. */
  readonly direction: -1 | 0 | 1;
  /** The running extreme since the pivot (the next turning point once confirmed). */
  readonly extremeDeg: number;
  readonly extremeMs: number;
  readonly lastSampleMs: number | null;
  /** Consecutive qualifying swings and their sums, for the reported amplitude and frequency. */
  readonly runSwings: number;
  readonly runSwingSumDeg: number;
  readonly runDurationSumMs: number;
  /** Where the first swing of the current run began. */
  readonly runStartMs: number;
  /** The last swing's size and length, to check the next one keeps the rhythm. */
  readonly lastSwingDeg: number;
  readonly lastSwingMs: number;
  readonly lastQualifyingMs: number | null;
  /** When the current bout was detected and when it began, or null when not bouncing. */
  readonly boutStartMs: number | null;
}

export const INITIAL_BOUNCE_STATE: BounceState = Object.freeze({
  smoothedDeg: null,
  rawPrevDeg: null,
  rawPrev2Deg: null,
  meanAbsSecondDiffDeg: 0,
  jitterSamples: 0,
  pivotDeg: null,
  pivotMs: 0,
  direction: 0,
  extremeDeg: 0,
  extremeMs: 0,
  lastSampleMs: null,
  runSwings: 0,
  runSwingSumDeg: 0,
  runDurationSumMs: 0,
  runStartMs: 0,
  lastSwingDeg: 0,
  lastSwingMs: 0,
  lastQualifyingMs: null,
  boutStartMs: null,
});

export function isBouncing(state: BounceState): boolean {
  return state.boutStartMs !== null;
}

/** Feeds one sample of the hip angle; `null` when it could not be measured this frame. */
export function advanceBounce(
  state: BounceState,
  valueDeg: number | null,
  nowMs: number,
  config: BounceConfig = DEFAULT_BOUNCE_CONFIG,
): { readonly state: BounceState; readonly events: readonly ProtocolEvent[] } {
  let next = state;
  let events: ProtocolEvent[] | null = null;

  if (valueDeg !== null) {
    const gapped = state.lastSampleMs !== null && nowMs - state.lastSampleMs > config.maxGapMs;
    const from = gapped ? restart(state) : state;
    const smoothedDeg = lowPass(from, valueDeg, nowMs, config.lowPassHz);
    const noise = jitter(from, valueDeg);
    const swingDeg = Math.max(
      config.minSwingDeg,
      (config.noiseFactor * noise.mean) / ABS_SECOND_DIFF_PER_SIGMA,
    );
    next = followSwing(
      {
        ...from,
        smoothedDeg,
        rawPrev2Deg: from.rawPrevDeg,
        rawPrevDeg: valueDeg,
        meanAbsSecondDiffDeg: noise.mean,
        jitterSamples: noise.samples,
      },
      smoothedDeg,
      nowMs,
      swingDeg,
      config,
    );
    if (next.runSwings >= config.swingsToDetect && next.boutStartMs === null) {
      const startMs = next.runStartMs;
      next = { ...next, boutStartMs: startMs };
      events = [
        {
          type: 'bounce-detected',
          atMs: nowMs,
          amplitudeDeg: next.runSwingSumDeg / next.runSwings,
          frequencyHz: 1000 / ((2 * next.runDurationSumMs) / next.runSwings),
        },
        {
          type: 'fault-started',
          atMs: nowMs,
          fault: 'bouncing',
          aspect: 'safety',
          gatesHold: true,
          startMs,
        },
      ];
    }
  }

  const quietSinceMs = next.lastQualifyingMs;
  if (
    next.boutStartMs !== null &&
    quietSinceMs !== null &&
    nowMs - quietSinceMs >= config.quietMs
  ) {
    (events ??= []).push({
      type: 'fault-ended',
      atMs: nowMs,
      fault: 'bouncing',
      startMs: next.boutStartMs,
      durationMs: nowMs - next.boutStartMs,
    });
    next = { ...next, boutStartMs: null, runSwings: 0, runSwingSumDeg: 0, runDurationSumMs: 0 };
  }
  return { state: next, events: events ?? NO_EVENTS };
}

/** E|second difference| of white noise over its sigma: sqrt(6) * sqrt(2 / pi). */
const ABS_SECOND_DIFF_PER_SIGMA = 1.954;
/**
 * The jitter estimate is a plain mean over the first frames, then a running mean over about 60
 * frames (2 s at 30 frames/s).
 */
const JITTER_FRAMES = 60;

function jitter(state: BounceState, valueDeg: number): { mean: number; samples: number } {
  const { meanAbsSecondDiffDeg: mean, jitterSamples: samples } = state;
  if (state.rawPrevDeg === null || state.rawPrev2Deg === null) return { mean, samples };
  const secondDiff = Math.abs(valueDeg - 2 * state.rawPrevDeg + state.rawPrev2Deg);
  const weight = 1 / Math.min(samples + 1, JITTER_FRAMES);
  return { mean: mean + weight * (secondDiff - mean), samples: samples + 1 };
}

/** One-pole low-pass: the time constant of an RC filter with its corner at `hz`. */
function lowPass(state: BounceState, valueDeg: number, nowMs: number, hz: number): number {
  if (state.smoothedDeg === null || state.lastSampleMs === null) return valueDeg;
  const dtS = Math.max(0, nowMs - state.lastSampleMs) / 1000;
  const alpha = 1 - Math.exp(-2 * Math.PI * hz * dtS);
  return state.smoothedDeg + alpha * (valueDeg - state.smoothedDeg);
}

function restart(state: BounceState): BounceState {
  return {
    ...INITIAL_BOUNCE_STATE,
    meanAbsSecondDiffDeg: state.meanAbsSecondDiffDeg,
    jitterSamples: state.jitterSamples,
    boutStartMs: state.boutStartMs,
    lastQualifyingMs: state.lastQualifyingMs,
  };
}

/** The zig-zag filter: extends the running extreme or confirms it as a turning point. */
function followSwing(
  state: BounceState,
  valueDeg: number,
  nowMs: number,
  minSwingDeg: number,
  config: BounceConfig,
): BounceState {
  if (state.pivotDeg === null)
    return {
      ...state,
      pivotDeg: valueDeg,
      pivotMs: nowMs,
      extremeDeg: valueDeg,
      extremeMs: nowMs,
      lastSampleMs: nowMs,
    };
  const direction = state.direction;
  const beyondExtreme =
    direction === 0
      ? Math.abs(valueDeg - state.pivotDeg) > Math.abs(state.extremeDeg - state.pivotDeg)
      : (valueDeg - state.extremeDeg) * direction > 0;
  if (beyondExtreme) {
    return {
      ...state,
      direction: direction === 0 ? (valueDeg > state.pivotDeg ? 1 : -1) : direction,
      extremeDeg: valueDeg,
      extremeMs: nowMs,
      lastSampleMs: nowMs,
    };
  }
  const pullbackDeg = Math.abs(state.extremeDeg - valueDeg);
  if (direction === 0 || pullbackDeg < minSwingDeg) return { ...state, lastSampleMs: nowMs };

  // The extreme is confirmed as a turning point: the swing pivot -> extreme is complete.
  const swingDeg = Math.abs(state.extremeDeg - state.pivotDeg);
  const swingMs = state.extremeMs - state.pivotMs;
  const qualifies =
    swingDeg >= minSwingDeg &&
    swingMs >= config.minHalfPeriodMs &&
    swingMs <= config.maxHalfPeriodMs;
  // A rhythm: each swing like the one before in size and length. Jitter swings are irregular.
  const inRhythm =
    state.runSwings === 0 ||
    (within(swingDeg, state.lastSwingDeg, config.maxRhythmRatio) &&
      within(swingMs, state.lastSwingMs, config.maxRhythmRatio));
  const runSwings = !qualifies ? 0 : inRhythm ? state.runSwings + 1 : 1;
  const continues = qualifies && inRhythm && state.runSwings > 0;
  return {
    ...state,
    pivotDeg: state.extremeDeg,
    pivotMs: state.extremeMs,
    direction: direction === 1 ? -1 : 1,
    extremeDeg: valueDeg,
    extremeMs: nowMs,
    lastSampleMs: nowMs,
    runSwings,
    runSwingSumDeg: !qualifies ? 0 : continues ? state.runSwingSumDeg + swingDeg : swingDeg,
    runDurationSumMs: !qualifies ? 0 : continues ? state.runDurationSumMs + swingMs : swingMs,
    runStartMs: qualifies && !continues ? state.pivotMs : state.runStartMs,
    lastSwingDeg: swingDeg,
    lastSwingMs: swingMs,
    lastQualifyingMs: qualifies ? nowMs : state.lastQualifyingMs,
  };
}

function within(value: number, previous: number, ratio: number): boolean {
  return value <= previous * ratio && previous <= value * ratio;
}
