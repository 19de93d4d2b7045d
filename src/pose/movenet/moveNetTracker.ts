import * as tf from '@tensorflow/tfjs-core';
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { Keypoint as PdKeypoint, Pose as PdPose } from '@tensorflow-models/pose-detection';
import { COCO_KEYPOINT_NAMES, type FrameRotationDeg, type ImageSize } from '../../geometry/types';
import { frameSize, frameToTensor } from '../frameTensor';
import type { PoseFrame } from '../types';
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
 * headless Chromium). Here an ImageBitmap is cropped and scaled to the model's input by
 * createImageBitmap (0.3 ms), so only 192 x 192 pixels are read (0.8 ms) and the estimator costs
 * about what the bare graph does. Frames that are not bitmaps (pixel buffers in Node) or that are
 * turned for a lying body take the tensor route, crop included, as pose-detection does. The crop
 * policy and the keypoint smoothing are MoveNet's (cropRegion.ts, ../keypointFilter.ts).
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

function isBitmap(frame: PoseFrame): frame is ImageBitmap {
  return typeof ImageBitmap !== 'undefined' && frame instanceof ImageBitmap;
}

/** The frame's size after turning it by `rotationDeg`. */
function turnedSize(size: ImageSize, rotationDeg: FrameRotationDeg): ImageSize {
  return rotationDeg === 90 || rotationDeg === 270
    ? { widthPx: size.heightPx, heightPx: size.widthPx }
    : size;
}

export class MoveNetTracker {
  /** Where to look in the next frame; null: nobody tracked (a fresh start). */
  private crop: CropRegion | null = null;
  /** The crop filter's memory, separate from `crop`: the first look is not part of it. */
  private filteredCrop: CropRegion | null = null;
  private smoothing: KeypointFilterState = null;

  constructor(
    private readonly model: GraphModel,
    private readonly options: MoveNetTrackerOptions,
  ) {}

  /** The person in `frame` (turned by `rotationDeg`), in the turned frame's pixels. */
  async estimate(
    frame: PoseFrame,
    rotationDeg: FrameRotationDeg,
    timestampMs: number,
  ): Promise<PdPose | null> {
    const size = turnedSize(frameSize(frame), rotationDeg);
    const crop = this.crop ?? initialCropRegion(true, size);
    const [input, looked] =
      isBitmap(frame) && rotationDeg === 0 && typeof createImageBitmap === 'function'
        ? await this.cropBitmap(frame, crop, size)
        : [this.cropTensor(frame, rotationDeg, crop), crop];
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

  /**
   * Cuts the crop from the bitmap at the model's input size. The source rectangle is whole
   * pixels, so the region it really covers is returned for mapping keypoints back; the part
   * outside the frame comes out transparent black, the padding MoveNet expects.
   */
  private async cropBitmap(
    frame: ImageBitmap,
    crop: CropRegion,
    size: ImageSize,
  ): Promise<[tf.Tensor4D, CropRegion]> {
    const { widthPx: w, heightPx: h } = size;
    const sx = Math.round(crop.xMin * w);
    const sy = Math.round(crop.yMin * h);
    const sw = Math.max(1, Math.round((crop.xMax - crop.xMin) * w));
    const sh = Math.max(1, Math.round((crop.yMax - crop.yMin) * h));
    const side = this.options.inputSizePx;
    const cut = await createImageBitmap(frame, sx, sy, sw, sh, {
      resizeWidth: side,
      resizeHeight: side,
      resizeQuality: 'medium',
    });
    try {
      const input = tf.tidy(() => tf.expandDims<tf.Tensor4D>(tf.browser.fromPixels(cut, 3), 0));
      return [input, { yMin: sy / h, xMin: sx / w, yMax: (sy + sh) / h, xMax: (sx + sw) / w }];
    } finally {
      cut.close();
    }
  }

  /** The tensor route: the whole (turned) frame as a tensor, cropped and scaled to the input. */
  private cropTensor(
    frame: PoseFrame,
    rotationDeg: FrameRotationDeg,
    crop: CropRegion,
  ): tf.Tensor4D {
    const side = this.options.inputSizePx;
    return tf.tidy(() => {
      const image = tf.expandDims<tf.Tensor4D>(frameToTensor(frame, rotationDeg), 0);
      const boxes = tf.tensor2d([[crop.yMin, crop.xMin, crop.yMax, crop.xMax]]);
      const resized = tf.image.cropAndResize(image, boxes, tf.zeros([1], 'int32'), [side, side]);
      return tf.cast(resized, 'int32');
    });
  }
}
