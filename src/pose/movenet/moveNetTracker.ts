import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { Keypoint as PdKeypoint, Pose as PdPose } from '@tensorflow-models/pose-detection';
import { COCO_KEYPOINT_NAMES, type FrameRotationDeg, type ImageSize } from '../../geometry/types';
import { boxAffine, composeAffine, turnedFrameAffine } from '../pixels/affine';
import type { PixelPlanes } from '../pixels/pixelPlanes';
import { InputArrays } from '../pixels/sampleImage';
import { rotatedSize } from '../rotation';
import {
  filteredCropRegion,
  initialCropRegion,
  MIN_CROP_KEYPOINT_SCORE,
  nextCropRegion,
  type CropRegion,
  type NormalizedKeypoint,
} from './cropRegion';
import { filterKeypoints, type KeypointFilterState } from '../keypointFilter';

/**
 * Single-person MoveNet (Lightning or Thunder) with its tracking crop, cut from the picture
 * before the picture becomes a tensor.
 *
 * pose-detection's detector turns the whole frame into a tensor and crops that: on a 480 px frame
 * the pixel read-out and the crop cost 6-10 ms a frame around a 28 ms Lightning graph (measured in
 * headless Chromium). Here only the crop's pixels are read, straight from the picture's planes
 * (../pixels/sampleImage.ts, sampled as pose-detection's cropAndResize samples), so the estimator
 * costs about what the bare graph does. A frame turned for a lying body is read through the same
 * map. The crop policy and the keypoint smoothing are MoveNet's (cropRegion.ts,
 * ../keypointFilter.ts).
 */

/** [y, x, score] for each of 17 keypoints. */
const KEYPOINT_VALUES = 3;

export interface MoveNetTrackerOptions {
  /** Model input side, px: 192 (Lightning) or 256 (Thunder). */
  readonly inputSizePx: number;
  /** Below this mean keypoint score nobody is reported (MoveNet's default is 0.25). */
  readonly minPoseScore: number;
  readonly enableSmoothing: boolean;
}

export class MoveNetTracker {
  /** Where to look in the next frame; null: nobody tracked (a fresh start). */
  private crop: CropRegion | null = null;
  /** The crop filter's memory, separate from `crop`: the first look is not part of it. */
  private filteredCrop: CropRegion | null = null;
  private smoothing: KeypointFilterState = null;
  private readonly inputs = new InputArrays(() => tf.getBackend() === 'wasm');

  constructor(
    private readonly model: GraphModel,
    private readonly options: MoveNetTrackerOptions,
  ) {}

  /** The person in `frame` (turned by `rotationDeg`), in the turned frame's pixels. */
  async estimate(
    picture: PixelPlanes,
    rotationDeg: FrameRotationDeg,
    timestampMs: number,
  ): Promise<PdPose | null> {
    const size = rotatedSize(picture, rotationDeg);
    const looked = this.crop ?? initialCropRegion(true, size);
    const input = this.cropInput(picture, rotationDeg, size, looked);
    let values: Float32Array | Int32Array | Uint8Array;
    try {
      const output = this.model.execute(input) as tf.Tensor;
      values = await output.data();
      output.dispose();
    } finally {
      input.dispose();
    }
    let keypoints: NormalizedKeypoint[] = COCO_KEYPOINT_NAMES.map((_, i) => ({
      y: looked.yMin + (values[i * KEYPOINT_VALUES] ?? 0) * (looked.yMax - looked.yMin),
      x: looked.xMin + (values[i * KEYPOINT_VALUES + 1] ?? 0) * (looked.xMax - looked.xMin),
      score: values[i * KEYPOINT_VALUES + 2] ?? 0,
    }));
    const confident = keypoints.filter((k) => k.score > MIN_CROP_KEYPOINT_SCORE);
    const score =
      confident.length === 0 ? 0 : confident.reduce((s, k) => s + k.score, 0) / confident.length;
    if (score < this.options.minPoseScore) {
      this.reset();
      return null;
    }
    if (this.options.enableSmoothing) {
      [this.smoothing, keypoints] = filterKeypoints(this.smoothing, keypoints, timestampMs * 1000);
    }
    this.filteredCrop = filteredCropRegion(this.filteredCrop, nextCropRegion(keypoints, size));
    this.crop = this.filteredCrop;
    return {
      score,
      keypoints: keypoints.map((k, i): PdKeypoint => ({
        x: k.x * size.widthPx,
        y: k.y * size.heightPx,
        score: k.score,
        name: COCO_KEYPOINT_NAMES[i] ?? '',
      })),
    };
  }

  reset(): void {
    this.crop = null;
    this.filteredCrop = null;
    this.smoothing = null;
  }

  dispose(): void {
    this.model.dispose();
  }

  /** The crop of the (turned) frame at the model's input size, as whole 0..255 values. */
  private cropInput(
    picture: PixelPlanes,
    rotationDeg: FrameRotationDeg,
    size: ImageSize,
    crop: CropRegion,
  ): tf.Tensor4D {
    const side = this.options.inputSizePx;
    const out = { widthPx: side, heightPx: side };
    const affine = composeAffine(
      turnedFrameAffine(rotationDeg, picture),
      boxAffine(crop, size, out),
    );
    const pixels = this.inputs.sample('crop', picture, affine, out, 'bytes');
    return tf.tensor4d(pixels, [1, side, side, 3], 'int32');
  }
}
