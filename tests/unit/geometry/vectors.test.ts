import { describe, expect, it } from 'vitest';
import {
  angleFromUpDeg,
  pointDistance,
  vec2,
  vectorAngleDeg,
  vectorCross,
  vectorSignedAngleDeg,
} from '../../../src/geometry';

describe('vectorAngleDeg', () => {
  it.each([
    [vec2(1, 0), vec2(1, 0), 0],
    [vec2(1, 0), vec2(0, 1), 90],
    [vec2(1, 0), vec2(-1, 0), 180],
    [vec2(1, 0), vec2(1, 1), 45],
    [vec2(2, 0), vec2(-3, 3 * Math.sqrt(3)), 120],
    [vec2(1e-9, 0), vec2(0, 5e9), 90],
  ])('angle between %o and %o is %d°', (a, b, expected) => {
    expect(vectorAngleDeg(a, b)).toBeCloseTo(expected, 9);
  });

  it('is NaN for a zero vector, never a made-up angle', () => {
    expect(vectorAngleDeg(vec2(0, 0), vec2(1, 0))).toBeNaN();
  });
});

describe('vectorSignedAngleDeg', () => {
  it.each([
    // y grows downwards, so turning from right (1, 0) to down (0, 1) is clockwise on screen.
    [vec2(1, 0), vec2(0, 1), 90],
    [vec2(1, 0), vec2(0, -1), -90],
    [vec2(0, -1), vec2(1, 0), 90],
    [vec2(1, 0), vec2(-1, 0), 180],
    [vec2(1, 0), vec2(1, -1), -45],
  ])('turning %o onto %o is %d°', (a, b, expected) => {
    expect(vectorSignedAngleDeg(a, b)).toBeCloseTo(expected, 9);
  });

  it('has the sign of the cross product', () => {
    expect(Math.sign(vectorCross(vec2(1, 0), vec2(0.3, 0.7)))).toBe(1);
  });
});

describe('angleFromUpDeg and pointDistance', () => {
  it.each([
    [vec2(0, -1), 0],
    [vec2(1, 0), 90],
    [vec2(0, 1), 180],
    [vec2(-1, -1), 45],
  ])('%o is %d° from straight up', (v, expected) => {
    expect(angleFromUpDeg(v)).toBeCloseTo(expected, 9);
  });

  it('measures Euclidean distance', () => {
    expect(pointDistance(vec2(1, 1), vec2(4, 5))).toBeCloseTo(5, 12);
  });
});
