import type { Pose } from './types';
import type { BodyOrientation, Measured, PerLeg, Side } from './measures';
import { available, isAvailable, NOT_APPLICABLE, unavailable } from './measured';
import { readJoints, sideJoint, type GatedJoint } from './joints';
import type { Degrees } from './units';
import { pointDistance } from './vectors';

/**
 * The leg being stretched, by body position (DESIGN.md §3, §4):
 * - upright: the raised heel (heel on a step): one ankle higher than the other by more than
 *   `RAISED_HEEL_MIN_RATIO` of the leg length. A low step is 15-20 cm, about a fifth of an adult's
 *   hip-to-ankle length (~85 cm), so a tenth leaves room for a lower step and for tilt.
 * - lying: the raised leg: a straight-leg-raise angle larger by `RAISED_LEG_MIN_DEG`.
 * - seated: the extended leg (nerve glide, one leg out): a knee straighter by
 *   `EXTENDED_LEG_MIN_DEG`. Both legs out (long-sit) has no single working leg.
 * Otherwise 'not-applicable': both legs work alike.
 */
const RAISED_HEEL_MIN_RATIO = 0.1;
const RAISED_LEG_MIN_DEG = 20;
const EXTENDED_LEG_MIN_DEG = 30;

function raisedHeel(pose: Pose, minScore: number): Measured<Side> {
  const joints = readJoints(pose, ['left_hip', 'left_ankle', 'right_hip', 'right_ankle'], minScore);
  if (!joints.usable) return joints.missing;
  const [lh, la, rh, ra] = joints.joints as [GatedJoint, GatedJoint, GatedJoint, GatedJoint];
  const legLength = Math.max(pointDistance(lh, la), pointDistance(rh, ra));
  if (legLength === 0) return unavailable('low-confidence', []);
  // y grows downwards: the raised ankle has the smaller y.
  const rise = (ra.y - la.y) / legLength;
  if (Math.abs(rise) < RAISED_HEEL_MIN_RATIO) return NOT_APPLICABLE;
  return available(rise > 0 ? 'left' : 'right', joints.minScore);
}

function largerBy(values: PerLeg<Degrees>, minDifference: number): Measured<Side> {
  const { left, right } = values;
  // Comparing needs both legs: report the one that is missing.
  if (!isAvailable(left)) return left;
  if (!isAvailable(right)) return right;
  const difference = left.value - right.value;
  if (Math.abs(difference) < minDifference) return NOT_APPLICABLE;
  return available(difference > 0 ? 'left' : 'right', Math.min(left.confidence, right.confidence));
}

export function workingLeg(
  pose: Pose,
  orientation: BodyOrientation | null,
  legRaiseDeg: PerLeg<Degrees>,
  kneeAngleDeg: PerLeg<Degrees>,
  minScore: number,
): Measured<Side> {
  switch (orientation) {
    case 'upright':
      return raisedHeel(pose, minScore);
    case 'lying':
      return largerBy(legRaiseDeg, RAISED_LEG_MIN_DEG);
    case 'seated': {
      // The straighter knee has the angle nearer 180 (a locked knee counts as straight).
      const straightness = (m: Measured<Degrees>): Measured<Degrees> =>
        isAvailable(m) ? { ...m, value: (180 - Math.abs(180 - m.value)) as Degrees } : m;
      return largerBy(
        { left: straightness(kneeAngleDeg.left), right: straightness(kneeAngleDeg.right) },
        EXTENDED_LEG_MIN_DEG,
      );
    }
    case null:
      return unavailable('low-confidence', [sideJoint('left', 'hip'), sideJoint('right', 'hip')]);
  }
}
