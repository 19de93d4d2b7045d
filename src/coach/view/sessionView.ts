import type { BodyMeasures, Side } from '../../geometry/measures';
import type { CoachState } from '../coachTypes';
import type { SessionPhase, SessionState, SetupIssue, RepLeg } from '../../protocol';
import { currentStretch, expectedLeg, nerveGlideOffered, repLeg } from '../../protocol';
import { setupText } from '../../feedback/cueConditions';
import { readouts, type ReadoutView } from './readouts';

export interface StretchProgress {
  readonly id: string;
  readonly name: string;
  readonly kind: 'hold' | 'glide';
  /** 1-based position in the routine, and the routine's length. */
  readonly number: number;
  readonly of: number;
  readonly leg: RepLeg | null;
  /** Which pass of a one-leg stretch (1 or 2), null for both-legs stretches. */
  readonly pass: 1 | 2 | null;
  /** Rep (holds) or set (glide), 1-based, and how many there are. */
  readonly rep: number;
  readonly reps: number;
}

/**
 * What the hold timer is doing, in the words the ring shows: counting; `settling` before the
 * position was first reached (nothing is wrong yet); `waiting` for the position or the form
 * after it was lost; `paused` by the user.
 */
export type HoldStatus = 'counting' | 'settling' | 'waiting' | 'paused';

/** The way out of a hold that will not come (protocol/holdStall.ts), once it is offered. */
export interface StallOffer {
  readonly easeOffered: boolean;
}

export interface SessionView {
  readonly phase: SessionPhase;
  readonly paused: boolean;
  readonly stretch: StretchProgress | null;
  /** Static holds, during the hold: held-in-form time against the target. */
  readonly hold: {
    readonly heldMs: number;
    readonly targetMs: number;
    readonly counting: boolean;
    readonly status: HoldStatus;
    /** Whether the target was eased for this stretch. */
    readonly eased: boolean;
  } | null;
  /** Non-null once the coach has offered to ease the target or move on, in this rep. */
  readonly stall: StallOffer | null;
  /** Nerve glide, during a set: reps counted so far against the set's target. */
  readonly glide: { readonly reps: number; readonly target: number } | null;
  /** The get-ready number showing, during the countdown. */
  readonly countdown: number | null;
  readonly restRemainingMs: number | null;
  readonly setupIssues: readonly SetupIssue[];
  /** The setup issues in words, as the coach says them. */
  readonly setupHints: readonly string[];
  /** Where to put the camera for this stretch, shown during setup. */
  readonly cameraPlacement: string | null;
  readonly readouts: readonly ReadoutView[];
  /** The leg to highlight on the skeleton. */
  readonly highlightLeg: Side | null;
  /** After a yes to the symptom check: whether the gentle nerve glide may be offered. */
  readonly nerveGlideOffered: boolean;
  /** The session ended because tingling, numbness or pain was reported: show the advice. */
  readonly stoppedForSymptoms: boolean;
}

function stretchProgress(state: SessionState): StretchProgress | null {
  const stretch = currentStretch(state);
  if (stretch === null) return null;
  return {
    id: stretch.id,
    name: stretch.name,
    kind: stretch.kind,
    number: state.stretchIndex + 1,
    of: state.routine.length,
    leg: repLeg(state),
    pass: stretch.legs === 'each-leg' ? ((state.pass + 1) as 1 | 2) : null,
    rep: state.rep,
    reps: stretch.kind === 'hold' ? stretch.dose.reps : stretch.dose.sets,
  };
}

/** What the session screen shows of a coaching session at `nowMs`. Pure. */
export function coachView(state: CoachState, nowMs: number): SessionView {
  const view = sessionView(state.session, state.measures, nowMs);
  if (view.phase !== 'setup') return view;
  // One instruction at a time, held a few seconds (setupGuide.ts), not the whole list.
  const text = state.setupGuide.text;
  return { ...view, setupHints: text === null ? [] : [text] };
}

/** Every setup issue in words, most useful first, without repeats (empty outside setup). */
export function setupHints(state: SessionState): readonly string[] {
  const stretch = currentStretch(state);
  if (state.phase !== 'setup' || stretch === null) return [];
  return [...new Set(state.setupIssues.map((issue) => setupText(issue, stretch)))];
}

function holdStatus(state: SessionState): HoldStatus {
  if (state.paused !== null) return 'paused';
  if (state.hold.counting) return 'counting';
  return state.hold.started ? 'waiting' : 'settling';
}

/** Everything the session screen shows, from the machine's state and the latest measures. */
export function sessionView(
  state: SessionState,
  measures: BodyMeasures | null,
  nowMs: number,
): SessionView {
  const stretch = currentStretch(state);
  const leg = state.leg ?? expectedLeg(state) ?? measures?.workingLeg.value ?? null;
  const countdownMs = state.options.countdownMs;
  return {
    phase: state.phase,
    paused: state.paused !== null,
    stretch: stretchProgress(state),
    hold:
      stretch?.kind === 'hold' && state.phase === 'hold'
        ? {
            heldMs: state.hold.heldMs,
            targetMs: stretch.dose.holdMs,
            counting: state.hold.counting,
            status: holdStatus(state),
            eased: state.stall.targetEased,
          }
        : null,
    // Once the target is eased the offer steps aside while the hold counts: "move on" comes
    // back only if the easier target is lost too.
    stall:
      state.phase === 'hold' &&
      state.stall.offeredInRep &&
      !(state.stall.targetEased && state.hold.counting)
        ? { easeOffered: !state.stall.targetEased }
        : null,
    glide:
      stretch?.kind === 'glide' && state.phase === 'glide'
        ? { reps: state.glide.reps, target: stretch.dose.repsPerSet }
        : null,
    countdown:
      state.phase === 'countdown'
        ? Math.max(1, Math.ceil((countdownMs - (nowMs - state.phaseStartMs)) / 1000))
        : null,
    restRemainingMs: state.phase === 'rest' ? Math.max(0, state.restEndsMs - nowMs) : null,
    setupIssues: state.phase === 'setup' ? state.setupIssues : [],
    setupHints: setupHints(state),
    cameraPlacement: stretch?.camera.placement ?? null,
    readouts: readouts({ state, measures, leg }),
    highlightLeg: leg,
    nerveGlideOffered: state.phase === 'symptom-advice' && nerveGlideOffered(state),
    stoppedForSymptoms: state.phase === 'done' && state.symptomsReported,
  };
}
