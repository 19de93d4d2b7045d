import type { Pose } from './types';

/**
 * Single-person models always answer with a pose; over an empty room MoveNet gives a faint
 * "ghost": keypoints scattered over the furniture, each scored around 0.3-0.45, which clears the
 * per-joint floor (0.3) often enough to be measured as a person turned the wrong way. A person
 * is told apart by a few keypoints the model is sure of.
 *
 * Measured with MoveNet Lightning (tests/integration/pose/emptyRoom.test.ts checks it): over an empty
 * living room (the studio fixture cropped away from its person) at most 1 keypoint of 17 reached
 * 0.5 in 120 frames; over the people in pose_1, pose_squats and the studio clips at least 4 did
 * on every frame where the person was in the picture, and 11 or more on 95% of frames.
 */
const PERSON_KEYPOINT_SCORE = 0.5;
export const MIN_PERSON_KEYPOINTS = 3;

/** How many keypoints of `pose` reach `minScore`. */
export function confidentKeypointCount(pose: Pose, minScore: number): number {
  let count = 0;
  for (const keypoint of Object.values(pose.keypoints)) if (keypoint.score >= minScore) count++;
  return count;
}

/** Whether `pose` shows a person rather than an empty room's ghost. */
export function looksLikePerson(pose: Pose): boolean {
  return confidentKeypointCount(pose, PERSON_KEYPOINT_SCORE) >= MIN_PERSON_KEYPOINTS;
}
