import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMp4VideoTrack } from '../../../../src/review/decoding/mp4VideoTrack';
import { tfjsFixture } from '../../../helpers/fixtures';
import { ffmpeg, frameTimesMs, probeVideo, requireFfmpeg } from '../../../helpers/video';

/**
 * The MP4 index read with mp4box.js against what ffmpeg reads from the same files: frame times
 * (edit lists applied), shown size and rotation, and the files it must leave to the player.
 */

let dir = '';

async function read(path: string) {
  return readMp4VideoTrack(new Blob([readFileSync(path)]));
}

beforeAll(() => {
  requireFfmpeg();
  dir = mkdtempSync(join(tmpdir(), 'mp4track-'));
  const source = tfjsFixture('pose_1.mp4');
  // B-frames (libx264's default) and an index at the end, as ffmpeg writes by default.
  ffmpeg(
    '-i',
    source,
    '-c:v',
    'libx264',
    '-bf',
    '2',
    '-pix_fmt',
    'yuv420p',
    join(dir, 'bframes.mp4'),
  );
  // The same with the index first, as phones and web exports write.
  ffmpeg(
    '-i',
    join(dir, 'bframes.mp4'),
    '-c',
    'copy',
    '-movflags',
    'faststart',
    join(dir, 'faststart.mp4'),
  );
  ffmpeg('-i', source, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', join(dir, 'rotated.mp4'));
  ffmpeg(
    '-i',
    source,
    '-c',
    'copy',
    '-movflags',
    'frag_keyframe+empty_moov',
    join(dir, 'fragmented.mp4'),
  );
  ffmpeg('-i', source, '-t', '1', '-c:v', 'libvpx', join(dir, 'clip.webm'));
});

describe('readMp4VideoTrack', () => {
  it.each(['pose_1.mp4', 'pose_squats.mp4'])('reads %s as ffmpeg does', async (name) => {
    const path = tfjsFixture(name);
    const result = await read(path);
    if (!result.ok) throw new Error(result.reason);
    const { track } = result;
    const info = probeVideo(path);
    const times = frameTimesMs(path);
    expect(track.codec).toMatch(/^avc1\.[0-9a-f]{6}$/);
    expect(track.description?.[0]).toBe(1); // avcC version
    expect([track.displayWidthPx, track.displayHeightPx]).toEqual([info.widthPx, info.heightPx]);
    expect(track.samples).toHaveLength(times.length);
    const shown = track.samples.map((s) => s.presentationMs).sort((a, b) => a - b);
    shown.forEach((t, i) => expect(t).toBeCloseTo(times[i]!, 3));
    expect(track.durationMs).toBeCloseTo(info.durationMs, 0);
    expect(track.samples[0]?.isKey).toBe(true);
  });

  it.each(['bframes.mp4', 'faststart.mp4'])(
    'applies the edit list of a clip with B-frames (%s): the first frame shows at 0',
    async (name) => {
      const path = join(dir, name);
      const result = await read(path);
      if (!result.ok) throw new Error(result.reason);
      const decodeOrder = result.track.samples.map((s) => s.presentationMs);
      const shown = [...decodeOrder].sort((a, b) => a - b);
      expect(decodeOrder).not.toEqual(shown); // frames really are reordered
      const times = frameTimesMs(path);
      expect(shown).toHaveLength(times.length);
      shown.forEach((t, i) => expect(t).toBeCloseTo(times[i]!, 3));
      expect(shown[0]).toBeCloseTo(0, 6);
    },
  );

  it('reads the turn of a clip stored with rotation metadata, and its shown size', async () => {
    const result = await read(join(dir, 'rotated.mp4'));
    if (!result.ok) throw new Error(result.reason);
    // ffmpeg's old rotate tag counts anticlockwise: rotate=90 writes a matrix that turns the
    // picture a quarter anticlockwise, 270° clockwise (ffprobe: rotation=90). That this is the way
    // players turn it is checked in Chromium (tests/browser/modules/reviewAnalysis.spec.ts).
    expect(result.track.rotation).toBe(270);
    expect(result.track.codedWidthPx).toBe(576);
    const info = probeVideo(join(dir, 'rotated.mp4'));
    expect([result.track.displayWidthPx, result.track.displayHeightPx]).toEqual([
      info.widthPx,
      info.heightPx,
    ]);
  });

  it('reads the frames of a fragmented file from its fragments', async () => {
    const path = join(dir, 'fragmented.mp4');
    const result = await read(path);
    if (!result.ok) throw new Error(result.reason);
    const times = frameTimesMs(path);
    const shown = result.track.samples.map((s) => s.presentationMs).sort((a, b) => a - b);
    expect(shown).toHaveLength(times.length);
    shown.forEach((t, i) => expect(t).toBeCloseTo(times[i]!, 3));
    const bytes = readFileSync(path);
    for (const sample of result.track.samples)
      expect(sample.offset + sample.size).toBeLessThanOrEqual(bytes.length);
  });

  it('leaves to the player what it cannot read, saying why', async () => {
    const bytes = readFileSync(join(dir, 'faststart.mp4'));
    const reasons = await Promise.all([
      read(join(dir, 'clip.webm')),
      readMp4VideoTrack(new Blob(['not a video at all'])),
      readMp4VideoTrack(new Blob([readFileSync(join(dir, 'bframes.mp4')).subarray(0, 4000)])),
      readMp4VideoTrack(new Blob([bytes.subarray(0, bytes.length - 5000)])),
    ]);
    expect(reasons.map((r) => (r.ok ? 'ok' : r.reason))).toEqual([
      'not-mp4',
      'not-mp4',
      'no-index',
      'cut-short',
    ]);
  });
});
