import type { Pose } from './types';
import type { Measured, Side } from './measures';
import { available } from './measured';
import { readJoints, sideJoint, type GatedJoint } from './joints';
import { degrees, type Degrees } from './units';
import { vectorAngleDeg, vectorFromPoints } from './vectors';

/**
 * Ankle flexion from BlazePose's heel and foot-index points: the sole line (heel -> foot index)
 * against the shin (ankle -> knee). A foot square to the shin is 0; toes pulled up towards the
 * shin (dorsiflexion, "feet flexed") is positive; a pointed foot is negative. MoveNet has no foot
 * points, so it reports 'not-in-model'.
 */
export function ankleFlexionDeg(pose: Pose, side: Side, minScore: number): Measured<Degrees> {
  const joints = readJoints(
    pose,
    [
      sideJoint(side, 'knee'),
      sideJoint(side, 'ankle'),
      sideJoint(side, 'heel'),
      sideJoint(side, 'foot_index'),
    ],
    minScore,
  );
  if (!joints.usable) return joints.missing;
  const [knee, ankle, heel, toe] = joints.joints as [
    GatedJoint,
    GatedJoint,
    GatedJoint,
    GatedJoint,
  ];
  const angle = vectorAngleDeg(vectorFromPoints(ankle, knee), vectorFromPoints(heel, toe));
  return available(degrees(90 - angle), joints.minScore);
}
