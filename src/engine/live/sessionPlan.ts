import type { FrameSource } from '../../camera/types';
import type { CoachSettings } from '../../coach/coachTypes';
import type { LoadProgress, PoseEstimator } from '../../pose/types';
import type { SessionOptions, StretchDefinition } from '../../protocol';
import type { Clock, Scheduler } from '../clock';
import type { SessionRecording } from '../../session/sessionRecording';
import type { SessionLibrary } from '../sessionLibrary';
import { toUserFacingError, type UserFacingError } from '../userFacingError';
import type { SessionVoice } from './coachEffects';
import type { StartPoseLoop } from './poseFeed';

/** What a live session is made of: its plan, its pictures, and what it runs on. */

/** What the runner needs to analyse pictures: a source and an estimator that suits it. */
export interface Pipeline {
  readonly source: FrameSource;
  /** Called at start, after a crash and after a model change: it reads the current setting. */
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
  readonly voice: SessionVoice;
  /** Null when storage is unavailable: the session is not kept. */
  readonly recordings: Recordings | null;
  /** The clock the recordings use too (its readings date every input). */
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  /** How poses are pulled from the source; the page's loop unless a test feeds them. */
  readonly startLoop?: StartPoseLoop;
}

export interface SessionPlan {
  readonly routine: readonly StretchDefinition[];
  /** Every stretch the session may run (routine plus the nerve glide it may offer). */
  readonly stretches: readonly StretchDefinition[];
  readonly sessionOptions?: Partial<SessionOptions>;
  /** Verbosity, mute and speech rate at the start; `applySettings` changes them mid-way. */
  readonly settings?: Partial<CoachSettings>;
  /** A model id, 'auto' (settled when the estimator is made) or 'demo'. */
  readonly model: string;
  /** Carry on recording into this interrupted session instead of starting a new one. */
  readonly resumeSessionId?: string;
  /** Who the session is for (a trainer's client); null or left out: no client. */
  readonly client?: string | null;
}

/** The plan's recording: a new session, or the interrupted one it resumes. Null: not recorded. */
export async function openRecording(
  recordings: Recordings | null,
  plan: SessionPlan,
  /** The model that runs (the plan may say 'auto'). */
  model: string,
): Promise<SessionRecording | null> {
  if (recordings === null) return null;
  if (plan.resumeSessionId !== undefined) return recordings.resumeRecording(plan.resumeSessionId);
  return recordings.startRecording({
    stretches: plan.stretches,
    routine: plan.routine.map((s) => s.id),
    model,
    client: plan.client ?? null,
  });
}

/**
 * Finishes the recording and says where its report is. When storage refuses, the recording says
 * so itself (and offers an export), and what reached storage is found as an interrupted session
 * next time.
 */
export async function keepRecording(
  recordings: Recordings | null,
  recording: SessionRecording | null,
): Promise<{ readonly sessionId: string | null; readonly error: UserFacingError | null }> {
  if (recordings === null || recording === null) return { sessionId: null, error: null };
  try {
    const record = await recordings.finishRecording(recording);
    return { sessionId: record.meta.id, error: null };
  } catch (error) {
    void recording.flush();
    return { sessionId: null, error: toUserFacingError(error) };
  }
}
