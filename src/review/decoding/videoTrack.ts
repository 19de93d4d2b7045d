import type { TrackReadResult } from './encodedVideoTrack';
import { readMp4VideoTrack } from './mp4VideoTrack';
import { looksLikeEbml, readWebmVideoTrack } from './webmVideoTrack';

/** The file's video track, read by the reader for its container (told by its first bytes). */
export async function readVideoTrack(file: Blob): Promise<TrackReadResult> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  return looksLikeEbml(head) ? readWebmVideoTrack(file) : readMp4VideoTrack(file);
}
