import type { KeypointName, Pose, PoseModelId } from './types';
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
 * How many degrees further forward a model reads the neck than the anatomy it stands for, taken
 * off its neck flexion so that one set of thresholds (the rounding cue, the protocol's head cues)
 * means the same head with every model.
 *
 * Upright with the head held level, the ear (tragus) sits some 3-6 cm in front of the shoulder
 * over a 15-18 cm neck: 10-20° of neck flexion as measured here (see `ROUNDED_AT.neckFlexionDeg`).
 * MoveNet reads about that: on the eval set's 253 upright frames (trunk within 20° of vertical;
 * standing between deadlift reps, sitting in staff pose) its median is 16°. BlazePose places the
 * ear further forward and the near shoulder further back: on the same frames it reads a median
 * 7.7° more than MoveNet Thunder frame by frame (264 frames from 22 files; over all 761 paired
 * frames, 10°; every source reads higher, by 3-14°), and its upright median is 23°, p90 39°, so an
 * uncorrected 35° head-down line flagged one upright frame in five. BlazePose lite is taken to
 * share full's bias (same landmark topology and training data; not measured separately).
 */
export const NECK_FLEXION_MODEL_BIAS_DEG: Readonly<Record<PoseModelId, number>> = {
  'movenet-lightning': 0,
  'movenet-thunder': 0,
  'blazepose-lite': 8,
  'blazepose-full': 8,
};

/**
 * Neck flexion: how far the shoulder -> ear line turns forward of the hip -> shoulder line, less
 * the model's bias (`NECK_FLEXION_MODEL_BIAS_DEG`).
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
  const flexion =
    (facing === 'right' ? turnDeg : -turnDeg) - NECK_FLEXION_MODEL_BIAS_DEG[pose.model];
  const confidence = Math.min(trunk.confidence, ear.score) * (ownEar ? 1 : OTHER_SIDE_FACTOR);
  return available(degrees(flexion), confidence);
}
