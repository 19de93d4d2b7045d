import type { Keypoint as PdKeypoint, Pose as PdPose } from '@tensorflow-models/pose-detection';
import {
  KEYPOINT_NAMES,
  type FrameRotationDeg,
  type ImageSize,
  type Keypoint,
  type KeypointName,
  type Pose,
  type PoseModelId,
  type SegmentationMask,
  type WorldKeypoint,
} from '../geometry/types';
import { pointFromRotatedFrame, vectorFromRotatedFrame } from './rotation';

const KNOWN_NAMES: ReadonlySet<string> = new Set(KEYPOINT_NAMES);

function isKeypointName(name: string | undefined): name is KeypointName {
  return name !== undefined && KNOWN_NAMES.has(name);
}

/** A score the model did not give, or gave as NaN, counts as no confidence at all. */
function scoreOf(keypoint: PdKeypoint): number {
  const score = keypoint.score ?? 0;
  return Number.isFinite(score) ? score : 0;
}

export interface PoseContext {
  readonly model: PoseModelId;
  readonly timestampMs: number;
  readonly rotationDeg: FrameRotationDeg;
  /** The original (unrotated) frame. */
  readonly imageSize: ImageSize;
  readonly segmentation?: SegmentationMask;
}

/** Converts pose-detection's output into the app's `Pose`, undoing any inference rotation. */
export function toAppPose(pdPose: PdPose, context: PoseContext): Pose {
  const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
  for (const kp of pdPose.keypoints) {
    if (!isKeypointName(kp.name)) continue;
    const { x, y } = pointFromRotatedFrame(kp.x, kp.y, context.rotationDeg, context.imageSize);
    keypoints[kp.name] = { x, y, score: scoreOf(kp) };
  }
  let worldKeypoints: Partial<Record<KeypointName, WorldKeypoint>> | undefined;
  if (pdPose.keypoints3D !== undefined) {
    worldKeypoints = {};
    for (const kp of pdPose.keypoints3D) {
      if (!isKeypointName(kp.name)) continue;
      const { x, y } = vectorFromRotatedFrame(kp.x, kp.y, context.rotationDeg);
      worldKeypoints[kp.name] = { x, y, z: kp.z ?? 0, score: scoreOf(kp) };
    }
  }
  return {
    keypoints,
    score: pdPose.score ?? 0,
    ...(worldKeypoints !== undefined ? { worldKeypoints } : {}),
    ...(context.segmentation !== undefined ? { segmentation: context.segmentation } : {}),
    imageSize: context.imageSize,
    model: context.model,
    timestampMs: context.timestampMs,
    inferenceRotationDeg: context.rotationDeg,
  };
}
