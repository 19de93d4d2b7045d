import { WebcamSource } from '../camera/webcamSource';
import { WorkerPoseEstimator } from '../pose/worker/workerPoseEstimator';
import type { LiveDependencies } from './liveCameraController';

/** The real browser wiring: webcam, pose worker, the page clock. */
export const browserDependencies: LiveDependencies = {
  createEstimator: (model, backend, onProgress, onCrash) =>
    WorkerPoseEstimator.create({ model, backend, onProgress, onCrash }),
  createSource: (video) => new WebcamSource(video),
  now: () => performance.now(),
};
