import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { Pose as PdPose } from '@tensorflow-models/pose-detection';
import type { FrameRotationDeg, ImageSize } from '../../geometry/types';
import { composeAffine, rectAffine, turnedFrameAffine, type Affine } from '../pixels/affine';
import type { PixelPlanes } from '../pixels/pixelPlanes';
import { InputArrays, type SampleRange } from '../pixels/sampleImage';
import { rotatedSize } from '../rotation';
import {
  BLAZEPOSE_KEYPOINTS,
  calculateAlignmentPointsRects,
  calculateLandmarkProjection,
  calculateScoreCopy,
  calculateWorldLandmarkProjection,
  constants,
  createSsdAnchors,
  detectorResult,
  getRoi,
  KeypointsSmoothingFilter,
  landmarksToDetection,
  LowPassVisibilityFilter,
  nonMaxSuppression,
  normalizedKeypointsToKeypoints,
  padRoi,
  refineLandmarksFromHeatmap,
  removeDetectionLetterbox,
  removeLandmarkLetterbox,
  tensorsToDetections,
  tensorsToLandmarks,
  transformNormalizedRect,
  type AnchorTensor,
  type Padding,
  type PdImageSize,
  type PdKeypoint,
  type Rect,
} from './pipelineParts';

/**
 * BlazePose (detector + landmark model) with its tracking, as pose-detection runs it on TF.js
 * (`blazepose_tfjs/detector.ts`, itself MediaPipe's pose_landmark_cpu graph), except for how the
 * picture reaches the models: pose-detection makes the whole frame a float tensor and warps the
 * region of interest out of it, then warps the 256 x 256 person mask back over the whole frame,
 * smooths it there and pads it to RGBA. Here the region is read straight from the picture's pixels
 * (pixels/sampleImage.ts) and the mask is handed on in the region's own pixels, with the map back
 * (see personMask.ts). Detection, landmark decoding, heatmap refinement, region of interest and
 * keypoint smoothing are pose-detection's own code (pipelineParts.ts), called in the same order.
 */

/** The person mask in the landmark model's region of interest. */
export interface RegionMask {
  readonly widthPx: number;
  readonly heightPx: number;
  /** Person probability per mask pixel, row by row. */
  readonly probability: Float32Array;
  /** From a mask pixel to the pixels of the frame the estimator was given (before any turn). */
  readonly maskToFrame: Affine;
}

export interface BlazePoseResult {
  readonly pose: PdPose;
  readonly mask: RegionMask | null;
  /** The detector found the person in this frame: a new track (masks smooth only within one). */
  readonly newTrack: boolean;
}

export interface BlazePoseTrackerOptions {
  readonly enableSmoothing: boolean;
  readonly enableSegmentation: boolean;
}

const LANDMARK_INPUT = constants.BLAZEPOSE_LANDMARK_IMAGE_TO_TENSOR_CONFIG.outputTensorSize;
const DETECTOR_INPUT = constants.BLAZEPOSE_DETECTOR_IMAGE_TO_TENSOR_CONFIG.outputTensorSize;

function pdSize(size: ImageSize): PdImageSize {
  return { width: size.widthPx, height: size.heightPx };
}

/**
 * Reads `normRect` of the (turned) frame into a tensor of `out`, letterboxed like MediaPipe's
 * ImageToTensor; returns the tensor, the letterbox and the map from input pixels to the frame.
 */
function regionInput(
  arrays: InputArrays,
  picture: PixelPlanes,
  rotationDeg: FrameRotationDeg,
  turned: ImageSize,
  normRect: Rect | undefined,
  out: { readonly width: number; readonly height: number },
  range: SampleRange,
): { input: tf.Tensor4D; padding: Padding; roiPx: Rect } {
  const roiPx = getRoi(pdSize(turned), normRect);
  const padding = padRoi(roiPx, out, true);
  const outSize = { widthPx: out.width, heightPx: out.height };
  const toTurned = rectAffine({ ...roiPx, rotation: roiPx.rotation ?? 0 }, outSize);
  const affine = composeAffine(turnedFrameAffine(rotationDeg, picture), toTurned);
  const pixels = arrays.sample(range, picture, affine, outSize, range);
  return { input: tf.tensor4d(pixels, [1, out.height, out.width, 3], 'float32'), padding, roiPx };
}

