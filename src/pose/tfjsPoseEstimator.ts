import * as tf from '@tensorflow/tfjs-core';
import { loadGraphModel } from '@tensorflow/tfjs-converter';
import * as poseDetection from '@tensorflow-models/pose-detection';
import type { Pose as PdPose } from '@tensorflow-models/pose-detection';
import type { FrameRotationDeg, ImageSize, Pose, PoseModelId } from '../geometry/types';
import {
  activateBackend,
  tensorDiagnostics,
  type BackendInfo,
  type TensorDiagnostics,
} from './backends';
import { frameSize, frameToTensor } from './frameTensor';
import { MoveNetTracker } from './movenet/moveNetTracker';
import { verifiedGraphModelHandler, type ModelFileReader } from './modelArtifacts';
import { POSE_MODELS, modelFiles, type PoseModelSpec } from './modelRegistry';
import { segmentationToMask } from './segmentationMask';
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
 * What runs the model on a frame: MoveNet through our own tracker (the crop is cut before the
 * frame becomes a tensor, see movenet/moveNetTracker.ts), BlazePose through pose-detection.
 * Keypoints come back in the pixels of the frame as turned by `rotationDeg`.
 */
interface PoseRunner {
  estimate(
    frame: PoseFrame,
    rotationDeg: FrameRotationDeg,
    timestampMs: number,
  ): Promise<PdPose | null>;
  reset(): void;
  dispose(): void;
}

class BlazePoseRunner implements PoseRunner {
  constructor(private readonly detector: poseDetection.PoseDetector) {}

  async estimate(
    frame: PoseFrame,
    rotationDeg: FrameRotationDeg,
    timestampMs: number,
  ): Promise<PdPose | null> {
    const input = frameToTensor(frame, rotationDeg);
    try {
      const [first] = await this.detector.estimatePoses(input, undefined, timestampMs);
      return first ?? null;
    } finally {
      input.dispose();
    }
  }

  reset(): void {
    this.detector.reset();
  }

  dispose(): void {
    this.detector.dispose();
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
    await warmUpGraph(model, spec.inputSizePx, 'int32');
    return new MoveNetTracker(model, {
      inputSizePx: spec.inputSizePx,
      minPoseScore: MOVENET_MIN_POSE_SCORE,
      enableSmoothing,
    });
  }
  const [detectorGraph, landmarkGraph] = spec.graphs;
  if (detectorGraph === undefined || landmarkGraph === undefined) {
    throw new Error(`${spec.id}: needs a detector and a landmark graph`);
  }
  const detector = await poseDetection.createDetector(poseDetection.SupportedModels.BlazePose, {
    runtime: 'tfjs',
    modelType: spec.id === 'blazepose-lite' ? 'lite' : 'full',
    enableSmoothing,
    enableSegmentation: options.enableSegmentation ?? false,
    detectorModelUrl: handlerFor(detectorGraph),
    landmarkModelUrl: handlerFor(landmarkGraph),
  });
  await warmUpBlazePose(detector, spec);
  return new BlazePoseRunner(detector);
}

/** Runs a graph once so the first real frame does not pay for kernel set-up. */
async function warmUpGraph(
  model: { execute(input: tf.Tensor): tf.Tensor | tf.Tensor[] },
  inputSizePx: number,
  dtype: 'int32' | 'float32',
): Promise<void> {
  const input = tf.zeros([1, inputSizePx, inputSizePx, 3], dtype);
  try {
    const outputs = model.execute(input);
    const list = Array.isArray(outputs) ? outputs : [outputs];
    await Promise.all(list.map((t) => t.data()));
    tf.dispose(list);
  } finally {
    input.dispose();
  }
}

/** The landmark graph inside pose-detection's BlazePose detector (not part of its public API). */
interface HasLandmarkModel {
  readonly landmarkModel: {
    execute(input: tf.Tensor, outputs?: string[]): tf.Tensor | tf.Tensor[];
  };
}

function hasLandmarkModel(detector: object): detector is HasLandmarkModel {
  const candidate = (detector as Partial<HasLandmarkModel>).landmarkModel;
  return typeof candidate?.execute === 'function';
}

/**
 * Warms BlazePose up: a blank frame runs its detector, which finds nobody and would skip the
 * landmark graph, so that graph is run directly as well.
 */
async function warmUpBlazePose(
  detector: poseDetection.PoseDetector,
  spec: PoseModelSpec,
): Promise<void> {
  const blank = tf.zeros<tf.Rank.R3>([spec.inputSizePx, spec.inputSizePx, 3], 'int32');
  try {
    await detector.estimatePoses(blank, undefined, 0);
    if (hasLandmarkModel(detector))
      await warmUpGraph(detector.landmarkModel, spec.inputSizePx, 'float32');
  } finally {
    blank.dispose();
    detector.reset();
  }
}

class TfjsPoseEstimator implements PoseEstimator {
  /** Serialises calls: pose-detection's trackers are not re-entrant. */
  private queue: Promise<unknown> = Promise.resolve();
  private lastRotationDeg: FrameRotationDeg = 0;
  private lastSize: ImageSize | null = null;
  private disposed = false;

  constructor(
    readonly model: PoseModelId,
    readonly backend: BackendInfo,
    private readonly runner: PoseRunner,
  ) {}

  estimate(frame: PoseFrame, timestampMs: number, options?: EstimateOptions): Promise<Pose | null> {
    const run = this.queue.then(() => this.estimateNow(frame, timestampMs, options));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async estimateNow(
    frame: PoseFrame,
    timestampMs: number,
    options: EstimateOptions | undefined,
  ): Promise<Pose | null> {
    if (this.disposed) throw new Error('The pose estimator was disposed.');
    const rotationDeg = options?.rotationDeg ?? 0;
    const imageSize = frameSize(frame);
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
    const first = await this.runner.estimate(frame, rotationDeg, timestampMs);
    if (first === null) return null;
    const segmentation =
      first.segmentation === undefined
        ? undefined
        : await segmentationToMask(first.segmentation.mask, rotationDeg);
    return toAppPose(first, {
      model: this.model,
      timestampMs,
      rotationDeg,
      imageSize,
      ...(segmentation !== undefined ? { segmentation } : {}),
    });
  }

  reset(): void {
    this.runner.reset();
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
export async function createTfjsPoseEstimator(options: EstimatorOptions): Promise<PoseEstimator> {
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
