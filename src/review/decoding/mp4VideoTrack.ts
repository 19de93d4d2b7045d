import { createFile, DataStream, Endianness, MP4BoxBuffer, type ISOFile, type Track } from 'mp4box';
import type { EncodedSampleInfo, TrackReadResult } from './encodedVideoTrack';
import {
  matrixRotation,
  presentationMs,
  rotatedSize,
  trackClock,
  type EditEntry,
} from './mp4Timing';

/**
 * The video track of an MP4 (or MOV) file: what a `VideoDecoder` needs to be set up, and where
 * each encoded frame lies in the file, read with mp4box.js from the file's index (`moov`) without
 * reading the pictures. Works on any `Blob`, so it runs in Node tests as well as in the page.
 * A file cut short (frames listed past its end) is left to the player, which shows what is there.
 */

/** Bytes read at a time while looking for the index; big media data is skipped, not read. */
const READ_CHUNK_BYTES = 1 << 20;
/** Files are told apart from MP4s by their first box, which is at most this far in. */
const TYPE_BOX_TYPES = new Set(['ftyp', 'moov', 'mdat', 'free', 'skip', 'wide', 'pnot']);

function looksLikeIsoFile(head: Uint8Array): boolean {
  if (head.length < 8) return false;
  const type = String.fromCharCode(head[4] ?? 0, head[5] ?? 0, head[6] ?? 0, head[7] ?? 0);
  return TYPE_BOX_TYPES.has(type);
}

/** Reads boxes from the file until mp4box has the index (or the file ends). */
async function readIndex(file: Blob): Promise<ISOFile | null> {
  const iso = createFile();
  let ready = false;
  // A fragmented file's index lists no frames: they are in the fragments (moof) after it, so it
  // is read to its end; their media data is skipped.
  let fragmented = false;
  iso.onReady = (info) => {
    ready = true;
    fragmented = info.isFragmented;
  };
  iso.onError = () => undefined;
  let position = 0;
  while ((!ready || fragmented) && position < file.size) {
    const bytes = await file.slice(position, position + READ_CHUNK_BYTES).arrayBuffer();
    if (bytes.byteLength === 0) break;
    const buffer = MP4BoxBuffer.fromArrayBuffer(bytes, position);
    const next = iso.appendBuffer(buffer, position + bytes.byteLength >= file.size);
    // mp4box says where the next box it needs starts: past a big `mdat` when the index is after.
    position = typeof next === 'number' && next > position ? next : position + bytes.byteLength;
  }
  iso.flush();
  return ready ? iso : null;
}

function editEntries(iso: ISOFile, trackId: number): EditEntry[] {
  const trak = iso.getTrackById(trackId);
  const entries = trak.edts?.elst?.entries ?? [];
  return entries.map((entry) => ({
    segmentDuration: Number(entry.segment_duration),
    mediaTime: Number(entry.media_time),
  }));
}

/** The codec's set-up record as WebCodecs wants it: the box's body, without its 8-byte header. */
function decoderDescription(iso: ISOFile, trackId: number): Uint8Array | undefined {
  const trak = iso.getTrackById(trackId);
  for (const entry of trak.mdia?.minf?.stbl?.stsd?.entries ?? []) {
    const record =
      'avcC' in entry
        ? entry.avcC
        : 'hvcC' in entry
          ? entry.hvcC
          : 'vpcC' in entry
            ? entry.vpcC
            : 'av1C' in entry
              ? entry.av1C
              : undefined;
    if (record === undefined || record === null) continue;
    const stream = new DataStream(undefined, 0, Endianness.BIG_ENDIAN);
    (record as { write(stream: DataStream): void }).write(stream);
    return new Uint8Array(stream.buffer, 8);
  }
  return undefined;
}

function videoTrackOf(tracks: readonly Track[]): Track | undefined {
  // The longest video track: a file may also carry a thumbnail or a depth track.
  return [...tracks].sort((a, b) => b.nb_samples - a.nb_samples)[0];
}

export async function readMp4VideoTrack(file: Blob): Promise<TrackReadResult> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  if (!looksLikeIsoFile(head)) return { ok: false, reason: 'not-mp4' };
  const iso = await readIndex(file);
  if (iso === null) return { ok: false, reason: 'no-index' };
  const info = iso.getInfo();
  const video = videoTrackOf(info.videoTracks);
  if (video === undefined) return { ok: false, reason: 'no-video-track' };
  const samples = iso.getTrackSamplesInfo(video.id) ?? [];
  if (samples.length === 0) return { ok: false, reason: 'no-index' };
  const clock = trackClock(editEntries(iso, video.id), video.timescale, info.timescale);
  const encoded: EncodedSampleInfo[] = samples.map((sample) => ({
    offset: sample.offset,
    size: sample.size,
    presentationMs: presentationMs(clock, sample.cts),
    durationMs: (sample.duration * 1000) / sample.timescale,
    isKey: sample.is_sync,
  }));
  const last = encoded[encoded.length - 1];
  if (last !== undefined && last.offset + last.size > file.size)
    return { ok: false, reason: 'cut-short' };
  const rotation = matrixRotation(video.matrix);
  const codedWidthPx = video.video?.width ?? video.track_width;
  const codedHeightPx = video.video?.height ?? video.track_height;
  // tkhd's size is the picture as shown before turning (it includes any pixel aspect ratio).
  const shown = rotatedSize(
    video.track_width > 0 ? video.track_width : codedWidthPx,
    video.track_height > 0 ? video.track_height : codedHeightPx,
    rotation,
  );
  const durationMs = encoded.reduce(
    (end, sample) => Math.max(end, sample.presentationMs + sample.durationMs),
    0,
  );
  return {
    ok: true,
    track: {
      codec: video.codec,
      description: decoderDescription(iso, video.id),
      codedWidthPx,
      codedHeightPx,
      rotation,
      displayWidthPx: Math.round(shown.widthPx),
      displayHeightPx: Math.round(shown.heightPx),
      samples: encoded,
      durationMs,
    },
  };
}
