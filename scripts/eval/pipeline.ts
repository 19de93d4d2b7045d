import { poseQuality, suggestInferenceRotation } from '../../src/geometry';
import type { FrameRotationDeg, Pose } from '../../src/geometry/types';
import type { PixelFrame, PoseEstimator } from '../../src/pose/types';

/**
 * Estimation with automatic rotation for lying bodies (DESIGN.md §3): infer at the current
 * rotation; if geometry says the body lies sideways (`suggestInferenceRotation`), or nobody was
 * found, infer again turned and keep whichever pose the model sees better (`poseQuality`).
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

export async function estimateWithAutoRotation(
  estimator: PoseEstimator,
  frame: PixelFrame,
  timestampMs: number,
  minScore: number,
  startRotationDeg: FrameRotationDeg = 0,
): Promise<PipelineResult> {
  const first = await estimator.estimate(frame, timestampMs, { rotationDeg: startRotationDeg });
  const suggested = first === null ? null : suggestInferenceRotation(first, minScore);
  // Nobody found: the body may lie either way round, so both quarter turns are tried.
  const candidates: FrameRotationDeg[] =
    suggested === null
      ? ([90, 270] as const).filter((r) => r !== startRotationDeg)
      : suggested === startRotationDeg
        ? []
        : [suggested];
  let best: { pose: Pose | null; rotationDeg: FrameRotationDeg } = {
    pose: first,
    rotationDeg: startRotationDeg,
  };
  for (const rotationDeg of candidates) {
    const pose = await estimator.estimate(frame, timestampMs, { rotationDeg });
    if (poseQuality(pose) > poseQuality(best.pose)) best = { pose, rotationDeg };
  }
  return {
    first,
    pose: best.pose,
    rotationDeg: best.rotationDeg,
    inferences: 1 + candidates.length,
  };
}
