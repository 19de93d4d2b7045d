import { WorkerPoseEstimator } from '../../pose/worker/workerPoseEstimator';
import type { StretchDefinition } from '../../protocol';
import { STRETCHES } from '../../protocol';
import { DexieClipStore } from '../../review/clipStore';
import { readStorageEstimate } from '../../review/storageEstimate';
import { probeVideo } from '../../review/videoProbe';
import type { Settings } from '../../session';
import { browserLocalStorage } from '../../session';
import { withDose } from '../appEngine';
import { browserClock, browserScheduler } from '../clock';
import { browserSessionLibrary } from '../sessionLibrary';
import { createClipLibrary, type ClipLibrary } from './clipLibrary';
import { LiveClipController, type RecordedRunner } from './liveClipController';
import { OfflineAnalysisRun, type AnalysisRunDependencies } from './offlineAnalysisRun';

/** The clip screens' wiring in the browser: IndexedDB, the pose worker, the page's clocks. */

let library: ClipLibrary | null = null;

/** The page's clip library, created on first use. */
export function browserClipLibrary(): ClipLibrary {
  library ??= createClipLibrary({
    store: new DexieClipStore(),
    sessions: typeof indexedDB === 'undefined' ? null : browserSessionLibrary(),
    estimate: readStorageEstimate,
    probeVideo,
    epochMs: () => Date.now(),
    newId: () => crypto.randomUUID(),
    settings: browserLocalStorage(),
  });
  return library;
}

/** The stretches with the user's hold length and reps, as a live session would run them. */
export function stretchesWithDose(settings: Settings): StretchDefinition[] {
  return STRETCHES.map((s) => withDose(s, settings));
}

export function createBrowserAnalysisRun(
  settings: () => Settings,
  resolveModel: AnalysisRunDependencies['resolveModel'],
): OfflineAnalysisRun {
  return new OfflineAnalysisRun({
    resolveModel,
    clips: browserClipLibrary(),
    createEstimator: (model, onProgress) =>
      WorkerPoseEstimator.create({
        model,
        backend: 'auto',
        // BlazePose's mask gives the back outline, as in a live session.
        enableSegmentation: model.startsWith('blazepose'),
        // The analysis smooths the whole track both ways, with no lag (review/offlineAnalysis.ts).
        enableSmoothing: false,
        onProgress,
      }),
    stretches: () => stretchesWithDose(settings()),
    now: () => performance.now(),
    epochMs: () => Date.now(),
    newId: () => crypto.randomUUID(),
  });
}

export function createLiveClipController(
  runner: RecordedRunner,
  video: HTMLVideoElement,
): LiveClipController {
  const sessions = browserSessionLibrary();
  return new LiveClipController(runner, video, {
    clips: browserClipLibrary(),
    sessionRecord: (id) => sessions.store.getSession(id),
    clock: browserClock,
    scheduler: browserScheduler,
    newId: () => crypto.randomUUID(),
  });
}
