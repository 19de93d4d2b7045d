import { VideoFileError } from '../camera/types';
import { videoFileErrorFor } from '../camera/videoFileSource';

/**
 * Whether this browser can show a video, and its size and length: checked before a clip from a
 * bundle is kept, so a bundle whose "video" is anything else is refused rather than stored.
 */

export interface VideoProbe {
  readonly widthPx: number;
  readonly heightPx: number;
  /** Null when the file does not say (a recording cut off before its end was written). */
  readonly durationMs: number | null;
}

/** Long enough for a large local file's first frame; a playable one loads in well under this. */
const PROBE_TIMEOUT_MS = 20_000;

export async function probeVideo(video: Blob, fileName: string): Promise<VideoProbe> {
  const element = document.createElement('video');
  element.muted = true;
  element.preload = 'auto';
  const url = URL.createObjectURL(video);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new VideoFileError('unknown', `“${fileName}” could not be read in time.`)),
        PROBE_TIMEOUT_MS,
      );
      element.addEventListener(
        'loadeddata',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
      element.addEventListener(
        'error',
        () => {
          clearTimeout(timer);
          reject(videoFileErrorFor(element, fileName));
        },
        { once: true },
      );
      element.src = url;
    });
    if (element.videoWidth === 0 || element.videoHeight === 0)
      throw new VideoFileError('no-picture', `“${fileName}” has no picture.`);
    const seconds = element.duration;
    return {
      widthPx: element.videoWidth,
      heightPx: element.videoHeight,
      durationMs: Number.isFinite(seconds) ? seconds * 1000 : null,
    };
  } finally {
    element.removeAttribute('src');
    element.load();
    URL.revokeObjectURL(url);
  }
}
