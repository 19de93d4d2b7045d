import { EncodedPacketSink, type InputVideoTrack } from 'mediabunny';

/**
 * Where the readable part of a video track ends, in seconds, when the file was cut short: its
 * index lists frames whose data lies past the end of the file (an MP4 written with its index
 * first, "fast start", then copied or downloaded only in part). Null when the last frame's data
 * is there. Mediabunny reads such a file up to the first frame it cannot find, so the analysis
 * covers exactly this part; knowing the end up front keeps the progress bar and the clip's
 * length true.
 */
export async function readableEndS(track: InputVideoTrack): Promise<number | null> {
  const packets = new EncodedPacketSink(track);
  const last = await packets.getPacket(Infinity, { metadataOnly: true });
  // A packet whose data lies outside the file comes back as null.
  if (last === null || (await packets.getPacket(last.timestamp)) !== null) return null;
  const frames: { readonly startS: number; readonly endS: number }[] = [];
  for await (const packet of packets.packets(undefined, undefined, { metadataOnly: true }))
    frames.push({ startS: packet.timestamp, endS: packet.timestamp + packet.duration });
  frames.sort((a, b) => a.startS - b.startS);
  // Frames lie in the file in time order, so the readable ones come first: halve to the last.
  let readable = -1;
  let unreadable = frames.length - 1;
  while (unreadable - readable > 1) {
    const middle = (readable + unreadable) >> 1;
    const frame = frames[middle];
    if (frame !== undefined && (await packets.getPacket(frame.startS)) !== null) readable = middle;
    else unreadable = middle;
  }
  return Math.max(0, frames[readable]?.endS ?? 0);
}
