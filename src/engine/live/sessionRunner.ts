import { INFERENCE_MAX_SIDE_PX } from '../../camera/scaledBitmap';
import type { FrameSource, SourceEndReason } from '../../camera/types';
import type { DemoCue } from '../../demo/demoActor';
import {
  initialCuePolicyState,
  setCuePolicyOptions,
  speechEnded,
  stepCuePolicy,
  type CuePolicyState,
} from '../../feedback/cuePolicy';
import type { CuePolicyOptions, Utterance } from '../../feedback/cueTypes';
import { initialGeometryState, measureFrame, type GeometryState } from '../../geometry';
import type { BodyMeasures } from '../../geometry/measures';
import type { Pose } from '../../geometry/types';
import type { BackendInfo } from '../../pose/backends';
import type { LoadProgress, PoseEstimator } from '../../pose/types';
import {
  TIME_TICK,
  initialSessionState,
  transition,
  type ProtocolEvent,
  type SessionInput,
  type SessionOptions,
  type SessionState,
  type StretchDefinition,
  type UserCommand,
} from '../../protocol';
import type { SessionRecording, RecordingStatus } from '../../session/sessionRecording';
import type { SessionRecord } from '../../session/sessionRecord';
import type { ExportedFile, SessionLibrary } from '../sessionLibrary';
import type { CoachLine, CoachVoice } from '../coachVoice';
import { ADAPTIVE_RATE } from '../adaptiveRate';
import { LivePoseLoop } from '../livePoseLoop';
import { createStore, type Store } from '../store';
import {
  ModelKeepsCrashingError,
  toUserFacingError,
  toUserFacingErrorWithFallback,
  type UserFacingError,
} from '../userFacingError';
import { POSE_MODEL_IDS, type PoseModelId } from '../../geometry/types';
import { sessionView, type SessionView } from './sessionView';
import { toneForUtterance } from './utteranceTones';

export type RunnerStatus = 'idle' | 'starting' | 'running' | 'ended' | 'error';

/** A problem with the picture source mid-session; the session is kept and paused. */
export interface SourceProblem {
  readonly reason: SourceEndReason;
  readonly message: string;
}

export interface RunnerState {
  readonly status: RunnerStatus;
  readonly loadProgress: LoadProgress | null;
  readonly backend: BackendInfo | null;
  readonly error: UserFacingError | null;
  readonly sourceProblem: SourceProblem | null;
  readonly view: SessionView | null;
  /** Latest pose, for the overlay (drawn every animation frame, not through React). */
  readonly pose: Pose | null;
  readonly analysedFps: number;
  readonly framesAnalysed: number;
  readonly recording: RecordingStatus | null;
  /** Set when the session ended and was saved: where its report lives. */
  readonly endedSessionId: string | null;
  /** The session was paused because the tab was hidden; cleared on resume. */
  readonly pausedByPageHide: boolean;
  /** The pose model stopped and is being restarted; the session carries on meanwhile. */
  readonly restartingModel: boolean;
  /** Tensors the pose model holds, sampled every few seconds (flat, or something leaks). */
  readonly tensorCount: number | null;
  /** How many times `tensorCount` was read: a soak can tell a fresh reading from a stale one. */
  readonly tensorReadings: number;
}

/** What the runner needs to analyse pictures: a source and an estimator that suits it. */
export interface Pipeline {
  readonly source: FrameSource;
  createEstimator(
    onProgress: (progress: LoadProgress) => void,
    onCrash: (error: Error) => void,
  ): Promise<PoseEstimator>;
}

/** Where sessions are recorded: the session library (IndexedDB, with the unload stash). */
export type Recordings = Pick<
  SessionLibrary,
  'startRecording' | 'resumeRecording' | 'finishRecording' | 'exportRecording'
>;

export interface SessionRunnerDependencies {
  readonly voice: CoachVoice;
  /** Null when storage is unavailable: the session is not kept. */
  readonly recordings: Recordings | null;
  /** The clock the recordings use too (its readings go into every frame). */
  readonly now: () => number;
}

export interface SessionPlan {
  readonly routine: readonly StretchDefinition[];
  /** Every stretch the session may run (routine plus the nerve glide it may offer). */
  readonly stretches: readonly StretchDefinition[];
  readonly sessionOptions?: Partial<SessionOptions>;
  readonly cueOptions?: Partial<CuePolicyOptions>;
  /** A model id, 'auto' (settled when the estimator is made) or 'demo'. */
  readonly model: string;
  /** Carry on recording into this interrupted session instead of starting a new one. */
  readonly resumeSessionId?: string;
}

/** Without frames (camera stalled, tab hidden) time still moves countdowns, rests and cues. */
const TICK_MS = 200;

