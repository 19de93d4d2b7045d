import { degrees, type Degrees } from './units';

/**
 * 2-D vectors and points in image pixels (origin top-left, y down). Free functions over plain
 * immutable objects, named by the type they work on.
 */
export interface Vec2 {
  readonly x: number;
  readonly y: number;
}

/** Straight up in the image (y grows downwards). */
export const IMAGE_UP: Vec2 = { x: 0, y: -1 };

export function vec2(x: number, y: number): Vec2 {
  return { x, y };
}

/** The vector from `from` to `to`. */
export function vectorFromPoints(from: Vec2, to: Vec2): Vec2 {
  return { x: to.x - from.x, y: to.y - from.y };
}

export function vectorAdd(a: Vec2, b: Vec2): Vec2 {
  return { x: a.x + b.x, y: a.y + b.y };
}

export function vectorDot(a: Vec2, b: Vec2): number {
  return a.x * b.x + a.y * b.y;
}

/**
 * z of the 3-D cross product. In image coordinates (y down) it is positive when `b` lies
 * clockwise from `a` as seen on screen.
 */
export function vectorCross(a: Vec2, b: Vec2): number {
  return a.x * b.y - a.y * b.x;
}

export function vectorLength(v: Vec2): number {
  return Math.hypot(v.x, v.y);
}

export function pointDistance(a: Vec2, b: Vec2): number {
  return Math.hypot(b.x - a.x, b.y - a.y);
}

export function pointMidpoint(a: Vec2, b: Vec2): Vec2 {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

/** Unit vector along `v`; the zero vector stays zero. */
export function vectorNormalize(v: Vec2): Vec2 {
  const length = vectorLength(v);
  return length === 0 ? { x: 0, y: 0 } : { x: v.x / length, y: v.y / length };
}

/** Unsigned angle between two vectors, 0..180 degrees (NaN when either is zero). */
export function vectorAngleDeg(a: Vec2, b: Vec2): Degrees {
  const lengths = vectorLength(a) * vectorLength(b);
  if (lengths === 0) return degrees(NaN);
  // atan2 of cross and dot stays accurate near 0 and 180, where acos loses precision.
  return degrees((Math.atan2(Math.abs(vectorCross(a, b)), vectorDot(a, b)) * 180) / Math.PI);
}

/**
 * Signed angle turning `a` onto `b`, in (-180, 180]: positive when the turn is clockwise on
 * screen (the sign of `vectorCross(a, b)`).
 */
export function vectorSignedAngleDeg(a: Vec2, b: Vec2): Degrees {
  return degrees((Math.atan2(vectorCross(a, b), vectorDot(a, b)) * 180) / Math.PI);
}

/** Sine of the angle from `a` to `b` (signed like `vectorCross`), 0 when either is zero. */
export function vectorSine(a: Vec2, b: Vec2): number {
  const lengths = vectorLength(a) * vectorLength(b);
  return lengths === 0 ? 0 : vectorCross(a, b) / lengths;
}

/** Angle of `v` from straight up in the image, 0..180 degrees. */
export function angleFromUpDeg(v: Vec2): Degrees {
  return vectorAngleDeg(IMAGE_UP, v);
}
