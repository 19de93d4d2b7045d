import type { Keypoint, KeypointName, Pose } from '../geometry/types';
import {
  BLAZEPOSE_KEYPOINT_FILTER,
  MOVENET_KEYPOINT_FILTER,
  filterKeypoints,
  type KeypointFilterConfig,
  type KeypointFilterState,
  type XY,
} from '../pose/keypointFilter';

/**
 * Keypoint smoothing for a clip analysed after the fact, with no lag.
 *
 * Live, the estimator smooths keypoints with a One-Euro filter (pose-detection's, see
 * pose/keypointFilter.ts). A causal filter trails a moving body: on a kettlebell deadlift sampled
 * at 10 frames/s the live-smoothed hip angle ran ~42 ms behind the frame, 7.5° off (median) while
 * the hips moved faster than 50°/s. Offline the frames after this one are known, so the same
 * filter runs both ways: forwards over the raw keypoints up to the frame, backwards over them down
 * to it, and the two are averaged. The forward pass trails by as much as the backward pass leads
 * at the same speed (each judges speed from the same raw points), so the lags cancel, and the
 * jitter of two passes is averaged down.
 *
 * The backward pass looks `lookaheadMs` ahead, not to the end of the clip, so a frame is settled
 * (and its pose, mask and all, can be measured and let go) that long after it arrives, give or
 * take half that: a clip's analysis holds a second or so of poses, not the whole clip's masks.
 * It starts from the forward pass's value at the newest frame, so at rest it starts already
 * smoothed; moving, the filter opens up and forgets that start within a few frames. At the true
 * end of a run it starts from the raw value, as the forward pass does at the run's start, which
 * makes a run smoothed whole exactly symmetric in time.
 *
 * Scores are left as the model gave them: geometry gates on them frame by frame. A frame with no
 * person ends a run, as the live filter resets when the person is lost; so does a frame whose
 * keypoints differ from the run's (another model, another frame size, a keypoint missing or not a
 * number), rather than filtering across the change.
 */

export interface TimedPose {
  /** Video time of the frame, ms. A time earlier than the last starts a new run. */
  readonly timeMs: number;
  readonly pose: Pose | null;
}

/** How far ahead the backward pass looks by default: a few of the filter's settling times. */
export const DEFAULT_LOOKAHEAD_MS = 1_000;

/** How a model's keypoints are filtered live (pose-detection's settings for it). */
interface FilterSpace {
  readonly config: KeypointFilterConfig;
  /** From a pose's pixels to the filter's coordinates, and the speed's scale there. */
  readonly scales: (pose: Pose) => {
    readonly sx: number;
    readonly sy: number;
    readonly valueScale: number;
  };
}

