import { describe, expect, it } from 'vitest';
import type { LumaGrid } from '../../../src/camera/motion';
import {
  ADAPTIVE_RATE,
  INITIAL_ADAPTIVE_RATE,
  offerPicture,
  type AdaptiveRateState,
  type RateDecision,
} from '../../../src/engine/adaptiveRate';

/** A 4 x 4 grid, every cell at `level`, with `changed` of its cells raised by 50. */
function grid(level: number, changed = 0): LumaGrid {
  const means = new Float32Array(16).fill(level);
  for (let i = 0; i < changed; i++) means[i] = level + 50;
  return { columns: 4, rows: 4, means };
}

/** Offers pictures every `stepMs` from `fromMs` to `toMs` (a fake camera clock). */
function camera(
  state: AdaptiveRateState,
  fromMs: number,
  toMs: number,
  picture: (nowMs: number) => LumaGrid,
  stepMs = 1000 / 30,
): [AdaptiveRateState, { atMs: number; decision: RateDecision }[]] {
  const log: { atMs: number; decision: RateDecision }[] = [];
  let current = state;
  for (let nowMs = fromMs; nowMs < toMs; nowMs += stepMs) {
    const [next, decision] = offerPicture(current, picture(nowMs), nowMs);
    current = next;
    log.push({ atMs: nowMs, decision });
  }
  return [current, log];
}

describe('the adaptive analysis rate', () => {
  it('analyses every picture while the picture moves', () => {
    const [, log] = camera(INITIAL_ADAPTIVE_RATE, 0, 2000, (t) =>
      grid(100, Math.round(t / 33) % 2 === 0 ? 0 : 8),
    );
    expect(log.every((l) => l.decision.analyse && l.decision.mode === 'full')).toBe(true);
  });

  it('keeps the full rate for the settle time after the last movement, then slows down', () => {
    const [, log] = camera(INITIAL_ADAPTIVE_RATE, 0, 5000, () => grid(100));
    const full = log.filter((l) => l.decision.mode === 'full');
    // The first picture counts as movement (nothing to compare with).
    expect(full.at(-1)?.atMs).toBeLessThan(ADAPTIVE_RATE.settleMs);
    const still = log.filter((l) => l.atMs >= ADAPTIVE_RATE.settleMs);
    expect(still.every((l) => l.decision.mode === 'still')).toBe(true);
    const analysed = still.filter((l) => l.decision.analyse).map((l) => l.atMs);
    const gaps = analysed.slice(1).map((t, i) => t - (analysed[i] ?? 0));
    // One picture in every still interval, never a gap the hold timer would not credit.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(ADAPTIVE_RATE.stillIntervalMs + 1000 / 30);
    expect(analysed.length / (still.length || 1)).toBeLessThan(0.2);
  });

  it('analyses the first picture that moves at once, however long it was still', () => {
    const [state] = camera(INITIAL_ADAPTIVE_RATE, 0, 10_000, () => grid(100));
    const [, decision] = offerPicture(state, grid(100, ADAPTIVE_RATE.minChangedCells), 10_010);
    expect(decision).toEqual({ analyse: true, mode: 'full', moved: true });
  });

  it('adds slow drift up against the picture of the last movement', () => {
    const [state] = camera(INITIAL_ADAPTIVE_RATE, 0, 3000, () => grid(100));
    // One level a picture: never a change between neighbours, but it adds up.
    const [, log] = camera(state, 3000, 6000, (t) => grid(100 + Math.floor((t - 3000) / 33.3)));
    expect(log.some((l) => l.decision.moved)).toBe(true);
  });

  it('ignores changes below the level or in fewer cells than asked for', () => {
    const [state] = camera(INITIAL_ADAPTIVE_RATE, 0, 3000, () => grid(100));
    const [, small] = offerPicture(state, grid(100 + ADAPTIVE_RATE.cellLevels), 3010);
    const [, few] = offerPicture(state, grid(100, ADAPTIVE_RATE.minChangedCells - 1), 3010);
    expect(small.moved).toBe(false);
    expect(few.moved).toBe(false);
  });
});
