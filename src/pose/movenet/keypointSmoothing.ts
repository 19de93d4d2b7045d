/**
 * Keypoint smoothing for MoveNet: the One-Euro filter pose-detection applies to MoveNet's
 * keypoints (MediaPipe's landmarks smoothing, with its settings), written again so the estimator
 * can run MoveNet without pose-detection's detector (see moveNetTracker.ts). Each axis of each
 * keypoint is filtered on its own, in frame-normalised coordinates, with time in microseconds.
 *
 * It differs from the textbook filter (geometry/oneEuro.ts) in two ways that shape the output:
 * the speed is taken from raw values, not filtered ones, and a large jump is damped by an asinh
 * curve rather than passed at full cut-off (`thresholdCutOff`, `thresholdBeta`).
 */

export interface KeypointFilterConfig {
  /** Assumed frame rate until timestamps give one, Hz. */
  readonly frequency: number;
  readonly minCutOff: number;
  readonly beta: number;
  readonly derivateCutOff: number;
  readonly thresholdCutOff: number;
  readonly thresholdBeta: number;
}

/** pose-detection's KEYPOINT_FILTER_CONFIG for MoveNet. */
export const MOVENET_KEYPOINT_FILTER: KeypointFilterConfig = {
  frequency: 30,
  minCutOff: 2.5,
  beta: 300,
  derivateCutOff: 2.5,
  thresholdCutOff: 0.5,
  thresholdBeta: 5,
};

interface LowPass {
  readonly raw: number;
  readonly stored: number;
}

/** One axis of one keypoint. */
export interface AxisFilterState {
  readonly frequency: number;
  readonly lastMicros: number;
  readonly value: LowPass | null;
  readonly speed: LowPass | null;
}

function initialAxis(config: KeypointFilterConfig): AxisFilterState {
  return { frequency: config.frequency, lastMicros: 0, value: null, speed: null };
}

function alphaFor(frequency: number, cutOff: number): number {
  return 1 / (1 + frequency / (2 * Math.PI * cutOff));
}

function lowPass(state: LowPass | null, value: number, alpha: number, threshold?: number): LowPass {
  if (state === null) return { raw: value, stored: value };
  const delta = value - state.stored;
  const stored =
    threshold === undefined
      ? state.stored + alpha * delta
      : state.stored + alpha * threshold * Math.asinh(delta / threshold);
  return { raw: value, stored };
}

/** Filters one value at `micros`; a time that does not move forward passes the value through. */
export function filterAxis(
  state: AxisFilterState,
  value: number,
  micros: number,
  config: KeypointFilterConfig,
): [AxisFilterState, number] {
  const at = Math.trunc(micros);
  if (state.lastMicros >= at) return [state, value];
  const frequency =
    state.lastMicros !== 0 && at !== 0 ? 1 / ((at - state.lastMicros) / 1e6) : state.frequency;
  const rawSpeed = state.value === null ? 0 : (value - state.value.raw) * frequency;
  const speed = lowPass(state.speed, rawSpeed, alphaFor(frequency, config.derivateCutOff));
  const cutOff = config.minCutOff + config.beta * Math.abs(speed.stored);
  const threshold = config.thresholdCutOff + config.thresholdBeta * Math.abs(speed.stored);
  const filtered = lowPass(state.value, value, alphaFor(frequency, cutOff), threshold);
  return [{ frequency, lastMicros: at, value: filtered, speed }, filtered.stored];
}

/** Per keypoint: [x axis, y axis]. Null: not started (or reset). */
export type KeypointFilterState = readonly (readonly [AxisFilterState, AxisFilterState])[] | null;

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** Smooths every keypoint (normalised x, y) at `micros`; returns the new state and the points. */
export function filterKeypoints<T extends XY>(
  state: KeypointFilterState,
  keypoints: readonly T[],
  micros: number,
  config: KeypointFilterConfig = MOVENET_KEYPOINT_FILTER,
): [KeypointFilterState, T[]] {
  const axes =
    state !== null && state.length === keypoints.length
      ? state
      : keypoints.map(() => [initialAxis(config), initialAxis(config)] as const);
  const nextState: (readonly [AxisFilterState, AxisFilterState])[] = [];
  const out = keypoints.map((keypoint, i) => {
    const [xState, yState] = axes[i] ?? [initialAxis(config), initialAxis(config)];
    const [nextX, x] = filterAxis(xState, keypoint.x, micros, config);
    const [nextY, y] = filterAxis(yState, keypoint.y, micros, config);
    nextState.push([nextX, nextY]);
    return { ...keypoint, x, y };
  });
  return [nextState, out];
}
