import * as tf from '@tensorflow/tfjs-core';
import type { Pose as PdPose } from '@tensorflow-models/pose-detection';
import type { FrameRotationDeg, SegmentationMask } from '../geometry/types';
import { rotateImageTensor } from './frameTensor';
import { inverseRotation } from './rotation';

/**
 * Longest side of the mask handed on, in pixels. The back outline needs the body's silhouette,
 * not full-resolution edges, and a small mask keeps the per-frame copy out of the worker cheap
 * (256 x 192 bytes for a 4:3 frame).
 */
export const MASK_MAX_SIDE_PX = 256;

/**
 * Turns pose-detection's RGBA mask (person probability in the red channel, 0..1) into the app's
 * one-byte mask over the original, unrotated frame. Takes ownership of the mask tensor.
 */
export async function segmentationToMask(
  mask: NonNullable<PdPose['segmentation']>['mask'],
  rotationDeg: FrameRotationDeg,
): Promise<SegmentationMask> {
  const rgba = await mask.toTensor();
  const bytes = tf.tidy((): tf.Tensor3D => {
    const probability = tf.slice(rgba, [0, 0, 0], [-1, -1, 1]);
    const upright = rotateImageTensor(probability, inverseRotation(rotationDeg));
    const [height, width] = upright.shape;
    const scale = Math.min(1, MASK_MAX_SIDE_PX / Math.max(height, width));
    const small = tf.image.resizeBilinear(upright, [
      Math.max(1, Math.round(height * scale)),
      Math.max(1, Math.round(width * scale)),
    ]);
    return tf.cast(tf.clipByValue(tf.round(tf.mul(small, 255)), 0, 255), 'int32') as tf.Tensor3D;
  });
  try {
    const [heightPx = 0, widthPx = 0] = bytes.shape;
    const data = Uint8Array.from(await bytes.data());
    return { widthPx, heightPx, data };
  } finally {
    tf.dispose([rgba, bytes]);
  }
}
