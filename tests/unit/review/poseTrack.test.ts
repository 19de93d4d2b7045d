import { describe, expect, it } from 'vitest';
import type { Pose } from '../../../src/geometry/types';
import {
  ABSENT_SCORE,
  PoseTrackBuilder,
  frameIndexAt,
  poseAt,
  steppedFrameTimeMs,
  trackPose,
} from '../../../src/review/poseTrack';
import { sideViewPose } from '../../helpers/syntheticPose';

const SIZE = { widthPx: 640, heightPx: 480 };

function pose(timestampMs: number, model: Pose['model'] = 'movenet-lightning'): Pose {
  return sideViewPose({ model, timestampMs, trunkLeanDeg: timestampMs / 100 });
}

function trackOf(times: readonly number[], missing: readonly number[] = []) {
  const builder = new PoseTrackBuilder('movenet-lightning');
  for (const t of times) builder.push(t, missing.includes(t) ? null : pose(t), SIZE);
  return builder.build(SIZE);
}

describe('the pose track', () => {
  it('gives back the poses it was given, to 0.1 px and 0.001 in score', () => {
    const original = pose(200);
    const track = trackOf([0, 100, 200]);
    const back = trackPose(track, 2);
    expect(back?.timestampMs).toBe(200);
    expect(back?.imageSize).toEqual(SIZE);
    for (const [name, keypoint] of Object.entries(original.keypoints)) {
      const got = back?.keypoints[name as keyof Pose['keypoints']];
      expect(got?.x).toBeCloseTo(keypoint.x, 1);
      expect(got?.y).toBeCloseTo(keypoint.y, 1);
      expect(got?.score).toBeCloseTo(keypoint.score, 3);
    }
  });

  it('stores MoveNet frames as its 17 points and BlazePose frames as 33', () => {
    expect(new PoseTrackBuilder('movenet-thunder').build(SIZE).keypointNames).toHaveLength(17);
    const builder = new PoseTrackBuilder('blazepose-lite');
    builder.push(0, pose(0, 'blazepose-lite'), SIZE);
    const track = builder.build(SIZE);
    expect(track.keypointNames).toHaveLength(33);
    expect(track.points[0]).toHaveLength(99);
  });

  it('marks keypoints a model does not give as absent, and leaves them out of the pose', () => {
    const builder = new PoseTrackBuilder('blazepose-full');
    builder.push(0, pose(0, 'movenet-lightning'), SIZE);
    const track = builder.build(SIZE);
    const heel = track.keypointNames.indexOf('left_heel');
    expect(track.points[0]?.[heel * 3 + 2]).toBe(ABSENT_SCORE);
    expect(trackPose(track, 0)?.keypoints.left_heel).toBeUndefined();
  });

  it('keeps frames without a person as gaps', () => {
    const track = trackOf([0, 100, 200], [100]);
    expect(track.points[1]).toBeNull();
    expect(trackPose(track, 1)).toBeNull();
    expect(poseAt(track, 150)).toBeNull();
  });

  it('drops a frame that arrives out of order, so times only grow', () => {
    const builder = new PoseTrackBuilder('movenet-lightning');
    for (const t of [0, 100, 50, 200]) builder.push(t, pose(t), SIZE);
    expect(builder.build(SIZE).tMs).toEqual([0, 100, 200]);
  });

  it.each([
    [-250, null], // long before the first frame: nothing to show
    [-1, 0], // just before it (a live clip starts ahead of its first analysed frame)
    [0, 0],
    [99.9, 0],
    [100, 100],
    [250, 200],
    [300, 300],
    [499, 300], // 199 ms after the last frame: within two 100 ms intervals
    [501, null], // past them: no stale skeleton
  ])('at %f ms draws the frame of %s ms', (tMs, frameMs) => {
    const track = trackOf([0, 100, 200, 300]);
    expect(poseAt(track, tMs)?.timestampMs ?? null).toBe(frameMs);
  });

  it('finds frames by binary search', () => {
    const times = Array.from({ length: 1000 }, (_, i) => i * 33.3);
    const track = trackOf(times);
    expect(frameIndexAt(track, 0)).toBe(0);
    expect(frameIndexAt(track, 33.3 * 500 + 1)).toBe(500);
    expect(frameIndexAt(track, 1e9)).toBe(999);
  });

  it.each([
    // [from, direction, lands on]
    [0, 1, 100],
    [100, 1, 200],
    [150, 1, 200],
    [300, 1, null],
    [300, -1, 200],
    [250, -1, 200],
    [200.0000001, -1, 100],
    [0, -1, null],
  ])('a frame step from %f ms by %i lands on %s ms', (fromMs, direction, toMs) => {
    const track = trackOf([0, 100, 200, 300]);
    expect(steppedFrameTimeMs(track, fromMs, direction as 1 | -1)).toBe(toMs);
  });
});
