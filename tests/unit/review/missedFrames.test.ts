import { describe, expect, it } from 'vitest';
import {
  afterRecoverySeek,
  framesSkippedBetween,
  mayHaveLostDueFrame,
  mayHaveLostFramesAtEnd,
  nextRecoveryStep,
  startRecovery,
  updatedFramePeriodMs,
} from '../../../src/review/missedFrames';
import { nextDueMs, type SamplingRate } from '../../../src/review/samplingPlan';

const TEN: SamplingRate = { kind: 'per-second', perSecond: 10 };
const EVERY: SamplingRate = { kind: 'every-frame' };

function cfr(fps: number, durationMs: number): number[] {
  const frames: number[] = [];
  for (let i = 0; (i * 1000) / fps < durationMs - 0.01; i++) frames.push((i * 1000) / fps);
  return frames;
}

/** What a seek to `targetMs` shows: the last frame at or before it. */
function shownAt(frames: readonly number[], targetMs: number): number {
  return frames.filter((f) => f <= targetMs + 1e-6).at(-1) ?? frames[0] ?? 0;
}

/**
 * Plays `frames`, with the frames in `unseen` skipped (no callback), through the sampler's
 * decisions, recovering as it would; returns the frames taken.
 */
function sample(
  rate: SamplingRate,
  frames: readonly number[],
  unseen: ReadonlySet<number>,
): number[] {
  const taken: number[] = [];
  let dueMs = 0;
  let period: number | null = null;
  let last: number | null = null;
  let lastGapSkipped = false;
  const takeIfDue = (ms: number) => {
    if (ms >= dueMs - 0.5) {
      taken.push(ms);
      dueMs = nextDueMs(rate, ms);
    }
  };
  const recover = (triggerMs: number, lastSeenMs: number) => {
    let state = startRecovery(rate, triggerMs, dueMs, lastSeenMs, period);
    let onShow = triggerMs;
    for (let step = nextRecoveryStep(state); step.kind === 'seek'; step = nextRecoveryStep(state)) {
      const shown = shownAt(frames, step.targetMs);
      const outcome = afterRecoverySeek(state, shown === onShow ? null : shown);
      onShow = shown;
      state = outcome.state;
      if (outcome.take) taken.push(shown);
      dueMs = state.dueMs;
    }
    expect(nextRecoveryStep(state).kind).toBe('done');
  };
  for (const ms of frames) {
    if (unseen.has(ms)) {
      lastGapSkipped = true;
      continue;
    }
    if (last !== null) {
      const skipped =
        lastGapSkipped ||
        framesSkippedBetween(
          { mediaMs: last, presentedFrames: 0, droppedFrames: 0 },
          { mediaMs: ms, presentedFrames: 1, droppedFrames: 0 },
          period,
        );
      if (!skipped) period = updatedFramePeriodMs(period, ms - last);
      else if (mayHaveLostDueFrame(rate, dueMs, ms)) recover(ms, last);
    }
    lastGapSkipped = false;
    last = ms;
    takeIfDue(ms);
  }
  const lastFrame = frames.at(-1);
  if (last !== null && lastFrame !== undefined && lastFrame !== last) {
    const durationMs = lastFrame + (period ?? 33.3);
    if (mayHaveLostFramesAtEnd(rate, dueMs, last, durationMs, period)) recover(durationMs, last);
  }
  return taken.sort((a, b) => a - b);
}

/** One frame per 100 ms slot that has any, the first of each. */
function slotsOf(frames: readonly number[]): number[] {
  const bySlot = new Map<number, number>();
  for (const f of frames) {
    const slot = Math.floor((f + 0.5) / 100);
    if (!bySlot.has(slot)) bySlot.set(slot, f);
  }
  return [...bySlot.keys()];
}

const slotOf = (ms: number) => Math.floor((ms + 0.5) / 100);

describe('recovering frames a playing video skipped', () => {
  const thirty = cfr(30, 4000);
  const five = cfr(5, 13000);
  // Every fourth frame dropped: gaps of 33 and 67 ms, as variable-rate phone clips have.
  const variable = thirty.filter((_, i) => i % 4 !== 1);

  it.each<[string, SamplingRate, number[], number[]]>([
    ['30 fps, nothing skipped', TEN, thirty, []],
    ['30 fps, a whole slot skipped', TEN, thirty, thirty.filter((f) => f >= 500 && f < 900)],
    ['30 fps, skips inside slots only', TEN, thirty, [thirty[4] ?? 0, thirty[10] ?? 0]],
    ['5 fps (every frame a slot), frames skipped', TEN, five, [400, 600, 5200, 7200]],
    ['variable rate, slots skipped', TEN, variable, variable.filter((f) => f > 1050 && f < 1250)],
    ['30 fps, the last frames skipped', TEN, thirty, thirty.slice(-5)],
  ])('%s: one frame in every slot that has one', (_name, rate, frames, unseen) => {
    const taken = sample(rate, frames, new Set(unseen));
    expect(taken.map(slotOf)).toEqual(slotsOf(frames));
    for (const t of taken) expect(frames).toContain(t);
  });

  it.each<[string, number[], number[]]>([
    ['30 fps, frames skipped', thirty, [thirty[3] ?? 0, thirty[4] ?? 0, thirty[50] ?? 0]],
    ['variable rate, frames skipped', variable, [variable[5] ?? 0, variable[6] ?? 0]],
    ['30 fps, the last frame skipped', thirty, thirty.slice(-1)],
  ])('every frame, %s: every frame is taken', (_name, frames, unseen) => {
    expect(sample(EVERY, frames, new Set(unseen))).toEqual(frames);
  });

  it('gives up after a bounded number of seeks rather than seeking forever', () => {
    let state = startRecovery(EVERY, 10_000, 1, 0, 33.3);
    let steps = 0;
    // A picture that never changes: each step is taken further, and then given up.
    for (let step = nextRecoveryStep(state); step.kind === 'seek'; step = nextRecoveryStep(state)) {
      state = afterRecoverySeek(state, null).state;
      steps++;
    }
    expect(nextRecoveryStep(state).kind).toBe('give-up');
    expect(steps).toBeLessThanOrEqual(32);
  });
});

describe('spotting skips', () => {
  const at = (mediaMs: number, presentedFrames: number, droppedFrames = 0) => ({
    mediaMs,
    presentedFrames,
    droppedFrames,
  });
  it.each([
    ['consecutive frames', at(0, 1), at(33, 2), 33.3, false],
    ['a presented frame without a callback', at(0, 1), at(67, 3), 33.3, true],
    ['a frame the decoder dropped', at(0, 1, 0), at(67, 2, 1), 33.3, true],
    ['a gap of two periods', at(0, 1), at(67, 2), 33.3, true],
    ['an uneven gap under two periods', at(0, 1), at(45, 2), 33.3, false],
    ['no period known yet', at(0, 1), at(400, 2), null, false],
  ])('%s', (_name, previous, current, period, expected) => {
    expect(framesSkippedBetween(previous, current, period)).toBe(expected);
  });

  it('a skip inside the due slot costs nothing at 10 a second', () => {
    expect(mayHaveLostDueFrame(TEN, 300, 367)).toBe(false);
    expect(mayHaveLostDueFrame(TEN, 300, 400)).toBe(true);
    expect(mayHaveLostDueFrame(EVERY, 300, 333)).toBe(true);
  });
});
