import { existsSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PoseModelId } from '../../src/geometry/types';

/** `npm run eval -- [PATH] [--json OUT] [--model M] [--rotate90] [--pose-cache DIR] [--holdout] ...` */
export interface EvalArgs {
  readonly root: string;
  /**
   * `studio`: PATH holds rendered studio clips (`<id>.truth.json` sidecars beside the videos,
   * found at any depth) and every sampled frame is scored against its truth (eval/studio/);
   * `realdata`: any other images and videos.
   */
  readonly mode: 'studio' | 'realdata';
  readonly jsonOut: string | null;
  /** The first of `models`: the one realdata mode runs. */
  readonly model: PoseModelId;
  /** Studio mode runs each in turn (`--model a,b,c`) and adds a per-model table. */
  readonly models: readonly PoseModelId[];
  /** Studio mode: estimate and score only every Nth frame of each clip. */
  readonly everyNth: number;
  /** Run every image turned 90° clockwise, standing in for a lying body. Videos are skipped. */
  readonly rotate90: boolean;
  /** Video sampling rate, frames per second. */
  readonly sampleFps: number;
  /** Print one table row per sampled video frame, not only per clip. */
  readonly perFrame: boolean;
  /** Folder of cached estimator output (see poseCache.ts), or null to always run the model. */
  readonly poseCache: string | null;
  /** Print the hold-out check of the rounded threshold (agreement.ts). */
  readonly holdout: boolean;
  /**
   * Run the estimator's keypoint filter over a clip's sampled frames, as a live session does.
   * Off by default: each record is meant to be that instant's pose (see `--smoothing` in USAGE).
   */
  readonly smoothing: boolean;
}

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The shared real-data folder beside the repository (see ../shared/realdata/MANIFEST.md). */
export const DEFAULT_ROOT = resolve(REPO_ROOT, '../shared/realdata');

export const MODEL_NAMES: Readonly<Record<string, PoseModelId>> = {
  lightning: 'movenet-lightning',
  thunder: 'movenet-thunder',
  'blazepose-full': 'blazepose-full',
  'blazepose-lite': 'blazepose-lite',
};

/**
 * BlazePose full is the default: on the eval set it finds the near-side shoulder-hip-knee-ankle
 * chain in far more photos than MoveNet, it has the feet points (ankle flexion) and its person
 * mask gives the back outline, the most direct of the three rounding methods.
 */
export const DEFAULT_MODEL: PoseModelId = 'blazepose-full';

/**
 * 10 frames/s: a stretch or a lift changes little within 100 ms, and it keeps a 26 s clip to
 * 260 inferences.
 */
export const DEFAULT_SAMPLE_FPS = 10;

/**
 * Studio clips are rendered at 15 frames/s: every 10th frame is 1.5 a second, enough to follow a
 * 20-30 s hold, and puts set1 (17 clips, 28,000 frames) at ~2,800 sampled frames a model. Measured
 * on the 2-core machine: Lightning ran 43 ms a frame while it was quiet (2 min for the set), 15 min
 * for the set at load 10-16; Thunder and BlazePose full (with its mask) are several times slower,
 * and lying bodies cost up to four inferences a frame (pipeline.ts). Every frame would take hours.
 */
export const DEFAULT_EVERY_NTH = 10;

/** Where studio mode keeps estimator output unless told (shared with `npm run coach-eval`). */
export const DEFAULT_POSE_CACHE =
  process.env['STRETCHCHECK_POSE_CACHE'] ?? resolve(REPO_ROOT, '.cache/poses');

export const SIDECAR_SUFFIX = '.truth.json';

/** Every studio sidecar under `root` (a folder), at any depth, in path order. */
export function findSidecars(root: string): string[] {
  if (!statSync(root).isDirectory()) return [];
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const path = resolve(dir, name);
      // A link to nothing, or a file gone since the listing, is nobody's sidecar.
      const isDirectory = statSync(path, { throwIfNoEntry: false })?.isDirectory();
      if (isDirectory === true) walk(path);
      else if (isDirectory === false && name.endsWith(SIDECAR_SUFFIX)) found.push(path);
    }
  };
  walk(root);
  return found;
}

