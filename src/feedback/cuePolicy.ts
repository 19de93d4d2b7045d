import type { ProtocolEvent, SessionState } from '../protocol';
import { absorbEvents } from './cueEvents';
import { say } from './cueMemory';
import { selectUtterance } from './cueSelection';
import type { CuePolicyState } from './cueState';
import { withReassurance } from './stallCues';
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
  guideLine: string | null = null,
): readonly [CuePolicyState, readonly Utterance[]] {
  const absorbed = withReassurance(
    withSetupGuide(
      events.length === 0 ? state : absorbEvents(state, events, session, nowMs),
      guideLine,
      session,
      nowMs,
    ),
    session,
    nowMs,
  );
  // Paused means silent: only the "Paused." line itself and safety lines may be said; setup
  // problems and faults wait (their episodes stay open) until the user resumes.
  const [next, utterance] = selectUtterance(
    absorbed,
    nowMs,
    session.paused === null ? 'all' : 'paused',
  );
  return [next, utterance === null ? NOTHING : [utterance]];
}

/** The one-shot key of the setup guide's line (coach/view/setupGuide.ts). */
const SETUP_GUIDE_CUE_KEY = 'setup-guide';
/** A guide line the user heard this recently (as another cue) is shown, not said again. */
const GUIDE_REPEAT_AFTER_MS = 15_000;

/**
 * Setup is guided by one line at a time, chosen and held by the coach's setup guide: each new
 * line is said once, when it first shows (`guideLine`), and not reminded — it stays on screen
 * until it changes. A line still waiting when setup is over is dropped.
 */
function withSetupGuide(
  state: CuePolicyState,
  guideLine: string | null,
  session: SessionState,
  nowMs: number,
): CuePolicyState {
  if (session.phase !== 'setup') {
    if (!state.queue.some((q) => q.key === SETUP_GUIDE_CUE_KEY)) return state;
    return { ...state, queue: state.queue.filter((q) => q.key !== SETUP_GUIDE_CUE_KEY) };
  }
  if (guideLine === null) return state;
  // The stretch's opening line often says the same thing ("rest one heel on a step"): not twice.
  const lastSaid = state.lastSaidMs[guideLine];
  const justSaid = lastSaid !== undefined && nowMs - lastSaid < GUIDE_REPEAT_AFTER_MS;
  if (justSaid || state.queue.some((q) => q.text === guideLine)) return state;
  // Waits behind the stretch's opening line if need be; a newer guide line replaces it.
  return say(
    state,
    { key: SETUP_GUIDE_CUE_KEY, priority: 'setup', text: guideLine, maxAgeMs: 15_000 },
    nowMs,
  );
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
