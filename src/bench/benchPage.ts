/**
 * The browser half of `npm run bench`: times each model in the pose worker, the way the app
 * runs it. Query: ?clip=URL&models=id,id&frames=N. Results land in `window.benchResults`. With
 * ?loop=..., the app's live loop instead (liveLoopBench.ts); with ?runtimes=..., BlazePose's TF.js and
 * MediaPipe runtimes side by side (runtimeBench.ts).
 */
import { POSE_MODEL_IDS, type PoseModelId } from '../geometry/types';
import { WorkerPoseEstimator } from '../pose/worker/workerPoseEstimator';
import { decodeFrames } from './decodeFrames';
import { runLiveLoopBench } from './liveLoopBench';
import { runRuntimeBench } from './runtimeBench';

export interface BrowserPoseBenchRow {
  readonly model: PoseModelId;
  readonly backend: string;
  readonly rawMsPerFrame: number;
  /** Worker time per frame: pixels in, pose out. */
  readonly estimatorMsPerFrame: number;
  /** Page round trip per frame: transfer to the worker, inference, pose back. */
  readonly roundTripMsPerFrame: number;
  /** Worker start, wasm compile, model download and warm-up, first pose. */
  readonly coldStartMs: number;
  readonly posesFound: number;
  readonly frames: number;
}

declare global {
  interface Window {
    benchResults?: BrowserPoseBenchRow[] | { error: string };
  }
}

async function benchModel(model: PoseModelId, frames: ImageBitmap[]): Promise<BrowserPoseBenchRow> {
  const [first, ...rest] = frames;
  if (first === undefined) throw new Error('no frames');
  const coldStart = performance.now();
  const estimator = await WorkerPoseEstimator.create({ model });
  await estimator.estimate(await createImageBitmap(first), 0);
  const coldStartMs = performance.now() - coldStart;

  let workerMs = 0;
  let posesFound = 0;
  const start = performance.now();
  for (const [i, frame] of rest.entries()) {
    const pose = await estimator.estimate(await createImageBitmap(frame), ((i + 1) * 1000) / 30);
    workerMs += estimator.lastInferenceMs;
    if (pose !== null) posesFound++;
  }
  const roundTripMsPerFrame = (performance.now() - start) / rest.length;
  const raw = await estimator.timeRawModel(rest.length);
  const backend = estimator.backend;
  estimator.dispose();
  return {
    model,
    backend: `${backend.name}${backend.simd ? '+simd' : ''}${backend.threads ? '+threads' : ''}`,
    rawMsPerFrame: raw.msPerFrame,
    estimatorMsPerFrame: workerMs / rest.length,
    roundTripMsPerFrame,
    coldStartMs,
    posesFound,
    frames: rest.length,
  };
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const clip = params.get('clip') ?? '';
  const frames = Number(params.get('frames') ?? '60');
  const models = (params.get('models')?.split(',') ?? [...POSE_MODEL_IDS]).filter(
    (m): m is PoseModelId => (POSE_MODEL_IDS as readonly string[]).includes(m),
  );
  const decoded = await decodeFrames(clip, frames + 1, 30);
  const rows: BrowserPoseBenchRow[] = [];
  for (const model of models) rows.push(await benchModel(model, decoded));
  window.benchResults = rows;
  const out = document.getElementById('results');
  if (out !== null) out.textContent = JSON.stringify(rows, null, 2);
}

const params = new URLSearchParams(location.search);
if (params.has('runtimes')) {
  runRuntimeBench(params).catch((error: unknown) => {
    window.runtimeResults = { error: error instanceof Error ? error.message : String(error) };
  });
} else if (params.has('loop')) {
  runLiveLoopBench(params).catch((error: unknown) => {
    window.liveLoop = {
      framesAnalysed: 0,
      stillFrames: 0,
      error: error instanceof Error ? error.message : String(error),
    };
  });
} else {
  main().catch((error: unknown) => {
    window.benchResults = { error: error instanceof Error ? error.message : String(error) };
  });
}
