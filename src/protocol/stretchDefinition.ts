import type { BodyOrientation, ViewAngle } from '../geometry/measures';

/**
 * The declarative shape of one stretch. Each stretch is one data file in `stretches/` that
 * exports a `StretchDefinitionInput`; `validateStretchDefinition` fills the defaults and turns it
 * into a `StretchDefinition`, the only form the session machine reads.
 */

/** Per-leg measures of `BodyMeasures`; a check names whose leg it reads. */
export type LegMeasureName = 'hipFlexionDeg' | 'legRaiseDeg' | 'kneeAngleDeg' | 'ankleFlexionDeg';
/** Whole-body measures of `BodyMeasures` (`roundingIndex` is `rounding.value.index`). */
export type BodyMeasureName = 'neckFlexionDeg' | 'trunkInclinationDeg' | 'roundingIndex';

/**
 * `working`: the leg being stretched (for a both-legs stretch, the leg nearer the camera, whose
 * joints the model sees best). `other`: the opposite leg (e.g. the standing leg).
 */
export type LegRole = 'working' | 'other';

export type MeasureRef =
  | { readonly measure: LegMeasureName; readonly leg: LegRole }
  | { readonly measure: BodyMeasureName };

/**
 * What part of form a check is about. The cue policy voices form faults in this order
 * (DESIGN.md §5: back, then knee, then depth); `head` and `trunk` are part of the back rule
 * ("don't force the head down", "sit upright"), `feet` and `tempo` come after depth.
 */
export const FORM_ASPECTS = ['back', 'head', 'trunk', 'knee', 'depth', 'feet', 'tempo'] as const;
export type FormAspect = (typeof FORM_ASPECTS)[number];

/**
 * One form rule with hysteresis. With `faultWhen: 'above'` the fault starts when the value
 * reaches `enter` and clears only when it falls to `leave` (so `leave < enter`); `'below'` is the
 * mirror (`leave > enter`). Units are the measure's (degrees, or the dimensionless rounding
 * index).
 */
export interface FormCheck {
  /** Kebab-case, unique within the stretch; the recorder and the cue policy key on it. */
  readonly id: string;
  readonly aspect: FormAspect;
  readonly measure: MeasureRef;
  readonly faultWhen: 'above' | 'below';
  readonly enter: number;
  readonly leave: number;
  /** True: the hold timer stops while this fault lasts. False: the fault is only voiced. */
  readonly gatesHold: boolean;
  /** What the coach says to fix it. */
  readonly cue: string;
  /** Said once when the fault is fixed after it was voiced; the policy has a generic fallback. */
  readonly fixedCue?: string;
}

/**
 * The target position of a static hold: the hold timer runs only while it is reached. Reached
 * when the value gets to `enter` (at least, or at most), lost only when it passes `leave`.
 */
export interface PositionTarget {
  readonly measure: MeasureRef;
  readonly reachedWhen: 'above' | 'below';
  readonly enter: number;
  readonly leave: number;
  /** Said when the user has not reached the position a few seconds into the hold. */
  readonly cue: string;
}

/** A start-position condition checked during setup (no hysteresis: setup is debounced in time). */
export interface StartCondition {
  readonly measure: MeasureRef;
  readonly atLeast?: number;
  readonly atMost?: number;
  /** Said while the condition is not met. */
  readonly cue: string;
}

export interface StartPosition {
  readonly orientation: BodyOrientation;
  /** Whether geometry must have found the working leg (raised heel, raised or extended leg). */
  readonly needsWorkingLeg: boolean;
  readonly conditions: readonly StartCondition[];
  /** How to get into the start position, said when setup begins. */
  readonly cue: string;
  /** Said when the body lies/sits/stands differently from `orientation`. */
  readonly orientationCue: string;
}

export interface CameraRequirement {
  /** Views the measures are valid in; side-on for every hamstring stretch (DESIGN.md §3). */
  readonly views: readonly ViewAngle[];
  readonly wholeBody: boolean;
  /** Where to put the camera, for the setup screen. */
  readonly placement: string;
}

/**
 * `each-leg`: the routine runs the reps (or sets) on one leg, then the other.
 * `both-legs`: both legs work at once (long-sit).
 */
export type LegPlan = 'each-leg' | 'both-legs';

