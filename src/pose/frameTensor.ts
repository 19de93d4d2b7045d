import * as tf from '@tensorflow/tfjs-core';
import type { FrameRotationDeg, ImageSize } from '../geometry/types';
import type { PixelFrame, PoseFrame } from './types';

function isPixelFrame(frame: PoseFrame): frame is PixelFrame {
  return 'channels' in frame && 'data' in frame;
}

/** Width and height of any accepted frame. */
export function frameSize(frame: PoseFrame): ImageSize {
  if (isPixelFrame(frame)) return { widthPx: frame.widthPx, heightPx: frame.heightPx };
  if (typeof HTMLVideoElement !== 'undefined' && frame instanceof HTMLVideoElement) {
    return { widthPx: frame.videoWidth, heightPx: frame.videoHeight };
  }
  return { widthPx: frame.width, heightPx: frame.height };
}

/** Rotates an image tensor [H, W, C] clockwise by `rotationDeg`. */
export function rotateImageTensor(image: tf.Tensor3D, rotationDeg: FrameRotationDeg): tf.Tensor3D {
  switch (rotationDeg) {
    case 0:
      return image.clone();
    case 90: // out[r][c] = in[H - 1 - c][r]
      return tf.reverse(tf.transpose(image, [1, 0, 2]), 1);
    case 180:
      return tf.reverse(image, [0, 1]);
    case 270: // out[r][c] = in[c][W - 1 - r]
      return tf.reverse(tf.transpose(image, [1, 0, 2]), 0);
  }
}

/** An RGB int32 tensor [H, W, 3] of the frame, rotated clockwise by `rotationDeg`. */
export function frameToTensor(frame: PoseFrame, rotationDeg: FrameRotationDeg): tf.Tensor3D {
  return tf.tidy(() => {
    let rgb: tf.Tensor3D;
    if (isPixelFrame(frame)) {
      const { widthPx, heightPx, channels, data } = frame;
      const bytes =
        data instanceof Uint8Array
          ? data
          : new Uint8Array(data.buffer, data.byteOffset, data.length);
      rgb =
        channels === 3
          ? tf.tensor3d(bytes, [heightPx, widthPx, 3], 'int32')
          : tf.browser.fromPixels({ data: bytes, width: widthPx, height: heightPx }, 3);
    } else {
      rgb = tf.browser.fromPixels(frame, 3);
    }
    return rotateImageTensor(rgb, rotationDeg);
  });
}
