import type { Pose } from './types';
import type { Measured, Side } from './measures';
import { available } from './measured';
import { readJoints, sideJoint, type GatedJoint } from './joints';
import { trunkLine } from './trunk';
import { degrees, type Degrees } from './units';
import { vectorAngleDeg, vectorFromPoints } from './vectors';

/**
 * Hip flexion of one leg (DESIGN.md §3): 180 minus the angle between the trunk line
 * (hip -> shoulder) and the thigh (hip -> knee). 0 standing tall, 90 trunk and thigh square,
 * up to ~170 in a deep fold. Unsigned: hip extension (thigh behind the trunk) reads as a small
 * positive flexion, which no hamstring stretch needs told apart.
 */
export function hipFlexionDeg(pose: Pose, side: Side, minScore: number): Measured<Degrees> {
  const trunk = trunkLine(pose, side, minScore);
  if ('missing' in trunk) return trunk.missing;
  const leg = readJoints(pose, [sideJoint(side, 'hip'), sideJoint(side, 'knee')], minScore);
  if (!leg.usable) return leg.missing;
  const [hip, knee] = leg.joints as [GatedJoint, GatedJoint];
  const angle = vectorAngleDeg(trunk.line.up, vectorFromPoints(hip, knee));
  return available(degrees(180 - angle), Math.min(trunk.confidence, leg.minScore));
}

/**
 * Straight-leg-raise angle of one leg (supine strap stretch): the angle between the leg
 * (hip -> ankle, the goniometer's lateral-malleolus arm) and the trunk line continued past the
 * hip along the floor. 0 = leg flat on the floor, 90 = leg vertical. The caller decides whether
 * the body is lying (see orientation.ts); this only does the geometry.
 */
export function legRaiseDeg(pose: Pose, side: Side, minScore: number): Measured<Degrees> {
  const trunk = trunkLine(pose, side, minScore);
  if ('missing' in trunk) return trunk.missing;
  const leg = readJoints(pose, [sideJoint(side, 'hip'), sideJoint(side, 'ankle')], minScore);
  if (!leg.usable) return leg.missing;
  const [hip, ankle] = leg.joints as [GatedJoint, GatedJoint];
  const angle = vectorAngleDeg(trunk.line.up, vectorFromPoints(hip, ankle));
  return available(degrees(180 - angle), Math.min(trunk.confidence, leg.minScore));
}
