import { initialGeometryState, measureFrame, nextRotation, UPRIGHT_FRAMES } from '../geometry';
import type { BodyMeasures } from '../geometry/measures';
import type { ImageSize, Pose, PoseModelId } from '../geometry/types';
import type { PoseEstimator } from '../pose/types';
import { BothWaysSmoother, type TimedPose } from './bothWaysSmoothing';
import { PoseTrackBuilder, type PoseTrack } from './poseTrack';
import { addProgress, estimateTimeLeftMs, type ProgressPoint } from './timeLeft';
import type { FrameSource, SamplerStats } from './frameSource';

/**
 * Runs the pose model over a video's sampled frames and the geometry over its poses, with the
 * video's own time as the clock: the measures a live session would have produced watching the
 * same frames, less the live filter's lag. Live keypoints are smoothed causally and trail a
 * moving body; here the frames after each one are known, so the estimator should not smooth (its
 * `enableSmoothing` off) and the track is smoothed both ways, each frame measured once the second
 * after it is in (bothWaysSmoothing.ts). Frames are pipelined: while the worker analyses one
 * frame the next is already waiting in it and more are being grabbed, so the model never waits.
 */

export interface AnalysisProgress {
  /** Video time of the newest frame analysed. */
  readonly videoTimeMs: number;
  readonly durationMs: number;
  /** 0..1 */
  readonly fraction: number;
  readonly framesAnalysed: number;
  /** At the recent pace; null while there is none to go by. */
  readonly timeLeftMs: number | null;
  /** Frames analysed per second lately (what the user sees happen). */
  readonly framesPerSecond: number;
}

export interface AnalysisStats {
  readonly framesAnalysed: number;
  /** From the first frame sent to the model to the last pose back. */
  readonly analysisMs: number;
  /** framesAnalysed per second of analysisMs: the figure the bench compares with the model's. */
  readonly analysedFramesPerSecond: number;
  /** Time the worker spent inside the estimator (when the estimator reports it). */
  readonly workerMs: number | null;
  readonly sampler: SamplerStats;
}

export interface VideoAnalysis {
  readonly track: PoseTrack;
  /** One per analysed frame; `timestampMs` is video time. */
  readonly measures: readonly BodyMeasures[];
  readonly durationMs: number;
  /** Display size of the video. */
  readonly videoSize: ImageSize;
  readonly stats: AnalysisStats;
}

export interface AnalyseVideoOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: AnalysisProgress) => void;
  /** Each pose as it comes (for a preview of what the model sees). */
  readonly onPose?: (pose: Pose | null, videoTimeMs: number) => void;
  readonly now?: () => number;
  /**
   * 'both-ways' (default): smooth the raw track with no lag, for an estimator that does not
   * smooth. 'none': take the poses as they come (an estimator that smooths on its own).
   */
  readonly smoothing?: 'both-ways' | 'none';
  /**
   * Frames in the worker at once. Two: one being analysed, the next already transferred, so the
   * worker goes from one to the next without waiting for the page.
   */
  readonly maxInFlight?: number;
}

/** The model's pace is read over the last couple of seconds, like the live loop's. */
const PACE_WINDOW_MS = 2_000;
/** Frames whose worker time is averaged for the model's pace. */
const WORKER_PACE_FRAMES = 10;
/** How often progress is reported. */
const PROGRESS_EVERY_MS = 250;
/** How often the playback rate is adjusted to the model's pace. */
const RATE_UPDATE_MS = 500;

/** Estimators that say how long the worker took (WorkerPoseEstimator does). */
type TimedEstimator = PoseEstimator & { readonly lastInferenceMs?: number };

function abortError(): DOMException {
  return new DOMException('The analysis was cancelled.', 'AbortError');
}

