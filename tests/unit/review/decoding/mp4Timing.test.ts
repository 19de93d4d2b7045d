import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  matrixRotation,
  presentationMs,
  rotatedSize,
  trackClock,
} from '../../../../src/review/decoding/mp4Timing';

const ONE = 65536;

describe('trackClock and presentationMs', () => {
  it('with no edit list, a sample shows at its composition time', () => {
    const clock = trackClock([], 15_360, 1000);
    expect(presentationMs(clock, 0)).toBe(0);
    expect(presentationMs(clock, 512)).toBeCloseTo(33.333, 3);
  });

  it('an edit starting at the first frame shifts reordered frames back to 0', () => {
    // libx264 with B-frames: the first frame's cts is two frames in (1024 at 15360/s, 30 fps).
    const clock = trackClock([{ segmentDuration: 4000, mediaTime: 1024 }], 15_360, 1000);
    expect(presentationMs(clock, 1024)).toBe(0);
    expect(presentationMs(clock, 1536)).toBeCloseTo(33.333, 3);
  });

  it('an empty edit delays the track; the first real edit sets its start', () => {
    const clock = trackClock(
      [
        { segmentDuration: 500, mediaTime: -1 },
        { segmentDuration: 4000, mediaTime: 90_000 },
      ],
      90_000,
      1000,
    );
    expect(presentationMs(clock, 90_000)).toBe(500);
    expect(presentationMs(clock, 180_000)).toBe(1500);
  });

  it('only empty edits: a delay from 0', () => {
    const clock = trackClock([{ segmentDuration: 600, mediaTime: -1 }], 600, 600);
    expect(presentationMs(clock, 0)).toBe(1000);
  });

  it('keeps the order and spacing of frames whatever the edit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 2, maxLength: 20 }),
        (mediaTime, timescale, ctsValues) => {
          const clock = trackClock([{ segmentDuration: 1, mediaTime }], timescale, 1000);
          const sorted = [...ctsValues].sort((a, b) => a - b);
          const times = sorted.map((cts) => presentationMs(clock, cts));
          for (let i = 1; i < times.length; i++) {
            const gap = ((sorted[i]! - sorted[i - 1]!) * 1000) / timescale;
            expect(times[i]! - times[i - 1]!).toBeCloseTo(gap, 6);
          }
        },
      ),
    );
  });
});

describe('matrixRotation', () => {
  it.each([
    { matrix: [ONE, 0, 0, 0, ONE, 0, 0, 0, 1 << 30], turn: 0 },
    // What ffmpeg's rotate=270 tag writes: shown turned a quarter clockwise (ffprobe: rotation=-90).
    { matrix: [0, ONE, 0, -ONE, 0, 0, 0, 0, 1 << 30], turn: 90 },
    { matrix: [-ONE, 0, 0, 0, -ONE, 0, 0, 0, 1 << 30], turn: 180 },
    { matrix: [0, -ONE, 0, ONE, 0, 0, 0, 0, 1 << 30], turn: 270 },
  ])('reads a quarter turn of $turn°', ({ matrix, turn }) => {
    expect(matrixRotation(matrix)).toBe(turn);
  });

  it('rounds a near-quarter turn, and reads a missing or empty matrix as upright', () => {
    expect(matrixRotation([3, ONE, 0, -ONE, 3, 0, 0, 0, 1 << 30])).toBe(90);
    expect(matrixRotation(undefined)).toBe(0);
    expect(matrixRotation([0, 0, 0, 0, 0, 0, 0, 0, 0])).toBe(0);
    expect(matrixRotation([])).toBe(0);
  });

  it('a matrix scaled (pixel aspect) keeps its turn', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 * ONE }), fc.constantFrom(0, 1, 2, 3), (s, q) => {
        const turns: readonly (readonly [number, number])[] = [
          [1, 0],
          [0, 1],
          [-1, 0],
          [0, -1],
        ];
        const [cos, sin] = turns[q]!;
        expect(matrixRotation([cos * s, sin * s, 0, -sin * s, cos * s, 0, 0, 0, 1])).toBe(q * 90);
      }),
    );
  });
});

describe('rotatedSize', () => {
  it('swaps the sides on a quarter turn only', () => {
    expect(rotatedSize(1280, 720, 90)).toEqual({ widthPx: 720, heightPx: 1280 });
    expect(rotatedSize(1280, 720, 270)).toEqual({ widthPx: 720, heightPx: 1280 });
    expect(rotatedSize(1280, 720, 180)).toEqual({ widthPx: 1280, heightPx: 720 });
    expect(rotatedSize(1280, 720, 0)).toEqual({ widthPx: 1280, heightPx: 720 });
  });
});
