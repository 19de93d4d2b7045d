import type { KeypointName, Pose } from './types';
import type { Measured } from './measures';
import { available, unavailable } from './measured';
import { checkJoint, type JointFailure } from './joints';

/**
 * Whether the whole body is in the picture: the head (nose or an ear) and, on at least one side
 * each, a shoulder, hip, knee and ankle, all inside the image and confidently seen. A side view
 * hides half the body, so one side per part is enough.
 */
const BODY_PARTS: readonly (readonly KeypointName[])[] = [
  ['nose', 'left_ear', 'right_ear'],
  ['left_shoulder', 'right_shoulder'],
  ['left_hip', 'right_hip'],
  ['left_knee', 'right_knee'],
  ['left_ankle', 'right_ankle'],
];

export function wholeBodyInFrame(pose: Pose, minScore: number): Measured<true> {
  const missing: KeypointName[] = [];
  let outOfFrame = false;
  let weakest = 1;
  for (const part of BODY_PARTS) {
    let best = -1;
    const failures: JointFailure[] = [];
    for (const name of part) {
      const check = checkJoint(pose, name, minScore);
      if (check.usable) best = Math.max(best, check.joint.score);
      else failures.push(check.failure);
    }
    if (best >= 0) {
      weakest = Math.min(weakest, best);
    } else {
      missing.push(...part);
      if (failures.includes('out-of-frame')) outOfFrame = true;
    }
  }
  if (missing.length > 0)
    return unavailable(outOfFrame ? 'out-of-frame' : 'low-confidence', missing);
  return available(true, weakest);
}
