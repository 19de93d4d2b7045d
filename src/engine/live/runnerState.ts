import type { SourceEndReason } from '../../camera/types';
import type { SessionView } from '../../coach/view/sessionView';
import type { Pose } from '../../geometry/types';
import type { BackendInfo } from '../../pose/backends';
import type { LoadProgress } from '../../pose/types';
import type { RecordingStatus } from '../../session/sessionRecording';
import type { UserFacingError } from '../userFacingError';

/** What the live session screen reads of a running session, through selectors. */

/** A problem with the picture source mid-session; the session is kept and paused. */
export interface SourceProblem {
  readonly reason: SourceEndReason;
  readonly message: string;
}

/** How the pictures are being analysed while the session runs. */
export type AnalysisStatus =
  | { readonly kind: 'analysing' }
  /** The pose model stopped and is being restarted (or swapped); the session carries on. */
  | { readonly kind: 'restarting-model' }
  /** The picture source ended or failed; the session is paused until it is reconnected. */
  | { readonly kind: 'source-lost'; readonly problem: SourceProblem };

/** Why the runner itself paused the session (the user's own pauses are not listed). */
export type RunnerPause = 'page-hidden' | 'source-lost';

export type RunnerStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'starting'; readonly loadProgress: LoadProgress | null }
  | {
      readonly kind: 'running';
      readonly backend: BackendInfo;
      readonly analysis: AnalysisStatus;
      /** Set when the runner paused the session; cleared when the user resumes. */
      readonly pausedBy: RunnerPause | null;
    }
  /** The routine is over; `sessionId` is where its report lives (null: not saved here). */
  | {
      readonly kind: 'ended';
      readonly sessionId: string | null;
      readonly saveError: UserFacingError | null;
    }
  /** The session cannot go on; what was recorded is kept under `sessionId` when it was saved. */
  | {
      readonly kind: 'failed';
      readonly error: UserFacingError;
      readonly sessionId: string | null;
    };

/** A change to a running session's status. */
export type RunningChange = Partial<Omit<Extract<RunnerStatus, { kind: 'running' }>, 'kind'>>;

/** What changes with every analysed frame: read by the overlay and the soak, not by panels. */
export interface FrameStats {
  /** Latest pose, for the overlay (drawn every animation frame, not through React). */
  readonly pose: Pose | null;
  readonly analysedFps: number;
  readonly framesAnalysed: number;
  /** Tensors the pose model holds, sampled every few seconds (flat, or something leaks). */
  readonly tensorCount: number | null;
  /** How many times `tensorCount` was read: a soak can tell a fresh reading from a stale one. */
  readonly tensorReadings: number;
}

export interface RunnerState {
  readonly status: RunnerStatus;
  /** The session as the screen shows it; null before the session starts. */
  readonly view: SessionView | null;
  readonly frames: FrameStats;
  readonly recording: RecordingStatus | null;
}

export const INITIAL_RUNNER_STATE: RunnerState = {
  status: { kind: 'idle' },
  view: null,
  frames: {
    pose: null,
    analysedFps: 0,
    framesAnalysed: 0,
    tensorCount: null,
    tensorReadings: 0,
  },
  recording: null,
};

/** What the user is told when the picture source ends by itself. */
export const SOURCE_MESSAGES: Readonly<Record<SourceEndReason, string>> = {
  'track-ended':
    'The camera stopped sending pictures — was it unplugged or taken by another app? Your session so far is kept. Reconnect it to carry on.',
  'file-ended': 'The video file has ended. Your session so far is kept.',
  error: 'The picture source failed. Your session so far is kept.',
};
