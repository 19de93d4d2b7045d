import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COCO_KEYPOINT_NAMES, KEYPOINT_NAMES } from '../../../src/geometry/types';
import { tensorDiagnostics } from '../../../src/pose/backends';
import { tfjsFixture } from '../../helpers/fixtures';
import { decodeVideo } from '../../helpers/video';
import { loadEstimator, percentile } from './estimatorHelpers';

/**
 * Tolerance against the tfjs-models reference keypoints, as a share of the frame's short side.
 * The references were recorded in a browser, which decodes and times frames differently from
 * ffmpeg here, so small offsets are expected (tfjs-models' own test allows 60 px per point on
 * the 576 px clip, i.e. 10%). We ask for much less: the median error within 1.5% catches any
 * systematic shift or scale mistake, and the 95th percentile within 5% bounds the outliers on
 * fast-moving wrists and ankles. Measured: MoveNet Lightning median 3.6 px / p95 14 px on 576 px;
 * BlazePose full median 4.7 px / p95 16 px on 720 px.
 */
const MEDIAN_TOLERANCE = 0.015;
const P95_TOLERANCE = 0.05;

describe('MoveNet Lightning on pose_1.mp4 against pose_1.json', () => {
  it('matches the reference keypoints and holds no extra tensors over 120 frames', async () => {
    const reference = JSON.parse(readFileSync(tfjsFixture('pose_1.json'), 'utf8')) as Record<
      string,
      { x: number; y: number }
    >[];
    const frames = decodeVideo(tfjsFixture('pose_1.mp4'));
    expect(frames).toHaveLength(reference.length);
    const estimator = await loadEstimator('movenet-lightning');
    const errors: number[] = [];
    let tensorsAfterFirstFrame = -1;
    const tensorCounts: number[] = [];
    for (const [i, { frame, timestampMs }] of frames.entries()) {
      const pose = await estimator.estimate(frame, timestampMs);
      if (i === 0) tensorsAfterFirstFrame = tensorDiagnostics().numTensors;
      tensorCounts.push(tensorDiagnostics().numTensors);
      for (const name of COCO_KEYPOINT_NAMES) {
        const ours = pose?.keypoints[name];
        const theirs = reference[i]?.[name];
        errors.push(ours && theirs ? Math.hypot(ours.x - theirs.x, ours.y - theirs.y) : Infinity);
      }
    }
    estimator.dispose();
    const shortSide = Math.min(frames[0]?.frame.widthPx ?? 0, frames[0]?.frame.heightPx ?? 0);
    expect(percentile(errors, 0.5)).toBeLessThan(MEDIAN_TOLERANCE * shortSide);
    expect(percentile(errors, 0.95)).toBeLessThan(P95_TOLERANCE * shortSide);
    expect(new Set(tensorCounts)).toEqual(new Set([tensorsAfterFirstFrame]));
  });
});

describe('BlazePose full on pose_squats.mp4 against pose_squats.full.json', () => {
  it('matches the reference keypoints on every frame', async () => {
    const reference = JSON.parse(
      readFileSync(tfjsFixture('pose_squats.full.json'), 'utf8'),
    ) as number[][][];
    const frames = decodeVideo(tfjsFixture('pose_squats.mp4'));
    expect(frames).toHaveLength(reference.length);
    const estimator = await loadEstimator('blazepose-full');
    const errors: number[] = [];
    for (const [i, { frame, timestampMs }] of frames.entries()) {
      const pose = await estimator.estimate(frame, timestampMs);
      KEYPOINT_NAMES.forEach((name, j) => {
        const ours = pose?.keypoints[name];
        const [x = NaN, y = NaN] = reference[i]?.[j] ?? [];
        errors.push(ours ? Math.hypot(ours.x - x, ours.y - y) : Infinity);
      });
    }
    estimator.dispose();
    const shortSide = Math.min(frames[0]?.frame.widthPx ?? 0, frames[0]?.frame.heightPx ?? 0);
    expect(percentile(errors, 0.5)).toBeLessThan(MEDIAN_TOLERANCE * shortSide);
    expect(percentile(errors, 0.95)).toBeLessThan(P95_TOLERANCE * shortSide);
  });
});
