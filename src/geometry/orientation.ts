import type { FrameRotationDeg, KeypointName, Pose } from './types';
import type { BodyOrientation, Measured } from './measures';
import { available, unavailable } from './measured';
import { SIDES, readJoints, sideJoint, usableJoint, type GatedJoint } from './joints';
import { trunkLine, type TrunkLine } from './trunk';
import {
  IMAGE_UP,
  vectorAdd,
  vectorAngleDeg,
  vectorFromPoints,
  vectorNormalize,
  type Vec2,
} from './vectors';

/**
 * Body position relative to gravity, taken as the image's vertical (the camera stands upright).
 *
 * - upright: a thigh points down from the hip (within `THIGH_DOWN_MAX_DEG`) with the shin not
 *   pointing up: standing, including forward folds, hinges and downward dog.
 * - seated: thighs roughly level or higher, with the trunk above the hips (upright within
 *   `TRUNK_UPRIGHT_MAX_DEG`), or the trunk folded forward over level thighs (shoulders on the
 *   same side of the hips as the knees): long-sit, chair sitting, seated folds.
 * - lying: thighs level or raised and the trunk level but not folded over them: supine strap
 *   stretch (one leg up), lying flat.
 */

const DOWN: Vec2 = { x: 0, y: 1 };
/**
 * A thigh within 70° of straight down carries weight standing: a deadlift's start position or a
 * deep hinge brings it to 60-70°, while sitting on a chair or the floor puts it within ~20° of
 * level (80-100°).
 */
const THIGH_DOWN_MAX_DEG = 70;
/** Shin pointing up from the knee: a raised leg or a kneel, not a standing leg. */
const SHIN_UP_MIN_DEG = 120;
/** Trunk within 55° of vertical above the hips reads as sitting up. */
const TRUNK_UPRIGHT_MAX_DEG = 55;
/** A thigh this far from down (past level by 20°) is raised, not resting on the floor. */
const THIGH_RAISED_MIN_DEG = 110;

const ORIENTATION_JOINTS: readonly KeypointName[] = [
  'left_shoulder',
  'right_shoulder',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
];

interface Thigh {
  readonly hip: GatedJoint;
  readonly knee: GatedJoint;
  readonly fromDownDeg: number;
  readonly shinFromDownDeg: number | null;
  readonly score: number;
}

function thighs(pose: Pose, minScore: number): Thigh[] {
  const found: Thigh[] = [];
  for (const side of SIDES) {
    const joints = readJoints(pose, [sideJoint(side, 'hip'), sideJoint(side, 'knee')], minScore);
    if (!joints.usable) continue;
    const [hip, knee] = joints.joints as [GatedJoint, GatedJoint];
    const ankle = usableJoint(pose, sideJoint(side, 'ankle'), minScore);
    found.push({
      hip,
      knee,
      fromDownDeg: vectorAngleDeg(DOWN, vectorFromPoints(hip, knee)),
      shinFromDownDeg: ankle ? vectorAngleDeg(DOWN, vectorFromPoints(knee, ankle)) : null,
      score: joints.minScore,
    });
  }
  return found;
}

export function bodyOrientation(pose: Pose, minScore: number): Measured<BodyOrientation> {
  const legs = thighs(pose, minScore);
  const trunk = trunkLine(pose, 'left', minScore);
  if (legs.length === 0 || !('line' in trunk)) {
    return unavailable(
      'low-confidence',
      ORIENTATION_JOINTS.filter((n) => !usableJoint(pose, n, minScore)),
    );
  }
  const score = Math.min(trunk.confidence, ...legs.map((l) => l.score));
  const standing = legs.some(
    (l) =>
      l.fromDownDeg <= THIGH_DOWN_MAX_DEG &&
      (l.shinFromDownDeg === null || l.shinFromDownDeg < SHIN_UP_MIN_DEG),
  );
  if (standing) return available('upright', score);
  const { hip, up } = trunk.line;
  const trunkFromUpDeg = vectorAngleDeg(IMAGE_UP, up);
  if (trunkFromUpDeg <= TRUNK_UPRIGHT_MAX_DEG) return available('seated', score);
  const shoulderSide = Math.sign(up.x);
  const foldedOverThighs = legs.every(
    (l) =>
      l.fromDownDeg < THIGH_RAISED_MIN_DEG &&
      Math.sign(l.knee.x - hip.x) === shoulderSide &&
      trunkFromUpDeg < 110,
  );
  return available(foldedOverThighs ? 'seated' : 'lying', score);
}

