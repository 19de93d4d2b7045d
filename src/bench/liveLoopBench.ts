/**
 * The browser half of the adaptive-rate bench: the app's own live loop (webcam source, pose
 * worker, LivePoseLoop) on the fake webcam, at a fixed or an adaptive rate, without the session's
 * screens. Node measures the browser's CPU time around it (scripts/bench/4-adaptive-rate.bench.ts).
 * Query: ?loop=fixed|adaptive&model=ID.
 */
import { INFERENCE_MAX_SIDE_PX } from '../camera/scaledBitmap';
import { WebcamSource } from '../camera/webcamSource';
import { ADAPTIVE_RATE } from '../engine/adaptiveRate';
import { LivePoseLoop } from '../engine/livePoseLoop';
import { POSE_MODEL_IDS, type PoseModelId } from '../geometry/types';
import { WorkerPoseEstimator } from '../pose/worker/workerPoseEstimator';

export interface LiveLoopProgress {
  readonly framesAnalysed: number;
  /** Poses analysed in the still mode (adaptive only). */
  readonly stillFrames: number;
  readonly error: string | null;
}

declare global {
  interface Window {
    liveLoop?: LiveLoopProgress;
  }
}

export async function runLiveLoopBench(params: URLSearchParams): Promise<void> {
  const model = params.get('model') ?? '';
  if (!(POSE_MODEL_IDS as readonly string[]).includes(model)) throw new Error(`model ${model}?`);
  const adaptive = params.get('loop') === 'adaptive';
  const video = document.createElement('video');
  document.body.append(video);
  const source = new WebcamSource(video);
  await source.start();
  const estimator = await WorkerPoseEstimator.create({
    model: model as PoseModelId,
    enableSegmentation: model.startsWith('blazepose'),
  });
  let progress: LiveLoopProgress = { framesAnalysed: 0, stillFrames: 0, error: null };
  const loop = new LivePoseLoop(source, estimator, {
    maxSidePx: INFERENCE_MAX_SIDE_PX,
    maxInFlight: 2,
    ...(adaptive ? { adaptive: ADAPTIVE_RATE } : {}),
    now: () => performance.now(),
    onResult: (result) => {
      progress = {
        ...progress,
        framesAnalysed: result.framesAnalysed,
        stillFrames: progress.stillFrames + (result.rateMode === 'still' ? 1 : 0),
      };
      window.liveLoop = progress;
    },
    onError: (error) => {
      window.liveLoop = { ...progress, error: error.message };
    },
  });
  loop.start();
}