export class BlazePoseTracker {
  private readonly anchors: AnchorTensor;
  private readonly inputs = new InputArrays(() => tf.getBackend() === 'wasm');
  /** Where to look in the next frame (normalised to the turned frame); null: detect first. */
  private regionOfInterest: Rect | null = null;
  private visibilityFilter: LowPassVisibilityFilter | null = null;
  private auxiliaryVisibilityFilter: LowPassVisibilityFilter | null = null;
  private landmarksFilter: KeypointsSmoothingFilter | null = null;
  private auxiliaryLandmarksFilter: KeypointsSmoothingFilter | null = null;
  /** Not cleared by reset(), as in pose-detection. */
  private worldLandmarksFilter: KeypointsSmoothingFilter | null = null;

  constructor(
    private readonly detectorModel: GraphModel,
    private readonly landmarkModel: GraphModel,
    private readonly options: BlazePoseTrackerOptions,
  ) {
    const rects = createSsdAnchors(constants.BLAZEPOSE_DETECTOR_ANCHOR_CONFIGURATION);
    this.anchors = {
      x: tf.tensor1d(rects.map((a) => a.xCenter)),
      y: tf.tensor1d(rects.map((a) => a.yCenter)),
      w: tf.tensor1d(rects.map((a) => a.width)),
      h: tf.tensor1d(rects.map((a) => a.height)),
    };
  }

  /** The person in `picture` turned by `rotationDeg`; keypoints in the turned frame's pixels. */
  async estimate(
    picture: PixelPlanes,
    rotationDeg: FrameRotationDeg,
    timestampMs: number,
  ): Promise<BlazePoseResult | null> {
    const turned = rotatedSize(picture, rotationDeg);
    const imageSize = pdSize(turned);
    let roi = this.regionOfInterest;
    const newTrack = roi === null;
    if (roi === null) {
      roi = await this.detect(picture, rotationDeg, turned);
      if (roi === null) {
        this.reset();
        return null;
      }
    }
    const found = await this.landmarks(picture, rotationDeg, turned, roi);
    if (found === null) {
      this.reset();
      return null;
    }
    const { landmarks, auxiliary, world } = this.filter(found, imageSize, timestampMs * 1000);
    this.regionOfInterest = transformNormalizedRect(
      calculateAlignmentPointsRects(landmarksToDetection(auxiliary), imageSize, {
        rotationVectorStartKeypointIndex: 0,
        rotationVectorEndKeypointIndex: 1,
        rotationVectorTargetAngleDegree: 90,
      }),
      imageSize,
      constants.BLAZEPOSE_DETECTOR_RECT_TRANSFORMATION_CONFIG,
    );
    const keypoints = normalizedKeypointsToKeypoints(landmarks, imageSize).map((k, i) => ({
      ...k,
      name: BLAZEPOSE_KEYPOINTS[i] ?? '',
    }));
    const keypoints3D = world.map((k, i) => ({ ...k, name: BLAZEPOSE_KEYPOINTS[i] ?? '' }));
    return { pose: { score: found.score, keypoints, keypoints3D }, mask: found.mask, newTrack };
  }

  reset(): void {
    this.regionOfInterest = null;
    this.visibilityFilter = null;
    this.auxiliaryVisibilityFilter = null;
    this.landmarksFilter = null;
    this.auxiliaryLandmarksFilter = null;
  }

  dispose(): void {
    this.detectorModel.dispose();
    this.landmarkModel.dispose();
    tf.dispose([this.anchors.x, this.anchors.y, this.anchors.w, this.anchors.h]);
  }

  /** Runs both graphs once on blank inputs, so the first real frame does not set up kernels. */
  async warmUp(): Promise<void> {
    const detectorInput = tf.zeros([1, DETECTOR_INPUT.height, DETECTOR_INPUT.width, 3]);
    const landmarkInput = tf.zeros([1, LANDMARK_INPUT.height, LANDMARK_INPUT.width, 3]);
    try {
      const outputs = [
        this.detectorModel.predict(detectorInput) as tf.Tensor,
        ...(this.landmarkModel.execute(landmarkInput, this.landmarkOutputs()) as tf.Tensor[]),
      ];
      await Promise.all(outputs.map((t) => t.data()));
      tf.dispose(outputs);
    } finally {
      tf.dispose([detectorInput, landmarkInput]);
    }
  }

