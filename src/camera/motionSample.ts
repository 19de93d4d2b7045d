import { lumaGrid, type LumaGrid } from './motion';
import type { LiveFrame } from './types';

/** One reusable copy buffer: the page measures one frame at a time. */
let copyBuffer: Uint8Array | null = null;
let smallCanvas: OffscreenCanvasRenderingContext2D | null = null;

/** Where brightness sits in a VideoFrame's copied planes, by pixel format. */
const LUMA_CHANNEL: Record<string, { channel: number; step: number }> = {
  I420: { channel: 0, step: 1 },
  I420A: { channel: 0, step: 1 },
  NV12: { channel: 0, step: 1 },
  // Green carries most of the brightness; enough to see change.
  RGBA: { channel: 1, step: 4 },
  RGBX: { channel: 1, step: 4 },
  BGRA: { channel: 1, step: 4 },
  BGRX: { channel: 1, step: 4 },
};

/**
 * The brightness grid of a grabbed picture, for the adaptive analysis rate: copies a VideoFrame's
 * planes as they are (~0.1-0.4 ms for 576-720 lines) and reads the grid from its Y plane; anything
 * else is drawn small on a canvas. The frame stays the caller's.
 */
export async function motionGrid(frame: LiveFrame): Promise<LumaGrid> {
  const picture = frame.picture;
  const luma = picture instanceof VideoFrame ? LUMA_CHANNEL[picture.format ?? ''] : undefined;
  if (picture instanceof VideoFrame && luma !== undefined) {
    const size = picture.allocationSize();
    if (copyBuffer === null || copyBuffer.byteLength < size) copyBuffer = new Uint8Array(size);
    const [plane] = await picture.copyTo(copyBuffer);
    return lumaGrid({
      data: copyBuffer,
      offset: (plane?.offset ?? 0) + luma.channel,
      stride: plane?.stride ?? 0,
      step: luma.step,
      widthPx: frame.widthPx,
      heightPx: frame.heightPx,
    });
  }
  // A picture in GPU memory or a bitmap: drawn at 4 pixels a cell (the grid's sample lattice).
  const width = 128;
  const height = 96;
  smallCanvas ??= new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  if (smallCanvas === null) throw new Error('This browser cannot measure motion in the picture.');
  smallCanvas.drawImage(picture, 0, 0, width, height);
  const { data } = smallCanvas.getImageData(0, 0, width, height);
  return lumaGrid({
    data,
    offset: 1,
    stride: width * 4,
    step: 4,
    widthPx: width,
    heightPx: height,
  });
}
