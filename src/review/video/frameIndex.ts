import { EncodedPacketSink, type InputVideoTrack } from 'mediabunny';

/**
 * The frames of a video track, from its container's index (no picture is decoded): when each is
 * shown, and where the readable ones end. The sampling plan picks its frames from these times, so
 * the decoder is asked for exactly those and decodes nothing past the last one.
 */

export interface FrameIndex {
  /** Presentation times of the frames whose data is in the file, in ms, ascending. */
  readonly timesMs: readonly number[];
  /**
   * Where the readable frames end, in ms, when the file was cut short (its index lists frames
   * whose data lies past the end of the file: an MP4 written with its index first, "fast start",
   * then copied or downloaded only in part); null when every listed frame is there.
   */
  readonly cutShortAtMs: number | null;
  /**
   * Presentation times of the readable keyframes, ascending: where decoding can start. Kept here
   * because Mediabunny's own keyframe lookup (1.61) misses a keyframe that lies in an earlier
   * cluster of a WebM without cues (a live recording) once it has read that file through: asked
   * for the keyframe before 2 s of such a file, it answers none.
   */
  readonly keyTimesMs: readonly number[];
}

interface ListedFrame {
  readonly startS: number;
  readonly endS: number;
  readonly isKey: boolean;
}

export async function indexFrames(track: InputVideoTrack): Promise<FrameIndex> {
  const packets = new EncodedPacketSink(track);
  // In decoding order, which is the order the frames' data lies in the file.
  const listed: ListedFrame[] = [];
  for await (const packet of packets.packets(undefined, undefined, { metadataOnly: true }))
    listed.push({
      startS: packet.timestamp,
      endS: packet.timestamp + packet.duration,
      isKey: packet.type === 'key',
    });
  const readable = await readableCount(packets, listed);
  const frames = listed.slice(0, readable).sort((a, b) => a.startS - b.startS);
  const timesMs = frames.map((frame) => frame.startS * 1000);
  const keyTimesMs = frames.filter((frame) => frame.isKey).map((frame) => frame.startS * 1000);
  if (readable === listed.length) return { timesMs, cutShortAtMs: null, keyTimesMs };
  const endS = frames.reduce((end, frame) => Math.max(end, frame.endS), 0);
  return { timesMs, cutShortAtMs: endS * 1000, keyTimesMs };
}

/**
 * The time of the last keyframe at or before `atMs` (where decoding must start to show the frame
 * at `atMs`), or the first keyframe when none comes before it.
 */
export function keyTimeAtOrBeforeMs(keyTimesMs: readonly number[], atMs: number): number {
  let found = keyTimesMs[0] ?? 0;
  for (const keyMs of keyTimesMs) {
    if (keyMs > atMs) break;
    found = keyMs;
  }
  return found;
}

/**
 * How many of `listed` (decoding order) have their data in the file. A packet whose data lies
 * past the end comes back as null; the readable ones come first, so halve to the last of them.
 */
async function readableCount(
  packets: EncodedPacketSink,
  listed: readonly ListedFrame[],
): Promise<number> {
  const isThere = async (index: number): Promise<boolean> => {
    const frame = listed[index];
    return frame !== undefined && (await packets.getPacket(frame.startS)) !== null;
  };
  if (listed.length === 0 || (await isThere(listed.length - 1))) return listed.length;
  let readable = -1;
  let unreadable = listed.length - 1;
  while (unreadable - readable > 1) {
    const middle = (readable + unreadable) >> 1;
    if (await isThere(middle)) readable = middle;
    else unreadable = middle;
  }
  return readable + 1;
}
