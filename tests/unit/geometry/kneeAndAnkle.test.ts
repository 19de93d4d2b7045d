import { describe, expect, it } from 'vitest';
import {
  ankleFlexionDeg,
  classifyKnee,
  degrees,
  KNEE_BANDS,
  KNEE_HYSTERESIS_DEG,
  kneeAngleDeg,
  type KneeState,
  isAvailable,
  type Measured,
} from '../../../src/geometry';
import { rotatePose, sideViewPose } from '../../helpers/syntheticPose';

const MIN_SCORE = 0.3;

function value<T>(measure: Measured<T>): T {
  if (!isAvailable(measure)) throw new Error(`unavailable: ${measure.reason}`);
  return measure.value;
}

describe('knee angle, signed by facing', () => {
  it.each([
    // [knee flexion given, expected signed angle]
    [0, 180],
    [8, 172],
    [45, 135],
    [90, 90],
    [-6, 186],
    [-12, 192],
  ])('a knee flexed %d° reads %d° facing either way', (flexion, expected) => {
    for (const facing of ['left', 'right'] as const) {
      const pose = sideViewPose({ facing, near: { hipFlexionDeg: 100, kneeFlexionDeg: flexion } });
      expect(value(kneeAngleDeg(pose, facing, facing, MIN_SCORE))).toBeCloseTo(expected, 6);
    }
  });

  it('tells hyperextension from a slight bend only through the facing', () => {
    const pushedBack = sideViewPose({ near: { kneeFlexionDeg: -8 } });
    expect(value(kneeAngleDeg(pushedBack, 'right', 'right', MIN_SCORE))).toBeCloseTo(188, 6);
    // The same picture read as facing the other way is a slight bend.
    expect(value(kneeAngleDeg(pushedBack, 'right', 'left', MIN_SCORE))).toBeCloseTo(172, 6);
  });

  it('never reads a clearly bent knee as hyperextended, whatever the facing', () => {
    const bent = sideViewPose({ near: { kneeFlexionDeg: 40 } });
    expect(value(kneeAngleDeg(bent, 'right', 'left', MIN_SCORE))).toBeCloseTo(140, 6);
  });

  it.each([45, 90, 200])('is unchanged with the frame turned %d°', (turnDeg) => {
    const pose = rotatePose(sideViewPose({ near: { kneeFlexionDeg: -7 } }), turnDeg);
    expect(value(kneeAngleDeg(pose, 'right', 'right', MIN_SCORE))).toBeCloseTo(187, 6);
  });

  it('without a facing, reports clear bends unsigned and refuses to guess near straight', () => {
    const bent = sideViewPose({ near: { kneeFlexionDeg: 30 } });
    const slight = sideViewPose({ near: { kneeFlexionDeg: 9 } });
    expect(value(kneeAngleDeg(bent, 'right', null, MIN_SCORE))).toBeCloseTo(150, 6);
    expect(kneeAngleDeg(slight, 'right', null, MIN_SCORE).value).toBeNull();
  });
});

describe('knee bands', () => {
  const { LOCKED_ABOVE_DEG, STRAIGHT_FROM_DEG, SOFT_FROM_DEG } = KNEE_BANDS;
  it.each([
    [LOCKED_ABOVE_DEG + 0.1, 'locked'],
    [LOCKED_ABOVE_DEG, 'straight'],
    [180, 'straight'],
    [STRAIGHT_FROM_DEG, 'straight'],
    [STRAIGHT_FROM_DEG - 0.1, 'soft'],
    [SOFT_FROM_DEG, 'soft'],
    [SOFT_FROM_DEG - 0.1, 'bent'],
    [90, 'bent'],
  ] as const)('%d° is %s', (angle, state) => {
    expect(classifyKnee(degrees(angle))).toBe(state);
  });

  it('keeps the previous state until the angle leaves its band by the hysteresis margin', () => {
    const justBelow = degrees(STRAIGHT_FROM_DEG - KNEE_HYSTERESIS_DEG + 0.5);
    const wellBelow = degrees(STRAIGHT_FROM_DEG - KNEE_HYSTERESIS_DEG - 0.5);
    expect(classifyKnee(justBelow, 'straight')).toBe('straight');
    expect(classifyKnee(wellBelow, 'straight')).toBe('soft');
    expect(classifyKnee(justBelow, null)).toBe('soft');
  });

  it('does not flicker on an angle jittering across a band edge', () => {
    let state: KneeState | null = null;
    const seen = new Set<KneeState>();
    for (let i = 0; i < 50; i++) {
      state = classifyKnee(degrees(STRAIGHT_FROM_DEG + (i % 2 === 0 ? 1 : -1)), state);
      seen.add(state);
    }
    expect(seen.size).toBe(1);
  });
});

describe('ankle flexion from heel and foot index', () => {
  it.each([
    [0, 0],
    [20, 20],
    [-35, -35],
  ])('a foot pulled up %d° reads %d°', (dorsiflexion, expected) => {
    for (const facing of ['left', 'right'] as const) {
      const pose = sideViewPose({
        facing,
        trunkLeanDeg: 70,
        near: { hipFlexionDeg: 90, ankleDorsiflexionDeg: dorsiflexion },
      });
      expect(value(ankleFlexionDeg(pose, facing, MIN_SCORE))).toBeCloseTo(expected, 6);
    }
  });
});
