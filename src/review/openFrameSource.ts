import { ALL_FORMATS, BlobSource, Input, type InputVideoTrack } from 'mediabunny';
import { VideoFileError } from '../camera/types';
import type { FrameSource } from './frameSource';
import type { SamplingRate } from './samplingPlan';
import { DecodedFrameSource } from './video/decodedFrameSource';
import { PlayedFrameSource } from './video/playedFrameSource';
import {
  cannotDecodeError,
  cutBeforeIndex,
  cutBeforeIndexError,
  oggVideoCodecName,
  soundOnlyError,
  videoCodecName,
} from './video/unreadableVideo';

/**
 * The frame source for an offline analysis: the decoder whenever Mediabunny reads the file's
 * video track and this browser's WebCodecs decode it (phone and camera clips, browser and screen
 * recordings), else the player, which takes what only the browser's player decodes (a video in
 * an Ogg file). A file neither reads is refused with the reason: its video format (named) cannot
 * be decoded here, it holds sound only, or it was cut short before its index.
 */

export interface OpenFrameSourceOptions {
  readonly rate: SamplingRate;
  readonly maxSidePx: number;
  /** Plays the file when the decoder cannot read it; shown as the preview then. */
  readonly video: HTMLVideoElement;
  /** Shows the decoder's frames as the preview. */
  readonly previewCanvas?: HTMLCanvasElement | null;
}

/** What Mediabunny finds in a file; a file it cannot read at all has no format. */
interface Contents {
  readonly track: InputVideoTrack | null;
  readonly decodable: boolean;
  readonly hasSound: boolean;
}

async function contentsOf(input: Input): Promise<Contents> {
  try {
    const [track, sound] = await Promise.all([
      input.getPrimaryVideoTrack(),
      input.getPrimaryAudioTrack(),
    ]);
    const decodable =
      track !== null && typeof VideoDecoder !== 'undefined' && (await track.canDecode());
    return { track, decodable, hasSound: sound !== null };
  } catch {
    // Not a container Mediabunny knows (or one too damaged to read): for the player to judge.
    return { track: null, decodable: false, hasSound: false };
  }
}

export async function openFrameSource(
  file: Blob,
  fileName: string,
  options: OpenFrameSourceOptions,
): Promise<FrameSource> {
  const input = new Input({ formats: ALL_FORMATS, source: new BlobSource(file) });
  const contents = await contentsOf(input);
  if (contents.track !== null && contents.decodable) {
    try {
      return await DecodedFrameSource.open(input, contents.track, fileName, {
        rate: options.rate,
        maxSidePx: options.maxSidePx,
        preview: options.previewCanvas ?? null,
      });
    } catch (error) {
      input.dispose();
      throw error;
    }
  }
  const codecName =
    contents.track === null
      ? oggVideoCodecName(new Uint8Array(await file.slice(0, 4096).arrayBuffer()))
      : await videoCodecName(contents.track);
  input.dispose();
  if (contents.track === null && (await cutBeforeIndex(file))) throw cutBeforeIndexError(fileName);
  try {
    return await PlayedFrameSource.open(options.video, file, fileName, options);
  } catch (error) {
    // The player could not show a picture either: say why, as precisely as the file tells.
    if (!(error instanceof VideoFileError) || error.kind === 'damaged') throw error;
    if (contents.track !== null || codecName !== null) throw cannotDecodeError(fileName, codecName);
    if (contents.hasSound) throw soundOnlyError(fileName);
    throw error;
  }
}
