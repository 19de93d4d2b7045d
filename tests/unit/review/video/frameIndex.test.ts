import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_FORMATS, BufferSource, Input } from 'mediabunny';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  indexFrames,
  keyTimeAtOrBeforeMs,
  type FrameIndex,
} from '../../../../src/review/video/frameIndex';
import { tfjsFixture } from '../../../helpers/fixtures';
import { ffmpeg, ffprobeVideo, frameTimesMs, requireFfmpeg } from '../../../helpers/video';

/**
 * The frame times an analysis samples from, on files made the way phones, cameras and browsers
 * make them, checked against ffprobe's presentation times for the same file (the times a player
 * shows): edit lists (B-frames), variable frame rates, WebM that states no length, and MP4s cut
 * short after their index.
 */

let dir = '';

async function indexOf(name: string): Promise<FrameIndex> {
  const bytes = readFileSync(join(dir, name));
  const input = new Input({ formats: ALL_FORMATS, source: new BufferSource(bytes) });
  const track = await input.getPrimaryVideoTrack();
  if (track === null) throw new Error(`no video track in ${name}`);
  return indexFrames(track);
}

/** ffprobe's presentation times of the keyframes (ms); it prints `key_frame,pts_time`. */
function keyframeTimesMs(path: string): number[] {
  return ffprobeVideo(path, 'frame=pts_time,key_frame', 'csv=p=0')
    .split('\n')
    .map((line) => line.split(','))
    .filter(([key]) => key === '1')
    .map(([, time]) => Number.parseFloat(time ?? '') * 1000);
}

function expectSameTimes(actual: readonly number[], expected: readonly number[]): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((t, i) => expect(t).toBeCloseTo(expected[i] ?? NaN, 0));
}

beforeAll(() => {
  requireFfmpeg();
  dir = mkdtempSync(join(tmpdir(), 'frame-index-'));
  const source = tfjsFixture('pose_1.mp4');
  // libx264's default B-frames: frames are stored out of order and an edit list shifts them
  // back so the first is shown at 0.
  ffmpeg('-i', source, '-c:v', 'libx264', '-pix_fmt', 'yuv420p', join(dir, 'b-frames.mp4'));
  // Every fourth frame dropped, timed as they were: a variable frame rate.
  ffmpeg(
    '-i',
    source,
    '-vf',
    "select='mod(n\\,4)-1'",
    '-vsync',
    'vfr',
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    join(dir, 'variable-rate.mp4'),
  );
  // Written as a live stream, like MediaRecorder's files: no duration, no cues, one keyframe.
  ffmpeg(
    ...['-i', source, '-t', '2', '-c:v', 'libvpx', '-b:v', '1M'],
    ...['-live', '1', '-f', 'webm', join(dir, 'live.webm')],
  );
  // No B-frames, so file order is time order and "readable" has one answer for both readers.
  ffmpeg(
    ...['-i', source, '-c:v', 'libx264', '-bf', '0'],
    ...['-movflags', '+faststart', join(dir, 'whole.mp4')],
  );
  const whole = readFileSync(join(dir, 'whole.mp4'));
  writeFileSync(join(dir, 'cut.mp4'), whole.subarray(0, Math.floor(whole.length * 0.6)));
});

describe('keyTimeAtOrBeforeMs', () => {
  it('takes the last keyframe at or before the time, else the first', () => {
    expect(keyTimeAtOrBeforeMs([0, 1000, 2000], 1999)).toBe(1000);
    expect(keyTimeAtOrBeforeMs([0, 1000, 2000], 2000)).toBe(2000);
    expect(keyTimeAtOrBeforeMs([500, 1000], 100)).toBe(500);
  });
});

describe('indexFrames', () => {
  it.each(['b-frames.mp4', 'variable-rate.mp4', 'live.webm', 'whole.mp4'])(
    'gives the times a player shows the frames of %s, and finds it whole',
    async (name) => {
      const index = await indexOf(name);
      expectSameTimes(index.timesMs, frameTimesMs(join(dir, name)));
      expect(index.cutShortAtMs).toBeNull();
    },
  );

  it.each(['b-frames.mp4', 'live.webm', 'whole.mp4'])(
    'lists the keyframes of %s where ffprobe finds them',
    async (name) => {
      const index = await indexOf(name);
      expectSameTimes(index.keyTimesMs, keyframeTimesMs(join(dir, name)));
    },
  );

  it('finds the keyframe to start from in a live WebM read through (Mediabunny 1.61 does not)', async () => {
    const index = await indexOf('live.webm');
    // Its only keyframe is its first frame: every later frame decodes from there.
    expect(index.keyTimesMs).toEqual([0]);
    expect(keyTimeAtOrBeforeMs(index.keyTimesMs, 1_900)).toBe(0);
  });

  it('starts a clip with B-frames at 0, as its edit list says', async () => {
    expect((await indexOf('b-frames.mp4')).timesMs[0]).toBe(0);
  });

  it('lists only the whole frames of a file cut after its index, and where they end', async () => {
    const index = await indexOf('cut.mp4');
    // ffmpeg decodes the whole frames of the same bytes (it warns about the partial one).
    const readable = frameTimesMs(join(dir, 'cut.mp4'));
    const lastReadableMs = readable.at(-1) ?? NaN;
    expectSameTimes(index.timesMs, readable);
    expect(lastReadableMs).toBeLessThan(3_000);
    expect(index.cutShortAtMs).toBeGreaterThan(lastReadableMs);
    expect(index.cutShortAtMs).toBeLessThanOrEqual(lastReadableMs + 1000 / 30 + 1);
  });
});
