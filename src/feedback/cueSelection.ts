import type { ConditionCue, CuePolicyState, OneShotCue } from './cueState';
import { atLeast, priorityRank } from './cueState';
import type { CuePriority, CueTone, Utterance } from './cueTypes';
import {
  CUE_TIMING,
  GLOBAL_GAP_MS,
  MAX_NON_SAFETY_PER_MINUTE,
  MAX_UTTERANCES_PER_MINUTE,
} from './cueTypes';

/**
 * Picks at most one line to say now: the most important cue that may start, given the line in
 * progress, the global gap, per-line cooldowns and the per-minute caps.
 */

const MINUTE_MS = 60_000;
/** Confirmations come after every running correction of the same priority. */
const CONFIRMATION_ORDER = 100;

interface Candidate {
  readonly key: string;
  readonly text: string;
  readonly priority: CuePriority;
  readonly order: number;
  readonly createdMs: number;
  readonly interrupt: boolean;
  readonly interruptible: boolean;
  readonly gapExempt: boolean;
  readonly tone: CueTone | null;
  readonly from: OneShotCue | ConditionCue;
  readonly confirmation: boolean;
}

/** Speaking time: ~0.33 s a word at rate 1 (about 180 words a minute) plus onset latency. */
export function estimateSpeechMs(text: string, speechRate: number): number {
  const words = text.trim().split(/\s+/).length;
  return Math.round((250 + 330 * words) / speechRate);
}

/**
 * Which cues may be said: `all`, or `paused` — only the line confirming the pause and safety
 * one-shots (a paused user is not coached).
 */
export type CueScope = 'all' | 'paused';

/** The one-shot that confirms a pause: the only non-safety line said while paused. */
export const PAUSED_CUE_KEY = 'paused';

export function selectUtterance(
  state: CuePolicyState,
  nowMs: number,
  scope: CueScope = 'all',
): readonly [CuePolicyState, Utterance | null] {
  const pruned = prune(state, nowMs);
  if (pruned.queue.length === 0 && pruned.conditions.length === 0) return [pruned, null];
  if (quiet(pruned, nowMs)) return [pruned, null];

  let total = 0;
  let nonSafety = 0;
  for (const start of pruned.recentStarts) {
    if (start.atMs <= nowMs - MINUTE_MS) continue;
    total += 1;
    if (!start.safety) nonSafety += 1;
  }
  const busy = nowMs < pruned.busyUntilMs && !pruned.cutCurrent;
  const mayStart = (c: Omit<Candidate, 'from' | 'confirmation'>): boolean => {
    if (total >= MAX_UTTERANCES_PER_MINUTE) return false;
    if (c.priority !== 'safety' && nonSafety >= MAX_NON_SAFETY_PER_MINUTE) return false;
    if (busy) return c.interrupt && pruned.currentInterruptible;
    if (c.gapExempt) return true;
    if (!pruned.cutCurrent && nowMs < pruned.busyUntilMs + GLOBAL_GAP_MS) return false;
    const last = pruned.lastSaidMs[c.text];
    return last === undefined || nowMs - last >= CUE_TIMING.sameCueCooldownMs;
  };

  let best: Candidate | null = null;
  const consider = (candidate: Candidate): void => {
    if (!mayStart(candidate)) return;
    if (best === null || outranks(candidate, best)) best = candidate;
  };
  for (const cue of pruned.queue) {
    if (scope === 'paused' && cue.priority !== 'safety' && cue.key !== PAUSED_CUE_KEY) continue;
    consider({ ...cue, from: cue, confirmation: false });
  }
  if (scope === 'paused') return best === null ? [pruned, null] : emit(pruned, best, nowMs);
  for (const condition of pruned.conditions) {
    const candidate = conditionCandidate(pruned, condition, nowMs);
    if (candidate !== null) consider(candidate);
  }
  if (best === null) return [pruned, null];
  return emit(pruned, best, nowMs);
}

/**
 * The common case, cheaply: a line is playing or the gap after it is running, and nothing waiting
 * may cut in (a safety line) or skip the gap (a countdown number).
 */
function quiet(state: CuePolicyState, nowMs: number): boolean {
  if (state.cutCurrent || nowMs >= state.busyUntilMs + GLOBAL_GAP_MS) return false;
  for (const q of state.queue) if (q.interrupt || q.gapExempt) return false;
  for (const c of state.conditions) if (c.interrupt && c.endedAtMs === null) return false;
  return true;
}

function outranks(a: Candidate, b: Candidate): boolean {
  const rank = priorityRank(a.priority) - priorityRank(b.priority);
  if (rank !== 0) return rank < 0;
  if (a.order !== b.order) return a.order < b.order;
  return a.createdMs < b.createdMs;
}

