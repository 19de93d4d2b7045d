import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readWebmVideoTrack, webCodecsCodec } from '../../../../src/review/decoding/webmVideoTrack';
import { readVideoTrack } from '../../../../src/review/decoding/videoTrack';
import { tfjsFixture } from '../../../helpers/fixtures';
import { ffmpeg, frameTimesMs, requireFfmpeg } from '../../../helpers/video';

/**
 * WebM and Matroska files walked for their video frames, against what ffmpeg reads from the same
 * files; and hand-made files for what ffmpeg does not write (open-ended block groups).
 */

let dir = '';

function bytesOf(name: string) {
  return readFileSync(join(dir, name));
}

beforeAll(() => {
  requireFfmpeg();
  dir = mkdtempSync(join(tmpdir(), 'webmtrack-'));
  const source = tfjsFixture('pose_1.mp4');
  ffmpeg('-i', source, '-t', '2', '-c:v', 'libvpx', '-b:v', '1M', join(dir, 'vp8.webm'));
  ffmpeg(
    '-i',
    source,
    '-t',
    '2',
    '-c:v',
    'libvpx-vp9',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
    join(dir, 'vp9.webm'),
  );
  // Written as a live stream: a segment of unknown size and no index, as browsers record.
  ffmpeg(
    '-i',
    source,
    '-t',
    '2',
    '-c:v',
    'libvpx',
    '-live',
    '1',
    '-f',
    'webm',
    join(dir, 'live.webm'),
  );
  // Sound interleaved with the picture, which starts a little after 0.
  ffmpeg(
    '-f',
    'lavfi',
    '-i',
    'sine=d=2',
    '-i',
    source,
    '-t',
    '2',
    '-c:v',
    'libvpx',
    '-c:a',
    'libopus',
    '-shortest',
    join(dir, 'sound.webm'),
  );
  ffmpeg('-i', source, '-t', '2', '-c:v', 'libx264', join(dir, 'h264.mkv'));
});

describe('readWebmVideoTrack', () => {
  it.each(['vp8.webm', 'vp9.webm', 'live.webm', 'sound.webm', 'h264.mkv'])(
    'finds every frame of %s at the time ffmpeg gives it',
    async (name) => {
      const result = await readVideoTrack(new Blob([bytesOf(name)]));
      if (!result.ok) throw new Error(result.reason);
      const { track } = result;
      const times = frameTimesMs(join(dir, name));
      const shown = track.samples.map((s) => s.presentationMs).sort((a, b) => a - b);
      expect(shown).toHaveLength(times.length);
      shown.forEach((t, i) => expect(t).toBeCloseTo(times[i]!, 3));
      expect([track.displayWidthPx, track.displayHeightPx]).toEqual([576, 576]);
      expect(track.samples[0]?.isKey).toBe(true);
      expect(track.durationMs).toBeGreaterThan(1990);
      expect(track.durationMs).toBeLessThan(2050);
    },
  );

  it('names the codec as WebCodecs wants it, with the set-up record where there is one', async () => {
    const codecs = await Promise.all(
      ['vp8.webm', 'vp9.webm', 'h264.mkv'].map(async (name) => {
        const result = await readWebmVideoTrack(new Blob([bytesOf(name)]));
        return result.ok ? [result.track.codec, result.track.description?.[0] ?? null] : null;
      }),
    );
    expect(codecs).toEqual([
      ['vp8', null],
      ['vp09.00.10.08', null],
      [expect.stringMatching(/^avc1\.64[0-9a-f]{4}$/), 1],
    ]);
  });

  it('keeps every whole frame of a recording cut off mid-frame', async () => {
    const whole = bytesOf('live.webm');
    const cutAt = Math.floor(whole.length * 0.6);
    const full = await readWebmVideoTrack(new Blob([whole]));
    const cut = await readWebmVideoTrack(new Blob([whole.subarray(0, cutAt)]));
    if (!full.ok || !cut.ok) throw new Error('not read');
    const wholeFrames = full.track.samples.filter((s) => s.offset + s.size <= cutAt);
    expect(wholeFrames.length).toBeLessThan(full.track.samples.length);
    // The last kept frame's duration is a guess (the next frame is gone); the rest match.
    const withoutDuration = ({ durationMs: _, ...rest }: { durationMs: number }) => rest;
    expect(cut.track.samples.map(withoutDuration)).toEqual(wholeFrames.map(withoutDuration));
    expect(cut.track.samples.slice(0, -1)).toEqual(wholeFrames.slice(0, -1));
    expect(cut.track.durationMs).toBeLessThan(full.track.durationMs);
  });

  it('says why it will not read other files', async () => {
    const reasons = await Promise.all([
      readWebmVideoTrack(new Blob([readFileSync(tfjsFixture('pose_1.mp4'))])),
      readWebmVideoTrack(new Blob([bytesOf('vp8.webm').subarray(0, 200)])),
    ]);
    expect(reasons.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['not-webm', 'cut-short']);
  });
});

