import { describe, expect, it } from 'vitest';
import type { LumaGrid } from '../../../src/camera/motion';
import type { KeypointName, Pose } from '../../../src/geometry/types';
import {
  ADAPTIVE_RATE,
  INITIAL_ADAPTIVE_RATE,
  offerPicture,
  poseSeen,
  type AdaptiveRateState,
  type RateDecision,
} from '../../../src/engine/adaptiveRate';

/** A 4 x 4 grid, every cell at `level`, with `changed` of its cells raised by 50. */
function grid(level: number, changed = 0): LumaGrid {
  const means = new Float32Array(16).fill(level);
  for (let i = 0; i < changed; i++) means[i] = level + 50;
  return { columns: 4, rows: 4, means };
}

/** A side-on standing body whose trunk is 200 px long; `kneeDx` moves the left knee. */
function body(kneeDx = 0, kneeScore = 0.9): Pose {
  const points: [KeypointName, number, number][] = [
    ['left_shoulder', 300, 200],
    ['right_shoulder', 300, 200],
    ['left_hip', 300, 400],
    ['right_hip', 300, 400],
    ['left_knee', 300 + kneeDx, 550],
    ['right_knee', 300, 550],
    ['left_ankle', 300, 700],
    ['right_ankle', 300, 700],
  ];
  const keypoints = Object.fromEntries(
    points.map(([name, x, y]) => [name, { x, y, score: name === 'left_knee' ? kneeScore : 0.9 }]),
  );
  return {
    keypoints,
    score: 0.9,
    imageSize: { widthPx: 640, heightPx: 800 },
    model: 'movenet-lightning',
    timestampMs: 0,
    inferenceRotationDeg: 0,
  };
}

interface Logged {
  readonly atMs: number;
  readonly decision: RateDecision;
}

/**
 * A fake camera clock: offers a picture every `stepMs` from `fromMs` to `toMs`, and answers every
 * analysed one with `pose(nowMs)` at once (the model's own delay does not matter to the policy).
 */
function camera(
  state: AdaptiveRateState,
  fromMs: number,
  toMs: number,
  picture: (nowMs: number) => LumaGrid,
  pose: (nowMs: number) => Pose | null = () => body(),
  stepMs = 1000 / 30,
): [AdaptiveRateState, Logged[]] {
  const log: Logged[] = [];
  let current = state;
  for (let nowMs = fromMs; nowMs < toMs; nowMs += stepMs) {
    const [next, decision] = offerPicture(current, picture(nowMs), nowMs);
    current = decision.analyse ? poseSeen(next, pose(nowMs), nowMs) : next;
    log.push({ atMs: nowMs, decision });
  }
  return [current, log];
}

/** A still scene after 3 s: settled into the still mode. */
function settled(): AdaptiveRateState {
  return camera(INITIAL_ADAPTIVE_RATE, 0, 3000, () => grid(100))[0];
}

const analysedTimes = (log: readonly Logged[]): number[] =>
  log.filter((l) => l.decision.analyse).map((l) => l.atMs);

describe('the adaptive analysis rate', () => {
  it('starts at full rate, then slows down once the body has not moved for the settle time', () => {
    const [, log] = camera(INITIAL_ADAPTIVE_RATE, 0, 5000, () => grid(100));
    const full = log.filter((l) => l.decision.mode === 'full');
    // The first pose counts as a move (nothing to compare it with).
    expect(full.length).toBeGreaterThan(0);
    expect(full.at(-1)?.atMs).toBeLessThan(ADAPTIVE_RATE.settleMs);
    const still = log.filter((l) => l.atMs >= ADAPTIVE_RATE.settleMs);
    expect(still.every((l) => l.decision.mode === 'still')).toBe(true);
    const analysed = analysedTimes(still);
    const gaps = analysed.slice(1).map((t, i) => t - (analysed[i] ?? 0));
    // One picture in every still interval, never a gap the hold timer would not credit.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(ADAPTIVE_RATE.stillIntervalMs + 1000 / 30);
    expect(analysed.length / still.length).toBeLessThan(0.2);
  });

  it('analyses the first picture that changed at once, however long it was still', () => {
    const [, decision] = offerPicture(settled(), grid(100, ADAPTIVE_RATE.minChangedCells), 3010);
    expect(decision).toEqual({ analyse: true, mode: 'still', changed: true });
  });

  it('goes to full rate when a joint moved, and stays there for the settle time', () => {
    const start = settled();
    const kneeDx = ADAPTIVE_RATE.poseMoveShare * 200 + 1;
    const moved = poseSeen(start, body(kneeDx), 3010);
    const [, log] = camera(
      moved,
      3020,
      3020 + ADAPTIVE_RATE.settleMs + 1000,
      () => grid(100),
      () => body(kneeDx),
    );
    const inSettle = log.filter((l) => l.atMs < 3010 + ADAPTIVE_RATE.settleMs);
    expect(inSettle.every((l) => l.decision.analyse && l.decision.mode === 'full')).toBe(true);
    const after = log.filter((l) => l.atMs >= 3010 + ADAPTIVE_RATE.settleMs);
    expect(after.every((l) => l.decision.mode === 'still')).toBe(true);
  });

  it('stays slow while the picture changes but the joints do not move (breathing, clothes)', () => {
    // The picture flips between two looks every 100 ms; the body stays where it was.
    const [, log] = camera(settled(), 3000, 8000, (t) =>
      grid(100, Math.floor(t / 100) % 2 === 0 ? 0 : ADAPTIVE_RATE.minChangedCells),
    );
    expect(log.every((l) => l.decision.mode === 'still')).toBe(true);
    expect(analysedTimes(log).length / log.length).toBeLessThan(0.5);
  });

  it('adds a slow joint drift up against where the body last moved', () => {
    // 1 px a picture: never a move between neighbours, but it adds up past the share.
    const [, log] = camera(
      settled(),
      3000,
      8000,
      () => grid(100),
      (t) => body((t - 3000) / 33.3),
    );
    expect(log.some((l) => l.decision.mode === 'full')).toBe(true);
  });

  it('adds slow brightness drift up against the picture of the last change', () => {
    // One level a picture: never a change between neighbours, but it adds up.
    const [, log] = camera(settled(), 3000, 6000, (t) => grid(100 + Math.floor((t - 3000) / 33.3)));
    expect(log.some((l) => l.decision.changed)).toBe(true);
  });

  it('ignores brightness changes below the level or in fewer cells than asked for', () => {
    const state = settled();
    const [, small] = offerPicture(state, grid(100 + ADAPTIVE_RATE.cellLevels), 3010);
    const [, few] = offerPicture(state, grid(100, ADAPTIVE_RATE.minChangedCells - 1), 3010);
    expect(small.changed).toBe(false);
    expect(few.changed).toBe(false);
  });

  it('does not count a joint the model is unsure of as a move', () => {
    const unsure = poseSeen(settled(), body(100, 0.2), 3010);
    const [, decision] = offerPicture(unsure, grid(100), 3020);
    expect(decision.mode).toBe('still');
  });

  it('watches closely when the person is lost, and when they come back', () => {
    const lost = poseSeen(settled(), null, 3010);
    expect(offerPicture(lost, grid(100), 3020)[1].mode).toBe('full');
    const [stillLost] = camera(
      lost,
      3020,
      6000,
      () => grid(100),
      () => null,
    );
    expect(offerPicture(stillLost, grid(100), 6010)[1].mode).toBe('still');
    const back = poseSeen(stillLost, body(), 6010);
    expect(offerPicture(back, grid(100), 6020)[1].mode).toBe('full');
  });
});
