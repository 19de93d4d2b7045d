import { expect, test } from '@playwright/test';
import type * as Worker from '../../../src/pose/worker/workerPoseEstimator';
import { openHarness } from './harness';

/**
 * In the browser MoveNet's crop is cut from the ImageBitmap before it becomes a tensor
 * (src/pose/movenet/moveNetTracker.ts); Node tests take the tensor route. This holds the bitmap
 * route to the tfjs-models reference keypoints with the Node test's tolerances
 * (tests/integration/pose/referenceVideo.test.ts), on 480 px frames as the app sends them.
 */

const MEDIAN_TOLERANCE = 0.015;
const P95_TOLERANCE = 0.05;

test('MoveNet Lightning in the pose worker matches the reference keypoints of pose_1.mp4', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await openHarness(page);
  const result = await page.evaluate(async (workerPath) => {
    const W = (await import(workerPath)) as typeof Worker;
    const reference = (await (
      await fetch('/tests/fixtures/tfjs-models/pose_1.json')
    ).json()) as Record<string, { x: number; y: number }>[];
    const video = document.createElement('video');
    video.muted = true;
    video.src = '/tests/fixtures/tfjs-models/pose_1.mp4';
    await new Promise((resolve) => (video.onloadeddata = resolve));
    const estimator = await W.WorkerPoseEstimator.create({ model: 'movenet-lightning' });
    const side = 480;
    const scale = video.videoWidth / side;
    const errors: number[] = [];
    for (let i = 0; i < reference.length; i++) {
      video.currentTime = i / 30 + 0.001;
      await new Promise((resolve) => (video.onseeked = resolve));
      const bitmap = await createImageBitmap(video, { resizeWidth: side, resizeHeight: side });
      const pose = await estimator.estimate(bitmap, (i * 1000) / 30);
      for (const [name, theirs] of Object.entries(reference[i] ?? {})) {
        const ours = pose?.keypoints[name as keyof NonNullable<typeof pose>['keypoints']];
        errors.push(
          ours ? Math.hypot(ours.x * scale - theirs.x, ours.y * scale - theirs.y) : Infinity,
        );
      }
    }
    estimator.dispose();
    errors.sort((a, b) => a - b);
    const at = (p: number) => errors[Math.floor(p * (errors.length - 1))] ?? Infinity;
    return {
      median: at(0.5),
      p95: at(0.95),
      shortSide: Math.min(video.videoWidth, video.videoHeight),
    };
  }, '/src/pose/worker/workerPoseEstimator.ts');
  expect(result.median).toBeLessThan(MEDIAN_TOLERANCE * result.shortSide);
  expect(result.p95).toBeLessThan(P95_TOLERANCE * result.shortSide);
});
