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
 * - Keypoint jitter is frame to frame (5 Hz and faster) and, after geometry's smoothing, well
 *   under 4 degrees.
 * Three swings (one and a half cycles) is the fewest that shows a rhythm rather than one
 * adjustment. The bout ends when no qualifying swing has come for `quietMs`.
 */
export interface BounceConfig {
  readonly minSwingDeg: number;
  readonly minHalfPeriodMs: number;
  readonly maxHalfPeriodMs: number;
  readonly swingsToDetect: number;
  readonly quietMs: number;
  /** A signal gap longer than this restarts the detector (no swing spans a blind spot). */
  readonly maxGapMs: number;
}

export const DEFAULT_BOUNCE_CONFIG: BounceConfig = Object.freeze({
  minSwingDeg: 4,
  minHalfPeriodMs: 150,
  maxHalfPeriodMs: 600,
  swingsToDetect: 3,
  quietMs: 1200,
  maxGapMs: 500,
});

export interface BounceState {
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
  readonly lastQualifyingMs: number | null;
  /** When the current bout was detected and when it began, or null when not bouncing. */
  readonly boutStartMs: number | null;
}

export const INITIAL_BOUNCE_STATE: BounceState = Object.freeze({
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
    next = followSwing(gapped ? restart(state) : state, valueDeg, nowMs, config);
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

function restart(state: BounceState): BounceState {
  return {
    ...INITIAL_BOUNCE_STATE,
    boutStartMs: state.boutStartMs,
    lastQualifyingMs: state.lastQualifyingMs,
  };
}

/** The zig-zag filter: extends the running extreme or confirms it as a turning point. */
function followSwing(
  state: BounceState,
  valueDeg: number,
  nowMs: number,
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
  if (direction === 0 || pullbackDeg < config.minSwingDeg) return { ...state, lastSampleMs: nowMs };

  // The extreme is confirmed as a turning point: the swing pivot -> extreme is complete.
  const swingDeg = Math.abs(state.extremeDeg - state.pivotDeg);
  const swingMs = state.extremeMs - state.pivotMs;
  const qualifies =
    swingDeg >= config.minSwingDeg &&
    swingMs >= config.minHalfPeriodMs &&
    swingMs <= config.maxHalfPeriodMs;
  return {
    ...state,
    pivotDeg: state.extremeDeg,
    pivotMs: state.extremeMs,
    direction: direction === 1 ? -1 : 1,
    extremeDeg: valueDeg,
    extremeMs: nowMs,
    lastSampleMs: nowMs,
    runSwings: qualifies ? state.runSwings + 1 : 0,
    runSwingSumDeg: qualifies ? state.runSwingSumDeg + swingDeg : 0,
    runDurationSumMs: qualifies ? state.runDurationSumMs + swingMs : 0,
    runStartMs: qualifies && state.runSwings === 0 ? state.pivotMs : state.runStartMs,
    lastQualifyingMs: qualifies ? nowMs : state.lastQualifyingMs,
  };
}