export const USAGE = `Usage: npm run eval -- [PATH] [--json OUT] [--model lightning|thunder|blazepose-full]
                      [--rotate90] [--fps N] [--per-frame] [--every N]
  PATH         folder of images (jpg, png, webp, bmp, ...) and videos (mp4, mov, webm, ...),
               searched recursively, or one such file (default ${DEFAULT_ROOT}). A file that
               cannot be read gets one record with "error" saying why; the run goes on
  --json OUT   write one JSON record per image or sampled video frame to OUT (studio mode:
               the summaries and every scored frame)
  --model M    pose model (default ${Object.keys(MODEL_NAMES).find((k) => MODEL_NAMES[k] === DEFAULT_MODEL)}); studio mode takes a list, M,M,...
  --every N    studio mode: score every Nth frame of each clip (default ${DEFAULT_EVERY_NTH})
  --rotate90   turn every image 90° clockwise first (a stand-in for lying bodies); skips videos
  --fps N      video sampling rate (default ${DEFAULT_SAMPLE_FPS} frames/s)
  --per-frame  print a row per sampled video frame as well as per clip
  --holdout    check the rounded threshold on halves of the labelled sources (kettlebell +
               phase clips against YFGD + good/bad clips + photos, and the other way round)
  --smoothing  run the live keypoint filter (One-Euro) over each clip's sampled frames. Off by
               default: the filter trails a moving body by ~40 ms, which on the eval set's
               deadlift clips moves the hip angle by 7° (median) while the hips move, and a
               record is meant to be that instant's pose, as a still image is
  --pose-cache DIR
               keep the estimator's output per file in DIR (outside the repository) and reuse
               it on the next run, so only geometry is re-measured; delete DIR when the model
               or the rotation pipeline changes (studio mode: default ${DEFAULT_POSE_CACHE})
Studio mode: when PATH is a folder with studio sidecars (<id>.truth.json beside <id>.mp4) at any
depth, each sampled frame is compared with its truth and error tables are printed per stretch,
model, person and camera setup.`;

export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  let root: string | null = null;
  let jsonOut: string | null = null;
  let models: PoseModelId[] = [DEFAULT_MODEL];
  let everyNth: number | null = null;
  let fpsGiven = false;
  let rotate90 = false;
  let sampleFps = DEFAULT_SAMPLE_FPS;
  let perFrame = false;
  let poseCache: string | null = null;
  let holdout = false;
  let smoothing = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value\n${USAGE}`);
      return next;
    };
    if (arg === '--json') jsonOut = resolve(value());
    else if (arg === '--model') {
      models = value()
        .split(',')
        .map((name) => {
          const id = MODEL_NAMES[name];
          if (id === undefined) throw new Error(`Unknown model ${name}\n${USAGE}`);
          return id;
        });
    } else if (arg === '--every') {
      everyNth = Number(value());
      if (!(Number.isInteger(everyNth) && everyNth >= 1))
        throw new Error(`--every needs a whole number of 1 or more\n${USAGE}`);
    } else if (arg === '--rotate90') rotate90 = true;
    else if (arg === '--per-frame') perFrame = true;
    else if (arg === '--pose-cache') poseCache = resolve(value());
    else if (arg === '--holdout') holdout = true;
    else if (arg === '--smoothing') smoothing = true;
    else if (arg === '--fps') {
      fpsGiven = true;
      sampleFps = Number(value());
      if (!(sampleFps > 0)) throw new Error(`--fps needs a positive number\n${USAGE}`);
    } else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}\n${USAGE}`);
    else if (root === null) root = resolve(arg);
    else throw new Error(`Only one PATH, got ${root} and ${arg}\n${USAGE}`);
  }
  const chosen = root ?? DEFAULT_ROOT;
  if (!existsSync(chosen)) throw new Error(`${chosen} does not exist\n${USAGE}`);
  const mode = findSidecars(chosen).length > 0 ? 'studio' : 'realdata';
  if (mode === 'studio' && (fpsGiven || rotate90 || smoothing || holdout || perFrame)) {
    throw new Error(
      `${chosen} holds studio sidecars: its clips are sampled with --every N, not --fps, and --rotate90, --smoothing, --holdout and --per-frame are for real data\n${USAGE}`,
    );
  }
  if (mode === 'realdata' && (everyNth !== null || models.length > 1)) {
    throw new Error(
      `--every and a list of models are for studio clips (no <id>.truth.json under ${chosen})\n${USAGE}`,
    );
  }
  const [model = DEFAULT_MODEL] = models;
  return {
    root: chosen,
    mode,
    jsonOut,
    model,
    models,
    everyNth: everyNth ?? DEFAULT_EVERY_NTH,
    rotate90,
    sampleFps,
    perFrame,
    poseCache: poseCache ?? (mode === 'studio' ? DEFAULT_POSE_CACHE : null),
    holdout,
    smoothing,
  };
}
