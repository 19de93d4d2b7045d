import type { PoseModelId } from '../geometry/types';
import type { SessionRecord } from '../session/sessionRecord';
import type { ClipNote } from './annotations';
import type { PoseTrack } from './poseTrack';
import type { SamplingRate } from './samplingPlan';

/**
 * A clip: a video kept on this device with what was seen in it — the pose track for the overlay,
 * the session record (measures, reps, faults) for the timeline and report — and the notes pinned
 * to it. Everything a review needs is in the clip itself, so it reviews the same after its
 * session is deleted from the history, and travels whole in a review bundle.
 */

/** Where the clip came from: recorded in a live session, an uploaded video, or a bundle. */
export type ClipOrigin = 'live' | 'upload' | 'bundle';

export interface ClipVideoInfo {
  /** As the browser reported it, e.g. `video/webm;codecs=vp9` or `video/mp4`. */
  readonly mimeType: string;
  readonly byteSize: number;
  /** Display size (rotation applied). */
  readonly widthPx: number;
  readonly heightPx: number;
  /** The uploaded file's name; null for recordings. */
  readonly fileName: string | null;
}

export interface ClipAnalysisInfo {
  readonly rate: SamplingRate;
  readonly framesAnalysed: number;
  /** How the stretch was chosen: by the user, or detected (with the reason, in words). */
  readonly stretchChoice: 'chosen' | 'detected';
  readonly detectionExplanation: string | null;
}

export interface ClipMeta {
  /** Letters, digits, `-` and `_`; unique on this device. */
  readonly id: string;
  readonly title: string;
  /** When the clip was recorded (live) or analysed (upload). */
  readonly createdAtEpochMs: number;
  readonly origin: ClipOrigin;
  /** The session record's id (also the history's, when the session is kept there). */
  readonly sessionId: string;
  /**
   * Session time at the video's first frame: a live clip starts after its session did, an
   * analysed video is its session (0).
   */
  readonly sessionTimeAtVideoStartMs: number;
  readonly durationMs: number;
  readonly video: ClipVideoInfo;
  readonly model: PoseModelId;
  readonly stretchIds: readonly string[];
  /** For analysed videos: how; null for live recordings. */
  readonly analysis: ClipAnalysisInfo | null;
  readonly notes: readonly ClipNote[];
  /**
   * Who the clip shows (a trainer's client, see session/clientName.ts); absent when none, so
   * clips and bundles from before clients existed stay valid.
   */
  readonly client?: string;
}

/** A whole clip, as stored and as bundled. */
export interface StoredClip {
  readonly meta: ClipMeta;
  readonly video: Blob;
  readonly track: PoseTrack;
  readonly session: SessionRecord;
}

/** "Standing hamstring stretch, 3 Jun" style titles are built by the engine; this caps them. */
export const MAX_TITLE_CHARS = 120;