/**
 * A model that crashes this often is not coming back: three restarts within a minute end the
 * session with an error (its recording is kept) instead of looping.
 */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

/** How often to ask the pose worker how many tensors it holds (cheap, but not per frame). */
const DIAGNOSTICS_MS = 5_000;

export const INITIAL_RUNNER_STATE: RunnerState = {
  status: 'idle',
  loadProgress: null,
  backend: null,
  error: null,
  sourceProblem: null,
  view: null,
  pose: null,
  analysedFps: 0,
  framesAnalysed: 0,
  recording: null,
  endedSessionId: null,
  pausedByPageHide: false,
  restartingModel: false,
  tensorCount: null,
  tensorReadings: 0,
};

/**
 * The live session: pictures -> estimator -> geometry -> protocol -> cue policy -> voice and
 * recorder. The pure layers' states live here and advance on every frame, user command and
 * tick; everything they ask for (speak, record) is carried out here.
 */
export class SessionRunner {
  readonly store: Store<RunnerState> = createStore(INITIAL_RUNNER_STATE);
  private geometry: GeometryState = initialGeometryState();
  private session: SessionState;
  private policy: CuePolicyState;
  private measures: BodyMeasures | null = null;
  private pipeline: Pipeline | null = null;
  private estimator: PoseEstimator | null = null;
  private loop: LivePoseLoop | null = null;
  private recording: SessionRecording | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private diagnosticsTimer: ReturnType<typeof setInterval> | null = null;
  private lastStepMs = -Infinity;
  private restartTimesMs: number[] = [];
  /** When the picture source was lost, until it is reconnected (for the report's gap). */
  private sourceLostAtMs: number | null = null;
  private readonly utterances = new Map<string, Utterance>();
  private readonly unsubscribeVoice: () => void;

  constructor(
    private readonly deps: SessionRunnerDependencies,
    private readonly plan: SessionPlan,
  ) {
    this.session = initialSessionState(plan.routine, plan.sessionOptions);
    this.policy = initialCuePolicyState(plan.cueOptions);
    this.unsubscribeVoice = deps.voice.onLineFinished((id) => {
      this.policy = speechEnded(this.policy, id, deps.now());
    });
  }

  /** Opens the source, loads the model and starts recording, then begins the session. */
  async start(pipeline: Pipeline): Promise<void> {
    this.pipeline = pipeline;
    this.store.update((s) => ({ ...s, status: 'starting', error: null, loadProgress: null }));
    pipeline.source.onEnded((reason) => this.onSourceEnded(reason));
    try {
      const [estimator] = await Promise.all([
        pipeline.createEstimator(
          (loadProgress) => this.store.update((s) => ({ ...s, loadProgress })),
          (error) => void this.restartModel(error),
        ),
        pipeline.source.start(),
      ]);
      // Recorded only once it can run: a failed start leaves no empty session behind.
      await this.startRecording(this.plan.model === 'auto' ? estimator.model : this.plan.model);
      this.estimator = estimator;
      this.store.update((s) => ({ ...s, status: 'running', backend: estimator.backend }));
      this.startLoop(pipeline.source, estimator);
      this.step({ command: 'start' }, this.deps.now());
      this.ticker = setInterval(() => this.tick(), TICK_MS);
      this.diagnosticsTimer = setInterval(() => void this.sampleDiagnostics(), DIAGNOSTICS_MS);
    } catch (error) {
      this.fail(error);
    }
  }

  /** A user command: pause, resume, stop, skip, answers. */
  command(command: UserCommand): void {
    if (this.store.getSnapshot().status !== 'running') return;
    if (command.command === 'stop') this.deps.voice.silence();
    if (command.command === 'resume') this.store.update((s) => ({ ...s, pausedByPageHide: false }));
    this.step(command, this.deps.now());
  }

  setCueOptions(options: Partial<CuePolicyOptions>): void {
    this.policy = setCuePolicyOptions(this.policy, options);
  }

  /** After the camera was lost: open it again; the session stays paused until resumed. */
  async reconnect(source: FrameSource): Promise<void> {
    if (this.estimator === null) return;
    this.loop?.stop();
    this.pipeline?.source.stop();
    this.pipeline = this.pipeline === null ? null : { ...this.pipeline, source };
    source.onEnded((reason) => this.onSourceEnded(reason));
    try {
      await source.start();
      const problem = this.store.getSnapshot().sourceProblem;
      if (this.sourceLostAtMs !== null && problem !== null) {
        this.recording?.incident(
          'camera-lost',
          problem.message,
          this.sourceLostAtMs,
          this.deps.now(),
        );
      }
      this.sourceLostAtMs = null;
      this.store.update((s) => ({ ...s, sourceProblem: null }));
      this.startLoop(source, this.estimator);
    } catch (error) {
      this.store.update((s) => ({
        ...s,
        sourceProblem: { reason: 'error', message: toUserFacingError(error).message },
      }));
    }
  }

