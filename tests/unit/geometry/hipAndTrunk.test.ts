import { describe, expect, it } from 'vitest';
import {
  hipFlexionDeg,
  legRaiseDeg,
  neckFlexionDeg,
  NECK_FLEXION_MODEL_BIAS_DEG,
  trunkInclinationDeg,
  isAvailable,
  type Measured,
} from '../../../src/geometry';
import { rotatePose, sideViewPose, withKeypoint } from '../../helpers/syntheticPose';

const MIN_SCORE = 0.3;

function value<T>(measure: Measured<T>): T {
  if (!isAvailable(measure)) throw new Error(`unavailable: ${measure.reason}`);
  return measure.value;
}

describe('hip flexion: 180 minus the trunk-thigh angle', () => {
  it.each([
    // [trunk lean, hip flexion given to the thigh, expected flexion]
    [0, 0, 0],
    [0, 90, 90],
    [45, 45, 45],
    [90, 90, 90],
    [130, 155, 155],
    [160, 170, 170],
  ])('trunk leaning %d°, thigh flexed %d° reads %d°', (trunkLeanDeg, hipFlexion, expected) => {
    for (const facing of ['left', 'right'] as const) {
      const pose = sideViewPose({ facing, trunkLeanDeg, near: { hipFlexionDeg: hipFlexion } });
      expect(value(hipFlexionDeg(pose, facing, MIN_SCORE))).toBeCloseTo(expected, 6);
    }
  });

  it.each([30, 90, 137, 270])('is unchanged when the whole frame is turned %d°', (turnDeg) => {
    const pose = sideViewPose({ trunkLeanDeg: 70, near: { hipFlexionDeg: 110 } });
    expect(value(hipFlexionDeg(rotatePose(pose, turnDeg), 'right', MIN_SCORE))).toBeCloseTo(110, 6);
  });

  it("uses the far side's trunk line when the near shoulder is not seen, with less confidence", () => {
    const pose = sideViewPose({ near: { hipFlexionDeg: 80 } });
    const hidden = withKeypoint(pose, 'right_shoulder', { x: 0, y: 0, score: 0.1 });
    const full = hipFlexionDeg(pose, 'right', MIN_SCORE);
    const stand = hipFlexionDeg(hidden, 'right', MIN_SCORE);
    expect(value(stand)).toBeCloseTo(80, 0);
    expect(stand.confidence).toBeLessThan(full.confidence);
  });
});

describe('straight-leg raise', () => {
  it.each([
    [0, 0],
    [45, 45],
    [80, 80],
  ])('a straight leg raised %d° reads %d° from the floor line', (raise, expected) => {
    const lying = rotatePose(sideViewPose({ near: { hipFlexionDeg: raise } }), -90);
    expect(value(legRaiseDeg(lying, 'right', MIN_SCORE))).toBeCloseTo(expected, 6);
  });

  it('follows the hip-ankle line, so a bent knee lowers it below the thigh angle', () => {
    const pose = sideViewPose({ near: { hipFlexionDeg: 90, kneeFlexionDeg: 90 } });
    expect(value(legRaiseDeg(pose, 'right', MIN_SCORE))).toBeCloseTo(45, 6);
  });
});

describe('trunk inclination and neck flexion', () => {
  it.each([0, 30, 90, 150])(
    'a trunk leaning %d° forward reads that inclination from vertical',
    (lean) => {
      const pose = sideViewPose({ trunkLeanDeg: lean });
      expect(value(trunkInclinationDeg(pose, 'right', MIN_SCORE))).toBeCloseTo(lean, 6);
    },
  );

  it.each([
    ['right', -20],
    ['right', 0],
    ['right', 40],
    ['left', 40],
    ['left', -15],
  ] as const)('facing %s with the head dropped %d° reads that angle (MoveNet)', (facing, neck) => {
    const pose = sideViewPose({
      facing,
      trunkLeanDeg: 60,
      neckFlexionDeg: neck,
      model: 'movenet-lightning',
    });
    expect(value(neckFlexionDeg(pose, facing, facing, MIN_SCORE))).toBeCloseTo(neck, 6);
  });

  it.each([
    ['blazepose-full', 8],
    ['blazepose-lite', 8],
    ['movenet-thunder', 0],
  ] as const)("takes %s's forward ear placement (%d°) off the reading", (model, biasDeg) => {
    expect(NECK_FLEXION_MODEL_BIAS_DEG[model]).toBe(biasDeg);
    for (const facing of ['left', 'right'] as const) {
      const pose = sideViewPose({ facing, trunkLeanDeg: 10, neckFlexionDeg: 30, model });
      expect(value(neckFlexionDeg(pose, facing, facing, MIN_SCORE))).toBeCloseTo(30 - biasDeg, 6);
    }
  });

  it('is unavailable without a facing direction: forward would be a guess', () => {
    const pose = sideViewPose({ neckFlexionDeg: 30 });
    expect(neckFlexionDeg(pose, 'right', null, MIN_SCORE).value).toBeNull();
  });
});
