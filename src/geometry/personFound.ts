import type { Pose } from './types';

/**
 * A pose with fewer confident keypoints than this is not taken for a person. Single-person
 * models always answer with a pose; over an empty room it is a faint "ghost" — a few points
 * scattered over the furniture, most under the confidence floor. A real person, even one too
 * close to the camera (head and shoulders only), shows five or more.
 */
export const MIN_PERSON_KEYPOINTS = 4;

/** How many keypoints of `pose` reach `minScore`. */
export function confidentKeypointCount(pose: Pose, minScore: number): number {
  let count = 0;
  for (const keypoint of Object.values(pose.keypoints)) if (keypoint.score >= minScore) count++;
  return count;
}

/** Whether `pose` shows a person rather than an empty room's ghost. */
export function looksLikePerson(pose: Pose, minScore: number): boolean {
  return confidentKeypointCount(pose, minScore) >= MIN_PERSON_KEYPOINTS;
}
