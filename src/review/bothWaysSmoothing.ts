import type { Keypoint, KeypointMap, KeypointName, Pose } from '../geometry/types';
import {
  BLAZEPOSE_KEYPOINT_FILTER,
  MOVENET_KEYPOINT_FILTER,
  filterKeypoints,
  type KeypointFilterConfig,
  type KeypointFilterState,
} from '../pose/keypointFilter';

/**
 * Keypoint smoothing for a clip analysed after the fact, with no lag.
 *
 * Live, the estimator smooths keypoints with a One-Euro filter (pose-detection's, see
 * pose/keypointFilter.ts). A causal filter trails a moving body: on a kettlebell deadlift sampled
 * at 10 frames/s the smoothed hip angle ran ~42 ms behind the frame, 7.5° off (median) while the
 * hips moved faster than 50°/s. Offline the whole track is known, so the same filter runs both
 * ways: once forwards and once backwards over the raw keypoints, and the two are averaged. The
 * forward pass trails by as much as the backward pass leads at the same speed (each judges speed
 * from the same raw points), so the lags cancel, and the jitter of two passes is averaged down.
 *
 * Scores are left as the model gave them: geometry gates on them frame by frame. A frame with no
 * person ends a run; each run is smoothed on its own, as the live filter resets when the person
 * is lost.
 */

export interface TimedPose {
  /** Video time of the frame, ms; non-decreasing along the track. */
  readonly timeMs: number;
  readonly pose: Pose | null;
}

interface Point {
  readonly x: number;
  readonly y: number;
  readonly score: number;
}

/** How a model's keypoints are filtered live (pose-detection's settings for it). */
interface FilterSpace {
  readonly config: KeypointFilterConfig;
  /** From a pose's pixels to the filter's coordinates, and the speed's scale there. */
  readonly toFilter: (pose: Pose) => {
    readonly sx: number;
    readonly sy: number;
    readonly valueScale: number;
  };
}

/** MoveNet: frame-normalised coordinates, speed in frames per second. */
const FRAME_NORMALISED: FilterSpace = {
  config: MOVENET_KEYPOINT_FILTER,
  toFilter: (pose) => ({
    sx: 1 / pose.imageSize.widthPx,
    sy: 1 / pose.imageSize.heightPx,
    valueScale: 1,
  }),
};

/**
 * BlazePose: pixels, speed in body sizes per second. pose-detection scales by the side of the
 * square it crops the body with; the larger side of the keypoints' box is that body's extent.
 */
const BODY_SCALED: FilterSpace = {
  config: BLAZEPOSE_KEYPOINT_FILTER,
  toFilter: (pose) => ({ sx: 1, sy: 1, valueScale: 1 / bodySizePx(pose.keypoints) }),
};

function spaceFor(pose: Pose): FilterSpace {
  return pose.model.startsWith('blazepose') ? BODY_SCALED : FRAME_NORMALISED;
}

function bodySizePx(keypoints: KeypointMap): number {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const k of Object.values(keypoints)) {
    if (!Number.isFinite(k.x) || !Number.isFinite(k.y)) continue;
    minX = Math.min(minX, k.x);
    maxX = Math.max(maxX, k.x);
    minY = Math.min(minY, k.y);
    maxY = Math.max(maxY, k.y);
  }
  const size = Math.max(maxX - minX, maxY - minY);
  // One pixel at least: a degenerate box must not turn every wobble into a huge speed.
  return Number.isFinite(size) && size >= 1 ? size : 1;
}

/** A later time never runs backwards for the filter, which passes such frames through raw. */
const MICROS_OFFSET = 1_000_000;

/** One causal pass over a run, in the order given; `micros` must increase along it. */
function filterRun(
  run: readonly Pose[],
  names: readonly KeypointName[],
  microsOf: (pose: Pose, index: number) => number,
): Point[][] {
  let state: KeypointFilterState = null;
  return run.map((pose, i) => {
    const { config, toFilter } = spaceFor(pose);
    const { sx, sy, valueScale } = toFilter(pose);
    const points = names.map((name) => {
      const k = pose.keypoints[name] as Keypoint;
      return { x: k.x * sx, y: k.y * sy, score: k.score };
    });
    let filtered: Point[];
    [state, filtered] = filterKeypoints(state, points, microsOf(pose, i), config, valueScale);
    return filtered.map((p) => ({ x: p.x / sx, y: p.y / sy, score: p.score }));
  });
}

/** Names every pose of the run has with finite coordinates; the rest are left raw. */
function sharedNames(run: readonly Pose[]): KeypointName[] {
  const first = run[0];
  if (first === undefined) return [];
  return (Object.keys(first.keypoints) as KeypointName[]).filter((name) =>
    run.every((pose) => {
      const k = pose.keypoints[name];
      return k !== undefined && Number.isFinite(k.x) && Number.isFinite(k.y);
    }),
  );
}

function smoothRun(run: readonly TimedPose[]): Pose[] {
  const poses = run.map((f) => f.pose as Pose);
  const names = sharedNames(poses);
  const t0 = run[0]?.timeMs ?? 0;
  const tEnd = run.at(-1)?.timeMs ?? 0;
  const forward = filterRun(
    poses,
    names,
    (_, i) => ((run[i]?.timeMs ?? 0) - t0) * 1000 + MICROS_OFFSET,
  );
  const reversed = [...poses].reverse();
  const backward = filterRun(
    reversed,
    names,
    (_, i) => (tEnd - (run[run.length - 1 - i]?.timeMs ?? 0)) * 1000 + MICROS_OFFSET,
  ).reverse();
  return poses.map((pose, i) => {
    const ahead = forward[i] ?? [];
    const behind = backward[i] ?? [];
    const keypoints: Partial<Record<KeypointName, Keypoint>> = { ...pose.keypoints };
    names.forEach((name, j) => {
      const a = ahead[j];
      const b = behind[j];
      const raw = pose.keypoints[name];
      if (a === undefined || b === undefined || raw === undefined) return;
      keypoints[name] = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, score: raw.score };
    });
    return { ...pose, keypoints };
  });
}

/**
 * The track's poses smoothed both ways (see above), one per frame, in the same order; a frame
 * with no person stays null. Frames whose time goes backwards start a new run.
 */
export function smoothTrackBothWays(frames: readonly TimedPose[]): (Pose | null)[] {
  const out: (Pose | null)[] = [];
  let run: TimedPose[] = [];
  const flush = (): void => {
    out.push(...smoothRun(run));
    run = [];
  };
  for (const frame of frames) {
    const last = run.at(-1);
    if (frame.pose === null) {
      flush();
      out.push(null);
      continue;
    }
    if (
      last !== undefined &&
      (frame.timeMs < last.timeMs || frame.pose.model !== last.pose?.model)
    ) {
      flush();
    }
    run.push(frame);
  }
  flush();
  return out;
}
