/**
 * The browser half of the runtime comparison (scripts/bench/1-pose-mediapipe.bench.ts): BlazePose
 * through the app's TF.js pose worker beside BlazePose through MediaPipe's own runtime (the npm
 * package `@mediapipe/pose`, served from this origin under /mediapipe-pose/, driven by
 * pose-detection with `runtime: 'mediapipe'`), on the same frames, against reference keypoints.
 * Query: ?runtimes=tfjs-full,mediapipe-full,...&clip=URL&fps=N&frames=N&reference=URL.
 * Results land in `window.runtimeResults`.
 */
import {
  SupportedModels,
  createDetector,
  type BlazePoseMediaPipeModelConfig,
  type PoseDetector,
} from '@tensorflow-models/pose-detection';
import { KEYPOINT_NAMES, type PoseModelId } from '../geometry/types';
import { WorkerPoseEstimator } from '../pose/worker/workerPoseEstimator';
import { decodeFrames } from './decodeFrames';

export const RUNTIMES = [
  'tfjs-lite',
  'tfjs-full',
  'mediapipe-lite',
  'mediapipe-full',
  'mediapipe-heavy',
] as const;
export type RuntimeId = (typeof RUNTIMES)[number];

export interface RuntimeBenchRow {
  readonly runtime: RuntimeId;
  /** Where the model runs: the pose worker, or the page's main thread (MediaPipe's runtime). */
  readonly thread: 'worker' | 'main';
  /** Page time per frame, frame handed over to pose back (the first frame left out). */
  readonly msPerFrame: number;
  readonly p95MsPerFrame: number;
  /** Load, compile and the first frame. */
  readonly coldStartMs: number;
  readonly framesWithPose: number;
  readonly frames: number;
  /** Keypoint distance from the reference, image pixels (a missing pose or point: infinite). */
  readonly medianErrorPx: number;
  readonly p95ErrorPx: number;
  /** Reference points judged (the reference may leave hidden points out as null). */
  readonly pointsJudged: number;
}

/** Per frame, per BlazePose keypoint (the model's order): [x, y, ...] in pixels, or null. */
type Reference = (readonly number[] | null)[][];

interface Estimate {
  /** BlazePose's 33 keypoints, in KEYPOINT_NAMES order, or null: no person. */
  (frame: ImageBitmap, timestampMs: number): Promise<({ x: number; y: number } | null)[] | null>;
}

interface Runner {
  readonly thread: 'worker' | 'main';
  readonly estimate: Estimate;
  dispose(): void;
}

async function tfjsRunner(model: PoseModelId): Promise<Runner> {
  const estimator = await WorkerPoseEstimator.create({ model, enableSegmentation: true });
  return {
    thread: 'worker',
    estimate: async (frame, timestampMs) => {
      // The worker takes the bitmap; the caller's copy stays usable for the other runtimes.
      const pose = await estimator.estimate(await createImageBitmap(frame), timestampMs);
      return pose === null ? null : KEYPOINT_NAMES.map((name) => pose.keypoints[name] ?? null);
    },
    dispose: () => estimator.dispose(),
  };
}

/** Loads the real runtime's pose.js (it defines a global `Pose`; see stubs/mediapipe-pose). */
async function loadMediaPipeScript(): Promise<void> {
  if ('Pose' in globalThis) return;
  const script = document.createElement('script');
  script.src = '/mediapipe-pose/pose.js';
  script.crossOrigin = 'anonymous';
  await new Promise<void>((resolve, reject) => {
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('cannot load /mediapipe-pose/pose.js'));
    document.head.append(script);
  });
}

async function mediaPipeRunner(modelType: 'lite' | 'full' | 'heavy'): Promise<Runner> {
  await loadMediaPipeScript();
  const config: BlazePoseMediaPipeModelConfig = {
    runtime: 'mediapipe',
    modelType,
    solutionPath: '/mediapipe-pose',
    enableSmoothing: true,
    enableSegmentation: true,
    smoothSegmentation: true,
  };
  const detector: PoseDetector = await createDetector(SupportedModels.BlazePose, config);
  return {
    thread: 'main',
    estimate: async (frame, timestampMs) => {
      const [pose] = await detector.estimatePoses(frame, undefined, timestampMs);
      return pose === undefined ? null : pose.keypoints.map(({ x, y }) => ({ x, y }));
    },
    dispose: () => detector.dispose(),
  };
}

function runnerFor(runtime: RuntimeId): Promise<Runner> {
  switch (runtime) {
    case 'tfjs-lite':
      return tfjsRunner('blazepose-lite');
    case 'tfjs-full':
      return tfjsRunner('blazepose-full');
    case 'mediapipe-lite':
      return mediaPipeRunner('lite');
    case 'mediapipe-full':
      return mediaPipeRunner('full');
    case 'mediapipe-heavy':
      return mediaPipeRunner('heavy');
  }
}

const quantile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(q * (sorted.length - 1))] ?? NaN;
};

async function benchRuntime(
  runtime: RuntimeId,
  frames: readonly ImageBitmap[],
  fps: number,
  reference: Reference | null,
): Promise<RuntimeBenchRow> {
  const [first] = frames;
  if (first === undefined) throw new Error('no frames');
  const coldStart = performance.now();
  const runner = await runnerFor(runtime);
  await runner.estimate(first, 0);
  const coldStartMs = performance.now() - coldStart;
  const times: number[] = [];
  const errors: number[] = [];
  let framesWithPose = 0;
  for (const [i, frame] of frames.entries()) {
    const start = performance.now();
    const points = await runner.estimate(frame, 1000 + (i * 1000) / fps);
    if (i > 0) times.push(performance.now() - start);
    if (points !== null) framesWithPose++;
    for (const [j, truth] of (reference?.[i] ?? []).entries()) {
      if (truth === null) continue;
      const [x = NaN, y = NaN] = truth;
      const ours = points?.[j];
      errors.push(ours ? Math.hypot(ours.x - x, ours.y - y) : Infinity);
    }
  }
  runner.dispose();
  return {
    runtime,
    thread: runner.thread,
    msPerFrame: times.reduce((a, b) => a + b, 0) / Math.max(1, times.length),
    p95MsPerFrame: quantile(times, 0.95),
    coldStartMs,
    framesWithPose,
    frames: frames.length,
    medianErrorPx: quantile(errors, 0.5),
    p95ErrorPx: quantile(errors, 0.95),
    pointsJudged: errors.length,
  };
}

declare global {
  interface Window {
    runtimeResults?: RuntimeBenchRow[] | { error: string };
  }
}

export async function runRuntimeBench(params: URLSearchParams): Promise<void> {
  const runtimes = (params.get('runtimes') ?? '')
    .split(',')
    .filter((r): r is RuntimeId => (RUNTIMES as readonly string[]).includes(r));
  const fps = Number(params.get('fps') ?? '30');
  const frames = await decodeFrames(
    params.get('clip') ?? '',
    Number(params.get('frames') ?? '60'),
    fps,
  );
  const referenceUrl = params.get('reference');
  const reference =
    referenceUrl === null ? null : ((await (await fetch(referenceUrl)).json()) as Reference);
  const rows: RuntimeBenchRow[] = [];
  for (const runtime of runtimes) rows.push(await benchRuntime(runtime, frames, fps, reference));
  window.runtimeResults = rows;
}
