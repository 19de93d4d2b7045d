import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { Pose as PdPose } from '@tensorflow-models/pose-detection';
import type { FrameRotationDeg, ImageSize, Pose, PoseModelId } from '../geometry/types';
import {
  activateBackend,
  tensorDiagnostics,
  type BackendInfo,
  type TensorDiagnostics,
} from './backends';
import { BlazePoseTracker, type RegionMask } from './blazepose/blazePoseTracker';
import { PersonMaskSmoother } from './blazepose/personMask';
import { MoveNetTracker } from './movenet/moveNetTracker';
import { verifiedGraphModelHandler, type ModelFileReader } from './modelArtifacts';
import { POSE_MODELS, modelFiles, type PoseModelSpec } from './modelRegistry';
import { framePixels, frameSize } from './pixels/framePixels';
import type { PixelPlanes } from './pixels/pixelPlanes';
import { toAppPose } from './toAppPose';
import type {
  EstimateOptions,
  EstimatorOptions,
  LoadProgress,
  PoseEstimator,
  PoseFrame,
} from './types';

/**
 * MoveNet's own default: below this overall score it reports no person rather than a guess.
 * BlazePose applies its detector's threshold (0.5) before landmarks run.
 */
const MOVENET_MIN_POSE_SCORE = 0.25;

function progressReporter(
  totalBytes: number,
  onProgress: ((progress: LoadProgress) => void) | undefined,
) {
  // Downloading dominates loading; backend start-up and warm-up get a small share each.
  const shares = { backend: 0.05, download: 0.85, warmup: 0.1 };
  return (stage: LoadProgress['stage'], loadedBytes: number, stageFraction: number): void => {
    if (onProgress === undefined) return;
    const downloaded = totalBytes === 0 ? 1 : Math.min(1, loadedBytes / totalBytes);
    const fraction =
      stage === 'backend'
        ? shares.backend * stageFraction
        : stage === 'download'
          ? shares.backend + shares.download * downloaded
          : stage === 'warmup'
            ? shares.backend + shares.download + shares.warmup * stageFraction
            : 1;
    onProgress({ stage, fraction, loadedBytes, totalBytes });
  };
}

/**
 * A runner's answer: the pose in the turned frame's pixels, and (BlazePose, if asked for) the
 * person mask in the model's region of interest.
 */
interface RunnerResult {
  readonly pose: PdPose;
  readonly regionMask: RegionMask | null;
  /** A new track began with this frame (the masks of one track are smoothed together). */
  readonly newTrack: boolean;
}

/** A pose whose person mask is still in the model's region (see blazepose/personMask.ts). */
export interface PoseWithRegionMask {
  readonly pose: Pose;
  readonly regionMask: RegionMask | null;
  readonly newTrack: boolean;
}

/**
 * The estimator the pose worker uses: it can hand the mask on unfinished, so that mapping it onto
 * the person's region and smoothing it happen on the page, off the model's thread.
 */
export interface RegionMaskEstimator extends PoseEstimator {
  estimateWithRegionMask(
    frame: PoseFrame,
    timestampMs: number,
    options?: EstimateOptions,
  ): Promise<PoseWithRegionMask | null>;
}

/**
 * What runs the model on a frame's pixels: MoveNet and BlazePose through StretchCheck's own
 * trackers, which cut the model's input from the pixels before they become a tensor (see
 * movenet/moveNetTracker.ts, blazepose/blazePoseTracker.ts). Keypoints come back in the pixels
 * of the frame as turned by `rotationDeg`.
 */
interface PoseRunner {
  estimate(
    picture: PixelPlanes,
    rotationDeg: FrameRotationDeg,
    timestampMs: number,
  ): Promise<RunnerResult | null>;
  reset(): void;
  dispose(): void;
}

class MoveNetRunner implements PoseRunner {
  constructor(private readonly tracker: MoveNetTracker) {}

  async estimate(
    picture: PixelPlanes,
    rotationDeg: FrameRotationDeg,
    timestampMs: number,
  ): Promise<RunnerResult | null> {
    const pose = await this.tracker.estimate(picture, rotationDeg, timestampMs);
    return pose === null ? null : { pose, regionMask: null, newTrack: false };
  }

  reset(): void {
    this.tracker.reset();
  }

  dispose(): void {
    this.tracker.dispose();
  }
}

class BlazePoseRunner implements PoseRunner {
  constructor(private readonly tracker: BlazePoseTracker) {}

  async estimate(
    picture: PixelPlanes,
    rotationDeg: FrameRotationDeg,
    timestampMs: number,
  ): Promise<RunnerResult | null> {
    const found = await this.tracker.estimate(picture, rotationDeg, timestampMs);
    return found === null
      ? null
      : { pose: found.pose, regionMask: found.mask, newTrack: found.newTrack };
  }

  reset(): void {
    this.tracker.reset();
  }

  dispose(): void {
    this.tracker.dispose();
  }
}