  /** Writes what is pending now (the page is being hidden). */
  flush(): Promise<void> {
    return this.recording?.flush() ?? Promise.resolve();
  }

  /**
   * The tab was hidden: nobody is watching the coach and the browser throttles the page, so
   * the session pauses (the user resumes it) and what is recorded is written out.
   */
  pageHidden(): void {
    if (this.store.getSnapshot().status !== 'running') return;
    if (this.session.paused === null) this.step({ command: 'pause' }, this.deps.now());
    this.store.update((s) => ({ ...s, pausedByPageHide: true }));
    void this.flush();
  }

  /** Stops everything; an unfinished session stays in the store as interrupted. */
  dispose(): void {
    this.stopMachinery();
    this.pipeline?.source.stop();
    this.estimator?.dispose();
    this.estimator = null;
    void this.recording?.flush();
    this.recording?.dispose();
    this.unsubscribeVoice();
  }

  /**
   * The session so far as an export file, what storage holds plus what is only in memory: what
   * to save when storage is full, so nothing recorded is lost. Null when nothing is recorded.
   */
  exportNow(): Promise<ExportedFile | null> {
    if (this.recording === null || this.deps.recordings === null) return Promise.resolve(null);
    return this.deps.recordings.exportRecording(this.recording);
  }

  /** Where the session is: the demo person acts on it. */
  demoCue(): DemoCue {
    const s = this.session;
    return { phase: s.phase, phaseStartMs: s.phaseStartMs, pass: s.pass, rep: s.rep };
  }

  /** The whole session recorded so far (for an export when storage failed). */
  snapshot(): Promise<SessionRecord | null> {
    return this.recording?.snapshot() ?? Promise.resolve(null);
  }

  /** `model`: the model that runs (the plan may say 'auto'). */
  private async startRecording(model: string): Promise<void> {
    const recordings = this.deps.recordings;
    if (recordings === null) return;
    this.recording =
      this.plan.resumeSessionId !== undefined
        ? await recordings.resumeRecording(this.plan.resumeSessionId)
        : await recordings.startRecording({
            stretches: this.plan.stretches,
            routine: this.plan.routine.map((s) => s.id),
            model,
          });
    this.recording.subscribe(() =>
      this.store.update((s) => ({ ...s, recording: this.recording?.status ?? null })),
    );
    this.store.update((s) => ({ ...s, recording: this.recording?.status ?? null }));
  }

  private startLoop(source: FrameSource, estimator: PoseEstimator): void {
    this.loop = new LivePoseLoop(source, estimator, {
      maxSidePx: INFERENCE_MAX_SIDE_PX,
      maxInFlight: 2,
      adaptive: ADAPTIVE_RATE,
      now: this.deps.now,
      onResult: (result) => {
        const nowMs = this.deps.now();
        const [geometry, measures] = measureFrame(this.geometry, result.pose, nowMs);
        this.geometry = geometry;
        this.measures = measures;
        this.store.update((s) => ({
          ...s,
          pose: result.pose,
          analysedFps: result.analysedFps,
          framesAnalysed: result.framesAnalysed,
        }));
        this.step(measures, nowMs);
      },
      onError: (error) => this.fail(error),
    });
    this.loop.start();
  }

  /**
   * The pose worker died: start a new one and carry on. Frames stop meanwhile (the protocol's
   * hold timer does not count the gap) and the gap is recorded as an incident for the report.
   */
  private async restartModel(error: Error): Promise<void> {
    const pipeline = this.pipeline;
    if (pipeline === null || this.store.getSnapshot().status !== 'running') return;
    const crashedAtMs = this.deps.now();
    this.restartTimesMs = [...this.restartTimesMs, crashedAtMs].filter(
      (t) => crashedAtMs - t <= RESTART_WINDOW_MS,
    );
    if (this.restartTimesMs.length > MAX_RESTARTS) {
      this.fail(
        new ModelKeepsCrashingError(this.restartTimesMs.length, RESTART_WINDOW_MS, error.message),
      );
      return;
    }
    this.loop?.stop();
    this.loop = null;
    this.estimator = null;
    this.store.update((s) => ({ ...s, restartingModel: true }));
    try {
      const estimator = await pipeline.createEstimator(
        () => {},
        (next) => void this.restartModel(next),
      );
      if (this.store.getSnapshot().status !== 'running') {
        estimator.dispose();
        return;
      }
      this.estimator = estimator;
      this.recording?.incident('analysis-gap', error.message, crashedAtMs, this.deps.now());
      this.store.update((s) => ({ ...s, restartingModel: false }));
      this.startLoop(pipeline.source, estimator);
    } catch (restartError) {
      this.fail(restartError);
    }
  }

