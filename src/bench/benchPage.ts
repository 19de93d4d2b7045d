/**
 * The browser half of `npm run bench`: times each model in the pose worker, the way the app
 * runs it. Query: ?clip=URL&models=id,id&frames=N. Results land in `window.benchResults`.
 */
import { POSE_MODEL_IDS, type PoseModelId } from '../geometry/types';
import { WorkerPoseEstimator } from '../pose/worker/workerPoseEstimator';

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

async function decodeFrames(url: string, count: number, fps: number): Promise<ImageBitmap[]> {
  const video = document.createElement('video');
  video.muted = true;
  video.src = url;
  await new Promise<void>((resolve, reject) => {
    video.onloadeddata = () => resolve();
    video.onerror = () => reject(new Error(`cannot decode ${url}`));
  });
  const frames: ImageBitmap[] = [];
  for (let i = 0; i < count && i / fps < video.duration; i++) {
    video.currentTime = i / fps + 0.001;
    await new Promise((resolve) => (video.onseeked = resolve));
    frames.push(await createImageBitmap(video));
  }
  return frames;
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

main().catch((error: unknown) => {
  window.benchResults = { error: error instanceof Error ? error.message : String(error) };
});
