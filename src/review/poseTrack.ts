import {
  COCO_KEYPOINT_NAMES,
  KEYPOINT_NAMES,
  type ImageSize,
  type Keypoint,
  type KeypointName,
  type Pose,
  type PoseModelId,
} from '../geometry/types';

/**
 * The poses of a clip over its video time, kept for the review overlay and shipped in review
 * bundles. Stored by column, like the session's samples: `tMs[i]`, `scores[i]` and `points[i]`
 * describe frame i. A frame's points are its keypoints flattened as x, y, score for each name in
 * `keypointNames`; a keypoint the model did not give has score -1. Coordinates are pixels of the
 * frames the model saw (`imageSize`, the video scaled to at most 480 px, same aspect).
 *
 * Segmentation masks and world keypoints are not kept: a mask is ~37 kB a frame and the overlay
 * draws only the 2-D skeleton. The measures (which used the mask) are kept in the session record.
 */

export const POSE_TRACK_FORMAT = 'stretchcheck-pose-track';
export const POSE_TRACK_VERSION = 1;

/** Marks a keypoint the model does not output (MoveNet has no heels, for instance). */
export const ABSENT_SCORE = -1;

export interface PoseTrack {
  readonly format: typeof POSE_TRACK_FORMAT;
  readonly version: typeof POSE_TRACK_VERSION;
  readonly model: PoseModelId;
  readonly keypointNames: readonly KeypointName[];
  readonly imageSize: ImageSize;
  /** Video time of each frame in ms, non-decreasing. */
  readonly tMs: readonly number[];
  /** The model's person score per frame; null when nobody was found. */
  readonly scores: readonly (number | null)[];
  /** Flattened keypoints per frame (x, y, score per name); null when nobody was found. */
  readonly points: readonly (readonly number[] | null)[];
}

/** The keypoints a model outputs, in the order a track stores them. */
export function keypointNamesFor(model: PoseModelId): readonly KeypointName[] {
  return model.startsWith('movenet') ? COCO_KEYPOINT_NAMES : KEYPOINT_NAMES;
}

/** Pixels to 0.1 px and scores to 0.001: finer than any model resolves, and short in JSON. */
function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

export function packPose(pose: Pose, names: readonly KeypointName[]): number[] {
  const flat: number[] = [];
  for (const name of names) {
    const keypoint = pose.keypoints[name];
    if (keypoint === undefined || !Number.isFinite(keypoint.x) || !Number.isFinite(keypoint.y))
      flat.push(0, 0, ABSENT_SCORE);
    else flat.push(round(keypoint.x, 1), round(keypoint.y, 1), round(keypoint.score, 3));
  }
  return flat;
}

/**
 * Collects poses as they arrive (an analysis, a live recording) and hands out the finished
 * track. It owns its arrays: appending copies nothing, so a long clip stays linear.
 */
export class PoseTrackBuilder {
  private readonly tMs: number[] = [];
  private readonly scores: (number | null)[] = [];
  private readonly points: (number[] | null)[] = [];
  private imageSize: ImageSize | null = null;
  private readonly names: readonly KeypointName[];

  constructor(readonly model: PoseModelId) {
    this.names = keypointNamesFor(model);
  }

  get length(): number {
    return this.tMs.length;
  }

  /** A frame at video time `tMs`; out-of-order frames are dropped (the track stays sorted). */
  push(tMs: number, pose: Pose | null, frameSize: ImageSize): void {
    const last = this.tMs.at(-1);
    if (!Number.isFinite(tMs) || (last !== undefined && tMs < last)) return;
    this.imageSize ??= frameSize;
    this.tMs.push(Math.round(tMs * 10) / 10);
    this.scores.push(pose === null ? null : round(pose.score, 3));
    this.points.push(pose === null ? null : packPose(pose, this.names));
  }

