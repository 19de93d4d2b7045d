/**
 * The parts of pose-detection's BlazePose pipeline (tfjs-models, Apache-2.0) that StretchCheck's
 * tracker reuses as they are: detection decoding, landmark decoding and refinement, the region of
 * interest arithmetic and the smoothing filters. They are the package's own compiled modules,
 * imported by path because the package exports only its detector; the version is pinned in
 * package-lock.json. What the tracker does differently is only how the picture becomes the
 * models' input (see blazePoseTracker.ts).
 */
import {
  BLAZEPOSE_DETECTOR_ANCHOR_CONFIGURATION,
  BLAZEPOSE_DETECTOR_IMAGE_TO_TENSOR_CONFIG,
  BLAZEPOSE_DETECTOR_NON_MAX_SUPPRESSION_CONFIGURATION,
  BLAZEPOSE_DETECTOR_RECT_TRANSFORMATION_CONFIG,
  BLAZEPOSE_LANDMARKS_SMOOTHING_CONFIG_ACTUAL,
  BLAZEPOSE_LANDMARKS_SMOOTHING_CONFIG_AUXILIARY,
  BLAZEPOSE_LANDMARK_IMAGE_TO_TENSOR_CONFIG,
  BLAZEPOSE_NUM_AUXILIARY_KEYPOINTS,
  BLAZEPOSE_NUM_KEYPOINTS,
  BLAZEPOSE_POSE_PRESENCE_SCORE,
  BLAZEPOSE_REFINE_LANDMARKS_FROM_HEATMAP_CONFIG,
  BLAZEPOSE_TENSORS_TO_DETECTION_CONFIGURATION,
  BLAZEPOSE_TENSORS_TO_LANDMARKS_CONFIG,
  BLAZEPOSE_TENSORS_TO_WORLD_LANDMARKS_CONFIG,
  BLAZEPOSE_VISIBILITY_SMOOTHING_CONFIG,
  BLAZEPOSE_WORLD_LANDMARKS_SMOOTHING_CONFIG_ACTUAL,
} from '@tensorflow-models/pose-detection/dist/blazepose_tfjs/constants';
export { BLAZEPOSE_KEYPOINTS } from '@tensorflow-models/pose-detection/dist/constants';
export { calculateAlignmentPointsRects } from '@tensorflow-models/pose-detection/dist/shared/calculators/calculate_alignment_points_rects';
export { calculateLandmarkProjection } from '@tensorflow-models/pose-detection/dist/shared/calculators/calculate_landmark_projection';
export { calculateScoreCopy } from '@tensorflow-models/pose-detection/dist/shared/calculators/calculate_score_copy';
export { calculateWorldLandmarkProjection } from '@tensorflow-models/pose-detection/dist/shared/calculators/calculate_world_landmark_projection';
export { createSsdAnchors } from '@tensorflow-models/pose-detection/dist/shared/calculators/create_ssd_anchors';
export {
  getRoi,
  padRoi,
} from '@tensorflow-models/pose-detection/dist/shared/calculators/image_utils';
export { detectorResult } from '@tensorflow-models/pose-detection/dist/shared/calculators/detector_result';
export { landmarksToDetection } from '@tensorflow-models/pose-detection/dist/shared/calculators/landmarks_to_detection';
export { nonMaxSuppression } from '@tensorflow-models/pose-detection/dist/shared/calculators/non_max_suppression';
export { normalizedKeypointsToKeypoints } from '@tensorflow-models/pose-detection/dist/shared/calculators/normalized_keypoints_to_keypoints';
export { refineLandmarksFromHeatmap } from '@tensorflow-models/pose-detection/dist/shared/calculators/refine_landmarks_from_heatmap';
export { removeDetectionLetterbox } from '@tensorflow-models/pose-detection/dist/shared/calculators/remove_detection_letterbox';
export { removeLandmarkLetterbox } from '@tensorflow-models/pose-detection/dist/shared/calculators/remove_landmark_letterbox';
export { tensorsToDetections } from '@tensorflow-models/pose-detection/dist/shared/calculators/tensors_to_detections';
export { tensorsToLandmarks } from '@tensorflow-models/pose-detection/dist/shared/calculators/tensors_to_landmarks';
export { transformNormalizedRect } from '@tensorflow-models/pose-detection/dist/shared/calculators/transform_rect';
export { KeypointsSmoothingFilter } from '@tensorflow-models/pose-detection/dist/shared/filters/keypoints_smoothing';
export { LowPassVisibilityFilter } from '@tensorflow-models/pose-detection/dist/shared/filters/visibility_smoothing';
export type {
  ImageSize as PdImageSize,
  Keypoint as PdKeypoint,
  Padding,
} from '@tensorflow-models/pose-detection/dist/shared/calculators/interfaces/common_interfaces';
export type {
  AnchorTensor,
  Detection,
  Rect,
} from '@tensorflow-models/pose-detection/dist/shared/calculators/interfaces/shape_interfaces';

/** pose-detection's BlazePose settings (blazepose_tfjs/constants), by their own names. */
export const constants = {
  BLAZEPOSE_DETECTOR_ANCHOR_CONFIGURATION,
  BLAZEPOSE_DETECTOR_IMAGE_TO_TENSOR_CONFIG,
  BLAZEPOSE_DETECTOR_NON_MAX_SUPPRESSION_CONFIGURATION,
  BLAZEPOSE_DETECTOR_RECT_TRANSFORMATION_CONFIG,
  BLAZEPOSE_LANDMARKS_SMOOTHING_CONFIG_ACTUAL,
  BLAZEPOSE_LANDMARKS_SMOOTHING_CONFIG_AUXILIARY,
  BLAZEPOSE_LANDMARK_IMAGE_TO_TENSOR_CONFIG,
  BLAZEPOSE_NUM_AUXILIARY_KEYPOINTS,
  BLAZEPOSE_NUM_KEYPOINTS,
  BLAZEPOSE_POSE_PRESENCE_SCORE,
  BLAZEPOSE_REFINE_LANDMARKS_FROM_HEATMAP_CONFIG,
  BLAZEPOSE_TENSORS_TO_DETECTION_CONFIGURATION,
  BLAZEPOSE_TENSORS_TO_LANDMARKS_CONFIG,
  BLAZEPOSE_TENSORS_TO_WORLD_LANDMARKS_CONFIG,
  BLAZEPOSE_VISIBILITY_SMOOTHING_CONFIG,
  BLAZEPOSE_WORLD_LANDMARKS_SMOOTHING_CONFIG_ACTUAL,
};
