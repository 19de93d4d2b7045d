/**
 * The app-owned pose type. Every layer above the estimator reads poses in this shape, so the
 * pose-detection library's own types never leak past `src/pose/`.
 *
 * Coordinate spaces:
 * - `keypoints`: image pixels of the frame given to the estimator, origin top-left, y down.
 * - `worldKeypoints`: metres, origin at the centre of the hips, y down, smaller z is nearer the
 *   camera (BlazePose only).
 */

/**
 * BlazePose's 33 landmarks, in BlazePose's output order. MoveNet's 17 COCO keypoints are a
 * subset of these names (see `COCO_KEYPOINT_NAMES`), so one union covers both models.
 */
export const KEYPOINT_NAMES = [
  'nose',
  'left_eye_inner',
  'left_eye',
  'left_eye_outer',
  'right_eye_inner',
  'right_eye',
  'right_eye_outer',
  'left_ear',
  'right_ear',
  'mouth_left',
  'mouth_right',
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_pinky',
  'right_pinky',
  'left_index',
  'right_index',
  'left_thumb',
  'right_thumb',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
  'left_heel',
  'right_heel',
  'left_foot_index',
  'right_foot_index',
] as const;

export type KeypointName = (typeof KEYPOINT_NAMES)[number];

/** MoveNet's 17 keypoints, in MoveNet's output order. */
export const COCO_KEYPOINT_NAMES = [
  'nose',
  'left_eye',
  'right_eye',
  'left_ear',
  'right_ear',
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
] as const satisfies readonly KeypointName[];

/** One 2-D keypoint in image pixels (origin top-left, y down). */
export interface Keypoint {
  readonly x: number;
  readonly y: number;
  /** The model's confidence in this point, 0..1. */
  readonly score: number;
}

/** One 3-D keypoint in metres, origin at the hip centre, y down, smaller z nearer the camera. */
export interface WorldKeypoint {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly score: number;
}

/** The keypoints a model produced; names the model does not have are absent. */
export type KeypointMap = Readonly<Partial<Record<KeypointName, Keypoint>>>;
export type WorldKeypointMap = Readonly<Partial<Record<KeypointName, WorldKeypoint>>>;

/** A rectangle of the image, in image pixels (origin top-left, y down). */
export interface ImageRegion {
  readonly leftPx: number;
  readonly topPx: number;
  readonly widthPx: number;
  readonly heightPx: number;
}

/**
 * A person/background mask at `widthPx` x `heightPx`, row-major, one byte per pixel:
 * 0 = background, 255 = certainly the person. Its grid covers `region` of the image (the whole
 * image when absent), so mask pixel (mx, my) lies at image pixel
 * (left + mx * regionWidth / widthPx, top + my * regionHeight / heightPx); outside the region the
 * mask is background.
 */
export interface SegmentationMask {
  readonly widthPx: number;
  readonly heightPx: number;
  readonly data: Uint8Array;
  /** The part of the image the mask covers; absent = the whole image. */
  readonly region?: ImageRegion;
}

/** The models StretchCheck ships in `models/`. */
export const POSE_MODEL_IDS = [
  'movenet-lightning',
  'movenet-thunder',
  'blazepose-lite',
  'blazepose-full',
] as const;
export type PoseModelId = (typeof POSE_MODEL_IDS)[number];

export interface ImageSize {
  readonly widthPx: number;
  readonly heightPx: number;
}

/** Clockwise rotation, in degrees, applied to a frame before inference. */
export type FrameRotationDeg = 0 | 90 | 180 | 270;

export interface Pose {
  /** Image-pixel keypoints of the one person tracked. */
  readonly keypoints: KeypointMap;
  /** Overall confidence that this is a person, 0..1. */
  readonly score: number;
  /** BlazePose only. */
  readonly worldKeypoints?: WorldKeypointMap;
  /** BlazePose only, and only when segmentation was asked for. */
  readonly segmentation?: SegmentationMask;
  /** Size of the frame the keypoints refer to (the original, unrotated frame). */
  readonly imageSize: ImageSize;
  readonly model: PoseModelId;
  /** Timestamp of the frame this pose was estimated from. */
  readonly timestampMs: number;
  /**
   * Rotation the estimator applied before inference (e.g. 90 for a lying body). Keypoints are
   * already mapped back into the original frame; this records how they were obtained.
   */
  readonly inferenceRotationDeg: FrameRotationDeg;
}