  build(fallbackSize: ImageSize): PoseTrack {
    return {
      format: POSE_TRACK_FORMAT,
      version: POSE_TRACK_VERSION,
      model: this.model,
      keypointNames: this.names,
      imageSize: this.imageSize ?? fallbackSize,
      tMs: [...this.tMs],
      scores: [...this.scores],
      points: this.points.map((p) => (p === null ? null : [...p])),
    };
  }
}

/** Frame `index` of the track as a Pose (null when nobody was found, or out of range). */
export function trackPose(track: PoseTrack, index: number): Pose | null {
  const flat = track.points[index];
  const tMs = track.tMs[index];
  if (flat === null || flat === undefined || tMs === undefined) return null;
  const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
  track.keypointNames.forEach((name, k) => {
    const score = flat[k * 3 + 2];
    const x = flat[k * 3];
    const y = flat[k * 3 + 1];
    if (score === undefined || x === undefined || y === undefined || score < 0) return;
    keypoints[name] = { x, y, score };
  });
  return {
    keypoints,
    score: track.scores[index] ?? 0,
    imageSize: track.imageSize,
    model: track.model,
    timestampMs: tMs,
    inferenceRotationDeg: 0,
  };
}

/** Index of the last frame at or before `tMs`; -1 when `tMs` is before the first frame. */
export function frameIndexAt(track: PoseTrack, tMs: number): number {
  let low = 0;
  let high = track.tMs.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((track.tMs[mid] ?? Infinity) <= tMs) {
      found = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return found;
}

/** Per track: poseAt asks on every drawn frame, and a track never changes once built. */
const typicalGaps = new WeakMap<PoseTrack, number | null>();

/** Median gap between frames (the sampling interval), or null with fewer than two frames. */
export function typicalFrameGapMs(track: PoseTrack): number | null {
  if (typicalGaps.has(track)) return typicalGaps.get(track) ?? null;
  const gap = medianGapMs(track);
  typicalGaps.set(track, gap);
  return gap;
}

function medianGapMs(track: PoseTrack): number | null {
  const gaps: number[] = [];
  for (let i = 1; i < track.tMs.length; i++)
    gaps.push((track.tMs[i] ?? 0) - (track.tMs[i - 1] ?? 0));
  if (gaps.length === 0) return null;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? null;
}

/**
 * The pose to draw at video time `tMs`: the last frame analysed at or before it, the picture the
 * model saw then. Past `maxAgeMs` after that frame (a gap in the track, or the end of the clip)
 * nothing is drawn rather than a stale skeleton. The default allows two sampling intervals.
 * Before the first analysed frame, that frame is drawn if it comes within the same allowance: a
 * clip recorded live starts a few tens of milliseconds before the model's first frame of it.
 */
export function poseAt(track: PoseTrack, tMs: number, maxAgeMs?: number): Pose | null {
  const index = frameIndexAt(track, tMs);
  const limit = maxAgeMs ?? 2 * (typicalFrameGapMs(track) ?? 250);
  if (index < 0) {
    const firstTMs = track.tMs[0];
    return firstTMs !== undefined && firstTMs - tMs <= limit ? trackPose(track, 0) : null;
  }
  const frameTMs = track.tMs[index] ?? 0;
  if (tMs - frameTMs > limit) return null;
  return trackPose(track, index);
}

/**
 * The time of the analysed frame after (`+1`) or before (`-1`) video time `tMs`: a frame step
 * that always lands on a frame with a pose to look at. Null at either end.
 */
export function steppedFrameTimeMs(
  track: PoseTrack,
  tMs: number,
  direction: 1 | -1,
): number | null {
  // Half a millisecond absorbs the video clock's float rounding of a frame's own time.
  const index = frameIndexAt(track, tMs + 0.5);
  const next =
    direction === 1 ? index + 1 : (track.tMs[index] ?? Infinity) < tMs - 0.5 ? index : index - 1;
  return track.tMs[next] ?? null;
}
