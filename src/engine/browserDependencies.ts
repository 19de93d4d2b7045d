import { WebcamSource } from '../camera/webcamSource';
import { createBrowserSpeaker } from '../feedback/speechSpeaker';
import { WebAudioTonePlayer } from '../feedback/tones';
import { WorkerPoseEstimator } from '../pose/worker/workerPoseEstimator';
import { SettingsStore } from '../session/settingsStore';
import { AppEngine } from './appEngine';
import { CoachVoice } from './coachVoice';
import { browserSessionLibrary } from './sessionLibrary';
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

/** The page's engine, wired to the browser. */
export function createBrowserEngine(): AppEngine {
  const engine = new AppEngine({
    voice: createBrowserCoachVoice(),
    settingsStore: new SettingsStore(),
    // The library's clock is performance.now() too: frames and recordings share one time line.
    recordings: () => (typeof indexedDB === 'undefined' ? null : browserSessionLibrary()),
    now: () => performance.now(),
  });
  document.addEventListener('visibilitychange', () =>
    engine.pageVisibilityChanged(document.visibilityState === 'hidden'),
  );
  return engine;
}
