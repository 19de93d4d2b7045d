import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listMedia } from '../../../scripts/eval/media';

describe('the files an eval run reads', () => {
  const root = mkdtempSync(join(tmpdir(), 'eval-media-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const touch = (path: string): void => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), 'x');
  };
  for (const path of [
    'IMG_0001.JPG',
    'clips/CLIP.MOV',
    'clips/phone clip.3gp',
    'photos/with space/a.webp',
    'photos/b.png',
    'labels.csv',
    'README.txt',
    '.DS_Store',
    'photos/._b.png',
    '.hidden/c.jpg',
  ]) {
    touch(path);
  }

  it('finds images and videos by extension, in any case, and leaves out the rest and hidden files', () => {
    expect(listMedia(root).map((f) => [f.relativePath, f.kind])).toEqual([
      ['IMG_0001.JPG', 'image'],
      ['clips/CLIP.MOV', 'video'],
      ['clips/phone clip.3gp', 'video'],
      ['photos/b.png', 'image'],
      ['photos/with space/a.webp', 'image'],
    ]);
  });

  it('reads a single file given as PATH, and refuses one that is not media', () => {
    expect(listMedia(join(root, 'clips/CLIP.MOV'))).toEqual([
      { path: join(root, 'clips/CLIP.MOV'), relativePath: 'CLIP.MOV', kind: 'video' },
    ]);
    expect(() => listMedia(join(root, 'labels.csv'))).toThrow(/not an image or a video/);
  });
});
