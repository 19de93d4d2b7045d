import { describe, expect, it } from 'vitest';
import {
  EMPTY_ANGLE_TOOL,
  addAnglePoint,
  angleAtDeg,
  nearestKeypoint,
  pointFromClick,
  removeLastAnglePoint,
  toolAngleDeg,
} from '../../../src/review/angleTool';
import { sideViewPose } from '../../helpers/syntheticPose';

const at = (x: number, y: number) => ({ x, y, joint: null });

describe('the angle tool', () => {
  it.each([
    [at(0, -10), at(0, 0), at(10, 0), 90],
    [at(-10, 0), at(0, 0), at(10, 0), 180],
    [at(10, 0), at(0, 0), at(10, 10), 45],
    [at(10, 1e-9), at(0, 0), at(10, 0), 0],
    [at(3, 4), at(0, 0), at(-3, 4), 73.74],
  ])('measures the angle at the middle point: %o %o %o -> %f°', (a, vertex, c, deg) => {
    expect(angleAtDeg(a, vertex, c)).toBeCloseTo(deg, 1);
  });

  it('has no angle when two points coincide', () => {
    expect(angleAtDeg(at(0, 0), at(0, 0), at(1, 0))).toBeNull();
  });

  it('needs three points, and a fourth starts a new measurement', () => {
    let tool = addAnglePoint(EMPTY_ANGLE_TOOL, at(0, -10));
    tool = addAnglePoint(tool, at(0, 0));
    expect(toolAngleDeg(tool)).toBeNull();
    tool = addAnglePoint(tool, at(10, 0));
    expect(toolAngleDeg(tool)).toBeCloseTo(90);
    expect(removeLastAnglePoint(tool).points).toHaveLength(2);
    expect(addAnglePoint(tool, at(5, 5)).points).toEqual([at(5, 5)]);
  });

  it('snaps a click to a confident keypoint nearby, and not to one far away', () => {
    const pose = sideViewPose({ near: { kneeFlexionDeg: 30 } });
    const knee = pose.keypoints.right_knee;
    if (knee === undefined) throw new Error('no knee');
    expect(nearestKeypoint(pose, { x: knee.x + 4, y: knee.y - 3 }, 12)).toBe('right_knee');
    expect(nearestKeypoint(pose, { x: knee.x + 400, y: knee.y }, 12)).toBeNull();
    expect(pointFromClick({ x: knee.x + 4, y: knee.y }, pose, 12)).toEqual({
      x: knee.x,
      y: knee.y,
      joint: 'right_knee',
    });
    expect(pointFromClick({ x: 3, y: 4 }, null, 12)).toEqual(at(3, 4));
  });

  it('reads a knee bent 30° as 150° at the knee', () => {
    const pose = sideViewPose({ near: { kneeFlexionDeg: 30 } });
    const [hip, knee, ankle] = (['right_hip', 'right_knee', 'right_ankle'] as const).map((name) =>
      pointFromClick(pose.keypoints[name] ?? { x: 0, y: 0 }, pose, 1),
    );
    if (hip === undefined || knee === undefined || ankle === undefined) throw new Error('points');
    expect(angleAtDeg(hip, knee, ankle)).toBeCloseTo(150, 0);
  });
});
