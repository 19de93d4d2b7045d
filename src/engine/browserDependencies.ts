import { WebcamSource } from '../camera/webcamSource';
import { createBrowserSpeaker } from '../feedback/speechSpeaker';
import { WebAudioTonePlayer } from '../feedback/tones';
import { WorkerPoseEstimator } from '../pose/worker/workerPoseEstimator';
import { DexieSessionStore } from '../session/dexieSessionStore';
import type { SessionStore } from '../session/sessionStore';
import { SettingsStore } from '../session/settingsStore';
import { AppEngine } from './appEngine';
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

let sessionStore: SessionStore | null | undefined;

/** One IndexedDB store per page, opened on first use; null where IndexedDB is missing. */
export function browserSessionStore(): SessionStore | null {
  if (sessionStore === undefined) {
    sessionStore = typeof indexedDB === 'undefined' ? null : new DexieSessionStore();
  }
  return sessionStore;
}

/** The page's engine, wired to the browser. */
export function createBrowserEngine(): AppEngine {
  const engine = new AppEngine({
    voice: createBrowserCoachVoice(),
    settingsStore: new SettingsStore(),
    sessionStore: browserSessionStore,
    now: () => performance.now(),
    epochMs: () => Date.now(),
    newId: () => crypto.randomUUID(),
  });
  document.addEventListener('visibilitychange', () =>
    engine.pageVisibilityChanged(document.visibilityState === 'hidden'),
  );
  return engine;
}
