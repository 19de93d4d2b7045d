import { POSE_MODEL_IDS } from '../../src/geometry/types';
import { diskModelReader } from '../../src/pose/node/readModelFileFromDisk';
import { timeRawModel } from '../../src/pose/rawModelTiming';
import { createTfjsPoseEstimator } from '../../src/pose/tfjsPoseEstimator';
import { tfjsFixture } from '../../tests/helpers/fixtures';
import { decodeVideo } from '../../tests/helpers/video';
import { fixed, printTable } from './table';

export const title = 'Pose estimation in Node (wasm backend)';

/** Frames of a real clip, so the estimator's tracking path is the one users get. */
const FRAMES = 60;

export async function run(): Promise<void> {
  const clip = decodeVideo(tfjsFixture('pose_1.mp4')).slice(0, FRAMES);
  const reader = diskModelReader();
  const rows: string[][] = [];
  for (const model of POSE_MODEL_IDS) {
    const coldStart = performance.now();
    const estimator = await createTfjsPoseEstimator({ model, reader });
    const first = clip[0];
    if (first === undefined) throw new Error('no frames decoded');
    await estimator.estimate(first.frame, first.timestampMs);
    const coldMs = performance.now() - coldStart;

    const start = performance.now();
    for (const { frame, timestampMs } of clip.slice(1))
      await estimator.estimate(frame, timestampMs);
    const estimatorMs = (performance.now() - start) / (clip.length - 1);
    estimator.dispose();

    const raw = await timeRawModel(model, reader, FRAMES);
    rows.push([
      model,
      fixed(raw.msPerFrame),
      fixed(estimatorMs),
      fixed(estimatorMs / raw.msPerFrame, 2),
      fixed(coldMs, 0),
    ]);
  }
  printTable(
    [
      'model',
      'raw model ms/frame',
      'estimator ms/frame',
      'estimator/raw',
      'cold start to first pose ms',
    ],
    rows,
  );
}
