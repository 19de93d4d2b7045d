import type { Measured, Rounding } from './measures';
import { available, isAvailable } from './measured';

/**
 * The back outline's reading over the last `ROUNDING_WINDOW_MS`, so one frame's mask does not
 * decide the back. Each frame's outline moves by several degrees on a body holding still (on the
 * eval set's held downward-dog clip the per-frame curl spans ±6° between its 10th and 90th
 * percentiles), and a flapping shirt or a hand passing the back can throw one frame off by much
 * more; the median of the window ignores such a frame and keeps a steady bend.
 *
 * 600 ms: about half a breath, a handful of frames at the 10-20 frames/s a mask model runs at,
 * and shorter than the 0.7 s a fault must last before the coach voices it, so a real rounding is
 * not voiced later than it would have been.
 */
export const ROUNDING_WINDOW_MS = 600;

interface Reading {
  readonly timestampMs: number;
  readonly index: number;
  readonly confidence: number;
}

/** Immutable: `pushReading` returns a new window. */
export type RoundingWindow = readonly Reading[];

export const EMPTY_ROUNDING_WINDOW: RoundingWindow = [];

/**
 * Adds this frame's outline reading (if any) and drops readings older than the window or from
 * the future (a clock that went back starts afresh).
 */
export function pushReading(
  window: RoundingWindow,
  contour: Measured<Rounding>,
  nowMs: number,
): RoundingWindow {
  const fresh = (r: Reading): boolean =>
    r.timestampMs <= nowMs && nowMs - r.timestampMs < ROUNDING_WINDOW_MS;
  // No mask (MoveNet) or nothing stale: keep the same window, allocating nothing.
  if (!isAvailable(contour) && window.every(fresh)) return window;
  const kept = window.filter(fresh);
  if (!isAvailable(contour)) return kept;
  kept.push({ timestampMs: nowMs, index: contour.value.index, confidence: contour.confidence });
  return kept;
}

/**
 * This frame's outline rounding as the window's median index, at the window's mean confidence.
 * Only when this frame has an outline itself: a frame without one stays without one (the window
 * only steadies what is seen, it does not fill gaps).
 */
export function windowedContour(
  window: RoundingWindow,
  contour: Measured<Rounding>,
): Measured<Rounding> {
  if (!isAvailable(contour) || window.length < 2) return contour;
  const indices = window.map((r) => r.index).sort((a, b) => a - b);
  const middle = indices.length >> 1;
  const median =
    indices.length % 2 === 1
      ? (indices[middle] ?? 0)
      : ((indices[middle - 1] ?? 0) + (indices[middle] ?? 0)) / 2;
  const confidence = window.reduce((sum, r) => sum + r.confidence, 0) / window.length;
  return available({ index: median, method: contour.value.method }, confidence);
}
