import type { KeypointName } from '../geometry/types';

/** Bones to draw between keypoints; pairs whose points a model lacks are skipped. */
export const SKELETON_EDGES: readonly (readonly [KeypointName, KeypointName])[] = [
  ['left_ear', 'left_eye'],
  ['right_ear', 'right_eye'],
  ['left_eye', 'nose'],
  ['right_eye', 'nose'],
  ['left_shoulder', 'right_shoulder'],
  ['left_shoulder', 'left_elbow'],
  ['left_elbow', 'left_wrist'],
  ['right_shoulder', 'right_elbow'],
  ['right_elbow', 'right_wrist'],
  ['left_shoulder', 'left_hip'],
  ['right_shoulder', 'right_hip'],
  ['left_hip', 'right_hip'],
  ['left_hip', 'left_knee'],
  ['left_knee', 'left_ankle'],
  ['right_hip', 'right_knee'],
  ['right_knee', 'right_ankle'],
  ['left_ankle', 'left_heel'],
  ['left_heel', 'left_foot_index'],
  ['left_ankle', 'left_foot_index'],
  ['right_ankle', 'right_heel'],
  ['right_heel', 'right_foot_index'],
  ['right_ankle', 'right_foot_index'],
];

/**
 * Keypoints below this score are drawn faint: shown, so the user sees what the model sees,
 * but visibly not trusted (geometry ignores them too).
 */
export const FAINT_BELOW_SCORE = 0.3;
