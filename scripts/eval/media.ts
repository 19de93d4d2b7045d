import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';

export type MediaKind = 'image' | 'video';

export interface MediaFile {
  readonly path: string;
  /** Relative to the eval root, with forward slashes. */
  readonly relativePath: string;
  readonly kind: MediaKind;
}

/** Names are matched without case: phones and cameras write IMG_0001.JPG and CLIP.MOV. */
const IMAGE_EXTENSIONS = new Set([
  '.jpg',
  '.jpeg',
  '.png',
  '.webp',
  '.bmp',
  '.gif',
  '.tif',
  '.tiff',
]);
const VIDEO_EXTENSIONS = new Set([
  '.mp4',
  '.mov',
  '.webm',
  '.mkv',
  '.avi',
  '.m4v',
  '.3gp',
  '.ogv',
  '.mpg',
  '.mpeg',
  '.wmv',
]);

function mediaKindOf(name: string): MediaKind | null {
  const extension = extname(name).toLowerCase();
  if (IMAGE_EXTENSIONS.has(extension)) return 'image';
  if (VIDEO_EXTENSIONS.has(extension)) return 'video';
  return null;
}

/**
 * Every image and video under `root`, recursively, in path order; or `root` itself when it is one
 * file (its name is then its relative path). Other files (notes, label CSVs) and hidden ones are
 * left out.
 */
export function listMedia(root: string): MediaFile[] {
  if (!statSync(root).isDirectory()) {
    const kind = mediaKindOf(root);
    if (kind === null) throw new Error(`${root} is not an image or a video this eval reads`);
    return [{ path: root, relativePath: basename(root), kind }];
  }
  const found: MediaFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      // Hidden files and folders (.git, macOS's ._IMG_0001.JPG shadows) are not anyone's media.
      if (name.startsWith('.')) continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        walk(path);
        continue;
      }
      const kind = mediaKindOf(name);
      if (kind !== null) {
        found.push({ path, relativePath: relative(root, path).split(sep).join('/'), kind });
      }
    }
  };
  walk(root);
  return found;
}
