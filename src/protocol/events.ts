import type { BodyOrientation, Side, ViewAngle } from '../geometry/measures';
import type { KeypointName } from '../geometry/types';
import type { FormAspect } from './stretchDefinition';

/**
 * What the session machine reports. `transition` returns these instead of doing anything; the
 * engine hands them to the cue policy (what to say) and the session recorder (what to keep).
 * Every event carries `atMs`, the `nowMs` of the transition that produced it, so a recorder can
 * rebuild the session from the events alone.
 */

/** Where the session is. Pausing is not a phase: see `SessionState.paused`. */
export type SessionPhase =
  /** Before the user pressed start. */
  | 'idle'
  /** Before the first static hold: waiting for the user to confirm they have warmed up. */
  | 'warm-up'
  /** Waiting for the user to be in frame, side-on, in the start position. */
  | 'setup'
  /** The get-ready countdown before a hold or a glide set. */
  | 'countdown'
  /** A static hold: the form-gated hold timer runs. */
  | 'hold'
  /** A nerve-glide set: reps are counted. */
  | 'glide'
  /** Between reps, sets or legs. */
  | 'rest'
  /** After a stretch: waiting for the tingling/numbness/sharp-pain answer. */
  | 'symptom-check'
  /** After a yes to the symptom check: waiting for "try the nerve glide" or "end". */
  | 'symptom-advice'
  | 'done';

/** Leg of the current rep: one side, or `both` for a both-legs stretch (long-sit). */
export type RepLeg = Side | 'both';

/** Faults the machine itself defines, besides each stretch's form checks (by check id). */
export type BuiltInFault =
  /** Hip flexion oscillating like a ballistic bounce (see bounceDetector.ts). */
  | 'bouncing'
  /** The hold was broken for longer than the stretch's `longBreakMs`. */
  | 'hold-broken'
  /** A nerve-glide end position held past `maxEndHoldMs` (seeds: do not hold it). */
  | 'end-position-held';

/** A stretch check id (`FormCheck.id`, e.g. `back-rounded`) or a built-in fault. */
export type FaultId = BuiltInFault | (string & {});

/** Why setup is not complete. The cue policy turns each into a setup line. */
export type SetupIssue =
  | { readonly kind: 'no-person' }
  /** Parts of the body are outside the image or not seen confidently. */
  | { readonly kind: 'not-whole-body'; readonly joints: readonly KeypointName[] }
  /** `view` is null when the view could not be judged. */
  | { readonly kind: 'not-side-on'; readonly view: ViewAngle | null }
  | {
      readonly kind: 'wrong-orientation';
      readonly expected: BodyOrientation;
      readonly actual: BodyOrientation | null;
    }
  /** The stretch needs a working leg (raised heel/leg, extended leg) and none was found. */
  | { readonly kind: 'no-working-leg' }
  /** Second pass of a one-leg stretch: the user is still on the first leg. */
  | { readonly kind: 'wrong-leg'; readonly expected: Side }
  /** `start.conditions[conditionIndex]` of the stretch is not met. */
  | { readonly kind: 'start-condition'; readonly conditionIndex: number }
  /** A joint a start condition needs is not seen confidently. */
  | { readonly kind: 'cannot-see'; readonly joints: readonly KeypointName[] };

export type SetupIssueKind = SetupIssue['kind'];

/** Why the hold timer stopped counting. */
export type HoldBreakReason =
  /** The target position (e.g. hip hinge depth) was lost. */
  | 'out-of-position'
  /** One or more form faults that gate the hold (listed in `faults`). */
  | 'form'
  /** A joint the target or a gating check needs is not seen (listed in `joints`). */
  | 'cannot-see'
  /** Nobody in the frame. */
  | 'no-person';

export interface SymptomAnswer {
  readonly tingling: boolean;
  readonly numbness: boolean;
  readonly sharpPain: boolean;
}

/** The two ways out of a stalled hold (holdStall.ts). */
export type StallChoice = 'ease-target' | 'move-on';

export type StretchEndReason = 'completed' | 'stopped' | 'skipped';
export type SessionEndReason = 'completed' | 'stopped' | 'symptoms';

