import { describe, expect, it } from 'vitest';
import {
  bodyOrientation,
  facingSide,
  nearSide,
  suggestInferenceRotation,
  viewAngle,
  workingLeg,
  type BodyOrientation,
  isAvailable,
  type Measured,
} from '../../../src/geometry';
import type { Keypoint, Pose } from '../../../src/geometry/types';
import {
  rotatePose,
  sideViewPose,
  turnAround,
  withKeypoint,
  type SideViewSpec,
} from '../../helpers/syntheticPose';

const MIN_SCORE = 0.3;

function value<T>(measure: Measured<T>): T {
  if (!isAvailable(measure)) throw new Error(`unavailable: ${measure.reason}`);
  return measure.value;
}

const POSITIONS: Record<string, SideViewSpec> = {
  standing: {},
  'standing forward fold': { trunkLeanDeg: 150, near: { hipFlexionDeg: 150 } },
  'deadlift bottom': {
    trunkLeanDeg: 70,
    near: { hipFlexionDeg: 110, kneeFlexionDeg: 70 },
  },
  // Thighs 65° from vertical, shins leaning forward over the feet, trunk near level.
  'deadlift start': { trunkLeanDeg: 80, near: { hipFlexionDeg: 145, kneeFlexionDeg: 80 } },
  'downward dog': { trunkLeanDeg: 135, near: { hipFlexionDeg: 95 }, armDeg: 135 },
  'long-sit': { trunkLeanDeg: 5, near: { hipFlexionDeg: 95 }, armDeg: 170 },
  'long-sit fold': { trunkLeanDeg: 60, near: { hipFlexionDeg: 150 }, armDeg: 100 },
  'sitting on a chair': { near: { hipFlexionDeg: 90, kneeFlexionDeg: 90 } },
};

describe('facing and near side', () => {
  it.each(Object.entries(POSITIONS))(
    '%s: the side facing the camera is found either way round',
    (_, spec) => {
      for (const facing of ['left', 'right'] as const) {
        const pose = sideViewPose({ ...spec, facing });
        expect(value(nearSide(pose, MIN_SCORE))).toBe(facing);
        if (spec.near?.hipFlexionDeg !== undefined) {
          expect(value(facingSide(pose, MIN_SCORE))).toBe(facing);
        }
      }
    },
  );

  it('trusts anatomy over scores when the model labels the sides the other way round', () => {
    // Far side scored higher than the near one (MoveNet does this in side views), no depth.
    const pose = sideViewPose({
      trunkLeanDeg: 120,
      near: { hipFlexionDeg: 120 },
      nearScore: 0.5,
      farScore: 0.7,
      model: 'movenet-lightning',
    });
    expect(value(nearSide(pose, MIN_SCORE))).toBe('right');
  });
});

describe('view angle', () => {
  it('reads a side view as side-on', () => {
    expect(value(viewAngle(sideViewPose(), MIN_SCORE))).toBe('side');
  });

  it('reads shoulders and hips spread to full width as frontal, half width as oblique', () => {
    const spread = (pose: Pose, fraction: number): Pose => {
      let out = pose;
      for (const [joint, halfWidth] of [
        ['shoulder', 75],
        ['hip', 37],
      ] as const) {
        for (const [side, sign] of [
          ['left', -1],
          ['right', 1],
        ] as const) {
          const kp = pose.keypoints[`right_${joint}`] as Keypoint;
          out = withKeypoint(out, `${side}_${joint}`, {
            x: kp.x + sign * halfWidth * fraction,
            y: kp.y,
            score: 0.9,
          });
        }
      }
      return out;
    };
    expect(value(viewAngle(spread(sideViewPose(), 1), MIN_SCORE))).toBe('frontal');
    expect(value(viewAngle(spread(sideViewPose(), 0.6), MIN_SCORE))).toBe('oblique');
  });
});

