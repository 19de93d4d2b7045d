import type { KeypointName, Pose } from './types';
import type { Measured, Side } from './measures';
import { available, unavailable } from './measured';
import { otherSide, readJoints, sideJoint, usableJoint, type GatedJoint } from './joints';
import { degrees, type Degrees } from './units';
import { angleFromUpDeg, vectorFromPoints, vectorSignedAngleDeg, type Vec2 } from './vectors';

/** The trunk line of one side: hip -> shoulder. */
export interface TrunkLine {
  readonly hip: GatedJoint;
  readonly shoulder: GatedJoint;
  /** The side whose hip and shoulder were used. */
  readonly side: Side;
  /** hip -> shoulder. */
  readonly up: Vec2;
}

/**
 * The trunk line on `side`, or else on the other side: in a side view both project onto nearly
 * the same line, so the far side's trunk is a fair stand-in when the near shoulder is hidden
 * (confidence is lowered by `OTHER_SIDE_FACTOR`).
 */
export function trunkLine(
  pose: Pose,
  side: Side,
  minScore: number,
):
  | { readonly line: TrunkLine; readonly confidence: number }
  | { readonly missing: Measured<never> } {
  const own = readJoints(pose, [sideJoint(side, 'hip'), sideJoint(side, 'shoulder')], minScore);
  if (own.usable) {
    const [hip, shoulder] = own.joints as [GatedJoint, GatedJoint];
    return {
      line: { hip, shoulder, side, up: vectorFromPoints(hip, shoulder) },
      confidence: own.minScore,
    };
  }
  const other = otherSide(side);
  const far = readJoints(pose, [sideJoint(other, 'hip'), sideJoint(other, 'shoulder')], minScore);
  if (far.usable) {
    const [hip, shoulder] = far.joints as [GatedJoint, GatedJoint];
    return {
      line: { hip, shoulder, side: other, up: vectorFromPoints(hip, shoulder) },
      confidence: far.minScore * OTHER_SIDE_FACTOR,
    };
  }
  return { missing: own.missing };
}

/** Confidence factor for measuring one side against the other side's trunk line. */
export const OTHER_SIDE_FACTOR = 0.8;

/** Trunk line (hip -> shoulder) from straight up: 0 upright, 90 horizontal, 180 head down. */
export function trunkInclinationDeg(pose: Pose, side: Side, minScore: number): Measured<Degrees> {
  const trunk = trunkLine(pose, side, minScore);
  if ('missing' in trunk) return trunk.missing;
  return available(angleFromUpDeg(trunk.line.up), trunk.confidence);
}

/**
 * Neck flexion: how far the shoulder -> ear line turns forward of the hip -> shoulder line.
 * 0 = head in line with the trunk, positive = head dropped forward, negative = head tipped back.
 * "Forward" comes from `facing` (the side facing the camera); without it the sign is unknown and
 * the measure is unavailable. The ear of `side` is used, or the other ear (the two project onto
 * nearly the same point in a side view).
 */
export function neckFlexionDeg(
  pose: Pose,
  side: Side,
  facing: Side | null,
  minScore: number,
): Measured<Degrees> {
  const trunk = trunkLine(pose, side, minScore);
  if ('missing' in trunk) return trunk.missing;
  const { shoulder, up } = trunk.line;
  const ownEar = usableJoint(pose, sideJoint(trunk.line.side, 'ear'), minScore);
  const farEar = usableJoint(pose, sideJoint(otherSide(trunk.line.side), 'ear'), minScore);
  const ear = ownEar ?? farEar;
  if (ear === undefined) {
    const names: KeypointName[] = ['left_ear', 'right_ear'];
    return unavailable(
      pose.keypoints.left_ear === undefined ? 'not-in-model' : 'low-confidence',
      names,
    );
  }
  if (facing === null) return unavailable('low-confidence', []);
  // Forward is clockwise of up on screen when the right side faces the camera (see facing.ts).
  const turnDeg: number = vectorSignedAngleDeg(up, vectorFromPoints(shoulder, ear));
  const flexion = facing === 'right' ? turnDeg : -turnDeg;
  const confidence = Math.min(trunk.confidence, ear.score) * (ownEar ? 1 : OTHER_SIDE_FACTOR);
  return available(degrees(flexion), confidence);
}
