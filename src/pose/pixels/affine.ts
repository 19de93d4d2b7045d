import type { FrameRotationDeg, ImageSize } from '../../geometry/types';

/**
 * Where each pixel of a model's input is read from in the picture:
 *   sourceX = a * column + b * row + c,  sourceY = d * column + e * row + f,
 * with pixel centres at whole numbers in both (TF.js's image ops count the same way, so crops
 * built here land where pose-detection's tensor crops do).
 */
export interface Affine {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
  readonly f: number;
}

export interface OutputSize {
  readonly widthPx: number;
  readonly heightPx: number;
}

/** `outer` after `inner`: a point goes through `inner` first. */
export function composeAffine(outer: Affine, inner: Affine): Affine {
  return {
    a: outer.a * inner.a + outer.b * inner.d,
    b: outer.a * inner.b + outer.b * inner.e,
    c: outer.a * inner.c + outer.b * inner.f + outer.c,
    d: outer.d * inner.a + outer.e * inner.d,
    e: outer.d * inner.b + outer.e * inner.e,
    f: outer.d * inner.c + outer.e * inner.f + outer.f,
  };
}

/** Applies `m` to a point. */
export function applyAffine(m: Affine, x: number, y: number): { x: number; y: number } {
  return { x: m.a * x + m.b * y + m.c, y: m.d * x + m.e * y + m.f };
}

/** The map back: `invertAffine(m)` after `m` is the identity. */
export function invertAffine(m: Affine): Affine {
  const det = m.a * m.e - m.b * m.d;
  if (det === 0) throw new Error('A crop with no area cannot be inverted.');
  const a = m.e / det;
  const b = -m.b / det;
  const d = -m.d / det;
  const e = m.a / det;
  return { a, b, c: -(a * m.c + b * m.f), d, e, f: -(d * m.c + e * m.f) };
}

/**
 * From a frame turned clockwise by `rotationDeg` (for lying bodies) to the picture as it came:
 * the same pixel permutation as turning the picture tensor (pixel centres at whole numbers).
 */
export function turnedFrameAffine(rotationDeg: FrameRotationDeg, original: ImageSize): Affine {
  const w = original.widthPx - 1;
  const h = original.heightPx - 1;
  switch (rotationDeg) {
    case 0:
      return { a: 1, b: 0, c: 0, d: 0, e: 1, f: 0 };
    case 90: // turned (column, row) shows original (row, h - column)
      return { a: 0, b: 1, c: 0, d: -1, e: 0, f: h };
    case 180:
      return { a: -1, b: 0, c: w, d: 0, e: -1, f: h };
    case 270: // turned (column, row) shows original (w - row, column)
      return { a: 0, b: -1, c: w, d: 1, e: 0, f: 0 };
  }
}

/** A box in coordinates normalised to the frame (0..1; may reach outside it). */
export interface NormalizedBox {
  readonly yMin: number;
  readonly xMin: number;
  readonly yMax: number;
  readonly xMax: number;
}

/**
 * A box scaled to `out`, sampled as TF's cropAndResize samples it (MoveNet's crop in
 * pose-detection): the box's edges map to the first and last output pixels' centres.
 */
export function boxAffine(box: NormalizedBox, frame: ImageSize, out: OutputSize): Affine {
  const spanX = (box.xMax - box.xMin) * (frame.widthPx - 1);
  const spanY = (box.yMax - box.yMin) * (frame.heightPx - 1);
  return {
    a: out.widthPx > 1 ? spanX / (out.widthPx - 1) : 0,
    b: 0,
    c:
      out.widthPx > 1
        ? box.xMin * (frame.widthPx - 1)
        : (box.xMin + box.xMax) * 0.5 * (frame.widthPx - 1),
    d: 0,
    e: out.heightPx > 1 ? spanY / (out.heightPx - 1) : 0,
    f:
      out.heightPx > 1
        ? box.yMin * (frame.heightPx - 1)
        : (box.yMin + box.yMax) * 0.5 * (frame.heightPx - 1),
  };
}

/** A rotated rectangle in the frame's pixels (MediaPipe's region of interest). */
export interface PixelRect {
  readonly xCenter: number;
  readonly yCenter: number;
  readonly width: number;
  readonly height: number;
  /** Radians, clockwise on screen (y down). */
  readonly rotation: number;
}

/**
 * A rotated rectangle stretched over `out`, as MediaPipe's ImageToTensor (and pose-detection's
 * `convertImageToTensor`) reads it: output pixel (column, row) comes from the point at
 * (column / width, row / height) of the rectangle.
 */
export function rectAffine(rect: PixelRect, out: OutputSize): Affine {
  const cos = Math.cos(rect.rotation);
  const sin = Math.sin(rect.rotation);
  return {
    a: (rect.width * cos) / out.widthPx,
    b: (-rect.height * sin) / out.heightPx,
    c: -0.5 * rect.width * cos + 0.5 * rect.height * sin + rect.xCenter,
    d: (rect.width * sin) / out.widthPx,
    e: (rect.height * cos) / out.heightPx,
    f: -0.5 * rect.height * cos - 0.5 * rect.width * sin + rect.yCenter,
  };
}
