import type { KeypointName, PoseModelId } from '../../../src/geometry/types';
import { diskModelReader } from '../../../src/pose/node/readModelFileFromDisk';
import { createTfjsPoseEstimator } from '../../../src/pose/tfjsPoseEstimator';
import type { EstimatorOptions, PoseEstimator } from '../../../src/pose/types';

export function loadEstimator(
  model: PoseModelId,
  options: Partial<Omit<EstimatorOptions, 'model'>> = {},
): Promise<PoseEstimator> {
  return createTfjsPoseEstimator({ model, reader: diskModelReader(), ...options });
}

/** Joints every measurement in StretchCheck depends on. */
export const MAJOR_JOINTS = [
  'nose',
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

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1)))] ?? NaN;
}
