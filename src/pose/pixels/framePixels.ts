import type { ImageSize } from '../../geometry/types';
import type { PixelFrame, PoseFrame } from '../types';
import {
  defaultYuvEncoding,
  interleavedPlanes,
  PLANE_FORMATS,
  type PixelPlanes,
  type PlaneFormat,
  type YuvEncoding,
} from './pixelPlanes';

/**
 * Any frame the estimator accepts, as pixel planes to cut model inputs from. A camera's VideoFrame
 * is copied as it is (YUV planes, no colour conversion); pictures the page already drew
 * (ImageBitmap, canvas, video element) are read back through a canvas once.
 */

function isPixelFrame(frame: PoseFrame): frame is PixelFrame {
  return 'channels' in frame && 'data' in frame;
}

function isPixelPlanes(frame: PoseFrame): frame is PixelPlanes {
  return 'kind' in frame && frame.kind === 'planes';
}

function isVideoFrame(frame: PoseFrame): frame is VideoFrame {
  return typeof VideoFrame !== 'undefined' && frame instanceof VideoFrame;
}

/** Width and height of any accepted frame. */
export function frameSize(frame: PoseFrame): ImageSize {
  if (isPixelFrame(frame) || isPixelPlanes(frame)) {
    return { widthPx: frame.widthPx, heightPx: frame.heightPx };
  }
  if (isVideoFrame(frame)) {
    return { widthPx: frame.visibleRect?.width ?? 0, heightPx: frame.visibleRect?.height ?? 0 };
  }
  if (typeof HTMLVideoElement !== 'undefined' && frame instanceof HTMLVideoElement) {
    return { widthPx: frame.videoWidth, heightPx: frame.videoHeight };
  }
  return { widthPx: frame.width, heightPx: frame.height };
}

const YUV_MATRICES: Partial<Record<VideoMatrixCoefficients, YuvEncoding['matrix']>> = {
  bt709: 'bt709',
  bt470bg: 'bt601',
  smpte170m: 'bt601',
};

/** Copies reuse one buffer: a worker reads one frame at a time. */
let copyBuffer: Uint8Array | null = null;

/**
 * A VideoFrame's own planes (I420, NV12, RGBA/BGRA…), or null when they cannot be read as they
 * are: a frame held in GPU memory (no format), or a layout the sampler does not know.
 */
async function videoFramePlanes(frame: VideoFrame): Promise<PixelPlanes | null> {
  const format = frame.format === 'I420A' ? 'I420' : frame.format;
  if (format === null || !(PLANE_FORMATS as readonly string[]).includes(format)) return null;
  const size = frame.allocationSize();
  if (copyBuffer === null || copyBuffer.byteLength < size) copyBuffer = new Uint8Array(size);
  const layout = await frame.copyTo(copyBuffer);
  const { widthPx, heightPx } = frameSize(frame);
  const matrix = YUV_MATRICES[frame.colorSpace.matrix ?? 'rgb'];
  const fallback = defaultYuvEncoding(heightPx);
  return {
    kind: 'planes',
    format: format as PlaneFormat,
    widthPx,
    heightPx,
    data: copyBuffer,
    planes: layout,
    yuv: {
      matrix: matrix ?? fallback.matrix,
      fullRange: frame.colorSpace.fullRange ?? fallback.fullRange,
    },
  };
}

/** Reads pictures back through one canvas (the fallback for anything not already pixels). */
let readbackContext: OffscreenCanvasRenderingContext2D | null = null;

function drawnPlanes(
  image: ImageBitmap | HTMLCanvasElement | HTMLVideoElement | VideoFrame,
  size: ImageSize,
): PixelPlanes {
  if (typeof OffscreenCanvas === 'undefined') {
    throw new Error('This browser cannot read pictures for the pose model (no OffscreenCanvas).');
  }
  readbackContext ??= new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
  if (readbackContext === null) throw new Error('This browser cannot read pictures back.');
  const canvas = readbackContext.canvas;
  if (canvas.width !== size.widthPx || canvas.height !== size.heightPx) {
    canvas.width = size.widthPx;
    canvas.height = size.heightPx;
  }
  readbackContext.drawImage(image, 0, 0, size.widthPx, size.heightPx);
  const pixels = readbackContext.getImageData(0, 0, size.widthPx, size.heightPx);
  return interleavedPlanes(size.widthPx, size.heightPx, 4, pixels.data);
}

/**
 * The frame's pixels. The planes may live in a buffer that the next call overwrites: use them
 * before reading the next frame.
 */
export async function framePixels(frame: PoseFrame): Promise<PixelPlanes> {
  if (isPixelPlanes(frame)) return frame;
  if (isPixelFrame(frame)) {
    const bytes =
      frame.data instanceof Uint8Array
        ? frame.data
        : new Uint8Array(frame.data.buffer, frame.data.byteOffset, frame.data.length);
    return interleavedPlanes(frame.widthPx, frame.heightPx, frame.channels, bytes);
  }
  if (typeof ImageData !== 'undefined' && frame instanceof ImageData) {
    return interleavedPlanes(frame.width, frame.height, 4, frame.data);
  }
  if (isVideoFrame(frame)) {
    return (await videoFramePlanes(frame)) ?? drawnPlanes(frame, frameSize(frame));
  }
  return drawnPlanes(frame as ImageBitmap | HTMLCanvasElement | HTMLVideoElement, frameSize(frame));
}