async function createRunner(
  spec: PoseModelSpec,
  options: EstimatorOptions,
  handlerFor: (graph: string) => tf.io.IOHandler,
): Promise<PoseRunner> {
  const enableSmoothing = options.enableSmoothing ?? true;
  if (spec.family === 'movenet') {
    const [graph] = spec.graphs;
    if (graph === undefined) throw new Error(`${spec.id}: no graph listed`);
    const model = await loadGraphModel(handlerFor(graph));
    await warmUpGraph(model, spec.inputSizePx);
    return new MoveNetRunner(
      new MoveNetTracker(model, {
        inputSizePx: spec.inputSizePx,
        minPoseScore: MOVENET_MIN_POSE_SCORE,
        enableSmoothing,
      }),
    );
  }
  const [detectorGraph, landmarkGraph] = spec.graphs;
  if (detectorGraph === undefined || landmarkGraph === undefined) {
    throw new Error(`${spec.id}: needs a detector and a landmark graph`);
  }
  const [detectorModel, landmarkModel] = await Promise.all([
    loadGraphModel(handlerFor(detectorGraph)),
    loadGraphModel(handlerFor(landmarkGraph)),
  ]);
  const tracker = new BlazePoseTracker(detectorModel, landmarkModel, {
    enableSmoothing,
    enableSegmentation: options.enableSegmentation ?? false,
  });
  await tracker.warmUp();
  return new BlazePoseRunner(tracker);
}

/** Runs MoveNet's graph once so the first real frame does not pay for kernel set-up. */
async function warmUpGraph(model: GraphModel, inputSizePx: number): Promise<void> {
  const input = tf.zeros([1, inputSizePx, inputSizePx, 3], 'int32');
  try {
    const outputs = model.execute(input);
    const list = Array.isArray(outputs) ? outputs : [outputs];
    await Promise.all(list.map((t) => t.data()));
    tf.dispose(list);
  } finally {
    input.dispose();
  }
}

class TfjsPoseEstimator implements RegionMaskEstimator {
  /** Serialises calls: pose-detection's trackers are not re-entrant. */
  private queue: Promise<unknown> = Promise.resolve();
  private lastRotationDeg: FrameRotationDeg = 0;
  private lastSize: ImageSize | null = null;
  private disposed = false;
  private readonly masks = new PersonMaskSmoother();

  constructor(
    readonly model: PoseModelId,
    readonly backend: BackendInfo,
    private readonly runner: PoseRunner,
  ) {}

  async estimate(
    frame: PoseFrame,
    timestampMs: number,
    options?: EstimateOptions,
  ): Promise<Pose | null> {
    const found = await this.estimateWithRegionMask(frame, timestampMs, options);
    if (found === null) return null;
    const { pose, regionMask, newTrack } = found;
    if (regionMask === null) return pose;
    return { ...pose, segmentation: this.masks.finish(regionMask, pose.imageSize, newTrack) };
  }

  estimateWithRegionMask(
    frame: PoseFrame,
    timestampMs: number,
    options?: EstimateOptions,
  ): Promise<PoseWithRegionMask | null> {
    const run = this.queue.then(() => this.estimateNow(frame, timestampMs, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async estimateNow(
    frame: PoseFrame,
    timestampMs: number,
    options: EstimateOptions | undefined,
  ): Promise<PoseWithRegionMask | null> {
    if (this.disposed) throw new Error('The pose estimator was disposed.');
    const rotationDeg = options?.rotationDeg ?? 0;
    const picture = await framePixels(frame);
    const imageSize = frameSize(picture);
    // Tracking state (crop region, filters) is in the previous frame's coordinates.
    if (
      rotationDeg !== this.lastRotationDeg ||
      this.lastSize?.widthPx !== imageSize.widthPx ||
      this.lastSize.heightPx !== imageSize.heightPx
    ) {
      this.runner.reset();
      this.lastRotationDeg = rotationDeg;
      this.lastSize = imageSize;
    }
    const found = await this.runner.estimate(picture, rotationDeg, timestampMs);
    if (found === null) return null;
    const pose = toAppPose(found.pose, { model: this.model, timestampMs, rotationDeg, imageSize });
    return { pose, regionMask: found.regionMask, newTrack: found.newTrack };
  }

  reset(): void {
    this.runner.reset();
    this.masks.reset();
    this.lastSize = null;
  }

  /** Queued behind pending estimates, so it never counts a frame's temporary tensors. */
  diagnostics(): Promise<TensorDiagnostics> {
    const run = this.queue.then(() => tensorDiagnostics());
    this.queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.runner.dispose();
  }
}

/**
 * Starts a backend, loads and checks the model files, and warms the model up. Runs TF.js in the
 * calling thread: use it in Node and inside the pose worker, not on a page's main thread.
 */
export async function createTfjsPoseEstimator(
  options: EstimatorOptions,
): Promise<RegionMaskEstimator> {
  const spec = POSE_MODELS[options.model];
  const totalBytes = modelFiles(spec.id).reduce((sum, file) => sum + file.bytes, 0);
  const report = progressReporter(totalBytes, options.onProgress);

  report('backend', 0, 0);
  const backend = await activateBackend(options.backend ?? 'auto');
  report('backend', 0, 1);

  const loadedPerGraph = new Map<string, number>();
  const reader: ModelFileReader = options.reader;
  const handlerFor = (graph: string): tf.io.IOHandler =>
    verifiedGraphModelHandler(graph, reader, (bytes) => {
      loadedPerGraph.set(graph, bytes);
      const loaded = [...loadedPerGraph.values()].reduce((a, b) => a + b, 0);
      report('download', loaded, 0);
    });
  // Loading ends with a warm-up run of each graph (in createRunner).
  const runner = await createRunner(spec, options, handlerFor);
  report('warmup', totalBytes, 1);
  report('ready', totalBytes, 1);
  return new TfjsPoseEstimator(spec.id, backend, runner);
}
