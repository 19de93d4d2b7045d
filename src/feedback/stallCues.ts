import type { EventOf, SessionState } from '../protocol';
import { holdWaitingSinceMs } from '../protocol';
import { say } from './cueMemory';
import { MESSAGES, stallLine } from './cueMessages';
import type { CuePolicyState } from './cueState';

/**
 * A hold that waits for the position or the form: between the depth prompts (three at most,
 * over by about 30 s) and the stall offer (protocol/holdStall.ts, 45 s), the user hears a kind
 * word now and then instead of minutes of silence — never more often than `REASSURE_EVERY_MS`,
 * and only after `REASSURE_QUIET_MS` without any line, so it fills silence and does not nag.
 */

/** The first reassurance comes once the hold has waited this long. */
export const REASSURE_AFTER_MS = 15_000;
/** At most one reassurance in this long (the form reminders widen to 16 s; this is wider). */
export const REASSURE_EVERY_MS = 25_000;
/** Only after this long without any line: reassurance fills silence, it does not cut in. */
export const REASSURE_QUIET_MS = 10_000;

const REASSURE_CUE_KEY = 'reassure';
const STALL_CUE_KEY = 'hold-stalled';

const REASSURANCES = [MESSAGES.reassureTakeTime, MESSAGES.reassureBreathe];

export function withReassurance(
  state: CuePolicyState,
  session: SessionState,
  nowMs: number,
): CuePolicyState {
  if (session.paused !== null) return state;
  // Nobody in view (or the hold's joints hidden): reassuring an empty picture makes no sense.
  if (!session.stall.personSeen) return state;
  const since = holdWaitingSinceMs(session);
  if (since === null || nowMs - since < REASSURE_AFTER_MS) return state;
  if (state.queue.some((q) => q.key === REASSURE_CUE_KEY || q.key === STALL_CUE_KEY)) return state;
  const lastReassured = Math.max(
    ...REASSURANCES.map((text) => state.lastSaidMs[text] ?? -Infinity),
  );
  // Once the choice is on screen, the user has what they need: reassure half as often.
  const everyMs = session.stall.offeredInRep ? 2 * REASSURE_EVERY_MS : REASSURE_EVERY_MS;
  if (nowMs - lastReassured < everyMs) return state;
  const lastLine = state.recentStarts.at(-1)?.atMs ?? -Infinity;
  if (nowMs - lastLine < REASSURE_QUIET_MS || nowMs < state.busyUntilMs) return state;
  // Alternate the lines so a long wait does not hear the same sentence twice in a row.
  const text = REASSURANCES[lastReassured === -Infinity ? 0 : lastReassuredIndex(state)];
  if (text === undefined) return state;
  return say(
    state,
    { key: REASSURE_CUE_KEY, priority: 'encouragement', text, maxAgeMs: 5_000 },
    nowMs,
    'normal',
  );
}

function lastReassuredIndex(state: CuePolicyState): number {
  const [first, second] = REASSURANCES.map((text) => state.lastSaidMs[text] ?? -Infinity);
  return (first ?? -Infinity) >= (second ?? -Infinity) ? 1 : 0;
}

/** The stall offer: once per rep, said even at minimal verbosity (it asks for a choice). */
export function absorbStall(
  state: CuePolicyState,
  event: EventOf<'hold-stalled'>,
  nowMs: number,
): CuePolicyState {
  return say(
    { ...state, queue: state.queue.filter((q) => q.key !== REASSURE_CUE_KEY) },
    {
      key: STALL_CUE_KEY,
      priority: 'timing',
      text: stallLine(event.easeOffered),
      maxAgeMs: 20_000,
    },
    nowMs,
  );
}

export function absorbStallChoice(
  state: CuePolicyState,
  event: EventOf<'stall-choice'>,
  nowMs: number,
): CuePolicyState {
  const cleared = { ...state, queue: state.queue.filter((q) => q.key !== STALL_CUE_KEY) };
  const text = event.choice === 'move-on' ? MESSAGES.movedOn : MESSAGES.targetEased;
  return say(cleared, { key: 'stall-choice', priority: 'timing', text, maxAgeMs: 5_000 }, nowMs);
}
