import { grabScaledBitmap } from './scaledBitmap';
import type { LiveFrame } from './types';

/**
 * The picture a live source shows now, for the pose estimator: a VideoFrame of it where the
 * browser has them (WebCodecs), else an ImageBitmap scaled so its long side is at most
 * `maxSidePx`.
 *
 * A VideoFrame of a camera or video element holds the decoded picture as it is, YUV planes and
 * all, without a copy: making one costs the page ~0.1 ms. An ImageBitmap of a video is converted
 * to RGB and scaled on the page's main thread, 15-30 ms a 576 x 576 frame on a loaded 2-core
 * machine (npm run trace, live session), and the worker paid as much again to read it back. The
 * estimator reads only the pixels its model looks at from the VideoFrame (src/pose/pixels/).
 */
export async function grabLiveFrame(
  image: HTMLVideoElement | HTMLCanvasElement,
  widthPx: number,
  heightPx: number,
  maxSidePx: number,
  timestampMs: number,
): Promise<LiveFrame | null> {
  if (widthPx === 0 || heightPx === 0) return null;
  if (typeof VideoFrame === 'function') {
    try {
      const picture = new VideoFrame(image, { timestamp: Math.round(timestampMs * 1000) });
      const visible = picture.visibleRect;
      return {
        picture,
        timestampMs,
        widthPx: visible?.width ?? widthPx,
        heightPx: visible?.height ?? heightPx,
      };
    } catch (error) {
      // Right after play() or a seek a video can have no presentable frame: "no frame yet", the
      // caller tries again on the next one. Anything else falls back to a bitmap.
      if (error instanceof DOMException && error.name === 'InvalidStateError') return null;
    }
  }
  const grabbed = await grabScaledBitmap(image, widthPx, heightPx, maxSidePx, timestampMs);
  return grabbed === null ? null : { ...grabbed, picture: grabbed.bitmap };
}

/** Closes a grabbed picture that will not be analysed. */
export function closeLiveFrame(frame: LiveFrame): void {
  frame.picture.close();
}
