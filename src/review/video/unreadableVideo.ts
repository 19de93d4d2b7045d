import type { InputVideoTrack } from 'mediabunny';
import { VideoFileError } from '../../camera/types';

/**
 * Why a file cannot be analysed, in words a person can act on: its pictures are in a format this
 * browser cannot decode (named, so they can look for a converter), it holds sound only, or it is
 * an MP4 cut short before its index was written.
 */

/** Names people know, by Mediabunny's codec or the container's own id for the ones it lacks. */
const CODEC_NAMES: Readonly<Record<string, string>> = {
  avc: 'H.264',
  hevc: 'HEVC (H.265)',
  vp8: 'VP8',
  vp9: 'VP9',
  av1: 'AV1',
  prores: 'ProRes',
  mp4v: 'MPEG-4 Part 2',
  'V_MPEG4/ISO/ASP': 'MPEG-4 Part 2',
  'V_MPEG4/ISO/SP': 'MPEG-4 Part 2',
  'V_MPEG4/ISO/AP': 'MPEG-4 Part 2',
  V_THEORA: 'Theora',
  V_MPEG2: 'MPEG-2',
  s263: 'H.263',
  mjpa: 'Motion JPEG',
  jpeg: 'Motion JPEG',
  V_MJPEG: 'Motion JPEG',
};

/** The video format of `track`, by name, or null when neither Mediabunny nor the table knows it. */
export async function videoCodecName(track: InputVideoTrack): Promise<string | null> {
  const codec = await track.getCodec();
  const internal = await track.getInternalCodecId();
  return (
    CODEC_NAMES[codec ?? ''] ??
    (typeof internal === 'string' ? CODEC_NAMES[internal] : null) ??
    null
  );
}

/**
 * The video format of an Ogg file, from the identification header at the start of its stream
 * (Mediabunny reads Ogg sound only): Theora's starts "\x80theora", VP8's "OVP80".
 */
export function oggVideoCodecName(head: Uint8Array): string | null {
  const text = String.fromCharCode(...head.subarray(0, 4096));
  if (!text.startsWith('OggS')) return null;
  if (text.includes('\x80theora')) return 'Theora';
  if (text.includes('OVP80')) return 'VP8';
  return null;
}

/** Box headers are 8 bytes, or 16 with a 64-bit size. */
const BOX_HEADER_BYTES = 16;

/**
 * Whether `file` is an MP4 (or MOV) whose media data runs past its end with no index (`moov`)
 * before it: a recording or copy stopped before the index, which is written last, was.
 */
export async function cutBeforeIndex(file: Blob): Promise<boolean> {
  let position = 0;
  while (position + 8 <= file.size) {
    const header = new DataView(
      await file.slice(position, position + BOX_HEADER_BYTES).arrayBuffer(),
    );
    const type = String.fromCharCode(...new Uint8Array(header.buffer, 4, 4));
    const size32 = header.getUint32(0);
    const size =
      size32 === 1 && header.byteLength >= 16
        ? Number(header.getBigUint64(8))
        : size32 === 0
          ? file.size - position
          : size32;
    if (type === 'moov') return false;
    if (position === 0 && type !== 'ftyp') return false;
    if (size < 8) return false;
    if (position + size > file.size) return type === 'mdat';
    position += size;
  }
  return false;
}

export function cannotDecodeError(fileName: string, codecName: string | null): VideoFileError {
  const format = codecName === null ? 'a video format' : `${codecName} video`;
  return new VideoFileError(
    'unsupported',
    `“${fileName}” holds ${format}, which this browser cannot decode. Convert it to MP4 (H.264) — most video apps can — and try again.`,
  );
}

export function soundOnlyError(fileName: string): VideoFileError {
  return new VideoFileError(
    'no-picture',
    `“${fileName}” holds sound only: there is no picture to analyse.`,
  );
}

export function cutBeforeIndexError(fileName: string): VideoFileError {
  return new VideoFileError(
    'damaged',
    `“${fileName}” was cut short before its index was written (the part of an MP4 that says where each frame is), so none of it can be read. This happens when a recording or a copy stops early: the phone or camera usually still has the whole video.`,
  );
}
