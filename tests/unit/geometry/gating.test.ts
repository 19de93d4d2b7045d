import { describe, expect, it } from 'vitest';
import {
  ankleFlexionDeg,
  hipFlexionDeg,
  kneeAngleDeg,
  wholeBodyInFrame,
  type KeypointName,
} from '../../../src/geometry';
import type { Keypoint } from '../../../src/geometry/types';
import { sideViewPose, withKeypoint } from '../../helpers/syntheticPose';

const MIN_SCORE = 0.3;
const pose = sideViewPose({ near: { hipFlexionDeg: 90, kneeFlexionDeg: 10 } });

describe('a measure is never made from a joint it cannot trust', () => {
  const cases: [string, Keypoint | undefined, string][] = [
    ['scored below the minimum', { x: 400, y: 570, score: 0.29 }, 'low-confidence'],
    ['with a NaN position', { x: NaN, y: 570, score: 0.9 }, 'low-confidence'],
    ['with a NaN score', { x: 400, y: 570, score: NaN }, 'low-confidence'],
    ['left of the image', { x: -1, y: 570, score: 0.9 }, 'out-of-frame'],
    ['below the image', { x: 400, y: 801, score: 0.9 }, 'out-of-frame'],
    ['missing from the model output', undefined, 'not-in-model'],
  ];
  it.each(cases)('a knee %s makes hip and knee unavailable (%s)', (_, knee, reason) => {
    const broken = withKeypoint(pose, 'right_knee', knee);
    for (const measure of [
      hipFlexionDeg(broken, 'right', MIN_SCORE),
      kneeAngleDeg(broken, 'right', 'right', MIN_SCORE),
    ]) {
      expect(measure).toMatchObject({ value: null, confidence: 0, reason, joints: ['right_knee'] });
    }
  });

  it('names every failing joint and reports the most useful reason', () => {
    let broken = withKeypoint(pose, 'right_hip', { x: 400, y: 400, score: 0.1 });
    broken = withKeypoint(broken, 'right_ankle', { x: 400, y: 900, score: 0.9 });
    expect(kneeAngleDeg(broken, 'right', 'right', MIN_SCORE)).toMatchObject({
      reason: 'out-of-frame',
      joints: ['right_hip', 'right_ankle'],
    });
  });

  it('takes a joint exactly at the minimum score and on the image border', () => {
    const edge = withKeypoint(pose, 'right_knee', { x: 800, y: 400, score: MIN_SCORE });
    expect(hipFlexionDeg(edge, 'right', MIN_SCORE).value).not.toBeNull();
  });

  it('says the model has no feet points rather than guessing an ankle angle (MoveNet)', () => {
    const movenet = sideViewPose({ model: 'movenet-lightning' });
    expect(ankleFlexionDeg(movenet, 'right', MIN_SCORE)).toMatchObject({
      value: null,
      reason: 'not-in-model',
    });
  });

  it('reports its confidence as the weakest joint it used', () => {
    const weak = withKeypoint(pose, 'right_knee', {
      ...(pose.keypoints.right_knee as Keypoint),
      score: 0.42,
    });
    expect(hipFlexionDeg(weak, 'right', MIN_SCORE).confidence).toBeCloseTo(0.42, 9);
  });
});

describe('whole body in frame', () => {
  it('is true when head, shoulders, hips, knees and ankles are seen on at least one side', () => {
    expect(wholeBodyInFrame(pose, MIN_SCORE).value).toBe(true);
  });

  it('lists the part that left the picture', () => {
    let cut = pose;
    for (const name of ['left_ankle', 'right_ankle'] as KeypointName[]) {
      cut = withKeypoint(cut, name, { x: 400, y: 820, score: 0.8 });
    }
    expect(wholeBodyInFrame(cut, MIN_SCORE)).toMatchObject({
      value: null,
      reason: 'out-of-frame',
      joints: ['left_ankle', 'right_ankle'],
    });
  });
});
