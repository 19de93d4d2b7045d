import type { ProtocolEvent } from './events';
import { NO_EVENTS } from './events';
import type { HoldGate } from './formChecks';

/**
 * The form-gated hold timer (DESIGN.md §5): it counts only time in the target position with good
 * form. A break stops it without resetting it; a break longer than `longBreakMs` is recorded as
 * a `hold-broken` fault. Time is credited between frames by the state of the earlier frame
 * (sample and hold), so the error is at most one frame interval per change of state.
 */
export interface HoldTimerState {
  readonly heldMs: number;
  /** Time of the last frame seen, or null at the start and after a user pause. */
  readonly lastMs: number | null;
  /** Whether the last frame was in position with good form. */
  readonly counting: boolean;
  /** Whether the position was reached at least once in this rep (before that, no "breaks"). */
  readonly started: boolean;
  /** When the current break began, or null while counting. */
  readonly breakStartMs: number | null;
  /** Whether the current break has already been recorded as a `hold-broken` fault. */
  readonly longBreakRecorded: boolean;
  readonly breaks: number;
}

export interface HoldTimerConfig {
  readonly holdMs: number;
  readonly longBreakMs: number;
  /**
   * A gap between frames longer than this is not credited (a stalled camera or a hidden tab
   * must not count as holding).
   */
  readonly maxFrameGapMs: number;
}

export const INITIAL_HOLD_TIMER: HoldTimerState = Object.freeze({
  heldMs: 0,
  lastMs: null,
  counting: false,
  started: false,
  breakStartMs: null,
  longBreakRecorded: false,
  breaks: 0,
});

export interface HoldTimerStep {
  readonly state: HoldTimerState;
  readonly events: readonly ProtocolEvent[];
  /** Set on the frame the hold reaches `holdMs`: the exact time it did. */
  readonly completedAtMs: number | null;
}

export function advanceHoldTimer(
  state: HoldTimerState,
  gate: HoldGate,
  nowMs: number,
  config: HoldTimerConfig,
): HoldTimerStep {
  let events: ProtocolEvent[] | null = null;
  let heldMs = state.heldMs;
  let completedAtMs: number | null = null;

  if (state.counting && state.lastMs !== null) {
    const creditMs = Math.min(Math.max(nowMs - state.lastMs, 0), config.maxFrameGapMs);
    const before = heldMs;
    heldMs = Math.min(before + creditMs, config.holdMs);
    for (let s = Math.floor(before / 1000) + 1; s * 1000 <= heldMs; s++)
      (events ??= []).push({
        type: 'hold-second',
        atMs: nowMs,
        heldMs: s * 1000,
        holdMs: config.holdMs,
      });
    if (heldMs >= config.holdMs) completedAtMs = state.lastMs + (config.holdMs - before);
  }

  let { started, breakStartMs, longBreakRecorded, breaks } = state;
  const counting = gate.open && completedAtMs === null;
  if (completedAtMs === null) {
    if (counting && !state.counting) {
      if (breakStartMs !== null) {
        (events ??= []).push({
          type: 'hold-resumed',
          atMs: nowMs,
          breakMs: nowMs - breakStartMs,
        });
        if (longBreakRecorded)
          events.push({
            type: 'fault-ended',
            atMs: nowMs,
            fault: 'hold-broken',
            startMs: breakStartMs,
            durationMs: nowMs - breakStartMs,
          });
      }
      started = true;
      breakStartMs = null;
      longBreakRecorded = false;
    } else if (!counting && state.counting) {
      breakStartMs = nowMs;
      breaks += 1;
      (events ??= []).push({
        type: 'hold-paused',
        atMs: nowMs,
        reason: gate.reason ?? 'out-of-position',
        faults: gate.faults,
        joints: gate.joints,
      });
    }
    if (breakStartMs !== null && !longBreakRecorded && nowMs - breakStartMs >= config.longBreakMs) {
      longBreakRecorded = true;
      (events ??= []).push({
        type: 'fault-started',
        atMs: nowMs,
        fault: 'hold-broken',
        aspect: 'depth',
        gatesHold: true,
        startMs: breakStartMs,
      });
    }
  }

  return {
    state: {
      heldMs,
      lastMs: nowMs,
      counting,
      started,
      breakStartMs,
      longBreakRecorded,
      breaks,
    },
    events: events ?? NO_EVENTS,
    completedAtMs,
  };
}

/**
 * After a user pause the time in between is not held: the next frame starts a fresh interval
 * (and, if the user is no longer in form, a break). A break running before the pause continues,
 * shifted by the paused time so the pause itself does not make it "long".
 */
export function resumeHoldTimer(state: HoldTimerState, pausedMs: number): HoldTimerState {
  return {
    ...state,
    lastMs: null,
    breakStartMs: state.breakStartMs === null ? null : state.breakStartMs + pausedMs,
  };
}

/** `fault-ended` for a recorded long break still running when the rep ends. */
export function closeHoldTimer(state: HoldTimerState, nowMs: number): readonly ProtocolEvent[] {
  if (!state.longBreakRecorded || state.breakStartMs === null) return NO_EVENTS;
  return [
    {
      type: 'fault-ended',
      atMs: nowMs,
      fault: 'hold-broken',
      startMs: state.breakStartMs,
      durationMs: nowMs - state.breakStartMs,
    },
  ];
}