describe('body orientation', () => {
  const expected: Record<string, BodyOrientation> = {
    standing: 'upright',
    'standing forward fold': 'upright',
    'deadlift bottom': 'upright',
    'deadlift start': 'upright',
    'downward dog': 'upright',
    'long-sit': 'seated',
    'long-sit fold': 'seated',
    'sitting on a chair': 'seated',
  };
  it.each(Object.entries(expected))('%s reads %s', (name, orientation) => {
    expect(value(bodyOrientation(sideViewPose(POSITIONS[name]), MIN_SCORE))).toBe(orientation);
  });

  it.each([
    ['lying flat', { near: { hipFlexionDeg: 0 } }],
    [
      'supine strap stretch',
      { near: { hipFlexionDeg: 80 }, far: { hipFlexionDeg: 45, kneeFlexionDeg: 90 } },
    ],
  ] as const)('%s (drawn standing, turned onto its back) reads lying', (_, spec) => {
    // Facing right, the front turns upwards when the picture turns anticlockwise.
    for (const [facing, turn] of [
      ['right', -90],
      ['left', 90],
    ] as const) {
      const pose = rotatePose(sideViewPose({ ...spec, facing }), turn);
      expect(value(bodyOrientation(pose, MIN_SCORE))).toBe('lying');
    }
  });
});

describe('suggestInferenceRotation', () => {
  it.each(Object.keys(POSITIONS))('leaves %s as it is', (name) => {
    expect(suggestInferenceRotation(sideViewPose(POSITIONS[name]), MIN_SCORE)).toBe(0);
  });

  it.each([
    // Turned clockwise by 90°, the head lies to the right: turning the frame 270° more stands it up.
    [90, 270],
    [-90, 90],
    [180, 180],
  ])('a standing body turned %d° is stood up by inferring at %d°', (turn, rotation) => {
    expect(suggestInferenceRotation(rotatePose(sideViewPose(), turn), MIN_SCORE)).toBe(rotation);
  });

  it('stands up a supine strap stretch by its trunk, whatever the raised leg does', () => {
    const strap = sideViewPose({
      near: { hipFlexionDeg: 85 },
      far: { hipFlexionDeg: 40, kneeFlexionDeg: 90 },
    });
    expect(suggestInferenceRotation(rotatePose(strap, -90), MIN_SCORE)).toBe(90);
  });

  it('leaves a seated fold alone: trunk folded over level legs is sitting, not lying', () => {
    const deepFold = sideViewPose({ trunkLeanDeg: 80, near: { hipFlexionDeg: 165 }, armDeg: 95 });
    expect(suggestInferenceRotation(deepFold, MIN_SCORE)).toBe(0);
  });

  it('works on the weak scores a model gives a lying body', () => {
    const weak = rotatePose(sideViewPose({ nearScore: 0.2, farScore: 0.16 }), 90);
    expect(suggestInferenceRotation(weak, MIN_SCORE)).toBe(270);
  });
});

describe('working leg', () => {
  it('is the raised heel when standing with one foot on a step', () => {
    // Standing leg vertical under a trunk leaning 40°, the other leg 45° forward on a step.
    const pose = sideViewPose({
      trunkLeanDeg: 40,
      near: { hipFlexionDeg: 85 },
      far: { hipFlexionDeg: 40, kneeFlexionDeg: 5 },
    });
    const orientation = value(bodyOrientation(pose, MIN_SCORE));
    const none = {
      left: { value: null, confidence: 0, reason: 'not-applicable', joints: [] },
      right: { value: null, confidence: 0, reason: 'not-applicable', joints: [] },
    } as const;
    expect(value(workingLeg(pose, orientation, none, none, MIN_SCORE))).toBe('right');
    expect(value(workingLeg(turnAround(pose), orientation, none, none, MIN_SCORE))).toBe('left');
  });

  it('is not applicable standing on both feet', () => {
    const none = {
      left: { value: null, confidence: 0, reason: 'not-applicable', joints: [] },
      right: { value: null, confidence: 0, reason: 'not-applicable', joints: [] },
    } as const;
    expect(workingLeg(sideViewPose(), 'upright', none, none, MIN_SCORE)).toMatchObject({
      value: null,
      reason: 'not-applicable',
    });
  });
});
