import type { FrameRotationDeg, ImageSize } from '../geometry/types';

/**
 * Pose models are trained mostly on upright people and lose lying bodies (DESIGN.md §3). The
 * estimator can rotate a frame clockwise before inference; these functions map the results
 * back into the original frame. Coordinates are continuous pixels: pixel i spans [i, i + 1).
 */

/** Size of the frame after rotating it clockwise by `rotationDeg`. */
export function rotatedSize(size: ImageSize, rotationDeg: FrameRotationDeg): ImageSize {
  return rotationDeg === 90 || rotationDeg === 270
    ? { widthPx: size.heightPx, heightPx: size.widthPx }
    : size;
}

/** Maps an image point from a frame rotated clockwise by `rotationDeg` back to the original. */
export function pointFromRotatedFrame(
  x: number,
  y: number,
  rotationDeg: FrameRotationDeg,
  original: ImageSize,
): { x: number; y: number } {
  switch (rotationDeg) {
    case 0:
      return { x, y };
    case 90: // original (x, y) went to (H - y, x)
      return { x: y, y: original.heightPx - x };
    case 180:
      return { x: original.widthPx - x, y: original.heightPx - y };
    case 270: // original (x, y) went to (y, W - x)
      return { x: original.widthPx - y, y: x };
  }
}

/** Maps a direction (e.g. world x/y in metres) from the rotated frame back to the original. */
export function vectorFromRotatedFrame(
  dx: number,
  dy: number,
  rotationDeg: FrameRotationDeg,
): { x: number; y: number } {
  switch (rotationDeg) {
    case 0:
      return { x: dx, y: dy };
    case 90:
      return { x: dy, y: -dx };
    case 180:
      return { x: -dx, y: -dy };
    case 270:
      return { x: -dy, y: dx };
  }
}

/** The rotation that undoes `rotationDeg`. */
export function inverseRotation(rotationDeg: FrameRotationDeg): FrameRotationDeg {
  return ((360 - rotationDeg) % 360) as FrameRotationDeg;
}
