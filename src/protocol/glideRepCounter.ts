import type { BodyMeasures, Side } from '../geometry/measures';
import type { ProtocolEvent } from './events';
import { NO_EVENTS } from './events';
import { readMeasure } from './readMeasure';
import type { GlideDose, GlideMotion, GlideSwitch } from './stretchDefinition';

/**
 * Counts nerve-glide repetitions from neck flexion together with ankle movement. Each signal
 * drives a two-state switch with hysteresis (`GlideSwitch`); the pair of states names an end
 * position (`a`: chin down, toes up; `b`: chin up, toes pointed). A repetition is counted when
 * `b` is reached after `a`, if the cycle took at least `minRepMs` (half that for the first one,
 * which is only the a -> b half). Without heel/toe points (MoveNet) the neck alone decides.
 *
 * "Do not hold the end position" (seed 000): staying still (both signals within
 * `STILL_BAND_DEG`) at an end for `maxEndHoldMs` opens an `end-position-held` fault, once the
 * set is under way.
 */

/** Movement smaller than this is holding still; smoothed keypoint jitter stays well below it. */
export const STILL_BAND_DEG = 6;

type SwitchState = 'high' | 'low';
type End = 'a' | 'b';

export interface GlideCounterState {
  readonly neck: SwitchState | null;
  readonly ankle: SwitchState | null;
  /** The end position the switches show now, or null between ends. */
  readonly end: End | null;
  /** The last end visited (stays when moving between ends). */
  readonly lastEnd: End | null;
  /** Whether the user has moved from one end to the other in this set. */
  readonly moving: boolean;
  readonly aEnteredMs: number | null;
  /** Last time `b` was entered, counted or not: the start of the next cycle. */
  readonly lastBMs: number | null;
  readonly reps: number;
  readonly stillNeckDeg: number;
  readonly stillAnkleDeg: number | null;
  readonly stillSinceMs: number;
  readonly endEnteredMs: number;
  /** When the running `end-position-held` fault began, or null. */
  readonly endHeldSinceMs: number | null;
}

export const INITIAL_GLIDE_COUNTER: GlideCounterState = Object.freeze({
  neck: null,
  ankle: null,
  end: null,
  lastEnd: null,
  moving: false,
  aEnteredMs: null,
  lastBMs: null,
  reps: 0,
  stillNeckDeg: 0,
  stillAnkleDeg: null,
  stillSinceMs: 0,
  endEnteredMs: 0,
  endHeldSinceMs: null,
});

export interface GlideContext {
  readonly stretchId: string;
  readonly leg: Side;
  readonly set: number;
  readonly motion: GlideMotion;
  readonly dose: GlideDose;
}

export function advanceGlideCounter(
  state: GlideCounterState,
  measures: BodyMeasures,
  nowMs: number,
  context: GlideContext,
): { readonly state: GlideCounterState; readonly events: readonly ProtocolEvent[] } {
  const { motion, dose } = context;
  const neckValue = readMeasure(measures, motion.neck.measure, context.leg);
  if (typeof neckValue !== 'number') return { state, events: NO_EVENTS };
  const ankleRead = readMeasure(measures, motion.ankle.measure, context.leg);
  const ankleValue = typeof ankleRead === 'number' ? ankleRead : null;

  const neck = flip(state.neck, neckValue, motion.neck);
  const ankle = ankleValue === null ? state.ankle : flip(state.ankle, ankleValue, motion.ankle);
  const end = endOf(neck, ankle, motion);

  let events: ProtocolEvent[] | null = null;
  let { lastEnd, moving, aEnteredMs, lastBMs, reps, endHeldSinceMs, endEnteredMs } = state;

  if (end !== null && end !== state.end) {
    endEnteredMs = nowMs;
    if (lastEnd !== null && lastEnd !== end) moving = true;
    if (end === 'a') aEnteredMs = nowMs;
    if (end === 'b' && lastEnd === 'a') {
      const cycleStartMs = lastBMs ?? aEnteredMs ?? nowMs;
      const repMs = nowMs - cycleStartMs;
      const minMs = lastBMs === null ? dose.minRepMs / 2 : dose.minRepMs;
      if (repMs >= minMs) {
        reps += 1;
        (events ??= []).push({
          type: 'glide-rep',
          atMs: nowMs,
          stretchId: context.stretchId,
          leg: context.leg,
          set: context.set,
          rep: reps,
          repMs,
          ankleTracked: ankle !== null,
        });
      } else {
        (events ??= []).push({
          type: 'glide-rep-rejected',
          atMs: nowMs,
          reason: 'too-fast',
          repMs,
        });
      }
    }
    if (end === 'b') lastBMs = nowMs;
    lastEnd = end;
  }

  let { stillNeckDeg, stillAnkleDeg, stillSinceMs } = state;
  const movedNeck = Math.abs(neckValue - stillNeckDeg) > STILL_BAND_DEG;
  const movedAnkle =
    ankleValue !== null &&
    (stillAnkleDeg === null || Math.abs(ankleValue - stillAnkleDeg) > STILL_BAND_DEG);
  if (movedNeck || movedAnkle || state.neck === null) {
    stillNeckDeg = neckValue;
    stillAnkleDeg = ankleValue;
    stillSinceMs = nowMs;
  }

  const heldSinceMs = Math.max(stillSinceMs, endEnteredMs);
  const holding = end !== null && moving && nowMs - heldSinceMs >= dose.maxEndHoldMs;
  if (holding && endHeldSinceMs === null) {
    endHeldSinceMs = heldSinceMs;
    (events ??= []).push({
      type: 'fault-started',
      atMs: nowMs,
      fault: 'end-position-held',
      aspect: 'tempo',
      gatesHold: false,
      startMs: heldSinceMs,
    });
  } else if (!holding && endHeldSinceMs !== null) {
    (events ??= []).push(endHeldEnded(endHeldSinceMs, nowMs));
    endHeldSinceMs = null;
  }

  return {
    state: {
      neck,
      ankle,
      end,
      lastEnd,
      moving,
      aEnteredMs,
      lastBMs,
      reps,
      stillNeckDeg,
      stillAnkleDeg,
      stillSinceMs,
      endEnteredMs,
      endHeldSinceMs,
    },
    events: events ?? NO_EVENTS,
  };
}

/** `fault-ended` for an end hold still running when the set ends. */
export function closeGlideCounter(
  state: GlideCounterState,
  nowMs: number,
): readonly ProtocolEvent[] {
  return state.endHeldSinceMs === null ? NO_EVENTS : [endHeldEnded(state.endHeldSinceMs, nowMs)];
}

function endHeldEnded(startMs: number, nowMs: number): ProtocolEvent {
  return {
    type: 'fault-ended',
    atMs: nowMs,
    fault: 'end-position-held',
    startMs,
    durationMs: nowMs - startMs,
  };
}

function flip(current: SwitchState | null, value: number, sw: GlideSwitch): SwitchState | null {
  if (value >= sw.highAt) return 'high';
  if (value <= sw.lowAt) return 'low';
  return current;
}

function endOf(
  neck: SwitchState | null,
  ankle: SwitchState | null,
  motion: GlideMotion,
): End | null {
  if (neck === null) return null;
  const matches = (want: GlideMotion['a']): boolean =>
    neck === want.neck && (ankle === null || ankle === want.ankle);
  if (matches(motion.a)) return 'a';
  if (matches(motion.b)) return 'b';
  return null;
}
