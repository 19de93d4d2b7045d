import { WebcamSource } from '../camera/webcamSource';
import { WorkerPoseEstimator } from '../pose/worker/workerPoseEstimator';
import type { LiveDependencies } from './liveCameraController';

/** The real browser wiring: webcam, pose worker, the page clock. */
export const browserDependencies: LiveDependencies = {
  createEstimator: (model, onProgress, onCrash) =>
    WorkerPoseEstimator.create({ model, onProgress, onCrash }),
  createSource: (video) => new WebcamSource(video),
  now: () => performance.now(),
};
