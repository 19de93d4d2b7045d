import type { EncodedSampleInfo, TrackReadResult } from './encodedVideoTrack';

/**
 * The video track of a WebM or Matroska file, found by walking its EBML elements: what the
 * browser's MediaRecorder writes (StretchCheck's own clips included), screen recorders and some
 * cameras. Only element headers are read; frames are skipped by their size.
 *
 * Recordings made in a browser are written as they happen: the segment and its clusters have
 * "unknown" sizes and the file states no duration (a `<video>` element reports Infinity, which is
 * why such files could not be analysed by playing them). So this walks the elements flat:
 * containers are entered rather than skipped, whatever size they say, and each frame's time is
 * its cluster's time plus its own offset. A recording cut off mid-frame (the tab closed) keeps
 * every whole frame before the cut.
 */

const ID = {
  EBML: 0x1a45dfa3,
  DocType: 0x4282,
  Segment: 0x18538067,
  Info: 0x1549a966,
  TimecodeScale: 0x2ad7b1,
  Duration: 0x4489,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  TrackNumber: 0xd7,
  TrackType: 0x83,
  CodecID: 0x86,
  CodecPrivate: 0x63a2,
  DefaultDuration: 0x23e383,
  Video: 0xe0,
  PixelWidth: 0xb0,
  PixelHeight: 0xba,
  DisplayWidth: 0x54b0,
  DisplayHeight: 0x54ba,
  Cluster: 0x1f43b675,
  Timecode: 0xe7,
  SimpleBlock: 0xa3,
  BlockGroup: 0xa0,
  Block: 0xa1,
  ReferenceBlock: 0xfb,
} as const;

/** Entered rather than skipped: their children are what is looked for. */
const CONTAINERS = new Set<number>([
  ID.EBML,
  ID.Segment,
  ID.Info,
  ID.Tracks,
  ID.TrackEntry,
  ID.Video,
  ID.Cluster,
  ID.BlockGroup,
]);

/** Bytes read from the file at a time. */
const WINDOW_BYTES = 1 << 20;
/** Longest element header: an 4-byte ID and an 8-byte size. */
const MAX_HEADER_BYTES = 12;
const TRACK_TYPE_VIDEO = 1;
/** Matroska's default: timecodes in milliseconds. */
const DEFAULT_TIMECODE_SCALE_NS = 1_000_000;

/** Reads a file through a window that moves forward as the walk goes. */
class WindowReader {
  private start = 0;
  private bytes = new Uint8Array(0);

  constructor(private readonly file: Blob) {}

  get size(): number {
    return this.file.size;
  }

  /** The bytes from `position`, at least `length` of them unless the file ends first. */
  async at(position: number, length: number): Promise<Uint8Array> {
    const end = this.start + this.bytes.length;
    if (position < this.start || position + length > end) {
      this.start = position;
      const wanted = Math.max(length, WINDOW_BYTES);
      this.bytes = new Uint8Array(await this.file.slice(position, position + wanted).arrayBuffer());
    }
    return this.bytes.subarray(position - this.start);
  }
}

interface VarInt {
  readonly value: number;
  readonly length: number;
  /** All value bits set: the "unknown size" of an element still being written. */
  readonly unknown: boolean;
}

/** An EBML variable-length integer; `keepMarker` for element IDs, which keep their length bit. */
function readVarInt(bytes: Uint8Array, at: number, keepMarker: boolean): VarInt | null {
  const first = bytes[at];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (at + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = bytes[at + i] ?? 0;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { value, length, unknown: !keepMarker && allOnes };
}

function readUint(bytes: Uint8Array): number {
  let value = 0;
  for (const byte of bytes) value = value * 256 + byte;
  return value;
}

function readFloat(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length === 4) return view.getFloat32(0);
  if (bytes.length === 8) return view.getFloat64(0);
  return Number.NaN;
}

interface TrackEntry {
  number: number | null;
  type: number | null;
  codecId: string | null;
  codecPrivate: Uint8Array | null;
  defaultDurationNs: number | null;
  pixelWidth: number | null;
  pixelHeight: number | null;
  displayWidth: number | null;
  displayHeight: number | null;
}

function emptyTrack(): TrackEntry {
  return {
    number: null,
    type: null,
    codecId: null,
    codecPrivate: null,
    defaultDurationNs: null,
    pixelWidth: null,
    pixelHeight: null,
    displayWidth: null,
    displayHeight: null,
  };
}

interface Block {
  readonly track: number;
  readonly offset: number;
  readonly size: number;
  readonly timeTicks: number;
  isKey: boolean;
}

interface Walk {
  docType: string | null;
  timecodeScaleNs: number;
  durationTicks: number | null;
  readonly tracks: TrackEntry[];
  clusterTicks: number;
  readonly blocks: Block[];
  laced: boolean;
  cutShort: boolean;
}

