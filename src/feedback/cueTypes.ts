/**
 * What the cue policy hands to the speech adapter and the captions: one `Utterance` at a time,
 * already chosen, paced and prioritised. The adapter speaks it (or not, when `speak` is false)
 * and the caption region shows `text` either way.
 */

/** DESIGN.md §5: safety > setup > form > timing > encouragement. */
export const CUE_PRIORITIES = ['safety', 'setup', 'form', 'timing', 'encouragement'] as const;
export type CuePriority = (typeof CUE_PRIORITIES)[number];

/**
 * - `minimal`: safety, setup, form faults and the essential timing (countdown, go, switch legs).
 * - `normal`: also one confirmation per fixed fault, hold milestones, rests and rep counts.
 * - `chatty`: also encouragement while the form is good.
 */
export type Verbosity = 'minimal' | 'normal' | 'chatty';

/** A short sound the UI may play with the line (and alone when there is no voice). */
export type CueTone = 'tick' | 'go' | 'done' | 'alert';

export interface Utterance {
  /** Unique per request (`cueKey#sequence`), for matching captions and speech callbacks. */
  readonly id: string;
  /**
   * Which cue this is (`fault:back-rounded`, `countdown`, `setup:not-side-on`...). Cooldowns
   * and "said before" are per key.
   */
  readonly cueKey: string;
  /** The line to say and caption. */
  readonly text: string;
  readonly priority: CuePriority;
  /**
   * Cancel what is being said and say this now. Only safety lines set it, and never while a
   * countdown number is playing.
   */
  readonly interrupt: boolean;
  /** False for countdown numbers: nothing may cut them off. */
  readonly interruptible: boolean;
  /** False when muted: show the caption, play the tone, do not speak. */
  readonly speak: boolean;
  readonly tone: CueTone | null;
  /** How long the policy assumes saying it takes, for pacing; the speaker may know better. */
  readonly estimatedMs: number;
  readonly atMs: number;
}

export interface CuePolicyOptions {
  readonly verbosity: Verbosity;
  readonly muted: boolean;
  /** Speech rate the speaker uses (1 = normal); scales the duration estimates. */
  readonly speechRate: number;
}

export const DEFAULT_CUE_POLICY_OPTIONS: CuePolicyOptions = Object.freeze({
  verbosity: 'normal',
  muted: false,
  speechRate: 1,
});

/**
 * The spam limits, one place. At most `MAX_UTTERANCES_PER_MINUTE` lines in any rolling 60 s,
 * of which at most `MAX_NON_SAFETY_PER_MINUTE` are not safety lines, so a safety line always
 * has room. 20 a minute is one line every 3 s on average: a coach who talks a lot, not a
 * stream. Between lines there is at least `GLOBAL_GAP_MS` of silence (countdown numbers, which
 * follow the clock, are exempt from the gap but not from the cap).
 */
export const MAX_UTTERANCES_PER_MINUTE = 20;
export const MAX_NON_SAFETY_PER_MINUTE = 16;
export const GLOBAL_GAP_MS = 1_200;

export const CUE_TIMING = Object.freeze({
  /** A form fault must last this long before it is voiced (DESIGN.md §5: about 0.5-1 s). */
  faultDebounceMs: 700,
  /** Setup issues wait longer: the user is still moving into place. */
  setupDebounceMs: 1_000,
  /** A fault that clears for less than this and returns is the same episode (flicker). */
  mergeGapMs: 400,
  /** A fix must last this long before it is confirmed, so a flicker is not praised. */
  fixedConfirmMs: 800,
  /** A confirmation not said within this long after it was earned is dropped as stale. */
  confirmMaxAgeMs: 3_000,
  /** First reminder of a persisting fault; each further reminder waits twice as long. */
  formReminderMs: 8_000,
  /** At most this many lines per fault episode (first mention + reminders). */
  maxLinesPerFault: 3,
  /** Setup reminders start at this and double, up to `setupReminderMaxMs`; never give up. */
  setupReminderMs: 6_000,
  setupReminderMaxMs: 30_000,
  /** The same cue key is not repeated sooner than this, even across episodes. */
  sameCueCooldownMs: 8_000,
  /** How long after the rep starts the user may take to reach the position before a prompt. */
  reachPromptMs: 4_000,
  /** How long the position may be lost before a prompt. */
  lostPromptMs: 2_000,
});
