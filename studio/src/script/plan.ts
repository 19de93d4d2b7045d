import type { BodyPose, Side } from '../scene/pose';
import type { PropSpec } from '../scene/clipSpec';
import type { StudioFaultId, StudioStretchId } from '../../../scripts/eval/studioTruth';
import type { FaultContext } from './faults';
import type { Place } from './postures';
import type { Timeline } from './timeline';

/** A fault to play in one rep (or glide set): where in its hold, for how long, how much. */
export interface FaultPlan {
  readonly id: StudioFaultId;
  /** The working leg of the rep it is played in ('both' for the long-sit). */
  readonly leg: Side | 'both';
  readonly rep: number;
  /** Into the hold (or the glide set), from the end of the ease-in. */
  readonly atMs: number;
  readonly durationMs: number;
  readonly amountDeg: number;
  readonly bounce?: { readonly frequencyHz: number; readonly peakToPeakDeg: number };
}

/** What a clip's person does: the stretch, its dose, its faults and interruptions. */
export interface ClipPlan {
  readonly stretch: StudioStretchId;
  /** Where the person does it and which way they face. */
  readonly place: Place;
  /** The legs in the order they are stretched (['both'] for the long-sit). */
  readonly legs: readonly (Side | 'both')[];
  readonly repsPerLeg: number;
  /** Glide: sets per leg (holds: 1). */
  readonly sets: number;
  /** Held in good form per rep (the protocol's dose: 30 s). */
  readonly holdMs: number;
  readonly restMs: number;
  /** How deep the person hinges (or raises the leg), degrees past the setup position. */
  readonly depthDeg: number;
  /** Glide: chin-and-toes cycles per set, and each cycle's length. */
  readonly glideReps: number;
  readonly glideRepMs: number;
  readonly faults: readonly FaultPlan[];
  /** Walk out of the picture during the rest after this rep of this leg, and come back. */
  readonly leaveFrame: { readonly leg: Side | 'both'; readonly rep: number } | null;
  /** Someone walks through during this rep's hold, starting `atMs` into it. */
  readonly passerBy: {
    readonly leg: Side | 'both';
    readonly rep: number;
    readonly atMs: number;
    readonly inFront: boolean;
  } | null;
  /** Step, chair and mat sizes. */
  readonly stepHeightM: number;
  readonly seatHeightM: number;
}

/** What a stretch's choreography produces. */
export interface Choreography {
  readonly timeline: Timeline;
  readonly props: readonly PropSpec[];
  readonly faultContext: (tMs: number) => FaultContext;
  /** The scripted working leg at a time; null when both legs work or nobody stretches. */
  readonly workingLeg: (tMs: number) => Side | null;
  readonly orientation: (tMs: number) => 'upright' | 'seated' | 'lying';
  /** The foot the strap loops round, when the hands hold it. */
  readonly strapSide: (tMs: number) => Side | null;
  /** The passer-by's pose, when they are in the scene. */
  readonly passerBy: (tMs: number) => BodyPose | null;
  readonly reps: readonly {
    leg: Side | 'both';
    rep: number;
    set: number;
    startMs: number;
    endMs: number;
    glideReps: number | null;
  }[];
  readonly legSwitches: number;
}
