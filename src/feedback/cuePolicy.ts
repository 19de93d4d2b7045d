import type { ProtocolEvent, SessionState } from '../protocol';
import { absorbEvents } from './cueEvents';
import { selectUtterance } from './cueSelection';
import type { CuePolicyState } from './cueState';
import type { CuePolicyOptions, Utterance } from './cueTypes';
import { DEFAULT_CUE_POLICY_OPTIONS } from './cueTypes';

/**
 * The cue policy (DESIGN.md §5), pure: which line to say, when, and how often. Feed it every
 * step's protocol events together with the session state they came from; it returns at most
 * one utterance per call. Call it on every frame even without events: debounced faults,
 * reminders and queued lines come due with time.
 *
 * Guarantees (tested with adversarial tracks in tests/unit/feedback/):
 * - at most `MAX_UTTERANCES_PER_MINUTE` (20) lines in any rolling minute, at most 16 of them
 *   not safety lines;
 * - `GLOBAL_GAP_MS` of estimated silence between lines, except countdown numbers and the "go"
 *   after them, which follow the clock;
 * - a countdown number is never interrupted; only safety lines interrupt anything;
 * - a form fault is voiced only after lasting `CUE_TIMING.faultDebounceMs`, at most three times
 *   per episode, and confirmed at most once when fixed;
 * - while the session is paused nothing is said but "Paused." and safety lines.
 */
export function initialCuePolicyState(options: Partial<CuePolicyOptions> = {}): CuePolicyState {
  return {
    options: { ...DEFAULT_CUE_POLICY_OPTIONS, ...options },
    sequence: 0,
    currentId: null,
    busyUntilMs: -Infinity,
    currentInterruptible: true,
    cutCurrent: false,
    recentStarts: [],
    lastSaidMs: {},
    conditions: [],
    queue: [],
    reachedInRep: false,
  };
}

const NOTHING: readonly Utterance[] = Object.freeze([]);

export function stepCuePolicy(
  state: CuePolicyState,
  events: readonly ProtocolEvent[],
  session: SessionState,
  nowMs: number,
): readonly [CuePolicyState, readonly Utterance[]] {
  const absorbed = events.length === 0 ? state : absorbEvents(state, events, session, nowMs);
  // Paused means silent: only the "Paused." line itself and safety lines may be said; setup
  // problems and faults wait (their episodes stay open) until the user resumes.
  const [next, utterance] = selectUtterance(
    absorbed,
    nowMs,
    session.paused === null ? 'all' : 'paused',
  );
  return [next, utterance === null ? NOTHING : [utterance]];
}

/** Change verbosity, mute or speech rate mid-session; what is queued stays queued. */
export function setCuePolicyOptions(
  state: CuePolicyState,
  options: Partial<CuePolicyOptions>,
): CuePolicyState {
  return { ...state, options: { ...state.options, ...options } };
}

/**
 * The speaker reports that an utterance finished (or was cancelled): the channel is free from
 * now, instead of at the estimated end. Unknown or stale ids change nothing.
 */
export function speechEnded(
  state: CuePolicyState,
  utteranceId: string,
  nowMs: number,
): CuePolicyState {
  if (utteranceId !== state.currentId || nowMs >= state.busyUntilMs) return state;
  return { ...state, busyUntilMs: nowMs };
}

export type { CuePolicyState } from './cueState';
