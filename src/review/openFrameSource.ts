import { DecodedFrameSource } from './decoding/decodedFrameSource';
import type { FrameSource } from './frameSource';
import type { SamplingRate } from './samplingPlan';
import { VideoFrameSampler } from './videoFrameSampler';

/**
 * The frame source for an offline analysis: the decoder when the file is an MP4, MOV, WebM or
 * Matroska file whose video this browser's WebCodecs decode (phone and camera clips, browser
 * recordings), else the player, which takes anything else the browser plays (Ogg files,
 * other containers and codecs).
 */

export interface OpenFrameSourceOptions {
  readonly rate: SamplingRate;
  readonly maxSidePx: number;
  /** Plays the file when the decoder cannot read it; shown as the preview then. */
  readonly video: HTMLVideoElement;
  /** Shows the decoder's frames as the preview. */
  readonly previewCanvas?: HTMLCanvasElement | null;
}

export async function openFrameSource(
  file: Blob,
  fileName: string,
  options: OpenFrameSourceOptions,
): Promise<FrameSource> {
  const decoded = await DecodedFrameSource.open(file, fileName, {
    rate: options.rate,
    maxSidePx: options.maxSidePx,
    preview: options.previewCanvas ?? null,
  });
  if (decoded.ok) return decoded.source;
  return VideoFrameSampler.open(options.video, file, fileName, {
    rate: options.rate,
    maxSidePx: options.maxSidePx,
  });
}
