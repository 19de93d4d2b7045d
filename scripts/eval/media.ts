import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { PixelFrame } from '../../src/pose/types';
import { readImageFile } from '../../tests/helpers/images';

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
 * the eval set is a PNG called .jpg); the test helper sniffs the signature.
 */
export function readImage(path: string): PixelFrame {
  return readImageFile(path);
}
