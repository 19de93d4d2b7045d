import { POSE_MODEL_IDS, type Pose } from '../../geometry/types';
import { ClipRecorder, clipRecordingSupported } from '../../review/clipRecorder';
import type { StoredClip } from '../../review/clipTypes';
import { PoseTrackBuilder } from '../../review/poseTrack';
import type { ClipBudget } from '../../review/storageBudget';
import { formatBytes } from '../../review/storageBudget';
import type { SessionRecord } from '../../session';
import { finaliseRecord } from '../../session';
import type { Clock, Scheduler } from '../clock';
import { TimerGroup } from '../clock';
import type { RunnerState } from '../live/runnerState';
import type { ReadableStore } from '../store';
import { createStore, type Store } from '../store';
import { describeClipError, type ClipLibrary, type ExportedBundle } from './clipLibrary';

/**
 * Opt-in recording of a live session's picture as a clip. The session runs exactly as without
 * it: the controller takes the runner's analysed poses (the coaching step's clip-pose effect) into
 * the clip's pose track, in the clip's time, and records the camera's stream beside it. The clip is kept
 * when the session ends, with the session's final record, in the clip store — never in the
 * sessions database, so a full clip store cannot cost the session. When the clip cannot be kept
 * (budget, quota) the user is told, the session is not affected, and the clip can still be saved
 * as a review bundle file.
 */

export type LiveClipPhase =
  | 'off'
  | 'recording'
  /** Stopped by the user or the budget; kept when the session ends. */
  | 'stopped'
  | 'saving'
  | 'saved'
  | 'failed'
  | 'unsupported';

export interface LiveClipState {
  readonly phase: LiveClipPhase;
  readonly bytes: number;
  readonly durationMs: number;
  readonly budget: ClipBudget | null;
  /** What happened, for the user (why it stopped, why it was not kept). */
  readonly message: string | null;
  readonly clipId: string | null;
  /** A clip that could not be kept is held in memory, to save as a file. */
  readonly canDownload: boolean;
}

/** What the controller needs of the session runner. */
export interface RecordedRunner {
  readonly store: ReadableStore<RunnerState>;
  /** Each analysed pose with the time its frame was taken; returns what stops it. */
  onClipPose(listener: (pose: Pose | null, timestampMs: number) => void): () => void;
  /** The session recorded so far (read back from storage, so it takes a moment). */
  snapshot(): Promise<SessionRecord | null>;
}

export interface LiveClipDependencies {
  readonly clips: ClipLibrary;
  /** The finished session's record by id (the session library's store). */
  readonly sessionRecord: (id: string) => Promise<SessionRecord | null>;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly newId: () => string;
}

/** Recording stops this far short of the budget: the last second's piece must still fit. */
const BUDGET_MARGIN_BYTES = 2 * 1024 ** 2;

const INITIAL: LiveClipState = {
  phase: 'off',
  bytes: 0,
  durationMs: 0,
  budget: null,
  message: null,
  clipId: null,
  canDownload: false,
};

/** The stream behind the session's picture: the camera's, or one captured from the element. */
function streamOf(video: HTMLVideoElement): MediaStream | null {
  if (video.srcObject instanceof MediaStream) return video.srcObject;
  const capture = (video as HTMLVideoElement & { captureStream?: () => MediaStream }).captureStream;
  return capture === undefined ? null : capture.call(video);
}

