import type { FrameSource, SourceEndReason } from '../../camera/types';
import { coachStep, initialCoachState } from '../../coach/coachStep';
import type { CoachInput, CoachSettings, CoachState } from '../../coach/coachTypes';
import { coachView } from '../../coach/view/sessionView';
import type { DemoCue } from '../../demo/demoActor';
import { POSE_MODEL_IDS, type Pose, type PoseModelId } from '../../geometry/types';
import type { PoseEstimator } from '../../pose/types';
import type { SessionEndReason, UserCommand } from '../../protocol';
import type { SessionRecord } from '../../session/sessionRecord';
import type { SessionRecording } from '../../session/sessionRecording';
import { TimerGroup } from '../clock';
import type { ExportedFile } from '../sessionLibrary';
import { createStore, type Store } from '../store';
import { toUserFacingError, toUserFacingErrorWithFallback } from '../userFacingError';
import { runEffect, type EffectTargets } from './coachEffects';
import { PoseFeed, livePoseLoop } from './poseFeed';
import { DIAGNOSTICS_MS, TICK_MS, recentCrashes, tooManyCrashes } from './runnerTiming';
import {
  keepRecording,
  openRecording,
  type Pipeline,
  type SessionPlan,
  type SessionRunnerDependencies,
} from './sessionPlan';
import {
  INITIAL_RUNNER_STATE,
  SOURCE_MESSAGES,
  type FrameStats,
  type RunnerPause,
  type RunningChange,
  type RunnerState,
  type RunnerStatus,
  type SourceProblem,
} from './runnerState';

/**
 * The live session: the effect runner around the coaching step (coach/coachStep.ts). Poses,
 * commands, ticks and speech events go into the step; what it asks for is carried out
 * (coachEffects.ts). Around it, the session's life: open the source and load the model, restart
 * a crashed model, pause when the page hides or the picture is lost, and one teardown for every
 * way out (the routine ends, something fails, the screen goes away). All timers come from the
 * injected scheduler, all times from the injected clock.
 */
export class SessionRunner {
  readonly store: Store<RunnerState> = createStore(INITIAL_RUNNER_STATE);
  private coach: CoachState;
  private pipeline: Pipeline | null = null;
  private estimator: PoseEstimator | null = null;
  private recording: SessionRecording | null = null;
  private readonly feed: PoseFeed;
  private readonly timers: TimerGroup;
  private targets: EffectTargets;
  private readonly clipListeners = new Set<(pose: Pose | null, timestampMs: number) => void>();
  private unsubscribeVoice: (() => void) | null;
  private lastStepMs = -Infinity;
  private restartTimesMs: number[] = [];
  /** When the picture source was lost, until it is reconnected (for the report's gap). */
  private sourceLostAtMs: number | null = null;
  private endedReason: SessionEndReason | null = null;
  private tornDown = false;

  constructor(
    private readonly deps: SessionRunnerDependencies,
    private readonly plan: SessionPlan,
  ) {
    this.coach = initialCoachState({
      routine: plan.routine,
      ...(plan.sessionOptions === undefined ? {} : { session: plan.sessionOptions }),
      ...(plan.settings === undefined ? {} : { settings: plan.settings }),
    });
    this.feed = new PoseFeed(
      deps.scheduler,
      deps.startLoop ?? livePoseLoop(deps.clock),
      DIAGNOSTICS_MS,
    );
    this.timers = new TimerGroup(deps.scheduler);
    this.targets = {
      voice: deps.voice,
      recording: null,
      clipPose: (pose, timestampMs) => {
        for (const listener of this.clipListeners) listener(pose, timestampMs);
      },
      ended: (reason) => (this.endedReason = reason),
    };
    this.unsubscribeVoice = deps.voice.onLineFinished((utteranceId) =>
      this.input({ type: 'speech-ended', utteranceId }),
    );
  }

  /** Opens the source, loads the model and starts recording, then begins the session. */
  async start(pipeline: Pipeline): Promise<void> {
    this.pipeline = pipeline;
    this.setStatus({ kind: 'starting', loadProgress: null });
    pipeline.source.onEnded((reason) => this.onSourceEnded(reason));
    try {
      const [estimator] = await Promise.all([
        pipeline.createEstimator(
          (loadProgress) => this.setStatus({ kind: 'starting', loadProgress }),
          (error) => void this.restartModel(error),
        ),
        pipeline.source.start(),
      ]);
      this.estimator = estimator;
      if (this.tornDown) return this.teardown();
      // Recorded only once it can run: a failed start leaves no empty session behind.
      await this.startRecording(this.plan.model === 'auto' ? estimator.model : this.plan.model);
      if (this.tornDown) return this.dispose();
      this.setStatus({
        kind: 'running',
        backend: estimator.backend,
        analysis: { kind: 'analysing' },
        pausedBy: null,
      });
      this.feedPoses(pipeline.source, estimator);
      this.input({ type: 'command', command: { command: 'start' } });
      this.timers.every(TICK_MS, () => this.tick());
    } catch (error) {
      this.fail(error);
    }
  }

