import type { QuarterTurn } from './mp4Timing';

/**
 * Draws a decoded frame upright and scaled: the track matrix's quarter turn is applied here,
 * because a decoder gives the picture as stored (a phone's portrait clip comes out lying down).
 */

type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Draws `frame` turned by `rotation` (clockwise) to fill a `widthPx` x `heightPx` canvas, whose
 * size is already the turned one. The canvas y axis points down, so a positive angle turns
 * clockwise on screen.
 */
export function drawUpright(
  context: Context2D,
  frame: CanvasImageSource,
  rotation: QuarterTurn,
  widthPx: number,
  heightPx: number,
): void {
  context.save();
  switch (rotation) {
    case 0:
      context.drawImage(frame, 0, 0, widthPx, heightPx);
      break;
    case 90:
      context.translate(widthPx, 0);
      context.rotate(Math.PI / 2);
      context.drawImage(frame, 0, 0, heightPx, widthPx);
      break;
    case 180:
      context.translate(widthPx, heightPx);
      context.rotate(Math.PI);
      context.drawImage(frame, 0, 0, widthPx, heightPx);
      break;
    case 270:
      context.translate(0, heightPx);
      context.rotate(-Math.PI / 2);
      context.drawImage(frame, 0, 0, heightPx, widthPx);
      break;
  }
  context.restore();
}
