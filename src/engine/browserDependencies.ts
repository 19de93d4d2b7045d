import { WebcamSource } from '../camera/webcamSource';
import { createBrowserSpeaker } from '../feedback/speechSpeaker';
import { WebAudioTonePlayer } from '../feedback/tones';
import { WorkerPoseEstimator } from '../pose/worker/workerPoseEstimator';
import { CoachVoice } from './coachVoice';
import type { LiveDependencies } from './liveCameraController';

/** The real browser wiring: webcam, pose worker, the page clock. */
export const browserDependencies: LiveDependencies = {
  createEstimator: (model, backend, onProgress, onCrash) =>
    WorkerPoseEstimator.create({ model, backend, onProgress, onCrash }),
  createSource: (video) => new WebcamSource(video),
  now: () => performance.now(),
};

/** The coach's voice in this browser: Web Speech, with Web Audio tones and captions. */
export function createBrowserCoachVoice(): CoachVoice {
  return new CoachVoice(createBrowserSpeaker(), new WebAudioTonePlayer());
}
