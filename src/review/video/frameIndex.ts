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
}

interface ListedFrame {
  readonly startS: number;
  readonly endS: number;
}

export async function indexFrames(track: InputVideoTrack): Promise<FrameIndex> {
  const packets = new EncodedPacketSink(track);
  // In decoding order, which is the order the frames' data lies in the file.
  const listed: ListedFrame[] = [];
  for await (const packet of packets.packets(undefined, undefined, { metadataOnly: true }))
    listed.push({ startS: packet.timestamp, endS: packet.timestamp + packet.duration });
  const readable = await readableCount(packets, listed);
  const frames = listed.slice(0, readable).sort((a, b) => a.startS - b.startS);
  const timesMs = frames.map((frame) => frame.startS * 1000);
  if (readable === listed.length) return { timesMs, cutShortAtMs: null };
  const endS = frames.reduce((end, frame) => Math.max(end, frame.endS), 0);
  return { timesMs, cutShortAtMs: endS * 1000 };
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