  /** The person detector on the whole frame: a region of interest, or null if nobody is there. */
  private async detect(
    picture: PixelPlanes,
    rotationDeg: FrameRotationDeg,
    turned: ImageSize,
  ): Promise<Rect | null> {
    const { input, padding } = regionInput(
      this.inputs,
      picture,
      rotationDeg,
      turned,
      undefined,
      DETECTOR_INPUT,
      'signedUnit',
    );
    const result = this.detectorModel.predict(input) as tf.Tensor3D;
    const { boxes, logits } = detectorResult(result);
    try {
      const detections = await tensorsToDetections(
        [logits, boxes],
        this.anchors,
        constants.BLAZEPOSE_TENSORS_TO_DETECTION_CONFIGURATION,
      );
      if (detections.length === 0) return null;
      const [first] = removeDetectionLetterbox(
        await nonMaxSuppression(
          detections,
          1,
          constants.BLAZEPOSE_DETECTOR_NON_MAX_SUPPRESSION_CONFIGURATION.minSuppressionThreshold,
          constants.BLAZEPOSE_DETECTOR_NON_MAX_SUPPRESSION_CONFIGURATION.overlapType,
        ),
        padding,
      );
      if (first === undefined) return null;
      const imageSize = pdSize(turned);
      return transformNormalizedRect(
        calculateAlignmentPointsRects(first, imageSize, {
          rotationVectorStartKeypointIndex: 0,
          rotationVectorEndKeypointIndex: 1,
          rotationVectorTargetAngleDegree: 90,
        }),
        imageSize,
        constants.BLAZEPOSE_DETECTOR_RECT_TRANSFORMATION_CONFIG,
      );
    } finally {
      tf.dispose([input, result, boxes, logits]);
    }
  }

  private landmarkOutputs(): string[] {
    const outputs = ['ld_3d', 'output_poseflag', 'activation_heatmap', 'world_3d'];
    if (this.options.enableSegmentation) outputs.push('activation_segmentation');
    return outputs;
  }

  /** The landmark model on the region of interest; null when it sees no person there. */
  private async landmarks(
    picture: PixelPlanes,
    rotationDeg: FrameRotationDeg,
    turned: ImageSize,
    roi: Rect,
  ): Promise<{
    score: number;
    landmarks: PdKeypoint[];
    auxiliary: PdKeypoint[];
    world: PdKeypoint[];
    mask: RegionMask | null;
  } | null> {
    const { input, padding, roiPx } = regionInput(
      this.inputs,
      picture,
      rotationDeg,
      turned,
      roi,
      LANDMARK_INPUT,
      'unit',
    );
    const outputs = this.landmarkModel.execute(input, this.landmarkOutputs()) as tf.Tensor[];
    try {
      const [landmarkTensor, flagTensor, heatmapTensor, worldTensor, maskTensor] = outputs;
      if (!landmarkTensor || !flagTensor || !heatmapTensor || !worldTensor) {
        throw new Error('The BlazePose landmark model did not give its outputs.');
      }
      const score = (await flagTensor.data())[0] ?? 0;
      if (score < constants.BLAZEPOSE_POSE_PRESENCE_SCORE) return null;
      const all = await refineLandmarksFromHeatmap(
        await tensorsToLandmarks(landmarkTensor, constants.BLAZEPOSE_TENSORS_TO_LANDMARKS_CONFIG),
        heatmapTensor as tf.Tensor4D,
        constants.BLAZEPOSE_REFINE_LANDMARKS_FROM_HEATMAP_CONFIG,
      );
      const roiLandmarks = all.slice(0, constants.BLAZEPOSE_NUM_KEYPOINTS);
      const roiAuxiliary = all.slice(
        constants.BLAZEPOSE_NUM_KEYPOINTS,
        constants.BLAZEPOSE_NUM_AUXILIARY_KEYPOINTS,
      );
      const roiWorld = calculateScoreCopy(
        roiLandmarks,
        (
          await tensorsToLandmarks(
            worldTensor,
            constants.BLAZEPOSE_TENSORS_TO_WORLD_LANDMARKS_CONFIG,
          )
        ).slice(0, constants.BLAZEPOSE_NUM_KEYPOINTS),
        true,
      );
      let mask: RegionMask | null = null;
      if (maskTensor !== undefined) {
        const [, heightPx = 0, widthPx = 0] = maskTensor.shape;
        const values = (await maskTensor.data()) as Float32Array;
        // Its own buffer, so it can be handed to the page without touching the model's memory.
        const probability =
          values.byteLength === values.buffer.byteLength ? values : values.slice();
        const maskToTurned = rectAffine(
          { ...roiPx, rotation: roiPx.rotation ?? 0 },
          { widthPx, heightPx },
        );
        mask = {
          widthPx,
          heightPx,
          probability,
          maskToFrame: composeAffine(turnedFrameAffine(rotationDeg, picture), maskToTurned),
        };
      }
      return {
        score,
        landmarks: calculateLandmarkProjection(removeLandmarkLetterbox(roiLandmarks, padding), roi),
        auxiliary: calculateLandmarkProjection(removeLandmarkLetterbox(roiAuxiliary, padding), roi),
        world: calculateWorldLandmarkProjection(roiWorld, roi),
        mask,
      };
    } finally {
      tf.dispose([input, ...outputs]);
    }
  }

