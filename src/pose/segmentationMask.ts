import * as tf from '@tensorflow/tfjs-core';
import type { Pose as PdPose } from '@tensorflow-models/pose-detection';
import type { FrameRotationDeg, SegmentationMask } from '../geometry/types';
import { rotateImageTensor } from './frameTensor';
import { personRegion } from './maskRegion';
import { inverseRotation } from './rotation';

/**
 * Longest side of the mask handed on, in pixels. The back outline needs the body's silhouette,
 * not full-resolution edges, and a small mask keeps the per-frame copy out of the worker cheap
 * (at most 256 x 256 bytes). The mask covers only the person (see maskRegion.ts), so these pixels
 * are spent on them however small they are in the frame.
 */
export const MASK_MAX_SIDE_PX = 256;

/**
 * Turns pose-detection's RGBA mask (person probability in the red channel, 0..1) into the app's
 * one-byte mask over the person's region of the original, unrotated frame. Takes ownership of the
 * mask tensor.
 */
export async function segmentationToMask(
  mask: NonNullable<PdPose['segmentation']>['mask'],
  rotationDeg: FrameRotationDeg,
): Promise<SegmentationMask> {
  const rgba = await mask.toTensor();
  const held: tf.Tensor[] = [rgba];
  try {
    const upright = tf.tidy((): tf.Tensor3D => {
      // Pixels come as [r, 0, 0, r]: the largest channel is the probability. (Slicing the red
      // channel out is a strided copy, ~28 ms a 576 px frame on wasm; the reduction is ~1 ms.)
      const probability = tf.max<tf.Tensor3D>(rgba, 2, true);
      return rotateImageTensor(probability, inverseRotation(rotationDeg));
    });
    held.push(upright);
    const rowMaxima = tf.max(upright, [1, 2]);
    held.push(rowMaxima);
    const columnMaxima = tf.max(upright, [0, 2]);
    held.push(columnMaxima);
    const region = personRegion(await rowMaxima.data(), await columnMaxima.data());
    const bytes = tf.tidy((): tf.Tensor3D => {
      const person = tf.slice(
        upright,
        [region.topPx, region.leftPx, 0],
        [region.heightPx, region.widthPx, 1],
      );
      const scale = Math.min(1, MASK_MAX_SIDE_PX / Math.max(region.heightPx, region.widthPx));
      const small = tf.image.resizeBilinear(person, [
        Math.max(1, Math.round(region.heightPx * scale)),
        Math.max(1, Math.round(region.widthPx * scale)),
      ]);
      return tf.cast(tf.clipByValue(tf.round(tf.mul(small, 255)), 0, 255), 'int32') as tf.Tensor3D;
    });
    held.push(bytes);
    const [heightPx = 0, widthPx = 0] = bytes.shape;
    const data = Uint8Array.from(await bytes.data());
    return { widthPx, heightPx, data, region };
  } finally {
    tf.dispose(held);
  }
}
