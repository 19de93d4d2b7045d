/**
 * Keypoint smoothing: the One-Euro filter pose-detection applies to keypoints (MediaPipe's
 * landmarks smoothing), written again so that it can run where pose-detection's detector does
 * not: MoveNet without the detector (see movenet/moveNetTracker.ts), and an analysed clip's
 * track smoothed both ways (review/bothWaysSmoothing.ts). Each axis of each keypoint is filtered
 * on its own, with time in microseconds.
 *
 * It differs from the textbook filter (geometry/oneEuro.ts) in ways that shape the output: the
 * speed is taken from raw values, not filtered ones; it may be measured in body sizes rather than
 * coordinate units (`valueScale`, BlazePose's setting), so a far person's slow drift is not read
 * as stillness; and a large jump may be damped by an asinh curve rather than passed at full
 * cut-off (`thresholdCutOff`, `thresholdBeta`, MoveNet's setting).
 */

export interface KeypointFilterConfig {
  /** Assumed frame rate until timestamps give one, Hz. */
  readonly frequency: number;
  readonly minCutOff: number;
  readonly beta: number;
  readonly derivateCutOff: number;
  /** Absent: no asinh damping of jumps. */
  readonly thresholdCutOff?: number;
  readonly thresholdBeta?: number;
}

/** pose-detection's KEYPOINT_FILTER_CONFIG for MoveNet, on frame-normalised coordinates. */
export const MOVENET_KEYPOINT_FILTER: KeypointFilterConfig = {
  frequency: 30,
  minCutOff: 2.5,
  beta: 300,
  derivateCutOff: 2.5,
  thresholdCutOff: 0.5,
  thresholdBeta: 5,
};

/**
 * pose-detection's BLAZEPOSE_LANDMARKS_SMOOTHING_CONFIG_ACTUAL, on pixel coordinates with the
 * speed in body sizes per second (`valueScale` = 1 / the body's size in pixels): nearly frozen
 * at rest (0.05 Hz), opening fast with movement.
 */
export const BLAZEPOSE_KEYPOINT_FILTER: KeypointFilterConfig = {
  frequency: 30,
  minCutOff: 0.05,
  beta: 80,
  derivateCutOff: 1,
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

/**
 * Filters one value at `micros`; a time that does not move forward passes the value through.
 * `valueScale` turns a change of the value into the units the speed is judged in.
 */
export function filterAxis(
  state: AxisFilterState,
  value: number,
  micros: number,
  config: KeypointFilterConfig,
  valueScale = 1,
): [AxisFilterState, number] {
  const at = Math.trunc(micros);
  if (state.lastMicros >= at) return [state, value];
  const frequency =
    state.lastMicros !== 0 && at !== 0 ? 1 / ((at - state.lastMicros) / 1e6) : state.frequency;
  const rawSpeed = state.value === null ? 0 : (value - state.value.raw) * valueScale * frequency;
  const speed = lowPass(state.speed, rawSpeed, alphaFor(frequency, config.derivateCutOff));
  const cutOff = config.minCutOff + config.beta * Math.abs(speed.stored);
  const threshold =
    config.thresholdCutOff === undefined
      ? undefined
      : config.thresholdCutOff + (config.thresholdBeta ?? 0) * Math.abs(speed.stored);
  const filtered = lowPass(state.value, value, alphaFor(frequency, cutOff), threshold);
  return [{ frequency, lastMicros: at, value: filtered, speed }, filtered.stored];
}

/** Per keypoint: [x axis, y axis]. Null: not started (or reset). */
export type KeypointFilterState = readonly (readonly [AxisFilterState, AxisFilterState])[] | null;

export interface XY {
  readonly x: number;
  readonly y: number;
}

/**
 * Smooths every keypoint at `micros` (MoveNet's defaults: normalised x, y, no value scale);
 * returns the new state and the points.
 */
export function filterKeypoints<T extends XY>(
  state: KeypointFilterState,
  keypoints: readonly T[],
  micros: number,
  config: KeypointFilterConfig = MOVENET_KEYPOINT_FILTER,
  valueScale = 1,
): [KeypointFilterState, T[]] {
  const axes =
    state !== null && state.length === keypoints.length
      ? state
      : keypoints.map(() => [initialAxis(config), initialAxis(config)] as const);
  const nextState: (readonly [AxisFilterState, AxisFilterState])[] = [];
  const out = keypoints.map((keypoint, i) => {
    const [xState, yState] = axes[i] ?? [initialAxis(config), initialAxis(config)];
    const [nextX, x] = filterAxis(xState, keypoint.x, micros, config, valueScale);
    const [nextY, y] = filterAxis(yState, keypoint.y, micros, config, valueScale);
    nextState.push([nextX, nextY]);
    return { ...keypoint, x, y };
  });
  return [nextState, out];
}
