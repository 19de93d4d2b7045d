import { INFERENCE_MAX_SIDE_PX } from '../../camera/scaledBitmap';
import { VideoFileError } from '../../camera/types';
import type { Pose, PoseModelId } from '../../geometry/types';
import type { LoadProgress, PoseEstimator } from '../../pose/types';
import type { StretchDefinition } from '../../protocol';
import type { ModelSetting } from '../../session';
import type { ClipMeta, StoredClip } from '../../review/clipTypes';
import type { AnalysisProgress, AnalysisStats } from '../../review/offlineAnalysis';
import { analyseVideo } from '../../review/offlineAnalysis';
import { replayOfflineSession } from '../../review/offlineSession';
import type { FrameSource, FrameSourceMethod } from '../../review/frameSource';
import { openFrameSource } from '../../review/openFrameSource';
import type { SamplingRate } from '../../review/samplingPlan';
import { detectStretch } from '../../review/stretchDetection';
import { buildSessionReport } from '../../session';
import { createStore, type Store } from '../store';
import { toUserFacingError, type UserFacingError } from '../userFacingError';
import { describeClipError, type ClipLibrary, type ExportedBundle } from './clipLibrary';
import { capitalise } from '../../session/reportFormat';

/**
 * One offline analysis of an uploaded video, for the analysis screen: open the file, load the
 * model, run the analysis with progress and time left, work out the stretch (chosen or detected),
 * replay it as a session, and keep the clip (and, if asked, the session in the history).
 */

export interface AnalysisRequest {
  readonly file: Blob;
  readonly fileName: string;
  readonly rate: SamplingRate;
  /** Null: detect it from the video. */
  readonly stretchId: string | null;
  /** 'auto' is settled first (measured on this device the first time). */
  readonly model: ModelSetting;
  readonly keepInHistory: boolean;
  /** Who the video shows; null or left out: no client. */
  readonly client?: string | null;
}

export type AnalysisPhase =
  'idle' | 'starting' | 'analysing' | 'saving' | 'done' | 'cancelled' | 'error';

export interface AnalysisOutcome {
  /** Null when the clip could not be kept (see `saveError`): it can still be saved as a file. */
  readonly clipId: string | null;
  readonly sessionId: string;
  readonly stretchName: string;
  readonly stretchChoice: 'chosen' | 'detected';
  readonly explanation: string | null;
  readonly keptInHistory: boolean;
  readonly historyError: string | null;
  readonly saveError: string | null;
  readonly summary: readonly string[];
  readonly stats: AnalysisStats;
}

export interface AnalysisRunState {
  readonly phase: AnalysisPhase;
  readonly fileName: string | null;
  /** How the file is read (decoded, or played in the preview's video), once it is open. */
  readonly method: FrameSourceMethod | null;
  readonly loadProgress: LoadProgress | null;
  readonly progress: AnalysisProgress | null;
  readonly error: UserFacingError | null;
  readonly outcome: AnalysisOutcome | null;
}

export const INITIAL_ANALYSIS_STATE: AnalysisRunState = {
  phase: 'idle',
  fileName: null,
  method: null,
  loadProgress: null,
  progress: null,
  error: null,
  outcome: null,
};

/** Estimators that report the worker's time per frame (the bench reads it). */
export type AnalysisEstimator = PoseEstimator & { readonly lastInferenceMs?: number };

export interface AnalysisRunDependencies {
  readonly clips: ClipLibrary;
  /** An estimator that does not smooth: the analysis smooths the whole track, with no lag. */
  readonly createEstimator: (
    model: PoseModelId,
    onProgress: (progress: LoadProgress) => void,
  ) => Promise<AnalysisEstimator>;
  readonly resolveModel: (
    setting: ModelSetting,
    onProgress: (progress: LoadProgress) => void,
  ) => Promise<PoseModelId>;
  /** The stretches that may be chosen or detected, with the user's hold length and reps. */
  readonly stretches: () => readonly StretchDefinition[];
  readonly now: () => number;
  readonly epochMs: () => number;
  readonly newId: () => string;
}

function facingError(error: unknown): UserFacingError {
  if (error instanceof VideoFileError)
    return {
      title: 'This video cannot be analysed',
      message: error.message,
      kind: `video-${error.kind}`,
    };
  return toUserFacingError(error);
}

/** Where the analysis shows what it reads. */
export interface AnalysisView {
  readonly video: HTMLVideoElement;
  readonly canvas: HTMLCanvasElement | null;
}

export class OfflineAnalysisRun {
  readonly store: Store<AnalysisRunState> = createStore(INITIAL_ANALYSIS_STATE);
  /**
   * The newest pose, for the preview's overlay: apart from `store`, so a pose a frame does not
   * re-render the screen (the overlay reads it on animation frames).
   */
  readonly pose: Store<Pose | null> = createStore<Pose | null>(null);
  private abort: AbortController | null = null;
  private estimator: AnalysisEstimator | null = null;
  private unsaved: StoredClip | null = null;

  constructor(private readonly deps: AnalysisRunDependencies) {}

