import { DemoSource } from '../../camera/demoSource';
import { VideoFileSource } from '../../camera/videoFileSource';
import { WebcamSource } from '../../camera/webcamSource';
import { DEMO_IMAGE, demoPose, type DemoCue } from '../../demo/demoActor';
import type { PoseModelId } from '../../geometry/types';
import type { BackendPreference } from '../../pose/backends';
import type { LoadProgress } from '../../pose/types';
import { WorkerPoseEstimator } from '../../pose/worker/workerPoseEstimator';
import type { Pipeline } from './sessionPlan';
import { ScriptedPoseEstimator } from './scriptedPoseEstimator';

export interface ModelChoiceSettings {
  /** The model to load, settled first (the automatic setting measures models on first use). */
  readonly chooseModel: (onProgress: (progress: LoadProgress) => void) => Promise<PoseModelId>;
  readonly backend: BackendPreference;
}

function workerEstimator(settings: ModelChoiceSettings): Pipeline['createEstimator'] {
  return async (onProgress, onCrash) => {
    const model = await settings.chooseModel(onProgress);
    return WorkerPoseEstimator.create({
      model,
      backend: settings.backend,
      // BlazePose's mask gives the back outline, the best evidence of a rounded back.
      enableSegmentation: model.startsWith('blazepose'),
      onProgress,
      onCrash,
    });
  };
}

export function webcamPipeline(
  video: HTMLVideoElement,
  settings: ModelChoiceSettings,
  deviceId?: string,
): Pipeline {
  return { source: new WebcamSource(video, deviceId), createEstimator: workerEstimator(settings) };
}

export function videoFilePipeline(
  video: HTMLVideoElement,
  file: File,
  settings: ModelChoiceSettings,
): Pipeline {
  return {
    source: new VideoFileSource(video, file, file.name),
    createEstimator: workerEstimator(settings),
  };
}

/** The bundled demo: a simulated person acting out what the session asks (see demo/). */
export function demoPipeline(
  video: HTMLVideoElement,
  cue: () => DemoCue,
  now: () => number,
): Pipeline {
  const poseAt = (nowMs: number) => demoPose(cue(), nowMs);
  return {
    source: new DemoSource(video, { poseAt, now, ...DEMO_IMAGE }),
    createEstimator: (onProgress) => {
      onProgress({ stage: 'ready', fraction: 1, loadedBytes: 0, totalBytes: 0 });
      return Promise.resolve(new ScriptedPoseEstimator(poseAt));
    },
  };
}
