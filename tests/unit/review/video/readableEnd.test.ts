import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { beforeAll, describe, expect, it } from 'vitest';
import { readableEndS } from '../../../../src/review/video/readableEnd';
import { tfjsFixture } from '../../../helpers/fixtures';
import { ffmpeg, frameTimesMs, requireFfmpeg } from '../../../helpers/video';

/**
 * Where the readable part of an MP4 cut short after its index ends: as far as ffmpeg itself
 * decodes the same bytes.
 */

let dir = '';

async function readableEndOf(path: string): Promise<number | null> {
  const input = new Input({ formats: ALL_FORMATS, source: new BufferSource(readFileSync(path)) });
  const track = await input.getPrimaryVideoTrack();
  if (track === null) throw new Error(`no video track in ${path}`);
  return readableEndS(track);
}

beforeAll(() => {
  requireFfmpeg();
  dir = mkdtempSync(join(tmpdir(), 'readable-end-'));
  // No B-frames, so file order is time order and "readable" has one answer for both readers.
  ffmpeg(
    '-i',
    tfjsFixture('pose_1.mp4'),
    '-c:v',
    'libx264',
    '-bf',
    '0',
    '-movflags',
    '+faststart',
    join(dir, 'whole.mp4'),
  );
  const whole = readFileSync(join(dir, 'whole.mp4'));
  writeFileSync(join(dir, 'cut.mp4'), whole.subarray(0, Math.floor(whole.length * 0.6)));
});

describe('readableEndS', () => {
  it('is null for a whole file', async () => {
    expect(await readableEndOf(join(dir, 'whole.mp4'))).toBeNull();
  });

  it('ends a file cut after its index where its last whole frame ends', async () => {
    const end = await readableEndOf(join(dir, 'cut.mp4'));
    // ffmpeg decodes the whole frames of the same bytes (it warns about the partial one).
    const frames = frameTimesMs(join(dir, 'cut.mp4'));
    const lastFrameMs = frames.at(-1) ?? NaN;
    expect(end).not.toBeNull();
    expect((end ?? 0) * 1000).toBeGreaterThan(lastFrameMs);
    expect((end ?? 0) * 1000).toBeLessThanOrEqual(lastFrameMs + 1000 / 30 + 1);
    expect(lastFrameMs).toBeLessThan(3_000);
  });
});
