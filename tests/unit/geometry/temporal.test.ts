import { describe, expect, it } from 'vitest';
import {
  emptyLatch,
  initialGeometryState,
  measureFrame,
  oneEuroStep,
  ANGLE_FILTER,
  KNEE_BANDS,
  updateLatch,
  type BodyMeasures,
  type GeometryState,
  type MeasureOptions,
} from '../../../src/geometry';
import type { Pose } from '../../../src/geometry/types';
import { sideViewPose, turnAround, type SideViewSpec } from '../../helpers/syntheticPose';

const FRAME_MS = 33;

function run(frames: readonly (Pose | null)[], options?: MeasureOptions): BodyMeasures[] {
  let state: GeometryState = initialGeometryState(options);
  return frames.map((pose, i) => {
    const [next, measures] = measureFrame(state, pose, i * FRAME_MS);
    state = next;
    return measures;
  });
}

describe('measureFrame', () => {
  it('reports every measure as no-person when nobody was found', () => {
    const [measures] = run([null]);
    expect(measures?.personFound).toBe(false);
    expect(measures?.hipFlexionDeg.left).toMatchObject({ value: null, reason: 'no-person' });
    expect(measures?.rounding).toMatchObject({ value: null, reason: 'no-person' });
  });

  it('measures the near leg of a side view and leaves the leg raise to lying bodies', () => {
    const [m] = run([
      sideViewPose({ trunkLeanDeg: 100, near: { hipFlexionDeg: 120, kneeFlexionDeg: 5 } }),
    ]);
    expect(m?.nearSide.value).toBe('right');
    expect(m?.hipFlexionDeg.right.value).toBeCloseTo(120, 6);
    expect(m?.kneeAngleDeg.right.value).toBeCloseTo(175, 6);
    expect(m?.kneeState.right.value).toBe('straight');
    expect(m?.orientation.value).toBe('upright');
    expect(m?.legRaiseDeg.right).toMatchObject({ value: null, reason: 'not-applicable' });
  });

  it('keeps the near side through a one-frame left/right swap, and follows a lasting turn', () => {
    const facingRight = sideViewPose({ trunkLeanDeg: 90, near: { hipFlexionDeg: 90 } });
    const facingLeft = turnAround(facingRight);
    const frames = [
      ...Array<Pose>(10).fill(facingRight),
      facingLeft,
      facingRight,
      ...Array<Pose>(20).fill(facingLeft),
    ];
    const sides = run(frames).map((m) => m.nearSide.value);
    expect(sides.slice(0, 12)).toEqual(Array(12).fill('right'));
    // 400 ms at 33 ms per frame: the new side wins on the 14th frame of the turn.
    expect(sides.slice(12, 12 + 12)).toEqual(Array(12).fill('right'));
    expect(sides.at(-1)).toBe('left');
  });

  it('does not let a knee near a band edge flicker from frame to frame', () => {
    const spec = (flexion: number): SideViewSpec => ({
      trunkLeanDeg: 90,
      near: { hipFlexionDeg: 90, kneeFlexionDeg: flexion },
    });
    const frames = Array.from({ length: 20 }, (_, i) =>
      // Half a degree either side of the straight/soft edge.
      sideViewPose(spec(180 - KNEE_BANDS.STRAIGHT_FROM_DEG + (i % 2 === 0 ? -0.5 : 0.5))),
    );
    const states = new Set(run(frames).map((m) => m.kneeState.right.value));
    expect(states.size).toBe(1);
  });

  // Before: the trunk chord (after five upright frames) or neck flexion stood in for the back on
  // MoveNet and called this curled trunk rounded. Both follow the arms' and head's joints, not the
  // spine, so without a mask the back is now not checked, whatever came before.
  it('does not judge the back without a mask, even a shortened trunk after upright frames', () => {
    const upright = sideViewPose({ model: 'movenet-lightning' });
    const hinge = sideViewPose({
      model: 'movenet-lightning',
      trunkLeanDeg: 80,
      near: { hipFlexionDeg: 80 },
      neckFlexionDeg: -10,
    });
    // Shorten the trunk by 30% towards the hip, as a curled back does.
    const curled: Pose = {
      ...hinge,
      keypoints: {
        ...hinge.keypoints,
        right_shoulder: {
          x: 400 + ((hinge.keypoints.right_shoulder?.x ?? 0) - 400) * 0.7,
          y: 400 + ((hinge.keypoints.right_shoulder?.y ?? 0) - 400) * 0.7,
          score: 0.9,
        },
      },
    };
    const [alone] = run([curled]);
    expect(alone?.rounding).toMatchObject({ value: null, reason: 'no-mask' });
    const calibrated = run([...Array<Pose>(5).fill(upright), curled]).at(-1);
    expect(calibrated?.rounding).toMatchObject({ value: null, reason: 'no-mask' });
    expect(calibrated?.backState).toMatchObject({ value: null, reason: 'no-mask' });
  });

  it('passes angles through unfiltered by default and smooths them when asked', () => {
    const noisy = Array.from({ length: 60 }, (_, i) =>
      sideViewPose({ trunkLeanDeg: 90, near: { hipFlexionDeg: 90 + (i % 2 === 0 ? 4 : -4) } }),
    );
    const spread = (ms: BodyMeasures[]) => {
      const values = ms.slice(30).map((m) => m.hipFlexionDeg.right.value ?? NaN);
      return Math.max(...values) - Math.min(...values);
    };
    expect(spread(run(noisy))).toBeCloseTo(8, 6);
    expect(spread(run(noisy, { smoothAngles: true }))).toBeLessThan(4);
  });

  it('rejects options out of range', () => {
    expect(() => initialGeometryState({ minKeypointScore: 1.5 })).toThrow(RangeError);
    expect(() => initialGeometryState({ switchAfterMs: -1 })).toThrow(RangeError);
  });
});

describe('latch', () => {
  it('takes the first value at once and a new one only after it persists', () => {
    let latch = updateLatch(emptyLatch<string>(), 'a', 0, 400);
    expect(latch.held).toBe('a');
    latch = updateLatch(latch, 'b', 100, 400);
    latch = updateLatch(latch, 'b', 400, 400);
    expect(latch.held).toBe('a');
    latch = updateLatch(latch, 'b', 500, 400);
    expect(latch.held).toBe('b');
  });

  it('restarts the wait when the candidate is interrupted', () => {
    let latch = updateLatch(emptyLatch<string>(), 'a', 0, 400);
    latch = updateLatch(latch, 'b', 100, 400);
    latch = updateLatch(latch, 'a', 300, 400);
    latch = updateLatch(latch, 'b', 450, 400);
    expect(updateLatch(latch, 'b', 600, 400).held).toBe('a');
  });
});

describe('One-Euro filter', () => {
  it('holds a constant value exactly and follows a step within a second', () => {
    let state = oneEuroStep(null, 10, 0, ANGLE_FILTER);
    for (let t = 33; t < 1000; t += 33) state = oneEuroStep(state, 10, t, ANGLE_FILTER);
    expect(state.value).toBe(10);
    for (let t = 1000; t < 2000; t += 33) state = oneEuroStep(state, 50, t, ANGLE_FILTER);
    expect(state.value).toBeCloseTo(50, 0);
  });

  it('restarts when time does not move forward', () => {
    const state = oneEuroStep(oneEuroStep(null, 10, 100, ANGLE_FILTER), 30, 100, ANGLE_FILTER);
    expect(state.value).toBe(30);
  });
});