  /**
   * Analyses `request.file`: decoded, with its frames shown in `view.canvas`, or when the browser
   * cannot decode it that way, played muted in `view.video`.
   */
  async start(view: AnalysisView, request: AnalysisRequest): Promise<void> {
    this.cancel();
    const abort = new AbortController();
    this.abort = abort;
    this.unsaved = null;
    this.pose.update(() => null);
    this.store.update(() => ({
      ...INITIAL_ANALYSIS_STATE,
      phase: 'starting',
      fileName: request.fileName,
    }));
    let sampler: FrameSource | null = null;
    const onLoadProgress = (loadProgress: LoadProgress): void =>
      this.store.update((s) => ({ ...s, loadProgress }));
    try {
      const model = await this.deps.resolveModel(request.model, onLoadProgress);
      const [opened, estimator] = await Promise.all([
        openFrameSource(request.file, request.fileName, {
          rate: request.rate,
          maxSidePx: INFERENCE_MAX_SIDE_PX,
          video: view.video,
          previewCanvas: view.canvas,
        }),
        this.deps.createEstimator(model, onLoadProgress),
      ]);
      sampler = opened;
      this.estimator = estimator;
      if (abort.signal.aborted) throw new DOMException('cancelled', 'AbortError');
      this.store.update((s) => ({ ...s, phase: 'analysing', method: opened.method }));
      const analysis = await analyseVideo(opened, estimator, {
        signal: abort.signal,
        now: this.deps.now,
        onProgress: (progress) => this.store.update((s) => ({ ...s, progress })),
        onPose: (pose) => this.pose.update(() => pose),
      });
      this.releaseEstimator();
      this.store.update((s) => ({ ...s, phase: 'saving' }));
      await this.finish(request, model, analysis);
    } catch (error) {
      sampler?.stop();
      this.releaseEstimator();
      if (abort.signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) {
        this.store.update((s) => ({ ...s, phase: 'cancelled' }));
        return;
      }
      this.store.update((s) => ({ ...s, phase: 'error', error: facingError(error) }));
    } finally {
      if (this.abort === abort) this.abort = null;
    }
  }

  cancel(): void {
    this.abort?.abort();
    this.abort = null;
    this.releaseEstimator();
  }

  /** A review bundle of the analysed clip that could not be kept (storage full). */
  async unsavedBundle(): Promise<ExportedBundle | null> {
    return this.unsaved === null ? null : this.deps.clips.bundleOf(this.unsaved);
  }

  dispose(): void {
    this.cancel();
  }

  private releaseEstimator(): void {
    this.estimator?.dispose();
    this.estimator = null;
  }

  private async finish(
    request: AnalysisRequest,
    model: PoseModelId,
    analysis: Awaited<ReturnType<typeof analyseVideo>>,
  ): Promise<void> {
    const stretches = this.deps.stretches();
    const chosen = stretches.find((s) => s.id === request.stretchId) ?? null;
    const detection =
      chosen === null ? detectStretch(stretches, analysis.measures, analysis.durationMs) : null;
    const stretch = chosen ?? stretches.find((s) => s.id === detection?.stretchId);
    if (stretch === undefined) throw new Error('No stretch to analyse the video as.');
    const createdAtEpochMs = this.deps.epochMs();
    const session = replayOfflineSession({
      id: this.deps.newId(),
      startedAtEpochMs: createdAtEpochMs,
      stretch,
      measures: analysis.measures,
      durationMs: analysis.durationMs,
      model,
      client: request.client ?? null,
    });
    const meta: ClipMeta = {
      id: this.deps.newId(),
      title: `${capitalise(stretch.name)} · ${request.fileName}`.slice(0, 120),
      createdAtEpochMs,
      origin: 'upload',
      sessionId: session.meta.id,
      sessionTimeAtVideoStartMs: 0,
      durationMs: analysis.durationMs,
      video: {
        mimeType: request.file.type === '' ? 'video/mp4' : request.file.type,
        byteSize: request.file.size,
        widthPx: analysis.videoSize.widthPx,
        heightPx: analysis.videoSize.heightPx,
        fileName: request.fileName.slice(0, 255),
      },
      model,
      stretchIds: [stretch.id],
      analysis: {
        rate: request.rate,
        framesAnalysed: analysis.stats.framesAnalysed,
        stretchChoice: chosen === null ? 'detected' : 'chosen',
        detectionExplanation: detection?.explanation ?? null,
      },
      notes: [],
      ...(request.client !== undefined && request.client !== null
        ? { client: request.client }
        : {}),
    };
    const clip: StoredClip = { meta, video: request.file, track: analysis.track, session };
    let saveError: string | null = null;
    try {
      await this.deps.clips.add(clip);
    } catch (error) {
      saveError = describeClipError(error);
      this.unsaved = clip;
    }
    let keptInHistory = false;
    let historyError: string | null = null;
    if (request.keepInHistory && saveError === null) {
      try {
        keptInHistory = await this.deps.clips.keepInHistory(meta.id);
      } catch (error) {
        historyError = error instanceof Error ? error.message : String(error);
      }
    }
    this.store.update((s) => ({
      ...s,
      phase: 'done',
      outcome: {
        clipId: saveError === null ? meta.id : null,
        sessionId: session.meta.id,
        stretchName: stretch.name,
        stretchChoice: meta.analysis?.stretchChoice ?? 'chosen',
        explanation: detection?.explanation ?? null,
        keptInHistory,
        historyError,
        saveError,
        summary: buildSessionReport(session).summary,
        stats: analysis.stats,
      },
    }));
  }
}