export class LiveClipController {
  readonly store: Store<LiveClipState>;
  private recorder: ClipRecorder | null = null;
  private track: PoseTrackBuilder | null = null;
  private startedAtEpochMs = 0;
  private readonly ticker: TimerGroup;
  private unsaved: StoredClip | null = null;
  private finishing: Promise<void> | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly runner: RecordedRunner,
    private readonly video: HTMLVideoElement,
    private readonly deps: LiveClipDependencies,
  ) {
    this.store = createStore<LiveClipState>({
      ...INITIAL,
      phase: clipRecordingSupported() ? 'off' : 'unsupported',
    });
    this.ticker = new TimerGroup(deps.scheduler);
  }

  /**
   * Starts following the session (and reads the clip budget); returns what stops it, which keeps
   * a clip under way. Separate from the constructor so a screen can create the controller while
   * rendering and connect it in an effect.
   */
  connect(): () => void {
    const { runner } = this;
    this.unsubscribe?.();
    const unsubscribeStatus = runner.store.subscribe(() =>
      this.onRunner(runner.store.getSnapshot()),
    );
    const unsubscribePoses = runner.onClipPose((pose, timestampMs) =>
      this.addPose(pose, timestampMs),
    );
    this.unsubscribe = () => {
      unsubscribeStatus();
      unsubscribePoses();
    };
    void this.refreshBudget();
    return () => this.dispose();
  }

  /** The user asked for a clip: start recording the picture now. */
  async start(): Promise<void> {
    const phase = this.store.getSnapshot().phase;
    if (phase !== 'off' && phase !== 'failed') return;
    const stream = streamOf(this.video);
    if (stream === null || stream.getVideoTracks().length === 0) {
      this.set({ phase: 'failed', message: 'This picture cannot be recorded in this browser.' });
      return;
    }
    const budget = await this.refreshBudget();
    if (budget !== null && budget.remainingBytes < 2 * BUDGET_MARGIN_BYTES) {
      this.set({
        phase: 'failed',
        message: `There is no room left for clips (${formatBytes(budget.remainingBytes)}). Delete old clips on the Clips page first.`,
      });
      return;
    }
    try {
      const recorder = new ClipRecorder(stream, {
        now: this.deps.clock.nowMs,
        onProgress: (bytes) => this.onBytes(bytes),
        onStoppedByItself: () => {
          if (this.store.getSnapshot().phase === 'recording')
            this.set({ phase: 'stopped', message: 'The camera stopped, so the clip stopped too.' });
        },
      });
      this.recorder = recorder;
      this.track = null;
      await recorder.start();
      this.startedAtEpochMs = this.deps.clock.epochMs();
      this.set({ phase: 'recording', bytes: 0, durationMs: 0, message: null });
      this.ticker.every(500, () =>
        this.set({ durationMs: recorder.durationMs(this.deps.clock.nowMs()) }),
      );
    } catch (error) {
      this.recorder = null;
      this.set({
        phase: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
  }

  /** The user stopped the clip; it is kept when the session ends. */
  stop(message = 'Clip stopped. It will be kept when the session ends.'): void {
    if (this.store.getSnapshot().phase !== 'recording') return;
    this.stopTicker();
    void this.recorder?.stop();
    this.set({ phase: 'stopped', message });
  }

  /** The clip that could not be kept, as a review bundle file. */
  async unsavedBundle(): Promise<ExportedBundle | null> {
    return this.unsaved === null ? null : this.deps.clips.bundleOf(this.unsaved);
  }

  /** The screen goes away: a clip under way is kept with the session as recorded so far. */
  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.recorder !== null) void this.finish();
    this.stopTicker();
  }

  private onRunner(state: RunnerState): void {
    const over = state.status.kind === 'ended' || state.status.kind === 'failed';
    if (over && this.recorder !== null) void this.finish();
  }

  private addPose(pose: Pose | null, timestampMs: number): void {
    const recorder = this.recorder;
    if (recorder?.recording !== true || recorder.startedAtMs === null) return;
    // A frame's time is on the page clock: the clip's time of it is that less the clip's start.
    const tMs = timestampMs - recorder.startedAtMs;
    if (tMs < 0) return;
    if (pose !== null) this.track ??= new PoseTrackBuilder(pose.model);
    this.track?.push(tMs, pose, pose?.imageSize ?? this.videoSize());
  }

  private videoSize() {
    return { widthPx: this.video.videoWidth || 640, heightPx: this.video.videoHeight || 480 };
  }

  private onBytes(bytes: number): void {
    this.set({ bytes });
    const budget = this.store.getSnapshot().budget;
    if (budget !== null && bytes >= budget.remainingBytes - BUDGET_MARGIN_BYTES)
      this.stop(
        'The clip stopped: it filled the space left for clips. Your session carries on, and the clip so far will be kept.',
      );
  }

  private finish(): Promise<void> {
    this.finishing ??= this.save();
    return this.finishing;
  }

  private async save(): Promise<void> {
    const recorder = this.recorder;
    if (recorder === null) return;
    this.stopTicker();
    this.set({ phase: 'saving' });
    const blob = await recorder.stop();
    const status = this.runner.store.getSnapshot().status;
    const endedId = status.kind === 'ended' || status.kind === 'failed' ? status.sessionId : null;
    const record =
      (endedId === null ? null : await this.deps.sessionRecord(endedId)) ??
      (await this.runner.snapshot());
    if (record === null || blob.size === 0) {
      this.set({ phase: 'failed', message: 'Nothing was recorded, so there is no clip to keep.' });
      return;
    }
    const session = finaliseRecord(record);
    const durationMs = recorder.durationMs(this.deps.clock.nowMs());
    // No pose seen while recording: an empty track, under the model the session ran (the demo's
    // simulated person has none; its keypoints are MoveNet's).
    const sessionModel =
      POSE_MODEL_IDS.find((id) => id === session.meta.model) ?? 'movenet-lightning';
    const track = (this.track ?? new PoseTrackBuilder(sessionModel)).build(this.videoSize());
    const clip: StoredClip = {
      meta: {
        id: this.deps.newId(),
        title: `Session of ${new Date(session.meta.startedAtEpochMs).toLocaleDateString()}`,
        createdAtEpochMs: this.startedAtEpochMs,
        origin: 'live',
        sessionId: session.meta.id,
        sessionTimeAtVideoStartMs: Math.max(
          0,
          this.startedAtEpochMs - session.meta.startedAtEpochMs,
        ),
        durationMs,
        video: {
          mimeType: recorder.mimeType,
          byteSize: blob.size,
          ...this.videoSize(),
          fileName: null,
        },
        model: track.model,
        stretchIds: [...session.meta.routine],
        analysis: null,
        notes: [],
        // The session's client: a clip recorded in a client's session shows that client.
        ...(session.meta.client !== undefined ? { client: session.meta.client } : {}),
      },
      video: blob,
      track,
      session,
    };
    try {
      await this.deps.clips.add(clip);
      this.set({ phase: 'saved', clipId: clip.meta.id, message: null });
    } catch (error) {
      this.unsaved = clip;
      this.set({
        phase: 'failed',
        canDownload: true,
        message: `The clip could not be kept: ${describeClipError(error)} Your session itself is saved separately.`,
      });
    }
    this.recorder = null;
  }

  private async refreshBudget(): Promise<ClipBudget | null> {
    try {
      const budget = await this.deps.clips.budget();
      this.set({ budget });
      return budget;
    } catch {
      return null;
    }
  }

  private stopTicker(): void {
    this.ticker.cancelAll();
  }

  private set(change: Partial<LiveClipState>): void {
    this.store.update((s) => ({ ...s, ...change }));
  }
}
