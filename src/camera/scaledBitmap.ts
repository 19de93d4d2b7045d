import type { GrabbedFrame } from './types';

/**
 * The pose models look at 192-256 px crops, so big frames only cost transfer and pixel-reading
 * time in the worker (about 10 ms per 576 x 576 frame in Chromium). Measured on the reference
 * clips, keypoint error against the references did not change from full size down to 384 px
 * (MoveNet Lightning median 3.6 -> 3.4 px, BlazePose full 4.7 -> 4.9 px in full-size pixels);
 * 480 keeps a margin for people standing further from the camera.
 */
export const INFERENCE_MAX_SIDE_PX = 480;

/** Size of a frame handed to the model: the picture's, long side at most `maxSidePx`. */
export function scaledFrameSize(
  widthPx: number,
  heightPx: number,
  maxSidePx: number,
): { readonly widthPx: number; readonly heightPx: number } {
  const scale = Math.min(1, maxSidePx / Math.max(widthPx, heightPx, 1));
  return {
    widthPx: Math.max(1, Math.round(widthPx * scale)),
    heightPx: Math.max(1, Math.round(heightPx * scale)),
  };
}

export async function grabScaledBitmap(
  image: HTMLVideoElement | HTMLCanvasElement,
  sourceWidthPx: number,
  sourceHeightPx: number,
  maxSidePx: number,
  timestampMs: number,
): Promise<GrabbedFrame | null> {
  if (sourceWidthPx === 0 || sourceHeightPx === 0) return null;
  const { widthPx, heightPx } = scaledFrameSize(sourceWidthPx, sourceHeightPx, maxSidePx);
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
