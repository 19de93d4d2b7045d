import type { VideoSample } from 'mediabunny';
import { yuvToRgba, type YuvColour } from './yuvToRgba';

/**
 * Turns decoded frames into the small upright bitmaps the model reads. Pictures in the layouts
 * software decoders give (I420, NV12) are shrunk and turned in one pass over the output
 * (yuvToRgba.ts says why); any other layout (10-bit, 4:4:4, alpha, RGB) is drawn, turned and
 * scaled by the browser on a canvas.
 */

/**
 * The frame's colour standard; when the file does not say, HD pictures are taken as BT.709 and
 * smaller ones as BT.601, which is what players assume.
 */
function colourOf(sample: VideoSample): YuvColour {
  const matrix = sample.colorSpace.matrix;
  return {
    matrix:
      matrix === 'bt709' || (matrix === null && sample.codedHeight >= 720) ? 'bt709' : 'bt601',
    fullRange: sample.colorSpace.fullRange === true,
  };
}

export class FrameShrinker {
  private canvas: OffscreenCanvas | null = null;
  /** Buffers for decoded pictures' planes, reused (a 1080p picture is 3 MB). */
  private readonly yuvBuffers: Uint8Array[] = [];
  /** The output pixels, rewritten for each frame. */
  private rgba: ImageData | null = null;

  constructor(
    /** Output size, the sample's turn applied. */
    private readonly size: { readonly widthPx: number; readonly heightPx: number },
  ) {}

  /** The sample as an upright bitmap of `size`; the caller still owns (and closes) the sample. */
  async toBitmap(sample: VideoSample): Promise<ImageBitmap> {
    const { widthPx, heightPx } = this.size;
    const format = sample.format;
    if (format !== 'I420' && format !== 'NV12') {
      this.canvas ??= new OffscreenCanvas(widthPx, heightPx);
      const context = this.canvas.getContext('2d');
      if (context === null) throw new Error('No 2D canvas to draw frames on.');
      // Turns the picture by the sample's rotation (the track's) and stretches it to the canvas.
      sample.drawWithFit(context, { fit: 'fill' });
      return this.canvas.transferToImageBitmap();
    }
    const needed = sample.allocationSize();
    const spare = this.yuvBuffers.pop();
    const data = spare !== undefined && spare.byteLength >= needed ? spare : new Uint8Array(needed);
    try {
      const planes = await sample.copyTo(data);
      // createImageBitmap copies an ImageData's pixels before it returns (as the HTML spec says,
      // and as checked in Chromium), so one ImageData serves every frame.
      this.rgba ??= new ImageData(widthPx, heightPx);
      yuvToRgba(
        {
          format,
          data,
          planes,
          widthPx: sample.visibleRect.width,
          heightPx: sample.visibleRect.height,
        },
        colourOf(sample),
        sample.rotation,
        widthPx,
        heightPx,
        this.rgba.data,
      );
      return await createImageBitmap(this.rgba);
    } finally {
      this.yuvBuffers.push(data);
    }
  }
}
