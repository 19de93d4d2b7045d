import type { Side } from '../geometry/measures';
import type { ProtocolEvent, SessionEndReason } from '../protocol';
import type { CuePriority } from '../feedback/cueTypes';
import type { SampleBlock } from './sampleBlock';

/**
 * What a recorded session is, in storage, in memory and in an export file. Every time in a
 * record is SESSION TIME: milliseconds since the session started (`tMs`, and `atMs`/`startMs`
 * in events), so a record does not depend on the page clock that produced it; add
 * `meta.startedAtEpochMs` for a wall-clock time.
 *
 * Bump `SESSION_SCHEMA_VERSION` on any change of shape; import refuses versions it does not know.
 */
export const SESSION_SCHEMA_VERSION = 1;

/** `recording`: still being written (or cut off by a crash); `finished`: closed. */
export type SessionStatus = 'recording' | 'finished';

/** Why a recorded session ended: the protocol's reasons, or the page went away mid-session. */
export type RecordedEndReason = SessionEndReason | 'interrupted';

/** The measure a stretch's depth is read from (the hold target): hip hinge or leg raise. */
export type DepthMeasure = 'hipFlexionDeg' | 'legRaiseDeg';

/**
 * A snapshot of a stretch's definition as it was when recorded, so old reports still read
 * right after the registry changes (and imported sessions need no registry at all).
 */
export interface StretchInfo {
  readonly id: string;
  readonly name: string;
  readonly kind: 'hold' | 'glide';
  readonly legs: 'each-leg' | 'both-legs';
  /** Hold stretches: target hold per rep and reps per leg; null for glides. */
  readonly holdMs: number | null;
  readonly reps: number | null;
  /** Glide stretches: reps per set and sets per leg; null for holds. */
  readonly repsPerSet: number | null;
  readonly sets: number | null;
  /** Holds: the measure the target position reads; null when it is not a leg angle. */
  readonly depthMeasure: DepthMeasure | null;
}

/** One stretch of recording: the start, and each resume after a crash or reload. */
export interface SessionSegment {
  readonly startTMs: number;
  readonly startedAtEpochMs: number;
}

export interface SessionMeta {
  readonly schemaVersion: typeof SESSION_SCHEMA_VERSION;
  /** Letters, digits, `-` and `_`; unique in a store. */
  readonly id: string;
  readonly startedAtEpochMs: number;
  readonly status: SessionStatus;
  readonly endedAtEpochMs: number | null;
  readonly endReason: RecordedEndReason | null;
  /** Session time of the last thing recorded (saved so far, for a session still recording). */
  readonly lastTMs: number;
  /** Stretch ids in the order the routine planned them. */
  readonly routine: readonly string[];
  /** Every stretch the session could run: the routine, plus the nerve glide it may offer. */
  readonly stretches: readonly StretchInfo[];
  /** Pose model id the measures came from; null when not known. */
  readonly model: string | null;
  /** How far apart kept measure samples are at least (see recorder.ts). */
  readonly sampleIntervalMs: number;
  readonly segments: readonly SessionSegment[];
  /**
   * Who the session was for (a trainer's client: name or initials, see client.ts). Absent, not
   * null, when there is none, so records and files from before clients existed stay valid.
   */
  readonly client?: string;
}

/**
 * A protocol event as recorded: exactly the protocol's event, with its times (`atMs`, and
 * `startMs` of fault events) moved to session time.
 */
export type RecordedEvent = ProtocolEvent;

/** A line the coach gave (spoken, or only captioned and toned when muted). */
export interface CueRecord {
  /** Session time. */
  readonly atMs: number;
  readonly cueKey: string;
  readonly text: string;
  readonly priority: CuePriority;
  readonly spoken: boolean;
}

/**
 * One append-only piece of a session, written about once a second while recording. A session's
 * data is the concatenation of its chunks in `seq` order.
 */
/**
 * Something that happened to the session rather than in it: the pose model stopped and was
 * restarted, or the camera was lost. The report shows these as gaps, so missing measures are
 * explained rather than silently absent.
 */
export type IncidentKind = 'analysis-gap' | 'camera-lost';

export interface Incident {
  /** Session time the incident began. */
  readonly atMs: number;
  /** How long the session went without pose analysis. */
  readonly durationMs: number;
  readonly kind: IncidentKind;
  /** What happened, in words (e.g. the error the model stopped with). */
  readonly detail: string;
}

export interface SessionChunk {
  readonly sessionId: string;
  /** 0, 1, 2... per session, no gaps. */
  readonly seq: number;
  readonly samples: SampleBlock;
  readonly events: readonly RecordedEvent[];
  readonly cues: readonly CueRecord[];
  readonly incidents: readonly Incident[];
}

/** A whole session: the meta and all its data in time order. */
export interface SessionRecord {
  readonly meta: SessionMeta;
  readonly samples: SampleBlock;
  readonly events: readonly RecordedEvent[];
  readonly cues: readonly CueRecord[];
  readonly incidents: readonly Incident[];
}

/** The leg a report row is about: one side, or `both` for a both-legs stretch. */
export type ReportLeg = Side | 'both';