export type ProtocolEvent =
  /** The user pressed start. */
  | {
      readonly type: 'session-started';
      readonly atMs: number;
      readonly stretchIds: readonly string[];
    }
  /**
   * Before the first static hold of a session: warm up first (seed 000: "5-10 minutes of
   * walking or light cardio"). The session waits in `warm-up` for the user's answer.
   */
  | { readonly type: 'warm-up-reminder'; readonly atMs: number }
  /** The user confirmed the warm-up, or skipped the reminder. */
  | {
      readonly type: 'warm-up-answered';
      readonly atMs: number;
      readonly answer: 'warmed-up' | 'skipped';
    }
  | {
      readonly type: 'stretch-started';
      readonly atMs: number;
      readonly stretchId: string;
      /** Position in the routine, 0-based. */
      readonly index: number;
      readonly kind: 'hold' | 'glide';
    }
  | {
      readonly type: 'phase-changed';
      readonly atMs: number;
      readonly from: SessionPhase;
      readonly to: SessionPhase;
      readonly stretchId: string | null;
      readonly leg: RepLeg | null;
      /** 1-based rep (hold) or set (glide) the new phase belongs to. */
      readonly rep: number;
    }
  /** The set of setup issues changed; empty `issues` means setup is satisfied (not yet stable). */
  | {
      readonly type: 'setup-changed';
      readonly atMs: number;
      readonly stretchId: string;
      readonly issues: readonly SetupIssue[];
    }
  /** One get-ready number: `remaining` is 3, 2, 1 for a 3 s countdown. */
  | { readonly type: 'countdown-tick'; readonly atMs: number; readonly remaining: number }
  /** A hold rep (or a glide set, with `set`) begins: the user now moves into the stretch. */
  | {
      readonly type: 'rep-started';
      readonly atMs: number;
      readonly stretchId: string;
      readonly leg: RepLeg;
      readonly rep: number;
      /** Glide only: the set this is. */
      readonly set?: number;
    }
  /** Hold: the target position was reached (first time in a rep, or again after leaving it). */
  | { readonly type: 'position-reached'; readonly atMs: number }
  | { readonly type: 'position-lost'; readonly atMs: number }
  /** The hold timer stopped counting (only after the position was first reached). */
  | {
      readonly type: 'hold-paused';
      readonly atMs: number;
      readonly reason: HoldBreakReason;
      readonly faults: readonly FaultId[];
      readonly joints: readonly KeypointName[];
    }
  /** The hold timer counts again; `breakMs` is how long it stood still. It never resets. */
  | { readonly type: 'hold-resumed'; readonly atMs: number; readonly breakMs: number }
  /**
   * The hold has not counted for `waitedMs` (holdStall.ts `STALL_AFTER_MS`): the coach says so
   * kindly and offers to ease the target (`easeOffered`, false once eased) or to move on. Once
   * per rep.
   */
  | {
      readonly type: 'hold-stalled';
      readonly atMs: number;
      readonly stretchId: string;
      readonly leg: RepLeg;
      readonly rep: number;
      readonly waitedMs: number;
      /** Whether the position was reached earlier in this rep (then it is form or a lost hold). */
      readonly reachedInRep: boolean;
      readonly easeOffered: boolean;
    }
  /** The user's answer to a stall (or the same choice made before one). */
  | {
      readonly type: 'stall-choice';
      readonly atMs: number;
      readonly stretchId: string;
      readonly leg: RepLeg;
      readonly rep: number;
      readonly choice: StallChoice;
      /** How long the hold had waited without counting when the choice was made. */
      readonly waitedMs: number;
    }
  /** Held-in-form time crossed a whole second. */
  | {
      readonly type: 'hold-second';
      readonly atMs: number;
      readonly heldMs: number;
      readonly holdMs: number;
    }
  | {
      readonly type: 'fault-started';
      readonly atMs: number;
      readonly fault: FaultId;
      readonly aspect: FormAspect | 'safety';
      /** Whether the hold timer stops while it lasts. */
      readonly gatesHold: boolean;
      /** When the fault began; earlier than `atMs` for faults known only after a while. */
      readonly startMs: number;
    }
  | {
      readonly type: 'fault-ended';
      readonly atMs: number;
      readonly fault: FaultId;
      readonly startMs: number;
      readonly durationMs: number;
    }
  /** Measured oscillation of the hip angle; comes with `fault-started` for `bouncing`. */
  | {
      readonly type: 'bounce-detected';
      readonly atMs: number;
      /** Mean peak-to-peak swing of the hip angle over the detected half-cycles. */
      readonly amplitudeDeg: number;
      readonly frequencyHz: number;
    }
  | {
      readonly type: 'rep-ended';
      readonly atMs: number;
      readonly stretchId: string;
      readonly leg: RepLeg;
      readonly rep: number;
      /** Time counted in the target position with good form. */
      readonly heldInFormMs: number;
      /** Time since `rep-started`, excluding user pauses. */
      readonly totalMs: number;
      /** How many times the hold timer stopped. */
      readonly breaks: number;
      /** False when the rep was stopped or skipped before the hold was complete. */
      readonly completed: boolean;
    }
  /** A nerve-glide repetition was counted. */
  | {
      readonly type: 'glide-rep';
      readonly atMs: number;
      readonly stretchId: string;
      readonly leg: Side;
      readonly set: number;
      /** 1-based within the set. */
      readonly rep: number;
      readonly repMs: number;
      /** False when only the neck could be followed (no heel/toe points, e.g. MoveNet). */
      readonly ankleTracked: boolean;
    }
  /** A glide cycle was too quick to count. */
  | {
      readonly type: 'glide-rep-rejected';
      readonly atMs: number;
      readonly reason: 'too-fast';
      readonly repMs: number;
    }
  | {
      readonly type: 'set-ended';
      readonly atMs: number;
      readonly stretchId: string;
      readonly leg: Side;
      readonly set: number;
      readonly reps: number;
      readonly totalMs: number;
      readonly completed: boolean;
    }
  | {
      readonly type: 'rest-started';
      readonly atMs: number;
      readonly restMs: number;
      /** What follows the rest. */
      readonly next: 'rep' | 'set' | 'leg';
    }
  /** The first leg is done; the next reps are on `to`. */
  | { readonly type: 'switch-leg'; readonly atMs: number; readonly to: Side }
  | {
      readonly type: 'stretch-ended';
      readonly atMs: number;
      readonly stretchId: string;
      readonly reason: StretchEndReason;
    }
  /** Ask: any tingling, numbness or sharp pain during that stretch? */
  | { readonly type: 'symptom-check'; readonly atMs: number; readonly stretchId: string }
  | {
      readonly type: 'symptom-answered';
      readonly atMs: number;
      readonly stretchId: string;
      readonly answer: SymptomAnswer;
      readonly anySymptom: boolean;
    }
  /** The user moved on without answering (skip or stop). */
  | { readonly type: 'symptom-check-skipped'; readonly atMs: number; readonly stretchId: string }
  /**
   * After a yes: advise stopping and seeing a professional (seed 000: "stop and consult a
   * professional"); offer the nerve glide unless it is the stretch that caused the symptoms.
   */
  | {
      readonly type: 'symptom-advice';
      readonly atMs: number;
      readonly stretchId: string;
      readonly nerveGlideOffered: boolean;
    }
  | { readonly type: 'paused'; readonly atMs: number; readonly phase: SessionPhase }
  | { readonly type: 'resumed'; readonly atMs: number; readonly pausedMs: number }
  /** The user pressed stop: the current stretch ends at once. */
  | { readonly type: 'stopped'; readonly atMs: number; readonly phase: SessionPhase }
  | { readonly type: 'skipped'; readonly atMs: number; readonly phase: SessionPhase }
  /** A command that does not apply in the current phase (e.g. resume when not paused). */
  | {
      readonly type: 'command-ignored';
      readonly atMs: number;
      readonly command: string;
      readonly phase: SessionPhase;
    }
  /**
   * The user pressed "I feel pain or tingling" in `phase`, during `stretchId` (null before the
   * first stretch). The session ends at once with reason `symptoms`.
   */
  | {
      readonly type: 'symptom-reported';
      readonly atMs: number;
      readonly stretchId: string | null;
      readonly phase: SessionPhase;
    }
  | { readonly type: 'session-ended'; readonly atMs: number; readonly reason: SessionEndReason };

export type ProtocolEventType = ProtocolEvent['type'];

/** The event of a given type, e.g. `EventOf<'rep-ended'>`. */
export type EventOf<T extends ProtocolEventType> = Extract<ProtocolEvent, { type: T }>;

/** Shared empty result: most frames produce no events, and need not allocate an array. */
export const NO_EVENTS: readonly ProtocolEvent[] = Object.freeze([]);

/** Joins event lists without allocating when one side is empty. */
export function joinEvents(
  first: readonly ProtocolEvent[],
  second: readonly ProtocolEvent[],
): readonly ProtocolEvent[] {
  if (second.length === 0) return first;
  if (first.length === 0) return second;
  return [...first, ...second];
}
