import type { Side } from '../../../src/geometry';
import type { StudioTruthFrame } from '../studioTruth';

/**
 * What `npm run eval` (studio mode) and `npm run coach-eval` compare alike, so their angle errors
 * mean the same thing: which leg, which angle, in which phases, and how an error is tallied.
 */

/** Per-leg angle, truth or app (null: not measured). */
export interface LegAngles {
  readonly left: number | null;
  readonly right: number | null;
}

/** Phases where the person is in the stretch proper (working leg and stretch angles apply). */
export const STRETCHING_PHASES: ReadonlySet<string> = new Set(['ease-in', 'hold', 'glide']);

/** The leg whose angles are compared: the working one, else the near one (both legs work). */
export function scoredLeg(frame: Pick<StudioTruthFrame, 'workingLeg' | 'nearSide'>): Side {
  return frame.workingLeg ?? frame.nearSide;
}

/**
 * The hip measure of a leg: hip flexion, or lying the straight-leg-raise angle (DESIGN.md §3: the
 * supine strap stretch's hip measure is the raised leg's angle from the floor-side trunk line).
 */
export function hipOrRaiseDeg(
  angles: { readonly hipFlexionDeg: LegAngles; readonly legRaiseDeg: LegAngles },
  lying: boolean,
  leg: Side,
): number | null {
  return (lying ? angles.legRaiseDeg : angles.hipFlexionDeg)[leg];
}

/** Absolute errors where both measured, and how often the app missed what the truth has. */
export interface AngleTally {
  readonly errors: number[];
  unmeasured: number;
}

export function emptyTally(): AngleTally {
  return { errors: [], unmeasured: 0 };
}

/** Adds one frame: nothing when the truth has no value, a miss when only the app has none. */
export function tallyAngle(tally: AngleTally, truth: number | null, measured: number | null): void {
  if (truth === null) return;
  if (measured === null) tally.unmeasured++;
  else tally.errors.push(Math.abs(measured - truth));
}
