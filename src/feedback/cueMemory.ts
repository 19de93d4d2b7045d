import type { ConditionCue, CuePolicyState, OneShotCue } from './cueState';
import { atLeast } from './cueState';
import type { Verbosity } from './cueTypes';
import { CUE_TIMING } from './cueTypes';

/**
 * The cue policy's memory operations: queue a one-shot line, start, end or forget a condition,
 * and drop a prompt the user has answered. Each returns a new state.
 */

export type Defaulted = 'order' | 'interrupt' | 'interruptible' | 'gapExempt' | 'tone';
/** A one-shot line as queued: the flags default to a plain, interruptible line. */
export type OneShotRequest = Omit<OneShotCue, 'createdMs' | Defaulted> &
  Partial<Pick<OneShotCue, Defaulted>>;

/** Queues a one-shot line if the verbosity asks for it. */
export function say(
  state: CuePolicyState,
  cue: OneShotRequest,
  nowMs: number,
  from: Verbosity = 'minimal',
): CuePolicyState {
  if (!atLeast(state.options, from)) return state;
  const full: OneShotCue = {
    order: 0,
    interrupt: false,
    interruptible: true,
    gapExempt: false,
    tone: null,
    ...cue,
    createdMs: nowMs,
  };
  return { ...state, queue: [...state.queue.filter((q) => q.key !== cue.key), full] };
}

/** Starts a condition, or continues its episode if it ended less than the merge gap ago. */
/** A condition as started: its episode bookkeeping is filled in by `begin`. */
export type ConditionRequest = Omit<ConditionCue, 'sinceMs' | 'endedAtMs' | 'lines' | 'lastLineMs'>;

export function begin(state: CuePolicyState, cue: ConditionRequest, nowMs: number): CuePolicyState {
  const existing = state.conditions.find((c) => c.key === cue.key);
  if (existing !== undefined && existing.endedAtMs === null) return state;
  const continues =
    existing !== undefined &&
    existing.endedAtMs !== null &&
    nowMs - existing.endedAtMs <= CUE_TIMING.mergeGapMs;
  const condition: ConditionCue = continues
    ? { ...existing, ...cue, endedAtMs: null }
    : { ...cue, sinceMs: nowMs, endedAtMs: null, lines: 0, lastLineMs: 0 };
  return {
    ...state,
    conditions: [...state.conditions.filter((c) => c.key !== cue.key), condition],
  };
}

export function end(state: CuePolicyState, key: string, nowMs: number): CuePolicyState {
  return {
    ...state,
    conditions: state.conditions.map((c) =>
      c.key === key && c.endedAtMs === null ? { ...c, endedAtMs: nowMs } : c,
    ),
  };
}

/** Forgets conditions without confirming them (the rep or the phase they belonged to ended). */
export function forget(state: CuePolicyState, keep: (c: ConditionCue) => boolean): CuePolicyState {
  return { ...state, conditions: state.conditions.filter(keep) };
}

/**
 * The user answered a prompt: drop it if it is still waiting, and let the next line cut it off
 * if it is still being said (they have heard enough).
 */
export function answered(state: CuePolicyState, key: string, nowMs: number): CuePolicyState {
  const speaking = state.currentId?.startsWith(`${key}#`) === true && nowMs < state.busyUntilMs;
  return {
    ...state,
    queue: state.queue.filter((q) => q.key !== key),
    cutCurrent: state.cutCurrent || speaking,
  };
}
