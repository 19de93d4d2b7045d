import type { QuarterTurn } from './mp4Timing';
import { drawUpright } from './frameDrawing';
import { yuvToRgba, type YuvColour } from './yuvToRgba';

/**
 * Turns decoded frames into the small upright bitmaps the model reads. Pictures in the layouts
 * software decoders give (I420, NV12) are shrunk and turned in one pass over the output
 * (yuvToRgba.ts says why); any other layout (10-bit, 4:4:4, alpha, RGB) is scaled by the browser
 * and turned on a canvas.
 */

/**
 * The frame's colour standard; when the file does not say, HD pictures are taken as BT.709 and
 * smaller ones as BT.601, which is what players assume.
 */
function colourOf(frame: VideoFrame): YuvColour {
  const space = frame.colorSpace;
  const matrix =
    space.matrix === 'bt709'
      ? 'bt709'
      : space.matrix === null || space.matrix === undefined
        ? frame.codedHeight >= 720
          ? 'bt709'
          : 'bt601'
        : 'bt601';
  return { matrix, fullRange: space.fullRange === true };
}

export class FrameShrinker {
  /** Page time spent converting, ms. */
  busyMs = 0;
  private canvas: OffscreenCanvas | null = null;
  /** Buffers for decoded pictures' planes, reused (a 1080p picture is 3 MB). */
  private readonly yuvBuffers: Uint8Array[] = [];
  /** The output pixels, rewritten for each frame. */
  private rgba: ImageData | null = null;

  constructor(
    private readonly rotation: QuarterTurn,
    /** Output size, the turn applied. */
    private readonly size: { readonly widthPx: number; readonly heightPx: number },
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The frame as an upright bitmap of `size`; the caller still owns (and closes) the frame. */
  async toBitmap(frame: VideoFrame): Promise<ImageBitmap> {
    const { widthPx, heightPx } = this.size;
    const rotation = this.rotation;
    const format = frame.format;
    if (format === 'I420' || format === 'NV12') {
      // The decoder's planes, shrunk and turned in one pass (yuvToRgba.ts says why).
      const size = frame.allocationSize();
      const spare = this.yuvBuffers.pop();
      const data = spare !== undefined && spare.byteLength >= size ? spare : new Uint8Array(size);
      try {
        const planes = await frame.copyTo(data);
        const startedMs = this.now();
        // createImageBitmap copies an ImageData's pixels before it returns (as the HTML spec
        // says, and as checked in Chromium), so one ImageData serves every frame.
        this.rgba ??= new ImageData(widthPx, heightPx);
        yuvToRgba(
          {
            format,
            data,
            planes,
            widthPx: frame.visibleRect?.width ?? frame.codedWidth,
            heightPx: frame.visibleRect?.height ?? frame.codedHeight,
          },
          colourOf(frame),
          rotation,
          widthPx,
          heightPx,
          this.rgba.data,
        );
        const bitmap = createImageBitmap(this.rgba);
        this.busyMs += this.now() - startedMs;
        return await bitmap;
      } finally {
        this.yuvBuffers.push(data);
      }
    }
    // Other layouts (10-bit, 4:4:4, alpha): the browser scales, then the canvas turns.
    const startedMs = this.now();
    const turned = rotation === 90 || rotation === 270;
    const pending = createImageBitmap(frame, {
      resizeWidth: turned ? heightPx : widthPx,
      resizeHeight: turned ? widthPx : heightPx,
      resizeQuality: 'medium',
    });
    this.busyMs += this.now() - startedMs;
    const scaled = await pending;
    if (rotation === 0) return scaled;
    const canvas = this.scratchCanvas(widthPx, heightPx);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('No 2D canvas to turn frames upright.');
    drawUpright(context, scaled, rotation, widthPx, heightPx);
    scaled.close();
    return canvas.transferToImageBitmap();
  }

  private scratchCanvas(widthPx: number, heightPx: number): OffscreenCanvas {
    if (this.canvas === null) this.canvas = new OffscreenCanvas(widthPx, heightPx);
    return this.canvas;
  }
}
