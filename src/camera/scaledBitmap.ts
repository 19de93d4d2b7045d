import type { GrabbedFrame } from './types';

/**
 * The pose models look at 192-256 px crops, so frames beyond 640 px on the long side only cost
 * transfer and pixel-reading time in the worker without adding accuracy.
 */
export const DEFAULT_INFERENCE_MAX_SIDE_PX = 640;

export async function grabScaledBitmap(
  image: HTMLVideoElement | HTMLCanvasElement,
  sourceWidthPx: number,
  sourceHeightPx: number,
  maxSidePx: number,
  timestampMs: number,
): Promise<GrabbedFrame | null> {
  if (sourceWidthPx === 0 || sourceHeightPx === 0) return null;
  const scale = Math.min(1, maxSidePx / Math.max(sourceWidthPx, sourceHeightPx));
  const widthPx = Math.max(1, Math.round(sourceWidthPx * scale));
  const heightPx = Math.max(1, Math.round(sourceHeightPx * scale));
  try {
    const bitmap = await createImageBitmap(image, {
      resizeWidth: widthPx,
      resizeHeight: heightPx,
      resizeQuality: 'medium',
    });
    return { bitmap, timestampMs, widthPx, heightPx };
  } catch (error) {
    // Right after play() or a seek a video can report data yet have no presentable frame;
    // that is "no frame yet", not a failure: the caller tries again on the next frame.
    if (error instanceof DOMException && error.name === 'InvalidStateError') return null;
    throw error;
  }
}