export interface HoldDoseInput {
  readonly kind: 'hold';
  /** Default 30 s; the seeds allow 20-30 s. */
  readonly holdMs?: number;
  /** Default 2; the seeds give 2-3 repetitions (per leg where the stretch is one-legged). */
  readonly reps?: number;
  /** Rest between reps (and before the other leg). Default 15 s. */
  readonly restMs?: number;
  /** A break in the hold longer than this is recorded as a fault. Default 3 s. */
  readonly longBreakMs?: number;
}

export interface GlideDoseInput {
  readonly kind: 'glide';
  /** Default 10; the seeds give 10-15 repetitions per set. */
  readonly repsPerSet?: number;
  /** Default 2; the seeds give 2-3 sets per leg. */
  readonly sets?: number;
  /** Rest between sets (and before the other leg). Default 20 s. */
  readonly restMs?: number;
  /** A cycle faster than this is not counted (jitter, or not "gentle"). Default 1.2 s. */
  readonly minRepMs?: number;
  /** Staying at an end position longer than this is warned (seeds: "do not hold"). Default 2 s. */
  readonly maxEndHoldMs?: number;
}

export type HoldDose = Required<HoldDoseInput>;
export type GlideDose = Required<GlideDoseInput>;

/**
 * A two-state switch with hysteresis on one measure: `high` once the value reaches `highAt`,
 * `low` once it falls to `lowAt` (`lowAt < highAt`); in between it keeps its last state.
 */
export interface GlideSwitch {
  readonly measure: MeasureRef;
  readonly highAt: number;
  readonly lowAt: number;
}

/**
 * The nerve glide's motion: two end positions, each a state of the neck switch and the ankle
 * switch. One repetition is end `a` then end `b` (seed 000: "lower your chin ... then lift your
 * chin, simultaneously pointing your toes ... This is one repetition").
 */
export interface GlideMotion {
  /** Neck flexion: high = chin down. */
  readonly neck: GlideSwitch;
  /** Ankle flexion: high = toes up. Needs BlazePose's heel/foot points; without them, neck only. */
  readonly ankle: GlideSwitch;
  readonly a: { readonly neck: 'high' | 'low'; readonly ankle: 'high' | 'low' };
  readonly b: { readonly neck: 'high' | 'low'; readonly ankle: 'high' | 'low' };
  /** Said when an end position is held. */
  readonly endHeldCue: string;
  /** Said when a cycle was too quick to count. */
  readonly tooFastCue: string;
}

/** Lines a stretch owns. Session-wide lines (countdown, rest, symptom check) live in feedback/. */
export interface StretchCues {
  /** Said when the hold or glide starts: how to move into it. */
  readonly begin: string;
}

/** What a stretch file exports. Optional fields get defaults from `validateStretchDefinition`. */
export interface StretchDefinitionInput {
  /** Kebab-case, unique in the registry. */
  readonly id: string;
  /** Shown and spoken: "standing hamstring stretch". */
  readonly name: string;
  readonly legs: LegPlan;
  readonly camera?: Partial<CameraRequirement>;
  readonly start: StartPosition;
  /** Static holds only: the position whose seconds are counted. */
  readonly target?: PositionTarget;
  readonly checks: readonly FormCheck[];
  /** Static holds only: the signal the bounce detector watches (the target's measure). */
  readonly detectBounce?: boolean;
  readonly dose: HoldDoseInput | GlideDoseInput;
  /** Nerve glide only. */
  readonly glide?: GlideMotion;
  readonly cues: StretchCues;
}

interface StretchDefinitionCommon {
  readonly id: string;
  readonly name: string;
  readonly legs: LegPlan;
  readonly camera: CameraRequirement;
  readonly start: StartPosition;
  readonly checks: readonly FormCheck[];
  readonly cues: StretchCues;
}

export interface HoldStretchDefinition extends StretchDefinitionCommon {
  readonly kind: 'hold';
  readonly target: PositionTarget;
  readonly detectBounce: boolean;
  readonly dose: HoldDose;
}

export interface GlideStretchDefinition extends StretchDefinitionCommon {
  readonly kind: 'glide';
  readonly dose: GlideDose;
  readonly glide: GlideMotion;
}

/** A validated stretch: every default filled, every range checked. */
export type StretchDefinition = HoldStretchDefinition | GlideStretchDefinition;
