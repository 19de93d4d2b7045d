import type { PoseModelId } from './types';

/** Settings for `measureFrame` and the free measures. Every field has a default. */
export interface MeasureOptions {
  /**
   * Keypoints scoring below this are never measured from. Default per model: 0.3 for MoveNet,
   * the threshold of pose-detection's own demo (demos/live_video/src/params.js) for its heatmap
   * scores; 0.5 for BlazePose, whose scores are visibility probabilities, so 0.5 is "more likely
   * visible than not". (The demo draws BlazePose from 0.65; on the eval set's 68 photos that
   * loses the near-side shoulder-hip-knee-ankle chain in 8 more of them.)
   */
  readonly minKeypointScore?: number;
  /**
   * How long a changed near side, working leg, view or orientation must persist before it
   * replaces the previous one, in ms. Default 400 ms: about two breaths' worth of frames at 10-30
   * frames/s, long enough to ride out a one-frame left/right swap of the model, short enough that
   * a real change of leg is announced within half a second.
   */
  readonly switchAfterMs?: number;
  /**
   * Smooth hip, knee and rounding values with a One-Euro filter on top of the estimator's
   * keypoint filter. Default false: the estimator already smooths keypoints (pose-detection's
   * One-Euro filter, `enableSmoothing`), and a second low-pass filter only adds lag and hides the
   * oscillation the protocol's bounce detector looks for. Turn on when keypoints come unfiltered.
   */
  readonly smoothAngles?: boolean;
}

export interface ResolvedMeasureOptions {
  readonly minKeypointScore: number | null;
  readonly switchAfterMs: number;
  readonly smoothAngles: boolean;
}

export const DEFAULT_SWITCH_AFTER_MS = 400;

/** Fills defaults and rejects out-of-range values (a score outside 0..1, a negative time). */
export function resolveMeasureOptions(options: MeasureOptions = {}): ResolvedMeasureOptions {
  const {
    minKeypointScore,
    switchAfterMs = DEFAULT_SWITCH_AFTER_MS,
    smoothAngles = false,
  } = options;
  if (minKeypointScore !== undefined && !(minKeypointScore >= 0 && minKeypointScore <= 1)) {
    throw new RangeError(`minKeypointScore must be within 0..1, got ${minKeypointScore}`);
  }
  if (!(switchAfterMs >= 0)) {
    throw new RangeError(`switchAfterMs must be >= 0, got ${switchAfterMs}`);
  }
  return { minKeypointScore: minKeypointScore ?? null, switchAfterMs, smoothAngles };
}

/** pose-detection demo thresholds, see `MeasureOptions.minKeypointScore`. */
const MODEL_MIN_SCORE: Readonly<Record<PoseModelId, number>> = {
  'movenet-lightning': 0.3,
  'movenet-thunder': 0.3,
  'blazepose-lite': 0.5,
  'blazepose-full': 0.5,
};

export function minScoreFor(options: ResolvedMeasureOptions, model: PoseModelId): number {
  return options.minKeypointScore ?? MODEL_MIN_SCORE[model];
}