/** The trunk line of either side (trunkLine falls back to the other side itself). */
function anyTrunkLine(pose: Pose, minScore: number): TrunkLine | undefined {
  const trunk = trunkLine(pose, 'left', minScore);
  return 'line' in trunk ? trunk.line : undefined;
}

/** Mean score of the limb and trunk joints: how well the model sees the body as a whole. */
const QUALITY_JOINTS: readonly KeypointName[] = [
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
];

export function poseQuality(pose: Pose | null): number {
  if (pose === null) return 0;
  let sum = 0;
  for (const name of QUALITY_JOINTS) {
    const keypoint = pose.keypoints[name];
    const score = keypoint?.score ?? 0;
    sum += Number.isFinite(score) ? score : 0;
  }
  return sum / QUALITY_JOINTS.length;
}

/**
 * A body axis more than this far from upright is lying rather than leaning: a downward dog's legs
 * lean ~40-50° and a deadlift's trunk up to ~80°, but its legs stay within ~30°; a body lying on a
 * mat, even with the head on a pillow, is 70-90° off.
 */
const LYING_AXIS_MIN_DEG = 60;

/**
 * Which way to turn the frame (clockwise, as `EstimateOptions.rotationDeg`) so that a lying body
 * stands upright for the model, which is trained mostly on upright people (DESIGN.md §3). The
 * keypoints must be in the original frame (as the estimator returns them, whatever rotation it
 * used), so the answer is absolute: 0 means "infer on the frame as it is".
 *
 * The body's "up" is taken from the legs when they lie together (feet -> hips), else from the
 * trunk (hips -> shoulders): a raised leg in the strap stretch points anywhere, the trunk lies
 * along the floor. 0 when the trunk is upright (sitting up), when the body axis is within
 * `LYING_AXIS_MIN_DEG` of upright, or when too little is seen to tell. It has to work on the poor
 * pose a model returns for a lying body, so it reads joints at half the usual minimum score.
 */
export function suggestInferenceRotation(pose: Pose, minScore: number): FrameRotationDeg {
  const lenient = minScore / 2;
  const trunk = anyTrunkLine(pose, lenient);
  const trunkUp = trunk === undefined ? undefined : vectorNormalize(trunk.up);
  if (trunkUp && vectorAngleDeg(IMAGE_UP, trunkUp) <= TRUNK_UPRIGHT_MAX_DEG) return 0;
  const legUps: Vec2[] = [];
  for (const side of SIDES) {
    const hip = usableJoint(pose, sideJoint(side, 'hip'), lenient);
    const foot =
      usableJoint(pose, sideJoint(side, 'ankle'), lenient) ??
      usableJoint(pose, sideJoint(side, 'knee'), lenient);
    if (hip && foot) legUps.push(vectorNormalize(vectorFromPoints(foot, hip)));
  }
  const [first, second] = legUps;
  const legsTogether = first && second && vectorAngleDeg(first, second) <= 45;
  // Trunk folded over the legs (hip flexed past 90°) with the shoulders above the hips: a seated
  // fold, which models see well as it is.
  const legUp = first && second ? (legsTogether ? vectorAdd(first, second) : undefined) : first;
  if (trunkUp && legUp && trunkUp.y < 0 && vectorAngleDeg(trunkUp, legUp) > 90) return 0;
  const up: Vec2 | undefined =
    first && second ? (legsTogether ? vectorAdd(first, second) : trunkUp) : (first ?? trunkUp);
  if (up === undefined) return 0;
  const fromUpDeg = vectorAngleDeg(IMAGE_UP, up);
  if (fromUpDeg <= LYING_AXIS_MIN_DEG) return 0;
  if (fromUpDeg >= 180 - LYING_AXIS_MIN_DEG && Math.abs(up.x) < Math.abs(up.y)) return 180;
  // Turning the frame clockwise by 90° brings its left edge to the top.
  return up.x < 0 ? 90 : 270;
}
