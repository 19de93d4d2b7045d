/**
 * `npx tsx studio/src/detectCheck.ts FOLDER [--every N] [--models a,b,c]`
 *
 * A quick realism check on rendered clips: does each pose model find the person, and how far are
 * its keypoints from the truth? Every Nth frame (default 60) of every sidecar under FOLDER goes
 * through the app's estimator as `npm run eval` runs it (unfiltered, lying bodies turned), and the
 * table gives, per model and stretch: frames, share with a person found, and the median and 90th
 * percentile distance (pixels) of the shoulders, hips, knees and ankles the model scored above its
 * minimum, where the truth has them inside the picture and not occluded. The full comparison
 * (angles, sides, states) is the eval's job (issue #14 part 2); this only says the renders work.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minScoreFor, resolveMeasureOptions } from '../../src/geometry';
import { KEYPOINT_NAMES, type KeypointName, type PoseModelId } from '../../src/geometry/types';
import { diskModelReader } from '../../src/pose/node/readModelFileFromDisk';
import { createTfjsPoseEstimator } from '../../src/pose/tfjsPoseEstimator';
import { estimateWithAutoRotation } from '../../scripts/eval/pipeline';
import { videoFrames } from '../../scripts/eval/videoFrames';
import {
  LANDMARK_INSIDE,
  LANDMARK_OCCLUDED,
  readStudioTruth,
} from '../../scripts/eval/studioTruth';

const JOINTS: readonly KeypointName[] = [
  'left_shoulder',
  'right_shoulder',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
];

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

async function main(): Promise<void> {
  const [folder, ...rest] = process.argv.slice(2);
  if (folder === undefined)
    throw new Error('usage: detectCheck.ts FOLDER [--every N] [--models a,b]');
  const flag = (name: string): string | undefined => rest[rest.indexOf(name) + 1];
  const every = rest.includes('--every') ? Number(flag('--every')) : 60;
  const models = (
    rest.includes('--models')
      ? (flag('--models') ?? '')
      : 'movenet-lightning,movenet-thunder,blazepose-full'
  ).split(',') as PoseModelId[];
  const sidecars = readdirSync(folder)
    .filter((f) => f.endsWith('.truth.json'))
    .sort();
  console.log('model\tstretch\tframes\tfound\tmedian px\tp90 px');
  for (const model of models) {
    const estimator = await createTfjsPoseEstimator({
      model,
      reader: diskModelReader(),
      enableSegmentation: false,
      enableSmoothing: false,
    });
    const minScore = minScoreFor(resolveMeasureOptions(), model);
    const byStretch = new Map<string, { frames: number; found: number; errors: number[] }>();
    for (const file of sidecars) {
      const truth = readStudioTruth(JSON.parse(readFileSync(join(folder, file), 'utf8')));
      const tally = byStretch.get(truth.clip.stretch) ?? { frames: 0, found: 0, errors: [] };
      byStretch.set(truth.clip.stretch, tally);
      let position = 0;
      for await (const { frame } of videoFrames(join(folder, truth.clip.video), truth.clip.fps)) {
        const t = truth.frames[position];
        position++;
        if (t === undefined || t.index % every !== 0 || !t.wholeBodyInFrame) continue;
        const { pose } = await estimateWithAutoRotation(estimator, frame, 0, {
          minScore,
          startRotationDeg: 0,
          retryWithoutChain: true,
        });
        tally.frames++;
        if (pose === null) continue;
        tally.found++;
        for (const name of JOINTS) {
          const k = pose.keypoints[name];
          const [x, y, flags] = t.blazepose[KEYPOINT_NAMES.indexOf(name)] ?? [NaN, NaN, 0];
          const seen = (flags & LANDMARK_INSIDE) !== 0 && (flags & LANDMARK_OCCLUDED) === 0;
          if (k !== undefined && k.score >= minScore && seen)
            tally.errors.push(Math.hypot(k.x - x, k.y - y));
        }
      }
    }
    estimator.dispose();
    for (const [stretch, t] of byStretch) {
      console.log(
        `${model}\t${stretch}\t${t.frames}\t${((100 * t.found) / Math.max(1, t.frames)).toFixed(1)}%\t${quantile(t.errors, 0.5).toFixed(1)}\t${quantile(t.errors, 0.9).toFixed(1)}`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
