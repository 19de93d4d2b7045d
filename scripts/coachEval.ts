/**
 * `npm run coach-eval -- FOLDER [--model lightning|thunder|blazepose-full] [--json OUT]
 *   [--only a,b] [--rotation none|auto] [--pose-cache DIR]`
 *
 * The live coaching chain over every rendered studio clip in FOLDER (`<id>.mp4` beside
 * `<id>.truth.json`): the estimator in Node at the clip's own frame rate with the live keypoint
 * filter on, each pose with its frame's timestamp into THE coaching step (headless driver), then
 * scored against the clip's truth and script (eval/coach/coachScore.ts). Poses are cached per
 * model and clip (default `.cache/poses` in the repository, ignored by git, or
 * $STRETCHCHECK_POSE_CACHE), so re-scoring after a geometry or protocol change takes seconds.
 * Local evaluation only: rendered sets are not committed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { minScoreFor, resolveMeasureOptions } from '../src/geometry';
import type { PoseModelId } from '../src/geometry/types';
import { stretchById } from '../src/protocol';
import { diskModelReader } from '../src/pose/node/readModelFileFromDisk';
import { createTfjsPoseEstimator } from '../src/pose/tfjsPoseEstimator';
import type { PoseEstimator } from '../src/pose/types';
import { MODEL_NAMES } from './eval/args';
import { driveCoach } from './eval/coach/coachDrive';
import { printCoachTables } from './eval/coach/coachReport';
import { scoreClip, type ClipScore } from './eval/coach/coachScore';
import { cachedEstimate } from './eval/estimateFile';
import { hasPoseCache, type CacheKey } from './eval/poseCache';
import { readStudioTruth, type StudioTruth } from './eval/studioTruth';

const USAGE = `Usage: npm run coach-eval -- FOLDER [--model lightning|thunder|blazepose-full]
                      [--json OUT] [--only ID,ID] [--rotation none|auto] [--pose-cache DIR]
  FOLDER       rendered studio clips (<id>.mp4 + <id>.truth.json)
  --model M    pose model (default lightning, the app's default)
  --json OUT   write every clip's score to OUT
  --only IDS   only clips whose id contains one of these (comma-separated)
  --rotation   none: every frame at 0° (the app's live and clip paths today, default);
               auto: the eval's lying-body rotation pipeline (scripts/eval/pipeline.ts)
  --pose-cache DIR  where estimator output is kept (default $STRETCHCHECK_POSE_CACHE or .cache/poses)`;

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

interface CoachEvalArgs {
  readonly folder: string;
  readonly model: PoseModelId;
  readonly jsonOut: string | null;
  readonly only: readonly string[];
  readonly rotation: 'none' | 'auto';
  readonly poseCache: string;
}

function parseArgs(argv: readonly string[]): CoachEvalArgs {
  let folder: string | null = null;
  let model: PoseModelId = 'movenet-lightning';
  let jsonOut: string | null = null;
  let only: string[] = [];
  let rotation: 'none' | 'auto' = 'none';
  let poseCache = process.env['STRETCHCHECK_POSE_CACHE'] ?? resolve(REPO_ROOT, '.cache/poses');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--model') {
      const name = value();
      const id = MODEL_NAMES[name];
      if (id === undefined) throw new Error(`Unknown model ${name}\n${USAGE}`);
      model = id;
    } else if (arg === '--json') jsonOut = resolve(value());
    else if (arg === '--only')
      only = value()
        .split(',')
        .filter((s) => s !== '');
    else if (arg === '--rotation') {
      const chosen = value();
      if (chosen !== 'none' && chosen !== 'auto') throw new Error(`--rotation none|auto\n${USAGE}`);
      rotation = chosen;
    } else if (arg === '--pose-cache') poseCache = resolve(value());
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}\n${USAGE}`);
    else if (folder === null) folder = resolve(arg);
    else throw new Error(`Only one FOLDER\n${USAGE}`);
  }
  if (folder === null || !existsSync(folder)) throw new Error(`No FOLDER given or found\n${USAGE}`);
  return { folder, model, jsonOut, only, rotation, poseCache };
}

/** The clips in the folder: every `<id>.truth.json` with its video beside it. */
function listClips(args: CoachEvalArgs): string[] {
  return readdirSync(args.folder)
    .filter((name) => name.endsWith('.truth.json'))
    .map((name) => name.slice(0, -'.truth.json'.length))
    .filter((id) => args.only.length === 0 || args.only.some((part) => id.includes(part)))
    .sort();
}

function cacheKey(args: CoachEvalArgs, truth: StudioTruth): CacheKey {
  return {
    model: args.model,
    rotate90: false,
    sampleFps: truth.clip.fps,
    // The live worker runs the model's keypoint filter (workerPoseEstimator.ts).
    smoothing: true,
    relativePath: truth.clip.video,
    ...(args.rotation === 'none' ? { rotation: 'none' as const } : {}),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const ids = listClips(args);
  if (ids.length === 0) throw new Error(`No <id>.truth.json under ${args.folder}`);
  if (args.jsonOut !== null) mkdirSync(dirname(args.jsonOut), { recursive: true });
  const truths = ids.map((id) =>
    readStudioTruth(JSON.parse(readFileSync(join(args.folder, `${id}.truth.json`), 'utf8'))),
  );
  const minScore = minScoreFor(resolveMeasureOptions(), args.model);
  const needsModel = truths.some((t) => !hasPoseCache(args.poseCache, cacheKey(args, t)));
  const estimator: PoseEstimator | null = needsModel
    ? await createTfjsPoseEstimator({
        model: args.model,
        reader: diskModelReader(),
        enableSegmentation: args.model.startsWith('blazepose'),
        enableSmoothing: true,
      })
    : null;
  console.error(
    `coach-eval: ${ids.length} clip(s), model ${args.model}, rotation ${args.rotation}`,
  );
  const scores: ClipScore[] = [];
  for (const [i, truth] of truths.entries()) {
    const startMs = performance.now();
    const file = {
      path: join(args.folder, truth.clip.video),
      relativePath: truth.clip.video,
      kind: 'video' as const,
    };
    const settings = {
      minScore,
      sampleFps: truth.clip.fps,
      rotate90: false,
      rotation: args.rotation,
    };
    const { frames, error } = await cachedEstimate(
      estimator,
      settings,
      file,
      args.poseCache,
      cacheKey(args, truth),
    );
    if (error !== null) console.error(`${truth.clip.id}: ${error}`);
    const stretch = stretchById(truth.clip.stretch);
    const run = driveCoach(
      stretch,
      frames.map((f) => ({ timestampMs: f.timestampMs ?? 0, pose: f.pose })),
    );
    const gating = new Set([
      'bouncing',
      ...stretch.checks.filter((c) => c.gatesHold).map((c) => c.id),
    ]);
    scores.push(scoreClip(truth, run, gating));
    const seconds = ((performance.now() - startMs) / 1000).toFixed(1);
    console.error(
      `[${i + 1}/${ids.length}] ${truth.clip.id}: ${frames.length} frames, ${seconds} s`,
    );
  }
  estimator?.dispose();
  printCoachTables(`${args.model}, rotation ${args.rotation}`, scores);
  if (args.jsonOut !== null) {
    writeFileSync(
      args.jsonOut,
      `${JSON.stringify({ model: args.model, rotation: args.rotation, scores })}\n`,
    );
    console.log(`\nWrote ${scores.length} clip scores to ${args.jsonOut}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
