import { nearSide, poseQuality, suggestInferenceRotation } from '../../src/geometry';
import type { FrameRotationDeg, Pose } from '../../src/geometry/types';
import type { PixelFrame, PoseEstimator } from '../../src/pose/types';
import { hasNearChain } from './record';

/**
 * Estimation with automatic rotation for lying bodies (DESIGN.md §3): infer at the current
 * rotation; if geometry says the body lies sideways (`suggestInferenceRotation`), or nobody was
 * found, or (for still images) the near-side shoulder-hip-knee-ankle chain is missing, infer
 * again turned and keep the pose that gives the chain, the better-seen one (`poseQuality`) among
 * equals. The suggestion is computed from the model's weak first pose of a lying body, so its
 * direction is not always right: both quarter turns are tried along with it (two or three more
 * inferences, paid only then; a live session would keep the rotation that won while the body
 * stays down).
 */
export interface PipelineResult {
  /** The first inference, at `startRotationDeg` (0 for the "raw" figures). */
  readonly first: Pose | null;
  /** The pose kept. */
  readonly pose: Pose | null;
  readonly rotationDeg: FrameRotationDeg;
  /** Inferences run for this frame. */
  readonly inferences: number;
}

export interface PipelineOptions {
  readonly minScore: number;
  /** Rotation to try first (the one that won on the previous video frame). */
  readonly startRotationDeg: FrameRotationDeg;
  /**
   * Also turn the frame when the near-side chain is missing. Worth it for a still image; on
   * video it would triple the cost of every frame where a leg is simply hidden.
   */
  readonly retryWithoutChain: boolean;
}

function merit(pose: Pose | null, minScore: number): number {
  if (pose === null) return -1;
  const chain = hasNearChain(pose, nearSide(pose, minScore).value, minScore);
  return (chain ? 1 : 0) + poseQuality(pose);
}

export async function estimateWithAutoRotation(
  estimator: PoseEstimator,
  frame: PixelFrame,
  timestampMs: number,
  options: PipelineOptions,
): Promise<PipelineResult> {
  const { minScore, startRotationDeg } = options;
  const first = await estimator.estimate(frame, timestampMs, { rotationDeg: startRotationDeg });
  const suggested = first === null ? null : suggestInferenceRotation(first, minScore);
  const firstMerit = merit(first, minScore);
  const turn =
    first === null ||
    suggested !== startRotationDeg ||
    (options.retryWithoutChain && firstMerit < 1);
  const candidates: FrameRotationDeg[] = turn
    ? [...new Set<FrameRotationDeg>([suggested ?? 90, 90, 270])].filter(
        (r) => r !== startRotationDeg,
      )
    : [];
  let best = { pose: first, rotationDeg: startRotationDeg, merit: firstMerit };
  for (const rotationDeg of candidates) {
    const pose = await estimator.estimate(frame, timestampMs, { rotationDeg });
    const candidateMerit = merit(pose, minScore);
    if (candidateMerit > best.merit) best = { pose, rotationDeg, merit: candidateMerit };
  }
  return {
    first,
    pose: best.pose,
    rotationDeg: best.rotationDeg,
    inferences: 1 + candidates.length,
  };
}