/** The line a condition wants now (first mention, reminder or confirmation), if any. */
function conditionCandidate(
  state: CuePolicyState,
  c: ConditionCue,
  nowMs: number,
): Candidate | null {
  const base = {
    key: c.key,
    priority: c.priority,
    order: c.order,
    createdMs: c.sinceMs,
    interruptible: true,
    gapExempt: false,
    tone: c.priority === 'safety' ? ('alert' as const) : null,
    from: c,
  };
  if (c.endedAtMs !== null) {
    const fixedForMs = nowMs - c.endedAtMs;
    if (
      c.lines === 0 ||
      c.fixedText === null ||
      !atLeast(state.options, 'normal') ||
      fixedForMs < CUE_TIMING.fixedConfirmMs
    )
      return null;
    return {
      ...base,
      key: `fixed:${c.key}`,
      text: c.fixedText,
      priority: c.priority === 'safety' ? 'form' : c.priority,
      order: CONFIRMATION_ORDER + c.order,
      interrupt: false,
      tone: null,
      confirmation: true,
    };
  }
  if (nowMs - c.sinceMs < c.debounceMs) return null;
  if (c.lines > 0) {
    const waitMs =
      c.reminders === 'form'
        ? CUE_TIMING.formReminderMs * 2 ** (c.lines - 1)
        : Math.min(CUE_TIMING.setupReminderMs * 2 ** (c.lines - 1), CUE_TIMING.setupReminderMaxMs);
    if (c.reminders === 'form' && c.lines >= CUE_TIMING.maxLinesPerFault) return null;
    if (nowMs - c.lastLineMs < waitMs) return null;
  }
  return { ...base, text: c.text, interrupt: c.interrupt, confirmation: false };
}

/** Drops one-shots too old to make sense and conditions that can no longer be said. */
function prune(state: CuePolicyState, nowMs: number): CuePolicyState {
  const queueStale = state.queue.some((q) => nowMs - q.createdMs > q.maxAgeMs);
  const keepMs = Math.max(
    CUE_TIMING.mergeGapMs,
    CUE_TIMING.fixedConfirmMs + CUE_TIMING.confirmMaxAgeMs,
  );
  const conditionDone = (c: ConditionCue): boolean =>
    c.endedAtMs !== null && nowMs - c.endedAtMs > (c.lines === 0 ? CUE_TIMING.mergeGapMs : keepMs);
  const conditionsStale = state.conditions.some(conditionDone);
  if (!queueStale && !conditionsStale) return state;
  return {
    ...state,
    queue: queueStale ? state.queue.filter((q) => nowMs - q.createdMs <= q.maxAgeMs) : state.queue,
    conditions: conditionsStale
      ? state.conditions.filter((c) => !conditionDone(c))
      : state.conditions,
  };
}

function emit(
  state: CuePolicyState,
  chosen: Candidate,
  nowMs: number,
): readonly [CuePolicyState, Utterance] {
  const estimatedMs = estimateSpeechMs(chosen.text, state.options.speechRate);
  const utterance: Utterance = {
    id: `${chosen.key}#${state.sequence + 1}`,
    cueKey: chosen.key,
    text: chosen.text,
    priority: chosen.priority,
    interrupt: (chosen.interrupt || state.cutCurrent) && nowMs < state.busyUntilMs,
    interruptible: chosen.interruptible,
    speak: !state.options.muted,
    tone: chosen.tone,
    estimatedMs,
    atMs: nowMs,
  };
  const from = chosen.from;
  const queue = 'maxAgeMs' in from ? state.queue.filter((q) => q !== from) : state.queue;
  const conditions = state.conditions.map((c) => {
    if (chosen.confirmation)
      // One confirmation covers every fix that happened together.
      return c.endedAtMs !== null ? { ...c, lines: 0 } : c;
    return c === from ? { ...c, lines: c.lines + 1, lastLineMs: nowMs } : c;
  });
  const recentStarts = [
    ...state.recentStarts.slice(-(MAX_UTTERANCES_PER_MINUTE - 1)),
    { atMs: nowMs, safety: chosen.priority === 'safety' },
  ];
  return [
    {
      ...state,
      sequence: state.sequence + 1,
      currentId: utterance.id,
      busyUntilMs: nowMs + estimatedMs,
      currentInterruptible: chosen.interruptible,
      cutCurrent: false,
      recentStarts,
      lastSaidMs: { ...state.lastSaidMs, [chosen.text]: nowMs },
      queue,
      conditions,
    },
    utterance,
  ];
}
