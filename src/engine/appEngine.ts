import { listCameras, type CameraDevice } from '../camera/webcamSource';
import { findStretch, NERVE_GLIDE_ID, STRETCHES, type StretchDefinition } from '../protocol';
import type { PoseModelId } from '../geometry/types';
import type { LoadProgress } from '../pose/types';
import {
  DEFAULT_SETTINGS,
  type ModelSetting,
  type SettingsStore,
  type Settings,
  type SettingsProblem,
} from '../session/settingsStore';
import type { CoachSettings } from '../coach/coachTypes';
import type { SpeakerSettings } from '../feedback/speaker';
import type { AutoModelChooser } from './autoModel';
import type { Clock, Scheduler } from './clock';
import type { CoachVoice } from './coachVoice';
import { demoPipeline, videoFilePipeline, webcamPipeline } from './live/pipelines';
import type { Pipeline, Recordings } from './live/sessionPlan';
import { SessionRunner } from './live/sessionRunner';
import { createStore, type ReadableStore, type Store } from './store';
import { toUserFacingError } from './userFacingError';

/** Where the session's pictures come from. */
export type SourceChoice =
  | { readonly kind: 'camera'; readonly deviceId: string | null }
  | { readonly kind: 'file'; readonly file: File }
  | { readonly kind: 'demo' };

export interface SessionRequest {
  readonly stretchIds: readonly string[];
  readonly source: SourceChoice;
  /** Carry on an interrupted session (its stretches run again from the start). */
  readonly resumeSessionId?: string;
  /** Who the session is for; null or left out: no client. */
  readonly client?: string | null;
}

export interface SessionSlot {
  readonly runner: SessionRunner | null;
  /** Asked for on the home screen, not started yet. */
  readonly pending: SessionRequest | null;
}

export interface SettingsState {
  readonly settings: Settings;
  /** Why stored settings were reset or cannot be kept; shown once on the home screen. */
  readonly problem: SettingsProblem | null;
  /** The last save failed (storage full or unavailable). */
  readonly saveError: string | null;
}

export interface AppEngineDependencies {
  readonly voice: CoachVoice;
  readonly settingsStore: SettingsStore;
  /** Null when IndexedDB is unavailable: sessions are then not kept. */
  readonly recordings: () => Recordings | null;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  /** Settles the automatic model setting (measures models here on first use). */
  readonly autoModel: AutoModelChooser;
}

/** The stretches a routine may hold, in their standard order. */
export const STRETCH_CHOICES: readonly StretchDefinition[] = STRETCHES;

/** Applies the user's hold length and reps to a stretch's dose (holds only). */
export function withDose(stretch: StretchDefinition, settings: Settings): StretchDefinition {
  if (stretch.kind !== 'hold') return stretch;
  return { ...stretch, dose: { ...stretch.dose, holdMs: settings.holdMs, reps: settings.reps } };
}

/**
 * Settings are owned by the settings store (and `AppEngine.settings`); what each part takes of
 * them is said here, once, and `AppEngine` hands it over on every change, mid-session too.
 */
export function coachSettingsOf(settings: Settings): CoachSettings {
  return {
    verbosity: settings.verbosity,
    muted: !settings.voiceEnabled,
    speechRate: settings.speechRate,
  };
}

export function speakerSettingsOf(settings: Settings): SpeakerSettings {
  return {
    voiceId: settings.voiceId,
    rate: settings.speechRate,
    volume: 1,
    muted: !settings.voiceEnabled,
  };
}

/**
 * The app's long-lived state: settings, the coach's voice and the session in progress. One per
 * page; React reads it through context and hooks.
 */
export class AppEngine {
  readonly settings: Store<SettingsState>;
  private lastSource: SourceChoice | null = null;
  private lastRequest: SessionRequest | null = null;
  private readonly runnerStore: Store<SessionSlot> = createStore<SessionSlot>({
    runner: null,
    pending: null,
  });

  constructor(readonly deps: AppEngineDependencies) {
    const loaded = deps.settingsStore.load();
    this.settings = createStore<SettingsState>({
      settings: loaded.settings,
      problem: loaded.problem,
      saveError: null,
    });
    this.deps.voice.configure(speakerSettingsOf(loaded.settings));
  }

  /** Cameras to offer; an empty list when the browser will not say. */
  listCameras(): Promise<readonly CameraDevice[]> {
    return listCameras().catch(() => []);
  }

  /** Call when the page is hidden or shown (visibilitychange): a hidden page pauses the session. */
  pageVisibilityChanged(hidden: boolean): void {
    if (hidden) this.runnerStore.getSnapshot().runner?.pageHidden();
  }

  get voice(): CoachVoice {
    return this.deps.voice;
  }

  get session(): ReadableStore<SessionSlot> {
    return this.runnerStore;
  }

