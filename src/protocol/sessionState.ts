import type { Side } from '../geometry/measures';
import type { BounceConfig, BounceState } from './bounceDetector';
import { DEFAULT_BOUNCE_CONFIG, INITIAL_BOUNCE_STATE } from './bounceDetector';
import type { RepLeg, SessionEndReason, SessionPhase, SetupIssue } from './events';
import type { FormState } from './formChecks';
import type { GlideCounterState } from './glideRepCounter';
import { INITIAL_GLIDE_COUNTER } from './glideRepCounter';
import type { HoldTimerState } from './holdTimer';
import { INITIAL_HOLD_TIMER } from './holdTimer';
import { oppositeSide } from './readMeasure';
import type { StretchDefinition } from './stretchDefinition';
import { NERVE_GLIDE_ID, findStretch } from './stretches/registry';

export interface SessionOptions {
  /** Get-ready countdown before each hold or glide set; one tick per second. Default 3 s. */
  readonly countdownMs: number;
  /** Setup must hold this long before the countdown starts, so a passing frame does not. */
  readonly setupStableMs: number;
  /**
   * The first setup of each stretch lasts at least this long: the coach is saying how to get
   * into position (about 5 s of speech), and a countdown over it would cut it off.
   */
  readonly introMs: number;
  /** A longer gap between frames is not credited to the hold. Default 500 ms. */
  readonly maxFrameGapMs: number;
  readonly bounce: BounceConfig;
  /** Offered after a yes to the symptom check; null to offer nothing. */
  readonly nerveGlide: StretchDefinition | null;
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = Object.freeze({
  countdownMs: 3_000,
  setupStableMs: 1_000,
  introMs: 6_000,
  maxFrameGapMs: 500,
  bounce: DEFAULT_BOUNCE_CONFIG,
  nerveGlide: findStretch(NERVE_GLIDE_ID) ?? null,
});

export interface PauseState {
  readonly sinceMs: number;
}

/** A hold that will not come (holdStall.ts). */
export interface StallState {
  /** Whether this rep's stall was already said (once per rep). */
  readonly offeredInRep: boolean;
  /** Whether the user eased the target; it stays eased to the end of the stretch. */
  readonly targetEased: boolean;
  /**
   * False while the last hold frame could not see the person (nobody, or a joint the hold needs
   * hidden): no stall offer and no reassurance then, the coach is asking them back into view.
   */
  readonly personSeen: boolean;
}

export const NO_STALL: StallState = Object.freeze({
  offeredInRep: false,
  targetEased: false,
  personSeen: true,
});

/** The whole session; immutable. Build it with `initialSessionState`, advance it with `transition`. */
export interface SessionState {
  readonly options: SessionOptions;
  readonly routine: readonly StretchDefinition[];
  readonly phase: SessionPhase;
  readonly phaseStartMs: number;
  /** Non-null while the user has paused; the phase stays what it was. */
  readonly paused: PauseState | null;
  readonly stretchIndex: number;
  /** 0 for the first leg, 1 for the second (one-leg stretches). */
  readonly pass: 0 | 1;
  /** The leg the first pass used, fixed when its first rep starts. */
  readonly firstLeg: Side | null;
  /** The leg whose measures the current rep reads; fixed at the end of setup. */
  readonly leg: Side | null;
  /** 1-based rep within the pass (holds) or set within the pass (glide). */
  readonly rep: number;
  readonly setupIssues: readonly SetupIssue[];
  readonly setupKey: string;
  readonly setupOkSinceMs: number | null;
  readonly countdownTicks: number;
  readonly restEndsMs: number;
  readonly repStartMs: number;
  /** User-paused time within the current rep, left out of its total. */
  readonly repPausedMs: number;
  readonly form: FormState;
  readonly hold: HoldTimerState;
  readonly bounce: BounceState;
  readonly glide: GlideCounterState;
  readonly stall: StallState;
  readonly warmUpReminded: boolean;
  /** Whether any rep of the current stretch started (then its end asks the symptom check). */
  readonly stretchHadRep: boolean;
  /** Set when stop led to the symptom check: the session ends after the answer. */
  readonly endAfterSymptomCheck: SessionEndReason | null;
  /**
   * Tingling, numbness or sharp pain was reported (the symptom check or the in-session button):
   * no exercise is offered after it, and the session ends with the advice to stop.
   */
  readonly symptomsReported: boolean;
}

/** A key no issue list produces, so the first setup frame always reports its issues. */
export const SETUP_KEY_UNSET = '\u0000';

/**
 * A session over `routine` (validated stretch definitions, e.g. from `STRETCHES`), waiting for
 * the user's start command.
 */
export function initialSessionState(
  routine: readonly StretchDefinition[],
  options: Partial<SessionOptions> = {},
): SessionState {
  if (routine.length === 0) throw new Error('A routine needs at least one stretch.');
  return {
    options: { ...DEFAULT_SESSION_OPTIONS, ...options },
    routine,
    phase: 'idle',
    phaseStartMs: 0,
    paused: null,
    stretchIndex: 0,
    pass: 0,
    firstLeg: null,
    leg: null,
    rep: 1,
    setupIssues: [],
    setupKey: SETUP_KEY_UNSET,
    setupOkSinceMs: null,
    countdownTicks: 0,
    restEndsMs: 0,
    repStartMs: 0,
    repPausedMs: 0,
    form: { faultSinceMs: [], inPosition: false },
    hold: INITIAL_HOLD_TIMER,
    bounce: INITIAL_BOUNCE_STATE,
    glide: INITIAL_GLIDE_COUNTER,
    stall: NO_STALL,
    warmUpReminded: false,
    stretchHadRep: false,
    endAfterSymptomCheck: null,
    symptomsReported: false,
  };
}

export function currentStretch(state: SessionState): StretchDefinition | null {
  return state.routine[state.stretchIndex] ?? null;
}

/** The leg of the current rep as events report it. */
export function repLeg(state: SessionState): RepLeg | null {
  const stretch = currentStretch(state);
  if (stretch?.legs === 'both-legs') return 'both';
  return state.leg;
}

/**
 * The leg the next rep must be on: any leg for the first rep of a one-leg stretch, the same leg
 * for its later reps, the other leg on the second pass; null for both-legs stretches.
 */
export function expectedLeg(state: SessionState): Side | null {
  const stretch = currentStretch(state);
  if (stretch === null || stretch.legs === 'both-legs' || state.firstLeg === null) return null;
  return state.pass === 0 ? state.firstLeg : oppositeSide(state.firstLeg);
}

/** Held-in-form time of the current hold rep, for a progress display. */
export function heldInFormMs(state: SessionState): number {
  return state.hold.heldMs;
}
