import type { KeypointName, Pose } from './types';
import type { Measured, Side, ViewAngle } from './measures';
import { available, unavailable } from './measured';
import { facingEvidence } from './facing';
import { readJoints, sideJoint, type GatedJoint, type SidedJoint } from './joints';
import { pointDistance, pointMidpoint } from './vectors';

/**
 * Which side of the body is nearer the camera, and how side-on the view is.
 *
 * Near side, from three kinds of evidence:
 * - anatomy (facing.ts): which way the body faces, independent of the model's labels;
 * - scores: the far side is partly hidden, so the model scores its joints lower;
 * - depth (BlazePose world keypoints): smaller z is nearer the camera.
 * Anatomy counts double: it is the only cue that does not trust the model's left/right labels.
 */

const SCORED_JOINTS: readonly SidedJoint[] = [
  'ear',
  'shoulder',
  'elbow',
  'wrist',
  'hip',
  'knee',
  'ankle',
];
const DEPTH_JOINTS: readonly SidedJoint[] = ['shoulder', 'hip', 'knee'];

/** A mean score difference this large between the sides is a clear sign (MoveNet side views). */
const CLEAR_SCORE_GAP = 0.15;
/** A depth difference this large (metres) is a clear sign: about half a hip width. */
const CLEAR_DEPTH_GAP_M = 0.08;
/** Anatomy vote that counts as one clear cue. */
const CLEAR_FACING_VOTE = 0.6;
const FACING_WEIGHT = 2;

function clampUnit(value: number): number {
  return Math.max(-1, Math.min(1, value));
}

/** Positive when the left joints score higher than the right ones. */
function scoreCue(pose: Pose): number {
  let sum = 0;
  let count = 0;
  for (const joint of SCORED_JOINTS) {
    const left = pose.keypoints[sideJoint('left', joint)];
    const right = pose.keypoints[sideJoint('right', joint)];
    if (left === undefined || right === undefined) continue;
    const l = Number.isFinite(left.score) ? left.score : 0;
    const r = Number.isFinite(right.score) ? right.score : 0;
    sum += l - r;
    count++;
  }
  return count === 0 ? 0 : clampUnit(sum / count / CLEAR_SCORE_GAP);
}

/** Positive when the left joints are nearer the camera (BlazePose world z); 0 without depth. */
function depthCue(pose: Pose): number {
  const world = pose.worldKeypoints;
  if (world === undefined) return 0;
  let sum = 0;
  let count = 0;
  for (const joint of DEPTH_JOINTS) {
    const left = world[sideJoint('left', joint)];
    const right = world[sideJoint('right', joint)];
    if (left === undefined || right === undefined) continue;
    if (!Number.isFinite(left.z) || !Number.isFinite(right.z)) continue;
    sum += right.z - left.z;
    count++;
  }
  return count === 0 ? 0 : clampUnit(sum / count / CLEAR_DEPTH_GAP_M);
}

export interface NearSideEvidence {
  /** Positive for the left side nearer; in -(2 + 1 + 1)..(2 + 1 + 1). */
  readonly vote: number;
  readonly anatomy: number;
  readonly scores: number;
  readonly depth: number;
}

export function nearSideEvidence(pose: Pose, minScore: number): NearSideEvidence {
  const facing = facingEvidence(pose, minScore);
  const anatomy = clampUnit(facing.vote / CLEAR_FACING_VOTE);
  const scores = scoreCue(pose);
  const depth = depthCue(pose);
  return { vote: FACING_WEIGHT * anatomy + scores + depth, anatomy, scores, depth };
}

/** The side nearer the camera; unavailable when the cues are absent or cancel out. */
export function nearSide(pose: Pose, minScore: number): Measured<Side> {
  const { vote } = nearSideEvidence(pose, minScore);
  // A vote of 1 is one clear cue (or two half-clear ones); below 0.25 it is a guess.
  if (Math.abs(vote) < 0.25) return unavailable('low-confidence', []);
  return available(vote > 0 ? 'left' : 'right', Math.min(1, Math.abs(vote) / 2));
}

/**
 * Body widths relative to the trunk length when seen square-on: shoulder joint centres ~0.75 and
 * hip joint centres ~0.37 of the hip-to-shoulder length (adult anthropometry, e.g. biacromial
 * ~39 cm, hip centres ~18 cm, trunk ~50 cm; Drillis & Contini segment proportions).
 */
const FRONTAL_WIDTH_RATIO = 0.75 + 0.37;
/** Turned less than this from side-on: 'side'. More than `FRONTAL_FROM_DEG`: 'frontal'. */
const SIDE_UNTIL_DEG = 30;
const FRONTAL_FROM_DEG = 60;

/**
 * How far the body is turned from side-on, from the apparent shoulder and hip widths against
 * the trunk length: sin(yaw) ~ widths / (frontal widths). Side-on within 30°, frontal beyond
 * 60°, oblique between: at 30° a sagittal angle is foreshortened by under 15%.
 */
export function viewAngle(pose: Pose, minScore: number): Measured<ViewAngle> {
  const names: KeypointName[] = ['left_shoulder', 'right_shoulder', 'left_hip', 'right_hip'];
  const joints = readJoints(pose, names, minScore);
  if (!joints.usable) {
    // The far side hidden while the near side is seen well is itself a side view.
    const left = readJoints(pose, ['left_shoulder', 'left_hip'], minScore);
    const right = readJoints(pose, ['right_shoulder', 'right_hip'], minScore);
    if (left.usable !== right.usable) {
      const seen = left.usable ? left : right;
      return available('side', 0.5 * (seen.usable ? seen.minScore : 0));
    }
    return joints.missing;
  }
  const [ls, rs, lh, rh] = joints.joints as [GatedJoint, GatedJoint, GatedJoint, GatedJoint];
  const trunkLength = pointDistance(pointMidpoint(lh, rh), pointMidpoint(ls, rs));
  const widths = pointDistance(ls, rs) + pointDistance(lh, rh);
  if (trunkLength === 0) return unavailable('low-confidence', names);
  const yawDeg =
    (Math.asin(Math.min(1, widths / trunkLength / FRONTAL_WIDTH_RATIO)) * 180) / Math.PI;
  const view: ViewAngle =
    yawDeg < SIDE_UNTIL_DEG ? 'side' : yawDeg > FRONTAL_FROM_DEG ? 'frontal' : 'oblique';
  return available(view, joints.minScore);
}
