import type { CuePolicyOptions, CuePriority, CueTone, Verbosity } from './cueTypes';
import { CUE_PRIORITIES } from './cueTypes';

/**
 * The cue policy's memory. Two kinds of cue wait to be said:
 * - a `ConditionCue` stands for something that stays true for a while (a form fault, a setup
 *   problem, "can't see your knee", not deep enough): it is said once it has lasted its
 *   debounce, reminded on a widening schedule while it lasts, and confirmed once when fixed;
 * - a `OneShotCue` is said once because something happened (a countdown number, switch legs),
 *   or dropped when it is too old to make sense.
 */
export interface ConditionCue {
  readonly key: string;
  readonly priority: CuePriority;
  /** Order within the priority (form: back, head, trunk, knee, depth, feet, tempo). */
  readonly order: number;
  readonly text: string;
  /** Said once when the condition ends after it was voiced; null for none. */
  readonly fixedText: string | null;
  readonly reminders: 'form' | 'setup';
  readonly debounceMs: number;
  readonly interrupt: boolean;
  /** Start of the episode (kept across flickers shorter than the merge gap). */
  readonly sinceMs: number;
  /** When it last ended, or null while it lasts. */
  readonly endedAtMs: number | null;
  /** Lines said in this episode. */
  readonly lines: number;
  readonly lastLineMs: number;
}

export interface OneShotCue {
  readonly key: string;
  readonly priority: CuePriority;
  readonly order: number;
  readonly text: string;
  readonly createdMs: number;
  /** Dropped when not said by `createdMs + maxAgeMs`. */
  readonly maxAgeMs: number;
  readonly interrupt: boolean;
  readonly interruptible: boolean;
  /** Countdown numbers and the "go" after them follow the clock, not the global gap. */
  readonly gapExempt: boolean;
  readonly tone: CueTone | null;
}

export interface CuePolicyState {
  readonly options: CuePolicyOptions;
  /** Utterances emitted so far (for ids). */
  readonly sequence: number;
  readonly currentId: string | null;
  /** When the current line is expected to end. */
  readonly busyUntilMs: number;
  readonly currentInterruptible: boolean;
  /**
   * The user answered the prompt still being spoken (the warm-up reminder, the symptom
   * question): the channel counts as free, and the next line cuts the rest of the prompt off.
   */
  readonly cutCurrent: boolean;
  /** Start times of recent lines (only the last `MAX_UTTERANCES_PER_MINUTE` are kept). */
  readonly recentStarts: readonly { readonly atMs: number; readonly safety: boolean }[];
  /** When each cue key was last said. */
  readonly lastSaidMs: Readonly<Record<string, number>>;
  readonly conditions: readonly ConditionCue[];
  readonly queue: readonly OneShotCue[];
  /** Whether the target position was reached in the current rep. */
  readonly reachedInRep: boolean;
}

export function priorityRank(priority: CuePriority): number {
  return CUE_PRIORITIES.indexOf(priority);
}

const VERBOSITY_RANK: Readonly<Record<Verbosity, number>> = { minimal: 0, normal: 1, chatty: 2 };

export function atLeast(options: CuePolicyOptions, verbosity: Verbosity): boolean {
  return VERBOSITY_RANK[options.verbosity] >= VERBOSITY_RANK[verbosity];
}