  /** pose-detection's landmark filtering, in its order (visibility, then position). */
  private filter(
    found: { landmarks: PdKeypoint[]; auxiliary: PdKeypoint[]; world: PdKeypoint[] },
    imageSize: PdImageSize,
    micros: number,
  ): { landmarks: PdKeypoint[]; auxiliary: PdKeypoint[]; world: PdKeypoint[] } {
    if (!this.options.enableSmoothing) return found;
    const objectScaleRoi = calculateAlignmentPointsRects(
      landmarksToDetection(found.auxiliary),
      imageSize,
      {
        rotationVectorEndKeypointIndex: 0,
        rotationVectorStartKeypointIndex: 1,
        rotationVectorTargetAngleDegree: 90,
      },
    );
    const visibility = (this.visibilityFilter ??= new LowPassVisibilityFilter(
      constants.BLAZEPOSE_VISIBILITY_SMOOTHING_CONFIG,
    ));
    const auxiliaryVisibility = (this.auxiliaryVisibilityFilter ??= new LowPassVisibilityFilter(
      constants.BLAZEPOSE_VISIBILITY_SMOOTHING_CONFIG,
    ));
    const landmarks = visibility.apply(found.landmarks);
    const auxiliary = auxiliaryVisibility.apply(found.auxiliary);
    // pose-detection also runs the world landmarks through this visibility filter (and then
    // drops the result), which moves the filter's state: kept, so the scores match its own.
    visibility.apply(found.world);
    this.landmarksFilter ??= new KeypointsSmoothingFilter(
      constants.BLAZEPOSE_LANDMARKS_SMOOTHING_CONFIG_ACTUAL,
    );
    this.auxiliaryLandmarksFilter ??= new KeypointsSmoothingFilter(
      constants.BLAZEPOSE_LANDMARKS_SMOOTHING_CONFIG_AUXILIARY,
    );
    this.worldLandmarksFilter ??= new KeypointsSmoothingFilter(
      constants.BLAZEPOSE_WORLD_LANDMARKS_SMOOTHING_CONFIG_ACTUAL,
    );
    return {
      landmarks: this.landmarksFilter.apply(landmarks, micros, imageSize, true, objectScaleRoi),
      auxiliary: this.auxiliaryLandmarksFilter.apply(
        auxiliary,
        micros,
        imageSize,
        true,
        objectScaleRoi,
      ),
      // pose-detection filters the unfiltered world landmarks here (its own quirk), kept.
      world: this.worldLandmarksFilter.apply(found.world, micros),
    };
  }
}