export async function analyseVideo(
  sampler: FrameSource,
  estimator: TimedEstimator,
  options: AnalyseVideoOptions = {},
): Promise<VideoAnalysis> {
  const now = options.now ?? (() => performance.now());
  const maxInFlight = options.maxInFlight ?? 2;
  const signal = options.signal;
  const durationMs = sampler.durationMs;
  const videoSize: ImageSize = { widthPx: sampler.widthPx, heightPx: sampler.heightPx };
  const measurer = new TrackMeasurer(estimator.model, options.smoothing ?? 'both-ways');
  let framesAnalysed = 0;
  let frameSize: ImageSize = videoSize;
  let history: ProgressPoint[] = [];
  const poseTimes: number[] = [];
  let workerMs: number | null = 'lastInferenceMs' in estimator ? 0 : null;
  let firstSentMs: number | null = null;
  let lastDoneMs = 0;
  let lastVideoMs = 0;
  let lastRateUpdateMs = -Infinity;
  let samplerStats: SamplerStats | null = null;

  const recentWorkerMs: number[] = [];
  /**
   * What the model can do, not what it did: from the worker's time per frame when the estimator
   * says it. Poses done per second would only measure the supply while the model waits for frames,
   * and a playback rate set from that would keep it waiting (a 5 fps clip ran at half the model's
   * pace that way).
   */
  const modelPace = (throughput: number): number => {
    if (recentWorkerMs.length > 0) {
      const meanMs = recentWorkerMs.reduce((a, b) => a + b, 0) / recentWorkerMs.length;
      if (meanMs > 0) return 1000 / meanMs;
    }
    return throughput;
  };
  /** Poses back per second over the last couple of seconds. */
  const throughputAt = (atMs: number): number => {
    while (poseTimes.length > 0 && (poseTimes[0] ?? 0) < atMs - PACE_WINDOW_MS) poseTimes.shift();
    const first = poseTimes[0];
    if (first === undefined || poseTimes.length < 2 || atMs <= first) return 0;
    return ((poseTimes.length - 1) * 1000) / (atMs - first);
  };

  let lastReportMs = -Infinity;
  const report = (atMs: number, final = false): void => {
    const fraction = durationMs > 0 ? Math.min(1, lastVideoMs / durationMs) : 0;
    history = addProgress(history, { atMs, fraction });
    const throughput = throughputAt(atMs);
    const pace = modelPace(throughput);
    if (pace > 0 && atMs - lastRateUpdateMs >= RATE_UPDATE_MS) {
      lastRateUpdateMs = atMs;
      sampler.setModelRate(pace);
    }
    // A progress bar needs a few updates a second, not one per frame (each re-renders a screen).
    if (!final && atMs - lastReportMs < PROGRESS_EVERY_MS) return;
    lastReportMs = atMs;
    options.onProgress?.({
      videoTimeMs: lastVideoMs,
      durationMs,
      fraction,
      framesAnalysed,
      timeLeftMs: estimateTimeLeftMs(history),
      framesPerSecond: throughput,
    });
  };

  const aborted = (): boolean => signal?.aborted === true;
  const onAbort = (): void => sampler.stop();
  signal?.addEventListener('abort', onAbort);
  try {
    if (aborted()) throw abortError();
    sampler.start();
    // Poses come back in the order frames were sent (the worker serves one at a time), and the
    // geometry runs on them in that order: `done` chains each frame's handling after the last.
    let done: Promise<void> = Promise.resolve();
    const inFlight: Promise<void>[] = [];
    // A lying body is turned upright for the model, as live (geometry/rotationChoice.ts); the
    // turn follows the poses handled so far, a few frames behind those in flight.
    let rotation = UPRIGHT_FRAMES;
    for (;;) {
      if (inFlight.length >= maxInFlight) await inFlight.shift();
      if (aborted()) throw abortError();
      const frame = await sampler.next();
      if (aborted()) {
        frame?.bitmap.close();
        throw abortError();
      }
      if (frame === null) break;
      firstSentMs ??= now();
      frameSize = { widthPx: frame.widthPx, heightPx: frame.heightPx };
      const size = frameSize;
      const estimate = estimator.estimate(frame.bitmap, frame.videoTimeMs, {
        rotationDeg: rotation.rotationDeg,
      });
      done = done.then(async () => {
        const pose = await estimate;
        rotation = nextRotation(rotation, pose);
        const atMs = now();
        lastDoneMs = atMs;
        poseTimes.push(atMs);
        if (workerMs !== null) {
          const frameWorkerMs = estimator.lastInferenceMs ?? 0;
          workerMs += frameWorkerMs;
          recentWorkerMs.push(frameWorkerMs);
          if (recentWorkerMs.length > WORKER_PACE_FRAMES) recentWorkerMs.shift();
        }
        measurer.add({ timeMs: frame.videoTimeMs, pose, size });
        framesAnalysed++;
        lastVideoMs = frame.videoTimeMs;
        options.onPose?.(pose, frame.videoTimeMs);
        report(atMs);
      });
      inFlight.push(done);
    }
    await done;
    if (aborted()) throw abortError();
    lastVideoMs = durationMs;
    report(now(), true);
    samplerStats = sampler.stats();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    sampler.stop();
  }
  const analysisMs = firstSentMs === null ? 0 : lastDoneMs - firstSentMs;
  const { track, measures } = measurer.finish(frameSize);
  return {
    track,
    measures,
    durationMs,
    videoSize,
    stats: {
      framesAnalysed,
      analysisMs,
      analysedFramesPerSecond: analysisMs > 0 ? (framesAnalysed * 1000) / analysisMs : 0,
      workerMs,
      sampler: samplerStats ?? sampler.stats(),
    },
  };
}

/** A pose with the size of the frame it came from. */
interface SizedPose extends TimedPose {
  readonly size: ImageSize;
}

/**
 * Builds the pose track and runs the geometry over it in video time, each frame once it is
 * smoothed: with both-ways smoothing that is a second or so after it comes, so only that much
 * of the poses (and their masks) is held, not the clip's.
 */
class TrackMeasurer {
  private readonly smoother: BothWaysSmoother<SizedPose> | null;
  private readonly builder: PoseTrackBuilder;
  private readonly measures: BodyMeasures[] = [];
  private geometry = initialGeometryState();

  constructor(model: PoseModelId, smoothing: 'both-ways' | 'none') {
    this.builder = new PoseTrackBuilder(model);
    this.smoother = smoothing === 'both-ways' ? new BothWaysSmoother<SizedPose>() : null;
  }

  add(frame: SizedPose): void {
    const settled = this.smoother === null ? [frame] : this.smoother.push(frame);
    settled.forEach((f) => this.measure(f));
  }

  finish(fallbackSize: ImageSize): {
    readonly track: PoseTrack;
    readonly measures: BodyMeasures[];
  } {
    this.smoother?.finish().forEach((f) => this.measure(f));
    return { track: this.builder.build(fallbackSize), measures: this.measures };
  }

  private measure({ timeMs, pose, size }: SizedPose): void {
    this.builder.push(timeMs, pose, size);
    const [next, frameMeasures] = measureFrame(this.geometry, pose, timeMs);
    this.geometry = next;
    this.measures.push(frameMeasures);
  }
}
