/**
 * The landmarks the studio writes: BlazePose's 33 in BlazePose's order, and MoveNet's 17 (a
 * subset of the same names). Taken from the app's own geometry types so the two cannot drift.
 */
export {
  KEYPOINT_NAMES as LANDMARK_NAMES,
  COCO_KEYPOINT_NAMES as MOVENET_NAMES,
  type KeypointName as LandmarkName,
} from '../../../src/geometry/types';
