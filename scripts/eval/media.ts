import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { PixelFrame } from '../../src/pose/types';

export type MediaKind = 'image' | 'video';

export interface MediaFile {
  readonly path: string;
  /** Relative to the eval root, with forward slashes. */
  readonly relativePath: string;
  readonly kind: MediaKind;
}

const IMAGE_EXTENSIONS = new Set(['.jpg', '.jpeg', '.png']);
const VIDEO_EXTENSIONS = new Set(['.mp4', '.mov', '.webm', '.mkv', '.avi', '.m4v']);

/** Every image and video under `root`, recursively, in path order. */
export function listMedia(root: string): MediaFile[] {
  const found: MediaFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const extension = extname(name).toLowerCase();
      const kind: MediaKind | null = IMAGE_EXTENSIONS.has(extension)
        ? 'image'
        : VIDEO_EXTENSIONS.has(extension)
          ? 'video'
          : null;
      if (kind !== null) {
        found.push({ path, relativePath: relative(root, path).split(sep).join('/'), kind });
      }
    }
  };
  if (statSync(root).isDirectory()) walk(root);
  return found;
}

/**
 * Decodes a JPEG or PNG by its content, not its name: real-world files are misnamed (one photo in
 * the eval set is a PNG called .jpg).
 */
export function readImage(path: string): PixelFrame {
  const bytes = readFileSync(path);
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  if (isPng) {
    const png = PNG.sync.read(bytes);
    return {
      widthPx: png.width,
      heightPx: png.height,
      channels: 4,
      data: new Uint8Array(png.data),
    };
  }
  const image = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: true,
    maxMemoryUsageInMB: 1024,
  });
  return { widthPx: image.width, heightPx: image.height, channels: 4, data: image.data };
}