/** MoveNet: frame-normalised coordinates, speed in frames per second. */
const FRAME_NORMALISED: FilterSpace = {
  config: MOVENET_KEYPOINT_FILTER,
  scales: (pose) => ({
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
  scales: (pose) => ({ sx: 1, sy: 1, valueScale: 1 / bodySizePx(pose) }),
};

function spaceFor(pose: Pose): FilterSpace {
  return pose.model.startsWith('blazepose') ? BODY_SCALED : FRAME_NORMALISED;
}

function bodySizePx(pose: Pose): number {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const k of Object.values(pose.keypoints)) {
    minX = Math.min(minX, k.x);
    maxX = Math.max(maxX, k.x);
    minY = Math.min(minY, k.y);
    maxY = Math.max(maxY, k.y);
  }
  const size = Math.max(maxX - minX, maxY - minY);
  // One pixel at least: a degenerate box must not turn every wobble into a huge speed.
  return Number.isFinite(size) && size >= 1 ? size : 1;
}

/** Frames are settled this fraction of the look-ahead at a time (see `push`). */
const SETTLE_BATCH = 0.5;

/** The filter's clock starts above zero: it reads a time of 0 as "no time yet". */
const MICROS_OFFSET = 1_000_000;

/** What every frame of a run shares: a frame that differs in any of it starts a new run. */
interface Run {
  readonly model: Pose['model'];
  readonly widthPx: number;
  readonly heightPx: number;
  /** The keypoints filtered, in this order (those with finite coordinates in the first frame). */
  readonly names: readonly KeypointName[];
  readonly config: KeypointFilterConfig;
  /** From pixels to filter coordinates (frame-normalised for MoveNet). */
  readonly sx: number;
  readonly sy: number;
  /** Time of the first frame: the forward pass's clock counts from it. */
  readonly startMs: number;
}

/** One frame of the current run, with what the filter needs of it. */
interface Pending<F extends TimedPose> {
  readonly frame: F;
  readonly pose: Pose;
  /** The run's keypoints of this frame, in filter coordinates. */
  readonly points: readonly XY[];
  /** The forward pass's output at this frame, in filter coordinates. */
  readonly forward: readonly XY[];
  /** Speed scale of this frame (BlazePose's body size changes as the body moves). */
  readonly valueScale: number;
}

/** The run's keypoints of `pose` in filter coordinates, if it has every one with finite ones. */
function pointsOf(pose: Pose, run: Run): XY[] | null {
  const points: XY[] = [];
  for (const name of run.names) {
    const k = pose.keypoints[name];
    if (k === undefined || !Number.isFinite(k.x) || !Number.isFinite(k.y)) return null;
    points.push({ x: k.x * run.sx, y: k.y * run.sy });
  }
  return points;
}

function startRun(pose: Pose, startMs: number): Run {
  const { config, scales } = spaceFor(pose);
  const { sx, sy } = scales(pose);
  const names = (Object.keys(pose.keypoints) as KeypointName[]).filter((name) => {
    const k = pose.keypoints[name] as Keypoint;
    return Number.isFinite(k.x) && Number.isFinite(k.y);
  });
  return {
    model: pose.model,
    widthPx: pose.imageSize.widthPx,
    heightPx: pose.imageSize.heightPx,
    names,
    config,
    sx,
    sy,
    startMs,
  };
}

/** `pose`'s keypoints in `run`'s filter coordinates, or null if it cannot join the run. */
function joinRun(run: Run, pose: Pose): XY[] | null {
  const sameFrame =
    pose.model === run.model &&
    pose.imageSize.widthPx === run.widthPx &&
    pose.imageSize.heightPx === run.heightPx &&
    Object.keys(pose.keypoints).length === run.names.length;
  return sameFrame ? pointsOf(pose, run) : null;
}

/**
 * Smooths a track frame by frame as it comes (`push`), giving each frame back once the frames
 * `lookaheadMs` after it are in (in batches, at most 1.5 look-aheads after it), and the rest at
 * `finish`. Frames come back in the order given, each with its pose smoothed (null stays null);
 * nothing else of a frame is changed.
 */
export class BothWaysSmoother<F extends TimedPose> {
  /** Null between runs. */
  private current: Run | null = null;
  private forwardState: KeypointFilterState = null;
  /** The run's unsettled frames, oldest first. */
  private pending: Pending<F>[] = [];
  /** Time of the run's newest frame (frames may all be settled: no look-ahead). */
  private lastTimeMs = -Infinity;

  constructor(private readonly lookaheadMs: number = DEFAULT_LOOKAHEAD_MS) {}

  push(frame: F): F[] {
    const settled: F[] = [];
    const pose = frame.pose;
    if (pose === null) {
      settled.push(...this.endRun(), frame);
      return settled;
    }
    let run = this.current;
    let points = run === null || frame.timeMs < this.lastTimeMs ? null : joinRun(run, pose);
    if (run === null || points === null) {
      settled.push(...this.endRun());
      run = startRun(pose, frame.timeMs);
      this.current = run;
      points = pointsOf(pose, run) ?? [];
    }
    this.lastTimeMs = frame.timeMs;
    const { valueScale } = spaceFor(pose).scales(pose);
    let forward: XY[];
    [this.forwardState, forward] = filterKeypoints(
      this.forwardState,
      points,
      (frame.timeMs - run.startMs) * 1000 + MICROS_OFFSET,
      run.config,
      valueScale,
    );
    this.pending.push({ frame, pose, points, forward, valueScale });
    // Each backward pass runs over every frame held, so frames are settled in batches: half a
    // look-ahead's worth at a time costs three passes a frame instead of one per frame held.
    const oldestMs = this.pending[0]?.frame.timeMs ?? frame.timeMs;
    if (frame.timeMs - oldestMs >= this.lookaheadMs * (1 + SETTLE_BATCH)) {
      settled.push(...this.settle(run, frame.timeMs - this.lookaheadMs, false));
    }
    return settled;
  }

  /** The frames not given back yet, smoothed with what is known. */
  finish(): F[] {
    return this.endRun();
  }

  private endRun(): F[] {
    const rest = this.current === null ? [] : this.settle(this.current, Infinity, true);
    this.current = null;
    this.forwardState = null;
    this.pending = [];
    return rest;
  }

  /**
   * Runs the backward pass from the newest frame of the run down to the oldest, and gives back
   * the frames at or before `untilMs`. At the run's end the pass starts from the raw keypoints;
   * otherwise from the forward pass's value at the newest frame.
   */
  private settle(run: Run, untilMs: number, runEnds: boolean): F[] {
    const pending = this.pending;
    const newest = pending.at(-1);
    const ready = pending.findIndex((p) => p.frame.timeMs > untilMs);
    const count = ready === -1 ? pending.length : ready;
    if (newest === undefined || count === 0) return [];
    let state: KeypointFilterState = null;
    const backward: (readonly XY[])[] = new Array<readonly XY[]>(pending.length);
    for (let i = pending.length - 1; i >= 0; i--) {
      const p = pending[i] as Pending<F>;
      const micros = (newest.frame.timeMs - p.frame.timeMs) * 1000 + MICROS_OFFSET;
      const from = i === pending.length - 1 && !runEnds ? p.forward : p.points;
      [state, backward[i]] = filterKeypoints(state, from, micros, run.config, p.valueScale);
    }
    const out = pending.slice(0, count).map((p, i) => averaged(run, p, backward[i] ?? p.points));
    this.pending = pending.slice(count);
    return out;
  }
}

/** The frame with its run keypoints at the mean of the two passes, scores as given. */
function averaged<F extends TimedPose>(run: Run, p: Pending<F>, backward: readonly XY[]): F {
  const keypoints: Partial<Record<KeypointName, Keypoint>> = { ...p.pose.keypoints };
  run.names.forEach((name, j) => {
    const a = p.forward[j] as XY;
    const b = backward[j] as XY;
    const { score } = p.pose.keypoints[name] as Keypoint;
    keypoints[name] = { x: (a.x + b.x) / 2 / run.sx, y: (a.y + b.y) / 2 / run.sy, score };
  });
  return { ...p.frame, pose: { ...p.pose, keypoints } };
}

/** A whole track smoothed both ways, one pose per frame in the same order (null stays null). */
export function smoothTrackBothWays(
  frames: readonly TimedPose[],
  lookaheadMs = DEFAULT_LOOKAHEAD_MS,
): (Pose | null)[] {
  const smoother = new BothWaysSmoother<TimedPose>(lookaheadMs);
  const out = frames.flatMap((frame) => smoother.push(frame));
  out.push(...smoother.finish());
  return out.map((f) => f.pose);
}