/** The block header: track number, time relative to its cluster, flags; then the frame. */
function readBlockHeader(
  bytes: Uint8Array,
): { track: number; relativeTicks: number; flags: number; headerLength: number } | null {
  const track = readVarInt(bytes, 0, false);
  if (track === null || bytes.length < track.length + 3) return null;
  const high = bytes[track.length] ?? 0;
  const low = bytes[track.length + 1] ?? 0;
  const unsigned = (high << 8) | low;
  const relative = unsigned >= 0x8000 ? unsigned - 0x10000 : unsigned; // signed 16-bit
  return {
    track: track.value,
    relativeTicks: relative,
    flags: bytes[track.length + 2] ?? 0,
    headerLength: track.length + 3,
  };
}

async function walk(reader: WindowReader): Promise<Walk> {
  const state: Walk = {
    docType: null,
    timecodeScaleNs: DEFAULT_TIMECODE_SCALE_NS,
    durationTicks: null,
    tracks: [],
    clusterTicks: 0,
    blocks: [],
    laced: false,
    cutShort: false,
  };
  let position = 0;
  while (position < reader.size) {
    const head = await reader.at(position, MAX_HEADER_BYTES);
    const id = readVarInt(head, 0, true);
    const size = id === null ? null : readVarInt(head, id.length, false);
    if (id === null || size === null) break;
    const dataStart = position + id.length + size.length;
    if (CONTAINERS.has(id.value)) {
      if (id.value === ID.TrackEntry) state.tracks.push(emptyTrack());
      position = dataStart;
      continue;
    }
    if (size.unknown) break; // only containers may be left open
    const dataEnd = dataStart + size.value;
    if (dataEnd > reader.size) {
      state.cutShort = true;
      break;
    }
    await readElement(reader, state, id.value, dataStart, size.value);
    position = dataEnd;
  }
  return state;
}

async function readElement(
  reader: WindowReader,
  state: Walk,
  id: number,
  dataStart: number,
  size: number,
): Promise<void> {
  const track = state.tracks[state.tracks.length - 1];
  // Small elements are read whole; frames only as far as their header.
  const small = async (): Promise<Uint8Array> =>
    (await reader.at(dataStart, size)).subarray(0, size);
  switch (id) {
    case ID.DocType:
      state.docType = new TextDecoder().decode(await small());
      return;
    case ID.TimecodeScale:
      state.timecodeScaleNs = readUint(await small());
      return;
    case ID.Duration:
      state.durationTicks = readFloat(await small());
      return;
    case ID.Timecode:
      state.clusterTicks = readUint(await small());
      return;
    case ID.SimpleBlock:
    case ID.Block: {
      const header = readBlockHeader(await reader.at(dataStart, Math.min(size, MAX_HEADER_BYTES)));
      if (header === null) return;
      if ((header.flags & 0x06) !== 0) state.laced = true;
      state.blocks.push({
        track: header.track,
        offset: dataStart + header.headerLength,
        size: size - header.headerLength,
        timeTicks: state.clusterTicks + header.relativeTicks,
        // A BlockGroup's Block is a keyframe unless a ReferenceBlock follows it.
        isKey: id === ID.Block || (header.flags & 0x80) !== 0,
      });
      return;
    }
    case ID.ReferenceBlock: {
      const last = state.blocks[state.blocks.length - 1];
      if (last !== undefined) last.isKey = false;
      return;
    }
  }
  if (track === undefined) return;
  switch (id) {
    case ID.TrackNumber:
      track.number = readUint(await small());
      return;
    case ID.TrackType:
      track.type = readUint(await small());
      return;
    case ID.CodecID:
      track.codecId = new TextDecoder().decode(await small()).replace(/\0+$/, '');
      return;
    case ID.CodecPrivate:
      track.codecPrivate = (await small()).slice();
      return;
    case ID.DefaultDuration:
      track.defaultDurationNs = readUint(await small());
      return;
    case ID.PixelWidth:
      track.pixelWidth = readUint(await small());
      return;
    case ID.PixelHeight:
      track.pixelHeight = readUint(await small());
      return;
    case ID.DisplayWidth:
      track.displayWidth = readUint(await small());
      return;
    case ID.DisplayHeight:
      track.displayHeight = readUint(await small());
      return;
  }
}

function hex2(value: number): string {
  return value.toString(16).padStart(2, '0');
}

