import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { PixelFrame } from '../../src/pose/types';
import { mirrorPixels, readImageFile, rotatePixels } from '../../tests/helpers/images';
import { ffprobeVideo, requireFfmpeg } from '../../tests/helpers/video';

/**
 * Reads a still image for the eval as a person would see it: JPEG and PNG by their content (real
 * files are misnamed), turned upright by a JPEG's EXIF orientation as a browser shows it (phone
 * photos are stored sideways with a tag saying so), and any other format ffmpeg knows (WebP, BMP,
 * TIFF, GIF's first frame) through ffmpeg. Throws `UnreadableMediaError` with a plain reason.
 */
export function readImage(path: string): PixelFrame {
  const bytes = readFileSync(path);
  if (bytes.length === 0) throw new UnreadableMediaError('the file is empty');
  if (isPng(bytes) || isJpeg(bytes)) {
    let frame: PixelFrame;
    try {
      frame = readImageFile(path);
    } catch (error) {
      throw new UnreadableMediaError(
        `damaged ${isPng(bytes) ? 'PNG' : 'JPEG'} (${errorReason(error)})`,
      );
    }
    return isJpeg(bytes) ? applyExifOrientation(frame, exifOrientation(bytes)) : frame;
  }
  return readWithFfmpeg(path);
}

/** A file the eval could not read, with a reason meant for a person. */
export class UnreadableMediaError extends Error {
  override readonly name = 'UnreadableMediaError';
}

/**
 * The line of an error worth showing. A failed ffmpeg or ffprobe reports its command line, then
 * its complaints, the cause first ("No JPEG data found in image") and its consequences after;
 * they name the decoder ("[mjpeg @ 0x5610...]") or the file (`path`), left out here.
 */
export function errorReason(error: unknown, path?: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split('\n')
    .map((line) => line.replace(/^\[[^\]]*\]\s*/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('Command failed:'));
  const first = lines[0] ?? message.trim();
  return path !== undefined && first.startsWith(`${path}: `) ? first.slice(path.length + 2) : first;
}

function isPng(bytes: Uint8Array): boolean {
  return bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
}

function isJpeg(bytes: Uint8Array): boolean {
  return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

/**
 * The EXIF orientation (1-8) of a JPEG, 1 when it has none. Walks the marker segments up to the
 * image data, finds the APP1 "Exif" segment and reads tag 0x0112 from its first IFD, in the byte
 * order the TIFF header states. A malformed segment means no orientation, never an exception.
 */
export function exifOrientation(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1] ?? 0;
    // Start of scan: the image data follows, with no more metadata segments before it.
    if (marker === 0xda) return 1;
    const length = view.getUint16(offset + 2);
    const start = offset + 4;
    if (marker === 0xe1 && length >= 16 && start + length - 2 <= bytes.length) {
      const found = orientationInExif(view, start, start + length - 2);
      if (found !== null) return found;
    }
    offset += 2 + length;
  }
  return 1;
}

function orientationInExif(view: DataView, start: number, end: number): number | null {
  // "Exif\0\0", then a TIFF header: byte order, 42, offset of the first IFD.
  if (view.getUint32(start) !== 0x45786966 || view.getUint16(start + 4) !== 0) return null;
  const tiff = start + 6;
  const order = view.getUint16(tiff);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const little = order === 0x4949;
  if (view.getUint16(tiff + 2, little) !== 42) return null;
  const ifd = tiff + view.getUint32(tiff + 4, little);
  if (ifd + 2 > end) return null;
  const entries = view.getUint16(ifd, little);
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > end) return null;
    if (view.getUint16(entry, little) === 0x0112) {
      const value = view.getUint16(entry + 8, little);
      return value >= 1 && value <= 8 ? value : null;
    }
  }
  return null;
}

/**
 * Turns pixels stored with EXIF `orientation` upright, as browsers do by default. 2-8 are the
 * stored picture mirrored and/or turned: 6 is shown turned 90° clockwise, 8 turned 270°, 3 turned
 * 180°; 2, 4, 5 and 7 are mirrored left to right first, then turned by 0, 180, 270 and 90°.
 */
export function applyExifOrientation(frame: PixelFrame, orientation: number): PixelFrame {
  const mirrored = orientation === 2 || orientation === 4 || orientation === 5 || orientation === 7;
  const turn = ({ 3: 180, 4: 180, 5: 270, 6: 90, 7: 90, 8: 270 } as const)[orientation] ?? 0;
  const source = mirrored ? mirrorPixels(frame) : frame;
  return turn === 0 ? source : rotatePixels(source, turn);
}

/** Any single picture ffmpeg can decode, as RGBA. */
function readWithFfmpeg(path: string): PixelFrame {
  requireFfmpeg();
  let size: string;
  try {
    size = ffprobeVideo(path, 'stream=width,height', 'csv=p=0');
  } catch (error) {
    throw new UnreadableMediaError(
      `not a picture in a format this eval knows (${errorReason(error, path)})`,
    );
  }
  const [widthPx = 0, heightPx = 0] = size.trim().split(',').map(Number);
  let data: Buffer;
  try {
    data = execFileSync(
      'ffmpeg',
      ['-v', 'error', '-i', path, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgba', 'pipe:1'],
      // Its complaint goes into the thrown error, not onto the terminal.
      { stdio: 'pipe', maxBuffer: 1024 * 1024 * 1024 },
    );
  } catch (error) {
    throw new UnreadableMediaError(`damaged picture (${errorReason(error, path)})`);
  }
  if (!(widthPx > 0 && heightPx > 0) || data.length < widthPx * heightPx * 4) {
    throw new UnreadableMediaError('not a picture in a format this eval knows (nothing decoded)');
  }
  return {
    widthPx,
    heightPx,
    channels: 4,
    data: new Uint8Array(data.buffer, data.byteOffset, widthPx * heightPx * 4),
  };
}
