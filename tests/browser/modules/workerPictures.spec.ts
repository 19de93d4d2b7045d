import { expect, test } from '@playwright/test';
import type * as Types from '../../../src/geometry/types';
import type * as Worker from '../../../src/pose/worker/workerPoseEstimator';
import { openHarness } from './harness';

/**
 * In the browser the pose worker reads a camera's VideoFrame as its YUV planes, or draws an
 * ImageBitmap back to pixels, and cuts each model's input from those (src/pose/pixels/); Node
 * tests read RGB pixels. This holds both browser routes to the tfjs-models reference keypoints
 * with the Node test's tolerances (tests/integration/pose/referenceVideo.test.ts).
 */

const MEDIAN_TOLERANCE = 0.015;
const P95_TOLERANCE = 0.05;

interface Case {
  readonly model: 'movenet-lightning' | 'blazepose-full';
  readonly clip: string;
  readonly reference: string;
  readonly picture: 'videoframe' | 'bitmap';
  readonly fps: number;
}

const CASES: readonly Case[] = [
  {
    model: 'movenet-lightning',
    clip: 'pose_1.mp4',
    reference: 'pose_1.json',
    picture: 'videoframe',
    fps: 30,
  },
  {
    model: 'movenet-lightning',
    clip: 'pose_1.mp4',
    reference: 'pose_1.json',
    picture: 'bitmap',
    fps: 30,
  },
  {
    model: 'blazepose-full',
    clip: 'pose_squats.mp4',
    reference: 'pose_squats.full.json',
    picture: 'videoframe',
    fps: 5,
  },
];

for (const one of CASES) {
  test(`${one.model} in the pose worker, given ${one.picture}s, matches the reference keypoints of ${one.clip}`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await openHarness(page);
    const result = await page.evaluate(
      async ({ workerPath, typesPath, one }) => {
        const W = (await import(workerPath)) as typeof Worker;
        const { KEYPOINT_NAMES } = (await import(typesPath)) as typeof Types;
        const base = '/tests/fixtures/tfjs-models/';
        // MoveNet's reference is keyed by name; BlazePose's is [x, y, ...] in keypoint order.
        const reference = (await (await fetch(base + one.reference)).json()) as (
          Record<string, { x: number; y: number }> | number[][]
        )[];
        const video = document.createElement('video');
        video.muted = true;
        video.src = base + one.clip;
        await new Promise((resolve) => (video.onloadeddata = resolve));
        const estimator = await W.WorkerPoseEstimator.create({
          model: one.model,
          enableSegmentation: one.model === 'blazepose-full',
        });
        const errors: number[] = [];
        const formats = new Set<string>();
        let masks = 0;
        for (let i = 0; i < reference.length; i++) {
          video.currentTime = i / one.fps + 0.001;
          await new Promise((resolve) => (video.onseeked = resolve));
          let picture: VideoFrame | ImageBitmap;
          if (one.picture === 'videoframe') {
            const frame = new VideoFrame(video, { timestamp: Math.round((i * 1e6) / one.fps) });
            formats.add(String(frame.format));
            picture = frame;
          } else {
            picture = await createImageBitmap(video);
          }
          const pose = await estimator.estimate(picture, (i * 1000) / one.fps);
          if (pose?.segmentation !== undefined) masks++;
          const expected = reference[i];
          if (Array.isArray(expected)) {
            expected.forEach(([x = NaN, y = NaN], j) => {
              const name = KEYPOINT_NAMES[j];
              const ours = name === undefined ? undefined : pose?.keypoints[name];
              errors.push(ours ? Math.hypot(ours.x - x, ours.y - y) : Infinity);
            });
          } else {
            for (const [name, theirs] of Object.entries(expected ?? {})) {
              const ours = pose?.keypoints[name as keyof NonNullable<typeof pose>['keypoints']];
              errors.push(ours ? Math.hypot(ours.x - theirs.x, ours.y - theirs.y) : Infinity);
            }
          }
        }
        estimator.dispose();
        errors.sort((a, b) => a - b);
        const at = (p: number) => errors[Math.floor(p * (errors.length - 1))] ?? Infinity;
        return {
          median: at(0.5),
          p95: at(0.95),
          shortSide: Math.min(video.videoWidth, video.videoHeight),
          formats: [...formats],
          masks,
          frames: reference.length,
        };
      },
      {
        workerPath: '/src/pose/worker/workerPoseEstimator.ts',
        typesPath: '/src/geometry/types.ts',
        one,
      },
    );
    console.log(`${one.model} ${one.picture}: ${JSON.stringify(result)}`);
    expect(result.median).toBeLessThan(MEDIAN_TOLERANCE * result.shortSide);
    expect(result.p95).toBeLessThan(P95_TOLERANCE * result.shortSide);
    if (one.picture === 'videoframe') {
      // The decoder's own planes, read without a canvas.
      expect(result.formats.every((f) => f === 'I420' || f === 'NV12')).toBe(true);
    }
    if (one.model === 'blazepose-full') expect(result.masks).toBe(result.frames);
  });
}
