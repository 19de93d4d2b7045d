import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PoseModelId } from '../../src/geometry/types';

/** `npm run eval -- [PATH] [--json OUT] [--model M] [--rotate90] [--pose-cache DIR] [--holdout] ...` */
export interface EvalArgs {
  readonly root: string;
  readonly jsonOut: string | null;
  readonly model: PoseModelId;
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

export const USAGE = `Usage: npm run eval -- [PATH] [--json OUT] [--model lightning|thunder|blazepose-full]
                      [--rotate90] [--fps N] [--per-frame]
  PATH         folder of images (jpg, png, webp, bmp, ...) and videos (mp4, mov, webm, ...),
               searched recursively, or one such file (default ${DEFAULT_ROOT}). A file that
               cannot be read gets one record with "error" saying why; the run goes on
  --json OUT   write one JSON record per image or sampled video frame to OUT
  --model M    pose model (default ${Object.keys(MODEL_NAMES).find((k) => MODEL_NAMES[k] === DEFAULT_MODEL)})
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
               or the rotation pipeline changes`;

export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  let root: string | null = null;
  let jsonOut: string | null = null;
  let model = DEFAULT_MODEL;
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
      const name = value();
      const id = MODEL_NAMES[name];
      if (id === undefined) throw new Error(`Unknown model ${name}\n${USAGE}`);
      model = id;
    } else if (arg === '--rotate90') rotate90 = true;
    else if (arg === '--per-frame') perFrame = true;
    else if (arg === '--pose-cache') poseCache = resolve(value());
    else if (arg === '--holdout') holdout = true;
    else if (arg === '--smoothing') smoothing = true;
    else if (arg === '--fps') {
      sampleFps = Number(value());
      if (!(sampleFps > 0)) throw new Error(`--fps needs a positive number\n${USAGE}`);
    } else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}\n${USAGE}`);
    else if (root === null) root = resolve(arg);
    else throw new Error(`Only one PATH, got ${root} and ${arg}\n${USAGE}`);
  }
  const chosen = root ?? DEFAULT_ROOT;
  if (!existsSync(chosen)) throw new Error(`${chosen} does not exist\n${USAGE}`);
  return {
    root: chosen,
    jsonOut,
    model,
    rotate90,
    sampleFps,
    perFrame,
    poseCache,
    holdout,
    smoothing,
  };
}