  private async sampleDiagnostics(): Promise<void> {
    const estimator = this.estimator;
    if (estimator === null) return;
    let numTensors: number;
    try {
      ({ numTensors } = await estimator.diagnostics());
    } catch {
      // The worker stopped (it is being restarted): no reading this time, not a stale one.
      return;
    }
    this.store.update((s) => ({
      ...s,
      tensorCount: numTensors,
      tensorReadings: s.tensorReadings + 1,
    }));
  }

  private tick(): void {
    const nowMs = this.deps.now();
    if (nowMs - this.lastStepMs >= TICK_MS) this.step(TIME_TICK, nowMs);
  }

  /** One input through protocol and cue policy; carries out what they ask for. */
  private step(input: SessionInput, nowMs: number): void {
    this.lastStepMs = nowMs;
    const [session, events] = transition(this.session, input, nowMs);
    this.session = session;
    const [policy, utterances] = stepCuePolicy(this.policy, events, session, nowMs);
    this.policy = policy;
    this.recording?.frame('personFound' in input ? input : null, events, nowMs);
    for (const utterance of utterances) this.say(utterance);
    this.store.update((s) => ({ ...s, view: sessionView(session, this.measures, nowMs) }));
    if (events.some(isSessionEnd)) void this.finish();
  }

  private say(utterance: Utterance): void {
    this.recording?.cue(utterance);
    this.utterances.set(utterance.id, utterance);
    const line: CoachLine = {
      id: utterance.id,
      text: utterance.text,
      urgent: utterance.priority === 'safety',
      interrupt: utterance.interrupt,
      speak: utterance.speak,
      ...toneForUtterance(utterance),
    };
    this.deps.voice.say(line);
  }

  private async finish(): Promise<void> {
    this.stopMachinery();
    this.pipeline?.source.stop();
    this.estimator?.dispose();
    this.estimator = null;
    let endedSessionId: string | null = null;
    try {
      const record =
        this.recording !== null
          ? await this.deps.recordings?.finishRecording(this.recording)
          : undefined;
      endedSessionId = record?.meta.id ?? null;
    } catch (error) {
      this.store.update((s) => ({ ...s, error: toUserFacingError(error) }));
    }
    this.store.update((s) => ({ ...s, status: 'ended', endedSessionId }));
  }

  private onSourceEnded(reason: SourceEndReason): void {
    if (this.store.getSnapshot().status !== 'running') return;
    this.loop?.stop();
    this.sourceLostAtMs ??= this.deps.now();
    if (this.session.paused === null) this.step({ command: 'pause' }, this.deps.now());
    const message =
      reason === 'track-ended'
        ? 'The camera stopped sending pictures — was it unplugged or taken by another app? Your session so far is kept. Reconnect it to carry on.'
        : reason === 'file-ended'
          ? 'The video file has ended. Your session so far is kept.'
          : 'The picture source failed. Your session so far is kept.';
    this.store.update((s) => ({ ...s, sourceProblem: { reason, message } }));
    void this.flush();
  }

  private stopMachinery(): void {
    this.loop?.stop();
    this.loop = null;
    if (this.ticker !== null) clearInterval(this.ticker);
    this.ticker = null;
    if (this.diagnosticsTimer !== null) clearInterval(this.diagnosticsTimer);
    this.diagnosticsTimer = null;
  }

  /**
   * The session cannot go on in this page. A session that was running is finished with what was
   * recorded, so it is in the history with its report rather than left half-open.
   */
  private fail(error: unknown): void {
    const wasRunning = this.store.getSnapshot().status === 'running';
    this.stopMachinery();
    this.pipeline?.source.stop();
    this.estimator?.dispose();
    this.estimator = null;
    const model = (POSE_MODEL_IDS as readonly string[]).includes(this.plan.model)
      ? (this.plan.model as PoseModelId)
      : null;
    this.store.update((s) => ({
      ...s,
      status: 'error',
      error: toUserFacingErrorWithFallback(error, model),
    }));
    const recording = this.recording;
    if (recording === null) return;
    if (!wasRunning) {
      void recording.flush();
      return;
    }
    void this.keepRecording(recording);
  }

  private async keepRecording(recording: SessionRecording): Promise<void> {
    try {
      const record = await this.deps.recordings?.finishRecording(recording);
      this.store.update((s) => ({ ...s, endedSessionId: record?.meta.id ?? null }));
    } catch {
      // Storage refused: the recording says so itself (and offers an export); what reached
      // storage is found as an interrupted session next time.
      void recording.flush();
    }
  }
}

function isSessionEnd(event: ProtocolEvent): boolean {
  return event.type === 'session-ended';
}
