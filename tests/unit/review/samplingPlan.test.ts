import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PLAYBACK_RATE_RANGE,
  dueFrameIndices,
  isFrameDue,
  nextDueMs,
  plannedSampleCount,
  playbackCeilingAfter,
  playbackRateFor,
  slotsSkipped,
  updatedFramePeriodMs,
  type SamplingRate,
} from '../../../src/review/samplingPlan';

const TEN: SamplingRate = { kind: 'per-second', perSecond: 10 };
const EVERY: SamplingRate = { kind: 'every-frame' };
const FIVE: SamplingRate = { kind: 'per-second', perSecond: 5 };
const FIFTEEN: SamplingRate = { kind: 'per-second', perSecond: 15 };

/** What the sampler does with the frames a video shows: take each one that is due. */
function takeFrames(frameTimesMs: readonly number[], rate: SamplingRate): number[] {
  const taken: number[] = [];
  let dueMs = 0;
  for (const t of frameTimesMs) {
    if (!isFrameDue(t, dueMs)) continue;
    taken.push(t);
    dueMs = nextDueMs(rate, t);
  }
  return taken;
}

function regularFrames(fps: number, durationMs: number): number[] {
  const frames: number[] = [];
  // As a video clock gives them: seconds as floats, so 3 / 30 s is 100.00000000000001 ms.
  for (let i = 0; (i * 1000) / fps < durationMs; i++) frames.push((i / fps) * 1000);
  return frames;
}

describe('the sampling plan', () => {
  it.each([
    // [rate, taken at, next due]
    [TEN, 0, 100],
    [TEN, 33.3, 100],
    [TEN, 99.99999, 200],
    [TEN, 133.3, 200],
    [FIVE, 200, 400],
    [EVERY, 33.3, 34.3],
  ])('at %o, a frame taken at %f ms makes the next due at %f ms', (rate, takenMs, dueMs) => {
    expect(nextDueMs(rate, takenMs)).toBeCloseTo(dueMs, 6);
  });

  it('counts a frame reported a hair before its slot as inside it', () => {
    expect(isFrameDue(199.9999999, 200)).toBe(true);
    expect(isFrameDue(199, 200)).toBe(false);
  });

  it.each([
    // [fps, duration ms, rate, expected samples]
    [30, 4_000, TEN, 40], // pose_1.mp4: 120 frames, a slot every third
    [5, 13_000, TEN, 65], // pose_squats.mp4: fewer frames than slots, one per frame
    [30, 4_000, EVERY, 120],
    [25, 10_000, FIFTEEN, 150],
    [60, 1_000, FIVE, 5],
  ])('a %i fps clip of %i ms at %o gives %i samples', (fps, durationMs, rate, expected) => {
    expect(plannedSampleCount(durationMs, rate, fps)).toBe(expected);
    expect(takeFrames(regularFrames(fps, durationMs), rate)).toHaveLength(expected);
  });

  it('takes one frame per slot that has one, whatever the frame times (variable frame rate)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 20_000, noNaN: true }), { maxLength: 400 }),
        fc.integer({ min: 1, max: 30 }),
        (times, perSecond) => {
          const frames = [...new Set(times)].sort((a, b) => a - b);
          const rate: SamplingRate = { kind: 'per-second', perSecond };
          const interval = 1000 / perSecond;
          const taken = takeFrames(frames, rate);
          const slotsWithFrames = new Set(frames.map((t) => Math.floor((t + 0.5) / interval)));
          expect(taken).toHaveLength(slotsWithFrames.size);
          // Each taken frame is the first of its slot.
          for (const t of taken) {
            const slot = Math.floor((t + 0.5) / interval);
            const first = frames.find((f) => Math.floor((f + 0.5) / interval) === slot);
            expect(t).toBe(first);
          }
        },
      ),
    );
  });

  it('every-frame sampling takes each new frame once, even when a frame repeats', () => {
    expect(takeFrames([0, 0, 33.3, 33.3, 66.7, 100], EVERY)).toEqual([0, 33.3, 66.7, 100]);
  });

  it('picks from a clip’s frame times the frames a player showing them would take', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -100, max: 5_000, noNaN: true }), { maxLength: 200 }),
        fc.constantFrom(TEN, FIVE, FIFTEEN, EVERY),
        (times, rate) => {
          const frames = [...times].sort((a, b) => a - b);
          const picked = dueFrameIndices(frames, 0, 0, rate).map((i) => frames[i]);
          expect(picked).toEqual(takeFrames(frames, rate));
        },
      ),
    );
  });

  it('after a damaged stretch, goes on from the resume point with the first frame due there', () => {
    const frames = regularFrames(30, 3_000);
    // Taken up to 1.4 s; frames 45-49 (1.5-1.63 s) skipped; reading resumes at frame 50.
    const picked = dueFrameIndices(frames, 50, nextDueMs(TEN, 1_400), TEN).map((i) => frames[i]);
    expect(picked[0]).toBeCloseTo(1_666.7, 1);
    expect(picked[1]).toBeCloseTo(1_700, 1);
    expect(picked).toHaveLength(14);
  });
});