  updateSettings(change: Partial<Settings>): void {
    const previous = this.settings.getSnapshot().settings;
    const next = { ...previous, ...change };
    let saveError: string | null = null;
    try {
      this.deps.settingsStore.save(next);
    } catch (error) {
      saveError = toUserFacingError(error).message;
    }
    this.settings.update((s) => ({ ...s, settings: next, saveError }));
    this.applySettings(previous, next);
  }

  resetSettings(): void {
    this.updateSettings(DEFAULT_SETTINGS);
  }

  /** Asks for a session; the session screen starts it once its video element exists. */
  requestSession(request: SessionRequest): void {
    this.endSession();
    this.runnerStore.update(() => ({ runner: null, pending: request }));
  }

  /** Starts the requested session, showing its pictures in `video`. */
  startPendingSession(video: HTMLVideoElement): SessionRunner | null {
    const { pending } = this.runnerStore.getSnapshot();
    if (pending === null) return null;
    const { stretchIds, source, resumeSessionId, client } = pending;
    this.lastSource = source;
    this.lastRequest = { stretchIds, source, client: client ?? null };
    const settings = this.settings.getSnapshot().settings;
    const routine = stretchIds
      .map((id) => findStretch(id))
      .filter((s): s is StretchDefinition => s !== undefined)
      .map((s) => withDose(s, settings));
    const glide = findStretch(NERVE_GLIDE_ID);
    const runner = new SessionRunner(
      {
        voice: this.deps.voice,
        recordings: this.deps.recordings(),
        clock: this.deps.clock,
        scheduler: this.deps.scheduler,
      },
      {
        routine,
        stretches: glide !== undefined && !routine.includes(glide) ? [...routine, glide] : routine,
        sessionOptions: glide !== undefined ? { nerveGlide: withDose(glide, settings) } : {},
        settings: coachSettingsOf(settings),
        model: source.kind === 'demo' ? 'demo' : settings.model,
        ...(resumeSessionId !== undefined ? { resumeSessionId } : {}),
        client: client ?? null,
      },
    );
    this.runnerStore.update(() => ({ runner, pending: null }));
    void runner.start(this.pipelineFor(source, video, runner));
    return runner;
  }

  /** After the picture was lost: open the same source again (the session stays paused). */
  async reconnectSource(video: HTMLVideoElement): Promise<void> {
    const { runner } = this.runnerStore.getSnapshot();
    const source = this.lastSource;
    if (runner === null || source === null) return;
    await runner.reconnect(this.pipelineFor(source, video, runner).source);
  }

  /** After a model could not be loaded: use `model` from now on and start the session again. */
  retryWithModel(model: Settings['model'], video: HTMLVideoElement): void {
    const request = this.lastRequest;
    if (request === null) return;
    this.updateSettings({ model });
    this.requestSession(request);
    this.startPendingSession(video);
  }

  endSession(): void {
    const { runner } = this.runnerStore.getSnapshot();
    runner?.dispose();
    this.runnerStore.update(() => ({ runner: null, pending: null }));
  }

  private pipelineFor(
    source: SourceChoice,
    video: HTMLVideoElement,
    runner: SessionRunner,
  ): Pipeline {
    const modelSettings = {
      // Read when a model is loaded (at start, after a crash, after a change): the current one.
      chooseModel: (onProgress: (progress: LoadProgress) => void) =>
        this.resolveModel(this.settings.getSnapshot().settings.model, onProgress),
      backend: 'auto',
    } as const;
    switch (source.kind) {
      case 'camera':
        return webcamPipeline(video, modelSettings, source.deviceId ?? undefined);
      case 'file':
        return videoFilePipeline(video, source.file, modelSettings);
      case 'demo':
        return demoPipeline(video, () => runner.demoCue(), this.deps.clock.nowMs);
    }
  }

  /** A model setting as a model: 'auto' is settled by measuring (once) on this device. */
  resolveModel(
    setting: ModelSetting,
    onProgress: (progress: LoadProgress) => void = () => {},
  ): Promise<PoseModelId> {
    return setting === 'auto' ? this.deps.autoModel.resolve(onProgress) : Promise.resolve(setting);
  }

  /** The automatic choice made here, if any; for the settings' "chosen on this device" line. */
  get autoModel(): AutoModelChooser {
    return this.deps.autoModel;
  }

  /** The one place a settings change reaches the voice and the session running now. */
  private applySettings(previous: Settings, next: Settings): void {
    this.deps.voice.configure(speakerSettingsOf(next));
    const { runner } = this.runnerStore.getSnapshot();
    if (runner === null) return;
    runner.applySettings(coachSettingsOf(next));
    if (previous.model !== next.model) void runner.changeModel();
  }
}