/** The WebCodecs codec string for a Matroska codec, from its private data or first frame. */
export function webCodecsCodec(
  codecId: string,
  codecPrivate: Uint8Array | null,
  firstFrame: Uint8Array | null,
): { readonly codec: string; readonly description: Uint8Array | undefined } | null {
  switch (codecId) {
    case 'V_VP8':
      return { codec: 'vp8', description: undefined };
    case 'V_VP9': {
      // The uncompressed header's first byte: frame marker (2 bits), then the profile's low and
      // high bits. Profiles 2 and 3 carry 10 or 12 bits; 10 is what cameras write.
      const byte = firstFrame?.[0] ?? 0;
      const profile = ((byte >> 5) & 1) * 1 + ((byte >> 4) & 1) * 2;
      return {
        codec: `vp09.0${profile}.10.${profile >= 2 ? '10' : '08'}`,
        description: undefined,
      };
    }
    case 'V_AV1': {
      // av1C: marker/version, then seq_profile (3 bits) + seq_level_idx_0 (5), then tier and depth.
      if (codecPrivate === null || codecPrivate.length < 4) return null;
      const profile = (codecPrivate[1] ?? 0) >> 5;
      const level = (codecPrivate[1] ?? 0) & 0x1f;
      const flags = codecPrivate[2] ?? 0;
      const tier = flags & 0x80 ? 'H' : 'M';
      const depth = flags & 0x40 ? (profile === 2 && flags & 0x20 ? 12 : 10) : 8;
      return {
        codec: `av01.${profile}.${String(level).padStart(2, '0')}${tier}.${String(depth).padStart(2, '0')}`,
        description: codecPrivate,
      };
    }
    case 'V_MPEG4/ISO/AVC': {
      // avcC: version, then profile, constraint flags and level.
      if (codecPrivate === null || codecPrivate.length < 4) return null;
      return {
        codec: `avc1.${hex2(codecPrivate[1] ?? 0)}${hex2(codecPrivate[2] ?? 0)}${hex2(codecPrivate[3] ?? 0)}`,
        description: codecPrivate,
      };
    }
    default:
      return null;
  }
}

const EBML_MAGIC = [0x1a, 0x45, 0xdf, 0xa3] as const;

export function looksLikeEbml(head: Uint8Array): boolean {
  return EBML_MAGIC.every((byte, i) => head[i] === byte);
}

export async function readWebmVideoTrack(file: Blob): Promise<TrackReadResult> {
  const reader = new WindowReader(file);
  if (!looksLikeEbml(await reader.at(0, 4))) return { ok: false, reason: 'not-webm' };
  const state = await walk(reader);
  const video = state.tracks.find((t) => t.type === TRACK_TYPE_VIDEO && t.number !== null);
  if (video === undefined || video.codecId === null)
    return { ok: false, reason: state.cutShort ? 'cut-short' : 'no-video-track' };
  const blocks = state.blocks.filter((block) => block.track === video.number);
  if (blocks.length === 0) return { ok: false, reason: state.cutShort ? 'cut-short' : 'no-index' };
  if (state.laced) return { ok: false, reason: 'laced-frames' };
  const first = blocks[0];
  const firstFrame =
    first === undefined
      ? null
      : (await reader.at(first.offset, 1)).subarray(0, Math.min(first.size, 1));
  const codec = webCodecsCodec(video.codecId, video.codecPrivate, firstFrame);
  if (codec === null) return { ok: false, reason: 'unknown-codec' };
  const msPerTick = state.timecodeScaleNs / 1_000_000;
  // Frames are stored in decoding order; their gaps in showing order give their durations.
  const shown = blocks.map((block) => block.timeTicks * msPerTick).sort((a, b) => a - b);
  const defaultMs =
    video.defaultDurationNs !== null
      ? video.defaultDurationNs / 1_000_000
      : shown.length >= 2
        ? ((shown[shown.length - 1] ?? 0) - (shown[0] ?? 0)) / (shown.length - 1)
        : 33;
  const nextShown = new Map<number, number>();
  shown.forEach((t, i) => nextShown.set(t, shown[i + 1] ?? t + defaultMs));
  const samples: EncodedSampleInfo[] = blocks.map((block) => {
    const presentationMs = block.timeTicks * msPerTick;
    return {
      offset: block.offset,
      size: block.size,
      presentationMs,
      durationMs: (nextShown.get(presentationMs) ?? presentationMs + defaultMs) - presentationMs,
      isKey: block.isKey,
    };
  });
  const lastShown = shown[shown.length - 1] ?? 0;
  const statedMs = state.durationTicks === null ? null : state.durationTicks * msPerTick;
  const widthPx = video.pixelWidth ?? 0;
  const heightPx = video.pixelHeight ?? 0;
  return {
    ok: true,
    track: {
      codec: codec.codec,
      description: codec.description,
      codedWidthPx: widthPx,
      codedHeightPx: heightPx,
      rotation: 0,
      displayWidthPx: video.displayWidth ?? widthPx,
      displayHeightPx: video.displayHeight ?? heightPx,
      samples,
      durationMs:
        statedMs !== null && Number.isFinite(statedMs) && !state.cutShort
          ? Math.max(statedMs, lastShown)
          : lastShown + defaultMs,
    },
  };
}
