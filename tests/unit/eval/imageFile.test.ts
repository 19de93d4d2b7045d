import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jpeg from 'jpeg-js';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyExifOrientation,
  errorReason,
  exifOrientation,
  readImage,
  UnreadableMediaError,
} from '../../../scripts/eval/imageFile';
import type { PixelFrame } from '../../../src/pose/types';
import { withExifOrientation } from '../../helpers/exif';
import { tfjsFixture } from '../../helpers/fixtures';
import { ffmpeg } from '../../helpers/video';

/** A 3 x 2 picture whose pixels are the letters a-f (one channel shown), stored row by row. */
const STORED: PixelFrame = {
  widthPx: 3,
  heightPx: 2,
  channels: 3,
  data: new Uint8Array([...'abcdef'].flatMap((c) => [c.charCodeAt(0), 0, 0])),
};

function rows(frame: PixelFrame): string[] {
  const out: string[] = [];
  for (let y = 0; y < frame.heightPx; y++) {
    let row = '';
    for (let x = 0; x < frame.widthPx; x++) {
      row += String.fromCharCode(frame.data[(y * frame.widthPx + x) * frame.channels] ?? 0);
    }
    out.push(row);
  }
  return out;
}

describe('EXIF orientation', () => {
  // What a browser shows for each tag (the EXIF 2.3 definitions of 1-8).
  it.each([
    [1, ['abc', 'def']],
    [2, ['cba', 'fed']],
    [3, ['fed', 'cba']],
    [4, ['def', 'abc']],
    [5, ['ad', 'be', 'cf']],
    [6, ['da', 'eb', 'fc']],
    [7, ['fc', 'eb', 'da']],
    [8, ['cf', 'be', 'ad']],
  ])('shows a picture stored with orientation %d upright', (orientation, shown) => {
    expect(rows(applyExifOrientation(STORED, orientation))).toEqual(shown);
  });

  const plainJpeg = new Uint8Array(readFileSync(tfjsFixture('pose.jpg')));

  it('reads the tag in either byte order, and 1 when there is none', () => {
    expect(exifOrientation(withExifOrientation(plainJpeg, 6))).toBe(6);
    expect(exifOrientation(withExifOrientation(plainJpeg, 8, true))).toBe(8);
    expect(exifOrientation(plainJpeg)).toBe(1);
  });

  it('treats a damaged or out-of-range tag as no orientation, without throwing', () => {
    expect(exifOrientation(withExifOrientation(plainJpeg, 9))).toBe(1);
    const cut = withExifOrientation(plainJpeg, 6).slice(0, 20);
    expect(exifOrientation(cut)).toBe(1);
    const badOrder = withExifOrientation(plainJpeg, 6);
    badOrder[12] = 0x58; // "XI" is no byte order
    expect(exifOrientation(badOrder)).toBe(1);
  });
});

describe('reading an image for the eval', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eval-image-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('turns a photo stored sideways upright by its EXIF tag, as a browser shows it', () => {
    const upright = readImage(tfjsFixture('pose.jpg'));
    // Store it turned 90° anticlockwise with a tag saying "show me turned 90° clockwise".
    const stored = applyExifOrientation(upright, 8);
    const encoded = jpeg.encode(
      { width: stored.widthPx, height: stored.heightPx, data: Buffer.from(stored.data) },
      95,
    ).data;
    const path = join(dir, 'sideways.jpg');
    writeFileSync(path, withExifOrientation(new Uint8Array(encoded), 6));
    const shown = readImage(path);
    expect([shown.widthPx, shown.heightPx]).toEqual([upright.widthPx, upright.heightPx]);
    // Same picture, up to the JPEG's loss: mean difference of a few levels in 255.
    let difference = 0;
    for (let i = 0; i < shown.data.length; i += 4) {
      difference += Math.abs((shown.data[i] ?? 0) - (upright.data[i] ?? 0));
    }
    expect(difference / (shown.data.length / 4)).toBeLessThan(6);
  });

  it('reads formats other than JPEG and PNG through ffmpeg', () => {
    const path = join(dir, 'pose.webp');
    ffmpeg('-i', tfjsFixture('pose.jpg'), path);
    const upright = readImage(tfjsFixture('pose.jpg'));
    const webp = readImage(path);
    expect([webp.widthPx, webp.heightPx, webp.channels]).toEqual([
      upright.widthPx,
      upright.heightPx,
      4,
    ]);
  });

  it('says plainly why a file cannot be read', () => {
    const empty = join(dir, 'empty.png');
    writeFileSync(empty, new Uint8Array());
    expect(() => readImage(empty)).toThrow(new UnreadableMediaError('the file is empty'));
    const truncated = join(dir, 'truncated.jpg');
    writeFileSync(truncated, readFileSync(tfjsFixture('pose.jpg')).subarray(0, 3000));
    expect(() => readImage(truncated)).toThrow(/^damaged JPEG/);
    const noise = join(dir, 'noise.jpg');
    writeFileSync(
      noise,
      new Uint8Array(5000).map((_, i) => (i * 7919) % 251),
    );
    expect(() => readImage(noise)).toThrow(UnreadableMediaError);
  });
});

describe('error reasons', () => {
  it("keeps ffmpeg's first complaint, without its command line, decoder tag or the file name", () => {
    const error = new Error(
      'Command failed: ffmpeg -v error -i /tmp/x.mp4\n[mov,mp4 @ 0x55d1] moov atom not found\n/tmp/x.mp4: Invalid data found when processing input\n',
    );
    expect(errorReason(error, '/tmp/x.mp4')).toBe('moov atom not found');
    expect(errorReason(new Error('/tmp/x.mp4: Invalid data'), '/tmp/x.mp4')).toBe('Invalid data');
    expect(errorReason('marker was not found')).toBe('marker was not found');
  });
});
