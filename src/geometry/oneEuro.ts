/**
 * One-Euro filter for one scalar (Casiez, Roussel & Vogel, CHI 2012), the same filter
 * pose-detection applies to keypoints, here for derived values when keypoints arrive unfiltered.
 * Pure: the state is a value; time comes in as an argument.
 */
export interface OneEuroConfig {
  /** Cut-off at rest, Hz: lower smooths more while still. */
  readonly minCutoffHz: number;
  /** How fast the cut-off rises with speed: higher lags less when moving. */
  readonly beta: number;
  /** Cut-off for the speed estimate, Hz. */
  readonly derivativeCutoffHz: number;
}

/**
 * For angles in degrees: at rest, 1 Hz keeps keypoint jitter (a few degrees at 10-30 frames/s)
 * down; beta 0.05 per degree/s lets a 40°/s fold through with little lag. pose-detection uses
 * the same structure with frequency 30, minCutoff 1, beta 0.007 (pixels) for MoveNet keypoints.
 */
export const ANGLE_FILTER: OneEuroConfig = { minCutoffHz: 1, beta: 0.05, derivativeCutoffHz: 1 };

export interface OneEuroState {
  readonly value: number;
  readonly speed: number;
  readonly timestampMs: number;
}

function smoothingFactor(cutoffHz: number, elapsedS: number): number {
  const tau = 1 / (2 * Math.PI * cutoffHz);
  return 1 / (1 + tau / elapsedS);
}

/** Filters `value` at `timestampMs`; a null state (or time not moving forward) restarts. */
export function oneEuroStep(
  state: OneEuroState | null,
  value: number,
  timestampMs: number,
  config: OneEuroConfig,
): OneEuroState {
  if (state === null || !(timestampMs > state.timestampMs) || !Number.isFinite(state.value)) {
    return { value, speed: 0, timestampMs };
  }
  const elapsedS = (timestampMs - state.timestampMs) / 1000;
  const rawSpeed = (value - state.value) / elapsedS;
  const speedAlpha = smoothingFactor(config.derivativeCutoffHz, elapsedS);
  const speed = state.speed + speedAlpha * (rawSpeed - state.speed);
  const cutoff = config.minCutoffHz + config.beta * Math.abs(speed);
  const alpha = smoothingFactor(cutoff, elapsedS);
  return { value: state.value + alpha * (value - state.value), speed, timestampMs };
}