  /** A user command: pause, resume, stop, skip, answers. */
  command(command: UserCommand): void {
    if (this.store.getSnapshot().status.kind !== 'running') return;
    if (command.command === 'resume') this.updateRunning({ pausedBy: null });
    this.input({ type: 'command', command });
  }

  /** Verbosity, mute or speech rate changed: the coach follows from its next line. */
  applySettings(settings: Partial<CoachSettings>): void {
    this.input({ type: 'settings', settings });
  }

  /**
   * The model setting changed: load the model it names now, and carry on with it (the gap is
   * recorded as a gap in the analysis, like a restart).
   */
  async changeModel(): Promise<void> {
    if (!this.isRunning()) return;
    await this.replaceEstimator('The pose model was changed in the settings.');
  }

  /** Poses as they are analysed, for a clip recorded beside the session. */
  onClipPose(listener: (pose: Pose | null, timestampMs: number) => void): () => void {
    this.clipListeners.add(listener);
    return () => this.clipListeners.delete(listener);
  }

  /** After the camera was lost: open it again; the session stays paused until resumed. */
  async reconnect(source: FrameSource): Promise<void> {
    const estimator = this.estimator;
    if (estimator === null || this.pipeline === null || !this.isRunning()) return;
    this.feed.stop();
    this.pipeline.source.stop();
    this.pipeline = { ...this.pipeline, source };
    source.onEnded((reason) => this.onSourceEnded(reason));
    try {
      await source.start();
      const status = this.store.getSnapshot().status;
      const lost = status.kind === 'running' && status.analysis.kind === 'source-lost';
      if (this.sourceLostAtMs !== null && lost) {
        const { message } = status.analysis.problem;
        this.input({
          type: 'incident',
          kind: 'camera-lost',
          detail: message,
          sinceMs: this.sourceLostAtMs,
        });
      }
      this.sourceLostAtMs = null;
      this.updateRunning({ analysis: { kind: 'analysing' } });
      this.feedPoses(source, estimator);
    } catch (error) {
      const problem: SourceProblem = { reason: 'error', message: toUserFacingError(error).message };
      this.updateRunning({ analysis: { kind: 'source-lost', problem } });
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
    if (!this.isRunning()) return;
    this.pauseFor('page-hidden');
    void this.flush();
  }

  /** Stops everything; an unfinished session stays in the store as interrupted. */
  dispose(): void {
    this.teardown();
    void this.recording?.flush();
    this.recording?.dispose();
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
    const s = this.coach.session;
    return { phase: s.phase, phaseStartMs: s.phaseStartMs, pass: s.pass, rep: s.rep };
  }

  /** The whole session recorded so far (for an export when storage failed). */
  snapshot(): Promise<SessionRecord | null> {
    return this.recording?.snapshot() ?? Promise.resolve(null);
  }

  /** One input through the coaching step; runs its effects and shows the result. */
  private input(input: CoachInput, frames?: FrameStats): void {
    const nowMs = this.deps.clock.nowMs();
    if (input.type !== 'speech-ended') this.lastStepMs = nowMs;
    const [next, effects] = coachStep(this.coach, input, nowMs);
    this.coach = next;
    for (const effect of effects) runEffect(effect, this.targets);
    this.store.update((s) => ({ ...s, view: coachView(next, nowMs), frames: frames ?? s.frames }));
    if (this.endedReason !== null && !this.tornDown) void this.finish();
  }

  private tick(): void {
    if (this.deps.clock.nowMs() - this.lastStepMs >= TICK_MS) this.input({ type: 'tick' });
  }

  /** `model`: the model that runs (the plan may say 'auto'). */
  private async startRecording(model: string): Promise<void> {
    const recording = await openRecording(this.deps.recordings, this.plan, model);
    if (recording === null) return;
    this.recording = recording;
    this.targets = { ...this.targets, recording };
    this.coach = { ...this.coach, recorder: recording.recorder };
    // The page-hide flush takes the step's pending tail first.
    recording.handOverPendingWith(() => this.input({ type: 'flush' }));
    const show = (): void => this.store.update((s) => ({ ...s, recording: recording.status }));
    recording.subscribe(show);
    show();
  }

  private feedPoses(source: FrameSource, estimator: PoseEstimator): void {
    this.feed.run(source, estimator, {
      onResult: (result) =>
        this.input(
          { type: 'frame', timestampMs: result.timestampMs, pose: result.pose },
          {
            ...this.store.getSnapshot().frames,
            pose: result.pose,
            analysedFps: result.analysedFps,
            framesAnalysed: result.framesAnalysed,
          },
        ),
      onError: (error) => this.fail(error),
      onTensors: (tensorCount) =>
        this.store.update((s) => ({
          ...s,
          frames: { ...s.frames, tensorCount, tensorReadings: s.frames.tensorReadings + 1 },
        })),
    });
  }

  /**
   * The pose worker died: start a new one and carry on. Frames stop meanwhile (the protocol's
   * hold timer does not count the gap) and the gap is recorded as an incident for the report.
   */
  private async restartModel(error: Error): Promise<void> {
    if (!this.isRunning()) return;
    this.restartTimesMs = recentCrashes(this.restartTimesMs, this.deps.clock.nowMs());
    const givingUp = tooManyCrashes(this.restartTimesMs, error);
    if (givingUp !== null) return this.fail(givingUp);
    await this.replaceEstimator(error.message);
  }

  private async replaceEstimator(why: string): Promise<void> {
    const pipeline = this.pipeline;
    if (pipeline === null) return;
    const sinceMs = this.deps.clock.nowMs();
    this.feed.stop();
    this.estimator?.dispose();
    this.estimator = null;
    this.updateRunning({ analysis: { kind: 'restarting-model' } });
    try {
      const estimator = await pipeline.createEstimator(
        () => undefined,
        (next) => void this.restartModel(next),
      );
      if (!this.isRunning() || this.tornDown) {
        estimator.dispose();
        return;
      }
      this.estimator = estimator;
      this.input({ type: 'incident', kind: 'analysis-gap', detail: why, sinceMs });
      const status = this.store.getSnapshot().status;
      if (status.kind === 'running' && status.analysis.kind !== 'restarting-model') return;
      this.updateRunning({ analysis: { kind: 'analysing' }, backend: estimator.backend });
      this.feedPoses(pipeline.source, estimator);
    } catch (restartError) {
      this.fail(restartError);
    }
  }

  private onSourceEnded(reason: SourceEndReason): void {
    if (!this.isRunning()) return;
    this.feed.stop();
    this.sourceLostAtMs ??= this.deps.clock.nowMs();
    this.pauseFor('source-lost');
    const problem: SourceProblem = { reason, message: SOURCE_MESSAGES[reason] };
    this.updateRunning({ analysis: { kind: 'source-lost', problem } });
    void this.flush();
  }

  private pauseFor(why: RunnerPause): void {
    if (this.coach.session.paused === null)
      this.input({ type: 'command', command: { command: 'pause' } });
    this.updateRunning({ pausedBy: why });
  }

  /** The routine ended: keep the record and say where its report is. */
  private async finish(): Promise<void> {
    this.teardown();
    const kept = await keepRecording(this.deps.recordings, this.recording);
    this.setStatus({ kind: 'ended', sessionId: kept.sessionId, saveError: kept.error });
  }

  /**
   * The session cannot go on in this page. A session that was running is finished with what was
   * recorded, so it is in the history with its report rather than left half-open.
   */
  private fail(cause: unknown): void {
    const wasRunning = this.isRunning();
    this.teardown();
    const model = (POSE_MODEL_IDS as readonly string[]).includes(this.plan.model)
      ? (this.plan.model as PoseModelId)
      : null;
    const error = toUserFacingErrorWithFallback(cause, model);
    this.setStatus({ kind: 'failed', error, sessionId: null });
    const recording = this.recording;
    if (recording === null) return;
    if (!wasRunning) {
      void recording.flush();
      return;
    }
    void this.keepFailedRecording(recording);
  }

  private async keepFailedRecording(recording: SessionRecording): Promise<void> {
    const { sessionId } = await keepRecording(this.deps.recordings, recording);
    const status = this.store.getSnapshot().status;
    if (status.kind === 'failed') this.setStatus({ ...status, sessionId });
  }

  /** Every way out ends here: no frames, no timers, no source, no model, no voice listener. */
  private teardown(): void {
    this.tornDown = true;
    this.feed.stop();
    this.timers.cancelAll();
    this.pipeline?.source.stop();
    this.estimator?.dispose();
    this.estimator = null;
    this.unsubscribeVoice?.();
    this.unsubscribeVoice = null;
  }

  private isRunning(): boolean {
    return this.store.getSnapshot().status.kind === 'running' && !this.tornDown;
  }

  private setStatus(status: RunnerStatus): void {
    this.store.update((s) => ({ ...s, status }));
  }

  private updateRunning(change: RunningChange): void {
    this.store.update((s) =>
      s.status.kind === 'running' ? { ...s, status: { ...s.status, ...change } } : s,
    );
  }
}