describe('the playback rate', () => {
  it('plays at normal speed until the model has a pace', () => {
    expect(playbackRateFor({ modelFramesPerSecond: null, videoMsPerSample: 100 })).toBe(1);
  });

  it.each([
    // [model fps, video ms per sample, expected rate]: model x interval x 1.3 headroom, in
    // quarter steps, and no more than 30 samples a second go by
    [20, 100, 2.5], // 2.6
    [10, 100, 1.25], // 1.3
    [4, 100, 0.5], // 0.52
    [30, 100, 3], // 3.9 wanted; 30 slots a second is 3x
    [36, 200, 6], // a 5 fps clip at 10 a second: 9.4x wanted, 30 frames a second is 6x
    [60, 16.7, 0.5], // a 60 fps clip frame by frame: 30 frames a second is 0.5x
    [100, 400, PLAYBACK_RATE_RANGE.max],
    [1, 33, PLAYBACK_RATE_RANGE.min],
  ])('a model at %f frames/s sampling every %f ms of video plays at %fx', (fps, ms, rate) => {
    expect(playbackRateFor({ modelFramesPerSecond: fps, videoMsPerSample: ms })).toBeCloseTo(
      rate,
      6,
    );
  });
});

describe('slots a playing video went past unseen', () => {
  const PERIOD = 1000 / 30;

  it('loses nothing between frames shown in a row, or across a slightly late one', () => {
    expect(slotsSkipped(TEN, 100, 100 + PERIOD, PERIOD)).toBe(0);
    expect(slotsSkipped(TEN, 100, 100 + 1.5 * PERIOD, PERIOD)).toBe(0);
    expect(slotsSkipped(TEN, 0, 200, null)).toBe(0);
  });

  it('counts the slots strictly between two frames when frames went by between them', () => {
    // 30 fps, frames 4 to 14 unseen: slots 2 and 3 (200-399 ms) had frames and were missed.
    expect(slotsSkipped(TEN, 133.3, 466.7, PERIOD)).toBe(2);
    // Skipped frames inside one slot cost no slot: that slot's frame is this one.
    expect(slotsSkipped(TEN, 100, 200 - 1, PERIOD)).toBe(0);
  });

  it('counts no more slots than frames skipped, so empty slots of a slow clip cost nothing', () => {
    // 5 fps at 10 a second: one frame (600 ms) unseen between 400 and 800; slots 5 and 7 are empty.
    expect(slotsSkipped(TEN, 400, 800, 200)).toBe(1);
  });

  it('reading every frame, counts each frame skipped', () => {
    expect(slotsSkipped(EVERY, 0, 4 * PERIOD, PERIOD)).toBe(3);
  });

  it('learns the frame period as the smallest gap, ignoring a repeated frame', () => {
    let period: number | null = null;
    for (const gap of [66.7, 33.3, 0, 50]) period = updatedFramePeriodMs(period, gap);
    expect(period).toBeCloseTo(33.3, 6);
  });
});

describe('playbackCeilingAfter', () => {
  it('halves the rate played at when slots were missed, down to the slowest', () => {
    expect(playbackCeilingAfter(8, 2, 3)).toBe(1);
    expect(playbackCeilingAfter(1, 2, 1)).toBe(0.5);
    expect(playbackCeilingAfter(0.25, 0.25, 1)).toBe(PLAYBACK_RATE_RANGE.min);
  });

  it('eases back up by a quarter while none are missed, up to the fastest', () => {
    expect(playbackCeilingAfter(1, 1, 0)).toBe(1.25);
    expect(playbackCeilingAfter(8, 8, 0)).toBe(PLAYBACK_RATE_RANGE.max);
  });
});
