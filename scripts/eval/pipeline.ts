import { nearSide, poseQuality, suggestInferenceRotation } from '../../src/geometry';
import type { FrameRotationDeg, Pose } from '../../src/geometry/types';
import { frameSize } from '../../src/pose/pixels/framePixels';
import type { PixelFrame, PoseEstimator } from '../../src/pose/types';
import { padWithBackground, unpadPose } from './framePadding';
import { hasNearChain } from './record';

/**
 * Estimation with automatic rotation for lying bodies (DESIGN.md §3): infer at the current
 * rotation; if geometry says the body lies sideways (`suggestInferenceRotation`), or nobody was
 * found, or the near-side shoulder-hip-knee-ankle chain is missing (always for still images; on
 * video only while a turn is in use), infer again turned. A turned pose is kept only if it gives
 * the chain and the current one does not, or gives it better seen (`poseQuality`). The suggestion
 * is computed from the model's weak first pose of a lying body, so its direction is not always
 * right: both quarter turns are tried along with it (two or three more inferences, paid only
 * then; a video keeps the rotation that won for its next frame). A still image that gives no
 * chain at any turn is tried once more with a margin around it (framePadding.ts), for a body
 * cropped so tight that the model's own crop of it runs off the picture.
 */
export interface PipelineResult {
  /** The first inference, at `startRotationDeg` (0 for the "raw" figures). */
  readonly first: Pose | null;
  /** The pose kept. */
  readonly pose: Pose | null;
  readonly rotationDeg: FrameRotationDeg;
  /** Inferences run for this frame. */
  readonly inferences: number;
  /** The pose kept was found with a margin around the frame. */
  readonly padded: boolean;
}

export interface PipelineOptions {
  readonly minScore: number;
  /** Rotation to try first (the one that won on the previous video frame). */
  readonly startRotationDeg: FrameRotationDeg;
  /**
   * Also turn the frame, and then pad it, when the near-side chain is missing. Worth it for a
   * still image; on video it would triple the cost of every frame where a leg is simply hidden.
   */
  readonly retryWithoutChain: boolean;
}

function hasChain(pose: Pose | null, minScore: number): boolean {
  return pose !== null && hasNearChain(pose, nearSide(pose, minScore).value, minScore);
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
  const firstChain = hasChain(first, minScore);
  const turn =
    first === null ||
    suggested !== startRotationDeg ||
    (!firstChain && (options.retryWithoutChain || startRotationDeg !== 0));
  const candidates: FrameRotationDeg[] = turn
    ? [...new Set<FrameRotationDeg>([suggested ?? 90, 90, 270, 0])].filter(
        (r) => r !== startRotationDeg,
      )
    : [];
  let best = { pose: first, rotationDeg: startRotationDeg, chain: firstChain };
  for (const rotationDeg of candidates) {
    const pose = await estimator.estimate(frame, timestampMs, { rotationDeg });
    if (!hasChain(pose, minScore)) continue;
    if (!best.chain || poseQuality(pose) > poseQuality(best.pose)) {
      best = { pose, rotationDeg, chain: true };
    }
  }
  let inferences = 1 + candidates.length;
  let padded = false;
  if (!best.chain && options.retryWithoutChain) {
    const margin = padWithBackground(frame);
    const found = await estimator.estimate(margin.frame, timestampMs, { rotationDeg: 0 });
    inferences++;
    const pose = found === null ? null : unpadPose(found, margin, frameSize(frame));
    if (hasChain(pose, minScore)) {
      best = { pose, rotationDeg: 0, chain: true };
      padded = true;
    }
  }
  return { first, pose: best.pose, rotationDeg: best.rotationDeg, inferences, padded };
}
