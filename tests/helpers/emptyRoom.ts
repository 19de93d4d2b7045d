import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ffmpeg, requireFfmpeg } from './video';

/**
 * An empty room: the left of the studio fixture's living room (sofa, picture, lamp), cropped
 * away from its person and scaled back to 640x480. Made with ffmpeg on first use, as an MP4 for
 * Node and as y4m for Chromium's fake webcam.
 */
const STUDIO_CLIP = fileURLToPath(
  new URL('../fixtures/studio/set1-17-standing-hamstring.mp4', import.meta.url),
);
const ARTIFACTS = fileURLToPath(new URL('../../artifacts/empty-room/', import.meta.url));
const CROP = ['-vf', 'crop=272:204:0:96,scale=640:480', '-pix_fmt', 'yuv420p'];

function made(name: string, extra: readonly string[]): string {
  const out = `${ARTIFACTS}${name}`;
  if (existsSync(out)) return out;
  requireFfmpeg();
  mkdirSync(ARTIFACTS, { recursive: true });
  ffmpeg('-i', STUDIO_CLIP, ...CROP, ...extra, out);
  return out;
}

export function emptyRoomMp4(): string {
  return made('empty-room.mp4', []);
}

export function emptyRoomY4m(): string {
  return made('empty-room.y4m', ['-r', '15']);
}