/** A hand-made EBML element: ID bytes, a one-byte size (or unknown), then the payload. */
function element(id: number[], payload: number[], unknownSize = false): number[] {
  if (unknownSize) return [...id, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, ...payload];
  if (payload.length > 126) throw new Error('payload too long for this helper');
  return [...id, 0x80 | payload.length, ...payload];
}

/** A Block or SimpleBlock body: track 1, time offset, flags, then `frame`. */
function block(relativeTicks: number, flags: number, frame: number[]): number[] {
  return [0x81, (relativeTicks >> 8) & 0xff, relativeTicks & 0xff, flags, ...frame];
}

describe('walking hand-made files', () => {
  const header = element(
    [0x1a, 0x45, 0xdf, 0xa3],
    element(
      [0x42, 0x82],
      [...'webm'].map((c) => c.charCodeAt(0)),
    ),
  );
  const tracks = element(
    [0x16, 0x54, 0xae, 0x6b],
    element(
      [0xae],
      [
        ...element([0xd7], [1]),
        ...element([0x83], [1]),
        ...element(
          [0x86],
          [...'V_VP8'].map((c) => c.charCodeAt(0)),
        ),
        ...element([0xe0], [...element([0xb0], [64]), ...element([0xba], [48])]),
      ],
    ),
  );

  it('a BlockGroup with a ReferenceBlock is not a keyframe; clusters of unknown size are walked', async () => {
    const cluster = (timecode: number, body: number[]): number[] =>
      element([0x1f, 0x43, 0xb6, 0x75], [...element([0xe7], [timecode]), ...body], true);
    const file = new Uint8Array([
      ...header,
      ...element(
        [0x18, 0x53, 0x80, 0x67],
        [
          ...tracks,
          ...cluster(0, [
            ...element([0xa3], block(0, 0x80, [1, 2, 3])),
            ...element(
              [0xa0],
              [...element([0xa1], block(33, 0, [4, 5])), ...element([0xfb], [0xdf])],
            ),
          ]),
          ...cluster(100, [
            ...element([0xa0], [...element([0xa1], block(0, 0, [6]))]),
            ...element([0xa3], block(-20, 0x00, [7, 8])), // negative offset: shown before the cluster time
          ]),
        ],
        true,
      ),
    ]);
    const result = await readWebmVideoTrack(new Blob([file]));
    if (!result.ok) throw new Error(result.reason);
    const { samples } = result.track;
    expect(samples.map((s) => [s.presentationMs, s.isKey, s.size])).toEqual([
      [0, true, 3],
      [33, false, 2],
      [100, true, 1],
      [80, false, 2],
    ]);
    expect(Array.from(file.subarray(samples[1]!.offset, samples[1]!.offset + 2))).toEqual([4, 5]);
    expect([result.track.codedWidthPx, result.track.codedHeightPx]).toEqual([64, 48]);
  });

  it('refuses laced frames (several frames in one block), which video never uses', async () => {
    const file = new Uint8Array([
      ...header,
      ...element(
        [0x18, 0x53, 0x80, 0x67],
        [
          ...tracks,
          ...element(
            [0x1f, 0x43, 0xb6, 0x75],
            [...element([0xe7], [0]), ...element([0xa3], block(0, 0x82, [1, 0, 0]))],
          ),
        ],
      ),
    ]);
    const result = await readWebmVideoTrack(new Blob([file]));
    expect(result.ok ? 'ok' : result.reason).toBe('laced-frames');
  });
});

describe('webCodecsCodec', () => {
  it('reads the VP9 profile from the first frame', () => {
    // frame marker 0b10, profile_low 1, profile_high 0: profile 1.
    expect(webCodecsCodec('V_VP9', null, new Uint8Array([0b10100000]))?.codec).toBe(
      'vp09.01.10.08',
    );
    expect(webCodecsCodec('V_VP9', null, new Uint8Array([0b10010000]))?.codec).toBe(
      'vp09.02.10.10',
    );
  });

  it('reads AV1 profile, level, tier and depth from av1C', () => {
    // version 1; profile 0, level 8 (4.0); main tier, 8-bit.
    const av1C = new Uint8Array([0x81, 0x08, 0x0c, 0x00]);
    expect(webCodecsCodec('V_AV1', av1C, null)).toEqual({
      codec: 'av01.0.08M.08',
      description: av1C,
    });
    expect(webCodecsCodec('V_AV1', new Uint8Array([0x81, 0x2d, 0xc0, 0]), null)?.codec).toBe(
      'av01.1.13H.10',
    );
  });

  it('reads AVC profile, constraints and level from avcC, and knows no other codec', () => {
    const avcC = new Uint8Array([1, 0x64, 0x00, 0x1f, 0xff]);
    expect(webCodecsCodec('V_MPEG4/ISO/AVC', avcC, null)).toEqual({
      codec: 'avc1.64001f',
      description: avcC,
    });
    expect(webCodecsCodec('V_THEORA', null, null)).toBeNull();
    expect(webCodecsCodec('V_AV1', null, null)).toBeNull();
  });
});
