import type { Keypoint, KeypointName, Pose } from './types';
import type { Side, Unavailable, UnavailableReason } from './measures';
import { unavailable } from './measured';
import type { Vec2 } from './vectors';

/**
 * Gating: the one place that decides whether a keypoint may be measured from. A joint is usable
 * only when the model output it, its coordinates are finite and inside the image, and its score
 * reaches the minimum. Everything else in geometry reads joints through here, so no measure is
 * ever made from a guessed joint.
 */

export type JointFailure = Exclude<
  UnavailableReason,
  'no-mask' | 'outline-unclear' | 'not-calibrated' | 'not-applicable' | 'no-person'
>;

/** A usable joint: its position and score. */
export interface GatedJoint extends Vec2 {
  readonly score: number;
}

export type JointCheck =
  | { readonly usable: true; readonly joint: GatedJoint }
  | { readonly usable: false; readonly failure: JointFailure };

/** Names of one side's joints, e.g. `sideJoint('left', 'knee')` is 'left_knee'. */
export type SidedJoint =
  'ear' | 'eye' | 'shoulder' | 'elbow' | 'wrist' | 'hip' | 'knee' | 'ankle' | 'heel' | 'foot_index';

/**
 * Written out rather than built with a template string: a fresh string per call costs more than
 * the rest of a measure (it must be hashed for every keypoint lookup), and this runs ~100 times a
 * frame.
 */
const SIDED_NAMES: Readonly<Record<Side, Readonly<Record<SidedJoint, KeypointName>>>> = {
  left: {
    ear: 'left_ear',
    eye: 'left_eye',
    shoulder: 'left_shoulder',
    elbow: 'left_elbow',
    wrist: 'left_wrist',
    hip: 'left_hip',
    knee: 'left_knee',
    ankle: 'left_ankle',
    heel: 'left_heel',
    foot_index: 'left_foot_index',
  },
  right: {
    ear: 'right_ear',
    eye: 'right_eye',
    shoulder: 'right_shoulder',
    elbow: 'right_elbow',
    wrist: 'right_wrist',
    hip: 'right_hip',
    knee: 'right_knee',
    ankle: 'right_ankle',
    heel: 'right_heel',
    foot_index: 'right_foot_index',
  },
};

export function sideJoint(side: Side, joint: SidedJoint): KeypointName {
  return SIDED_NAMES[side][joint];
}

export function otherSide(side: Side): Side {
  return side === 'left' ? 'right' : 'left';
}

export const SIDES: readonly Side[] = ['left', 'right'];

function isInsideImage(keypoint: Keypoint, pose: Pose): boolean {
  const { widthPx, heightPx } = pose.imageSize;
  return keypoint.x >= 0 && keypoint.y >= 0 && keypoint.x <= widthPx && keypoint.y <= heightPx;
}

/**
 * Gating results per pose and minimum score. A frame's measures look at the same joints ~100
 * times; a pose is immutable, so its checks can be kept while the pose object lives (a WeakMap
 * lets them go with it). A memo of an immutable input: `checkJoint` stays a pure function.
 */
const CHECKS = new WeakMap<Pose, { minScore: number; checks: Map<KeypointName, JointCheck> }>();

export function checkJoint(pose: Pose, name: KeypointName, minScore: number): JointCheck {
  let memo = CHECKS.get(pose);
  if (memo === undefined || memo.minScore !== minScore) {
    memo = { minScore, checks: new Map() };
    CHECKS.set(pose, memo);
  }
  let check = memo.checks.get(name);
  if (check === undefined) {
    check = gateJoint(pose, name, minScore);
    memo.checks.set(name, check);
  }
  return check;
}

function gateJoint(pose: Pose, name: KeypointName, minScore: number): JointCheck {
  const keypoint = pose.keypoints[name];
  if (keypoint === undefined) return { usable: false, failure: 'not-in-model' };
  const finite = Number.isFinite(keypoint.x) && Number.isFinite(keypoint.y);
  // A NaN position is no position at all: the model had no confidence in it.
  if (!finite) return { usable: false, failure: 'low-confidence' };
  // Out of frame is checked before the score: "step back" is the more useful message.
  if (!isInsideImage(keypoint, pose)) return { usable: false, failure: 'out-of-frame' };
  const score = Number.isFinite(keypoint.score) ? keypoint.score : 0;
  if (score < minScore) return { usable: false, failure: 'low-confidence' };
  return { usable: true, joint: { x: keypoint.x, y: keypoint.y, score } };
}

/** The joint if usable, else undefined (for optional evidence such as a second ear). */
export function usableJoint(
  pose: Pose,
  name: KeypointName,
  minScore: number,
): GatedJoint | undefined {
  const check = checkJoint(pose, name, minScore);
  return check.usable ? check.joint : undefined;
}

export type JointsRead =
  | {
      readonly usable: true;
      readonly joints: readonly GatedJoint[];
      /** The lowest score among them: a measure is as trustworthy as its weakest joint. */
      readonly minScore: number;
    }
  | { readonly usable: false; readonly missing: Unavailable };

/** The most actionable reason wins: a model without the point, then out of frame, then low. */
const FAILURE_PRIORITY: readonly JointFailure[] = [
  'not-in-model',
  'out-of-frame',
  'low-confidence',
];

/** Reads several joints at once; unusable if any is, listing every joint that failed. */
export function readJoints(
  pose: Pose,
  names: readonly KeypointName[],
  minScore: number,
): JointsRead {
  const joints: GatedJoint[] = [];
  let failed: KeypointName[] | undefined;
  let worst = FAILURE_PRIORITY.length;
  let weakest = 1;
  for (const name of names) {
    const check = checkJoint(pose, name, minScore);
    if (check.usable) {
      joints.push(check.joint);
      weakest = Math.min(weakest, check.joint.score);
    } else {
      (failed ??= []).push(name);
      worst = Math.min(worst, FAILURE_PRIORITY.indexOf(check.failure));
    }
  }
  if (failed !== undefined) {
    return {
      usable: false,
      missing: unavailable(FAILURE_PRIORITY[worst] ?? 'low-confidence', failed),
    };
  }
  return { usable: true, joints, minScore: weakest };
}
