import { describe, expect, it } from 'vitest';
import { initialGeometryState, measureFrame } from '../../../src/geometry';
import { MIN_PERSON_KEYPOINTS, looksLikePerson } from '../../../src/geometry/personFound';
import type { KeypointName, Pose } from '../../../src/geometry/types';
import { drawSkeleton } from '../../../src/ui/drawSkeleton';
import { sideViewPose } from '../../helpers/syntheticPose';

const person = sideViewPose({ near: { hipFlexionDeg: 30, kneeFlexionDeg: 5 } });

/** The same pose with every keypoint's score set to `score`, except those in `keep`. */
function scored(pose: Pose, score: number, keep: readonly KeypointName[] = []): Pose {
  const keypoints = Object.fromEntries(
    Object.entries(pose.keypoints).map(([name, k]) => [
      name,
      { ...k, score: keep.includes(name as KeypointName) ? 0.9 : score },
    ]),
  ) as Pose['keypoints'];
  return { ...pose, keypoints };
}

/** An empty room as MoveNet answers it: a ghost, 0.3-0.45 everywhere, one point at 0.9. */
const ghost = scored(person, 0.42, ['left_knee']);
/** Someone too close to the camera: only the head and shoulders are seen. */
const tooClose = scored(person, 0.05, [
  'nose',
  'left_eye',
  'right_eye',
  'left_ear',
  'right_ear',
  'left_shoulder',
  'right_shoulder',
]);

describe('an empty room', () => {
  it('a ghost pose is nobody: every measure unavailable, as for no pose at all', () => {
    const [, measures] = measureFrame(initialGeometryState(), ghost, 1_000);
    const [, none] = measureFrame(initialGeometryState(), null, 1_000);
    expect(measures).toEqual(none);
    expect(measures.personFound).toBe(false);
  });

  it('a real person stays a person, even only head and shoulders', () => {
    expect(measureFrame(initialGeometryState(), person, 0)[1].personFound).toBe(true);
    expect(measureFrame(initialGeometryState(), tooClose, 0)[1].personFound).toBe(true);
    expect(looksLikePerson(tooClose)).toBe(true);
    expect(MIN_PERSON_KEYPOINTS).toBeLessThanOrEqual(4);
  });

  it('draws no skeleton over an empty room, and the whole skeleton over a person', () => {
    let strokes = 0;
    let fills = 0;
    const ctx = {
      beginPath: () => undefined,
      moveTo: () => undefined,
      lineTo: () => undefined,
      arc: () => undefined,
      stroke: () => strokes++,
      fill: () => fills++,
    } as unknown as CanvasRenderingContext2D;
    const box = { x: 0, y: 0, width: 640, height: 480 };
    expect(drawSkeleton(ctx, ghost, box)).toBe(0);
    expect(strokes + fills).toBe(0);
    expect(drawSkeleton(ctx, person, box)).toBeGreaterThan(10);
    expect(strokes).toBeGreaterThan(0);
  });
});
