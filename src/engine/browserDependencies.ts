import { WebcamSource } from '../camera/webcamSource';
import { createBrowserSpeaker } from '../feedback/speechSpeaker';
import { WebAudioTonePlayer } from '../feedback/tones';
import { WorkerPoseEstimator } from '../pose/worker/workerPoseEstimator';
import type { PoseModelId } from '../geometry/types';
import type { LoadProgress } from '../pose/types';
import { SettingsStore, browserLocalStorage } from '../session/settingsStore';
import { AppEngine } from './appEngine';
import { AUTO_CANDIDATES, AUTO_FALLBACK, AutoModelChooser, type RawTimings } from './autoModel';
import { browserClock, browserScheduler } from './clock';
import { CoachVoice } from './coachVoice';
import { browserSessionLibrary } from './sessionLibrary';
import type { LiveDependencies } from './liveCameraController';

/** The real browser wiring: webcam, pose worker, the page clock. */
export const browserDependencies: LiveDependencies = {
  createEstimator: (model, backend, onProgress, onCrash) =>
    WorkerPoseEstimator.create({ model, backend, onProgress, onCrash }),
  createSource: (video) => new WebcamSource(video),
  clock: browserClock,
  scheduler: browserScheduler,
};

/** Frames timed per model: enough for a steady figure, a few seconds for all of them. */
const AUTO_TIMING_FRAMES = 8;

/**
 * Times the automatic setting's models in one pose worker (on the backend a session would use):
 * the fallback model is loaded, the others' graphs are timed in the same worker.
 */
async function measureModelsInWorker(
  onProgress: (progress: LoadProgress) => void,
): Promise<RawTimings> {
  const steps = AUTO_CANDIDATES.length + 1;
  const report = (done: number): void =>
    onProgress({ stage: 'measure', fraction: done / steps, loadedBytes: 0, totalBytes: 0 });
  report(0);
  const estimator = await WorkerPoseEstimator.create({ model: AUTO_FALLBACK, backend: 'auto' });
  const timings: Partial<Record<PoseModelId, number>> = {};
  try {
    timings[AUTO_FALLBACK] = (await estimator.timeRawModel(AUTO_TIMING_FRAMES)).msPerFrame;
    for (const [i, model] of AUTO_CANDIDATES.entries()) {
      report(i + 1);
      try {
        timings[model] = (await estimator.timeRawModel(AUTO_TIMING_FRAMES, model)).msPerFrame;
      } catch {
        // A model that cannot run here (a damaged file, no memory) is simply not chosen.
      }
    }
  } finally {
    estimator.dispose();
  }
  report(steps);
  return timings;
}

/** The coach's voice in this browser: Web Speech, with Web Audio tones and captions. */
export function createBrowserCoachVoice(): CoachVoice {
  return new CoachVoice(createBrowserSpeaker(), new WebAudioTonePlayer());
}

/** The page's engine, wired to the browser. */
export function createBrowserEngine(): AppEngine {
  const engine = new AppEngine({
    voice: createBrowserCoachVoice(),
    settingsStore: new SettingsStore(),
    // The library's clock is the same: frames and recordings share one time line.
    recordings: () => (typeof indexedDB === 'undefined' ? null : browserSessionLibrary()),
    clock: browserClock,
    scheduler: browserScheduler,
    autoModel: new AutoModelChooser({
      storage: browserLocalStorage(),
      measure: measureModelsInWorker,
      epochMs: browserClock.epochMs,
    }),
  });
  document.addEventListener('visibilitychange', () =>
    engine.pageVisibilityChanged(document.visibilityState === 'hidden'),
  );
  return engine;
}
