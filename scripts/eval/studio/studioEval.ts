import { writeFileSync } from 'node:fs';
import { minScoreFor, resolveMeasureOptions } from '../../../src/geometry';
import type { PoseModelId } from '../../../src/geometry/types';
import { diskModelReader } from '../../../src/pose/node/readModelFileFromDisk';
import { createTfjsPoseEstimator } from '../../../src/pose/tfjsPoseEstimator';
import type { EvalArgs } from '../args';
import { DEFAULT_EVERY_NTH, findSidecars } from '../args';
import { hasPoseCache } from '../poseCache';
import { appFrames } from './appFrames';
import {
  estimateStudioClip,
  readStudioClips,
  studioCacheKey,
  type StudioClip,
} from './studioClips';
import { LEGEND, printSummaries, studioTables } from './studioReport';
import { compareClip, summariseClips, type ClipComparison } from './studioScore';

/**
 * `npm run eval -- FOLDER` on rendered studio clips: each model over every Nth frame of each clip
 * (pose cache first), the app's geometry over the sampled frames in order (one state per clip, as
 * a session), each frame compared with its truth, and the tables printed.
 */

async function compareModel(
  args: EvalArgs,
  clips: readonly StudioClip[],
  model: PoseModelId,
): Promise<ClipComparison[]> {
  const cacheDir = args.poseCache;
  if (cacheDir === null) throw new Error('unreachable: studio mode always has a pose cache');
  const needsModel = clips.some(
    (clip) => !hasPoseCache(cacheDir, studioCacheKey(model, clip, args.everyNth)),
  );
  const estimator = needsModel
    ? await createTfjsPoseEstimator({
        model,
        reader: diskModelReader(),
        enableSegmentation: model.startsWith('blazepose'),
        enableSmoothing: false,
      })
    : null;
  const minScore = minScoreFor(resolveMeasureOptions(), model);
  const compared: ClipComparison[] = [];
  for (const [i, clip] of clips.entries()) {
    const startMs = performance.now();
    const { frames, error } = await estimateStudioClip(estimator, clip, model, {
      minScore,
      everyNth: args.everyNth,
      cacheDir,
    });
    const { truth } = clip;
    compared.push({
      clip: truth.clip.id,
      stretch: truth.clip.stretch,
      person: truth.person.id,
      camera: truth.camera.id,
      model,
      hasMask: model.startsWith('blazepose'),
      frames: compareClip(truth.frames, truth.clip.fps, appFrames(frames, minScore)),
    });
    const seconds = ((performance.now() - startMs) / 1000).toFixed(1);
    console.error(
      `[${model} ${i + 1}/${clips.length}] ${truth.clip.id}: ${frames.length} frames, ${seconds} s${error === null ? '' : `; cut short: ${error}`}`,
    );
  }
  estimator?.dispose();
  return compared;
}

export async function runStudioEval(args: EvalArgs): Promise<void> {
  const clips = readStudioClips(args.root, findSidecars(args.root));
  const frameCount = clips.reduce((n, c) => n + c.truth.frames.length, 0);
  const rates = [...new Set(clips.map((c) => c.truth.clip.fps))].join('/');
  const sampling = `every ${args.everyNth}th frame of each clip (${rates} frames/s clips${args.everyNth === DEFAULT_EVERY_NTH ? '; the default: a whole set in minutes, not hours' : ''})`;
  console.error(
    `eval (studio): ${clips.length} clips, ${frameCount} frames under ${args.root}; ${sampling}; models ${args.models.join(', ')}; pose cache ${args.poseCache}`,
  );
  const byModel = new Map<PoseModelId, ClipComparison[]>();
  for (const model of args.models) byModel.set(model, await compareModel(args, clips, model));

  console.log(`Studio eval: ${clips.length} clips under ${args.root}; ${sampling}`);
  console.log(LEGEND);
  const output: Record<string, unknown> = {};
  for (const [model, compared] of byModel) {
    const tables = studioTables(compared);
    console.log(`\n=== Model ${model} ===`);
    for (const { title, rows } of tables) printSummaries(`${title} (${model})`, rows);
    output[model] = { tables, clips: compared };
  }
  const perModel = [...byModel].map(([model, compared]) => summariseClips(model, compared));
  printSummaries('Per model (all clips)', perModel);
  if (args.jsonOut !== null) {
    const json = {
      mode: 'studio',
      root: args.root,
      everyNth: args.everyNth,
      perModel,
      models: output,
    };
    writeFileSync(args.jsonOut, `${JSON.stringify(json)}\n`);
    console.log(`\nWrote the tables and every compared frame to ${args.jsonOut}`);
  }
}
