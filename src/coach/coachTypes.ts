import type { SetupGuide } from './view/setupGuide';
import type { BodyMeasures, GeometryState, MeasureOptions } from '../geometry';
import type { Pose } from '../geometry/types';
import type { CuePolicyState } from '../feedback/cuePolicy';
import type { CuePolicyOptions, Utterance } from '../feedback/cueTypes';
import type {
  ProtocolEvent,
  ProtocolEventType,
  SessionEndReason,
  SessionOptions,
  SessionState,
  StretchDefinition,
  UserCommand,
} from '../protocol';
import type { RecorderState } from '../session/recorder';
import type { IncidentKind, SessionChunk, SessionMeta } from '../session/sessionRecord';

/**
 * The coaching step's vocabulary: what can happen to a session (`CoachInput`) and what the step
 * asks the world to do about it (`CoachEffect`, plain data). See coachStep.ts.
 */

/** The settings a session takes mid-way: how much the coach says, whether aloud, how fast. */
export type CoachSettings = CuePolicyOptions;

export type CoachInput =
  /**
   * A frame's pose (null when the model found nobody), dated by the frame itself: `timestampMs`
   * is when its picture was taken, not when its pose arrived, so the model's latency does not
   * stretch or shift what geometry, protocol and recorder measure.
   */
  | { readonly type: 'frame'; readonly timestampMs: number; readonly pose: Pose | null }
  /**
   * A frame measured already (dated by `measures.timestampMs`): an analysed video measures its
   * whole track first to tell which stretch it shows, and tests drive the protocol with
   * measures made up to order. Everything after geometry is the same as for `frame`.
   */
  | { readonly type: 'measured-frame'; readonly measures: BodyMeasures }
  | { readonly type: 'command'; readonly command: UserCommand }
  /** Time passing without a frame (camera stalled, tab hidden): countdowns and rests run on. */
  | { readonly type: 'tick' }
  /** The speaker finished (or cut off) a line: the coach may speak again from now. */
  | { readonly type: 'speech-ended'; readonly utteranceId: string }
  /** The user changed a setting mid-session. */
  | { readonly type: 'settings'; readonly settings: Partial<CoachSettings> }
  /**
   * Something happened to the session rather than in it (the model restarted, the camera was
   * lost), from `sinceMs` until now; the report shows it as a gap.
   */
  | {
      readonly type: 'incident';
      readonly kind: IncidentKind;
      readonly detail: string;
      readonly sinceMs: number;
    }
  /** Write out what is recorded now, without waiting for the next chunk (the page is hiding). */
  | { readonly type: 'flush' };

export type CoachEffect =
  /**
   * A line for the user: captioned always, spoken unless `utterance.speak` is false (muted), with
   * its tone (`utterance.tone`). Report back `speech-ended` with its id.
   */
  | { readonly type: 'say'; readonly utterance: Utterance }
  /** Stop speaking at once (stop pressed, voice muted). */
  | { readonly type: 'silence' }
  /** The next piece of the recording, for storage; `meta` is the session's as of this chunk. */
  | { readonly type: 'save-chunk'; readonly meta: SessionMeta; readonly chunk: SessionChunk }
  /** A frame's pose for a clip being recorded beside the session (the clip's pose track). */
  | { readonly type: 'clip-pose'; readonly timestampMs: number; readonly pose: Pose | null }
  /** What the protocol reported this step (reps, faults, phases), for drivers that keep them. */
  | { readonly type: 'protocol-events'; readonly events: readonly ProtocolEvent[] }
  /** The routine is over (its last chunk comes just before): stop the pictures, keep the record. */
  | { readonly type: 'session-ended'; readonly reason: SessionEndReason };

export type CoachEffectType = CoachEffect['type'];

/** The effect of a given type, e.g. `EffectOf<'say'>`. */
export type EffectOf<T extends CoachEffectType> = Extract<CoachEffect, { type: T }>;

/** What a coaching session is set up with; fixed for its life (settings change by input). */
export interface CoachInit {
  readonly routine: readonly StretchDefinition[];
  readonly session?: Partial<SessionOptions>;
  readonly geometry?: MeasureOptions;
  readonly settings?: Partial<CoachSettings>;
  /**
   * False: nobody is coached, nothing is said (an uploaded video: the person in it never heard
   * the app). Default true.
   */
  readonly coaching?: boolean;
  /** Where the session is recorded; null or left out: nothing is recorded. */
  readonly recorder?: RecorderState | null;
  /** Protocol events not to keep in the record (questions nobody could answer in a video). */
  readonly unrecorded?: readonly ProtocolEventType[];
}

/** The whole coaching session between steps; immutable. */
export interface CoachState {
  readonly coaching: boolean;
  readonly unrecorded: ReadonlySet<ProtocolEventType>;
  /** The time of the latest step: a step is never dated before the one it follows. */
  readonly timeMs: number;
  readonly geometry: GeometryState;
  /** The latest frame's measures (null before the first). */
  readonly measures: BodyMeasures | null;
  readonly session: SessionState;
  readonly policy: CuePolicyState;
  readonly recorder: RecorderState | null;
  /** The one setup line shown, held a few seconds before it may change (view/setupGuide.ts). */
  readonly setupGuide: SetupGuide;
}
