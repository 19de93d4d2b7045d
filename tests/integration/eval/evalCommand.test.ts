import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyExifOrientation, readImage } from '../../../scripts/eval/imageFile';
import type { EvalRecord } from '../../../scripts/eval/record';
import { withExifOrientation } from '../../helpers/exif';
import { tfjsFixture } from '../../helpers/fixtures';
import { ffmpeg } from '../../helpers/video';

const run = promisify(execFile);
const REPO = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * `npm run eval` end to end on a folder as a person might hand it over: a photo, the same photo
 * stored sideways by a phone, a WebP, a one-second clip, and files that cannot be read (empty,
 * cut short, not a picture at all). The model runs for real (BlazePose full, the default).
 */
describe('npm run eval on a folder with good and broken files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eval-command-'));
  const out = join(dir, 'records.json');
  let records: EvalRecord[] = [];
  let stderr = '';

  beforeAll(async () => {
    const media = join(dir, 'media');
    mkdirSync(media);
    ffmpeg('-i', tfjsFixture('pose.jpg'), join(media, 'photo.png'));
    ffmpeg('-i', tfjsFixture('pose.jpg'), join(media, 'photo.webp'));
    const upright = readImage(join(media, 'photo.png'));
    const stored = applyExifOrientation(upright, 8);
    const sideways = jpeg.encode(
      { width: stored.widthPx, height: stored.heightPx, data: Buffer.from(stored.data) },
      95,
    ).data;
    writeFileSync(join(media, 'PHONE.JPG'), withExifOrientation(new Uint8Array(sideways), 6));
    ffmpeg('-i', tfjsFixture('pose_1.mp4'), '-t', '1', join(media, 'clip.mp4'));
    writeFileSync(join(media, 'cut.mp4'), readFileSync(join(media, 'clip.mp4')).subarray(0, 2000));
    // Index first, then half the frames' data: what a copy stopped half-way leaves.
    ffmpeg(
      '-i',
      tfjsFixture('pose_1.mp4'),
      '-t',
      '2',
      '-movflags',
      '+faststart',
      join(dir, 'whole.mp4'),
    );
    const whole = readFileSync(join(dir, 'whole.mp4'));
    writeFileSync(join(media, 'half.mp4'), whole.subarray(0, whole.length >> 1));
    writeFileSync(join(media, 'empty.jpg'), new Uint8Array());
    copyFileSync(tfjsFixture('ORIGIN.md'), join(media, 'notes.png'));
    const result = await run('npx', ['tsx', 'scripts/eval.ts', media, '--json', out], {
      cwd: REPO,
      maxBuffer: 64 * 1024 * 1024,
    });
    stderr = result.stderr;
    records = JSON.parse(readFileSync(out, 'utf8')) as EvalRecord[];
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const only = (file: string): EvalRecord[] => records.filter((r) => r.file === file);

  it('measures the photos, whatever their format, and the photo stored sideways upright', () => {
    const [png] = only('photo.png');
    const [webp] = only('photo.webp');
    const [phone] = only('PHONE.JPG');
    for (const record of [png, webp, phone]) {
      expect(record?.error).toBeUndefined();
      expect(record?.orientation).toBe('upright');
      expect(record?.hipFlexionDeg).not.toBeNull();
    }
    // The sideways-stored copy is the same picture once turned, up to the JPEG's loss.
    expect(Math.abs((phone?.hipFlexionDeg ?? NaN) - (png?.hipFlexionDeg ?? NaN))).toBeLessThan(3);
  });

  it('keeps the frames of a clip cut short, and says it was', () => {
    const half = only('half.mp4');
    const unread = half.filter((r) => r.error !== undefined);
    expect(unread).toHaveLength(1);
    expect(unread[0]?.error).toMatch(/of the 20 frames its length promises/);
    expect(half.length - unread.length).toBeGreaterThan(0);
  });

  it('samples the clip at 10 frames a second', () => {
    const clip = only('clip.mp4');
    expect(clip.map((r) => r.timestampMs)).toEqual([
      0, 100, 200, 300, 400, 500, 600, 700, 800, 900,
    ]);
    expect(clip.every((r) => r.error === undefined)).toBe(true);
  });

  it('gives each unreadable file one record that measures nothing and says why, and goes on', () => {
    for (const [file, why] of [
      ['cut.mp4', /not a video this eval can read/],
      ['empty.jpg', /the file is empty/],
      ['notes.png', /not a picture|damaged/],
    ] as const) {
      const [record, ...more] = only(file);
      expect(more).toEqual([]);
      expect(record?.error).toMatch(why);
      expect(record).toMatchObject({ timestampMs: null, hipFlexionDeg: null, confidence: 0 });
    }
    expect(stderr).toMatch(/4 file\(s\) could not be read whole/);
  });
});
