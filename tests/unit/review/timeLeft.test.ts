import { describe, expect, it } from 'vitest';
import {
  PACE_WINDOW_MS,
  addProgress,
  describeTimeLeft,
  estimateTimeLeftMs,
  type ProgressPoint,
} from '../../../src/review/timeLeft';

function readings(points: readonly [number, number][]): ProgressPoint[] {
  return points.reduce<ProgressPoint[]>(
    (history, [atMs, fraction]) => addProgress(history, { atMs, fraction }),
    [],
  );
}

describe('the time-left estimate', () => {
  it('has none before a second of progress', () => {
    expect(estimateTimeLeftMs([])).toBeNull();
    expect(estimateTimeLeftMs(readings([[0, 0]]))).toBeNull();
    expect(
      estimateTimeLeftMs(
        readings([
          [0, 0],
          [500, 0.1],
        ]),
      ),
    ).toBeNull();
  });

  it('goes by the recent pace: 10% in 2 s leaves 18 s for the other 90%', () => {
    expect(
      estimateTimeLeftMs(
        readings([
          [0, 0.5],
          [1_000, 0.55],
          [2_000, 0.6],
        ]),
      ),
    ).toBeCloseTo(8_000);
    expect(
      estimateTimeLeftMs(
        readings([
          [0, 0],
          [2_000, 0.1],
        ]),
      ),
    ).toBeCloseTo(18_000);
  });

  it('forgets a slow start (the model loading) once the pace settles', () => {
    // 20 s to the first 10%, then 10% every 2 s.
    const history = readings([
      [0, 0],
      [20_000, 0.1],
      [22_000, 0.2],
      [24_000, 0.3],
      [26_000, 0.4],
      [28_000, 0.5],
    ]);
    expect(history[0]?.atMs).toBeGreaterThanOrEqual(28_000 - PACE_WINDOW_MS - 2_000);
    expect(estimateTimeLeftMs(history)).toBeCloseTo(10_000);
  });

  it('says nothing is left when the work is done, and nothing when it stalls', () => {
    expect(
      estimateTimeLeftMs(
        readings([
          [0, 0.5],
          [2_000, 1],
        ]),
      ),
    ).toBe(0);
    expect(
      estimateTimeLeftMs(
        readings([
          [0, 0.5],
          [2_000, 0.5],
        ]),
      ),
    ).toBeNull();
  });

  it.each([
    [null, 'estimating the time left…'],
    [3_000, 'a few seconds left'],
    [12_000, 'about 15 s left'],
    [59_000, 'about 60 s left'],
    [61_000, 'about 1.5 min left'],
    [150_000, 'about 2.5 min left'],
    [175_000, 'about 3 min left'],
    [725_000, 'about 13 min left'],
  ])('%s ms reads "%s"', (ms, words) => {
    expect(describeTimeLeft(ms)).toBe(words);
  });
});
