import { describe, expect, it } from 'vitest';
import { GLOBAL_GAP_MS } from '../../../src/feedback/cueTypes';
import type { SessionState } from '../../../src/protocol';
import { stretchById } from '../../../src/protocol';
import type { MeasuresSpec } from '../protocol/measuresBuilder';
import { bodyMeasures } from '../protocol/measuresBuilder';
import type { CoachRun } from './coachDriver';
import { coach } from './coachDriver';

const standing = stretchById('standing-hamstring');
const backCue = standing.checks.find((c) => c.id === 'back-rounded')!;
const kneeCue = standing.checks.find((c) => c.id === 'working-knee-bent')!;

/** The standing stretch with `change(msIntoHold)` applied during the first hold. */
function standingRun(
  change: (msIntoHold: number) => MeasuresSpec,
  more: Partial<Parameters<typeof coach>[0]> = {},
): CoachRun & { holdStartMs: number } {
  let holdStartMs = Infinity;
  const run = coach({
    routine: [standing],
    until: (s) => s.phase === 'rest',
    frameAt: (t: number, s: SessionState) => {
      if (s.phase === 'hold' && holdStartMs === Infinity) holdStartMs = s.phaseStartMs;
      const inHold = s.phase === 'hold' ? change(t - holdStartMs) : {};
      return bodyMeasures(
        {
          orientation: 'upright',
          workingLeg: 'left',
          hipFlexionDeg: 70,
          kneeAngleDeg: 176,
          ...inHold,
        },
        t,
      );
    },
    ...more,
  });
  return { ...run, holdStartMs };
}

const texts = (run: CoachRun): string[] => run.said.map((u) => u.text);
const when = (run: CoachRun & { holdStartMs: number }, text: string): number[] =>
  run.said.filter((u) => u.text === text).map((u) => u.atMs - run.holdStartMs);

describe('the cue policy', () => {
  it('does not voice a rounded back that lasts under the 0.7 s debounce', () => {
    const run = standingRun((ms) => (ms >= 10_000 && ms < 10_500 ? { roundingIndex: 1.4 } : {}));
    expect(texts(run)).not.toContain(backCue.cue);
  });

  it('voices a rounded back that lasts 3 s, 0.7 s after it starts, then confirms once', () => {
    const run = standingRun((ms) => (ms >= 10_000 && ms < 13_000 ? { roundingIndex: 1.4 } : {}));
    const [at] = when(run, backCue.cue);
    expect(at).toBeGreaterThanOrEqual(10_700);
    expect(at).toBeLessThan(10_800);
    const fixed = when(run, backCue.fixedCue!);
    expect(fixed).toHaveLength(1);
    expect(fixed[0]).toBeGreaterThanOrEqual(13_800);
  });

  it('reminds about a fault that persists, at most three lines in all', () => {
    const run = standingRun((ms) => (ms >= 2_000 && ms < 200_000 ? { roundingIndex: 1.4 } : {}), {
      limitMs: 120_000,
    });
    const times = when(run, backCue.cue);
    expect(times).toHaveLength(3);
    // Reminders widen: 8 s, then 16 s.
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(8_000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(16_000);
  });

  it('says the back before the knee when both go wrong together', () => {
    const run = standingRun((ms) =>
      ms >= 10_000 && ms < 20_000 ? { roundingIndex: 1.4, kneeAngleDeg: 150 } : {},
    );
    const form = texts(run).filter((t) => t === backCue.cue || t === kneeCue.cue);
    expect(form.slice(0, 2)).toEqual([backCue.cue, kneeCue.cue]);
  });

  it('does not voice a fault again within 8 s when it comes back after a fix', () => {
    const run = standingRun((ms) =>
      (ms >= 5_000 && ms < 7_000) || (ms >= 9_000 && ms < 11_000) ? { roundingIndex: 1.4 } : {},
    );
    expect(when(run, backCue.cue)).toHaveLength(1);
  });

  it('says every countdown number, a second apart, none interruptible', () => {
    const run = standingRun(() => ({}));
    const numbers = run.said.filter((u) => u.cueKey === 'countdown');
    expect(numbers.map((u) => u.text)).toEqual(['3', '2', '1']);
    expect(numbers[1]!.atMs - numbers[0]!.atMs).toBeCloseTo(1_000, -2);
    expect(numbers.every((u) => !u.interruptible)).toBe(true);
  });

  it('interrupts a line for bouncing, but never a countdown number', () => {
    const run = standingRun((ms) => ({
      hipFlexionDeg:
        70 + (ms >= 6_000 && ms < 12_000 ? 5 * Math.sin((2 * Math.PI * 2 * ms) / 1000) : 0),
    }));
    const bounce = run.said.find((u) => u.cueKey === 'fault:bouncing')!;
    expect(bounce.priority).toBe('safety');
    expect(bounce.atMs - run.holdStartMs).toBeLessThan(7_500);
    run.said.forEach((u, i) => {
      if (u.interrupt) expect(run.said[i - 1]?.interruptible).toBe(true);
    });
  });

  it('leaves the global gap between lines, except countdown numbers and go', () => {
    const run = standingRun((ms) =>
      ms % 7_000 < 3_000 ? { roundingIndex: 1.4, kneeAngleDeg: 150, otherKneeAngleDeg: 190 } : {},
    );
    run.said.forEach((u, i) => {
      const prev = run.said[i - 1];
      if (prev === undefined || u.cueKey === 'countdown' || u.cueKey === 'begin' || u.interrupt)
        return;
      expect(u.atMs - (prev.atMs + prev.estimatedMs)).toBeGreaterThanOrEqual(GLOBAL_GAP_MS);
    });
  });

  it('produces the same lines when muted, as captions only', () => {
    const change = (ms: number) => (ms >= 10_000 && ms < 13_000 ? { roundingIndex: 1.4 } : {});
    const loud = standingRun(change);
    const muted = standingRun(change, { options: { muted: true } });
    expect(texts(muted)).toEqual(texts(loud));
    expect(muted.said.every((u) => !u.speak)).toBe(true);
    expect(loud.said.every((u) => u.speak)).toBe(true);
  });

  it('says less when minimal and more when chatty', () => {
    const change = (ms: number) => (ms >= 10_000 && ms < 13_000 ? { roundingIndex: 1.4 } : {});
    const minimal = texts(standingRun(change, { options: { verbosity: 'minimal' } }));
    const normal = texts(standingRun(change));
    const chatty = texts(standingRun(change, { options: { verbosity: 'chatty' } }));
    expect(minimal).toContain(backCue.cue);
    expect(minimal).not.toContain(backCue.fixedCue);
    expect(minimal).not.toContain('Halfway there.');
    expect(normal).toContain(backCue.fixedCue);
    expect(normal).toContain('Halfway there.');
    expect(chatty).toContain('Ten seconds left.');
    expect(minimal.length).toBeLessThan(normal.length);
    expect(normal.length).toBeLessThan(chatty.length);
  });

  it("says it can't see the knee when the knee drops out for over a second", () => {
    const run = standingRun((ms) => (ms >= 10_000 && ms < 13_000 ? { kneeAngleDeg: null } : {}));
    expect(texts(run).some((t) => t.startsWith("I can't see your knee"))).toBe(true);
  });

  it('prompts for depth when the position is not reached 4 s into the hold', () => {
    const run = standingRun((ms) => (ms < 9_000 ? { hipFlexionDeg: 40 } : {}));
    const [at] = when(run, standing.kind === 'hold' ? standing.target.cue : '');
    // Not before 4 s, and as soon as the "begin" line and the gap after it are over.
    const begin = run.said.find((u) => u.cueKey === 'begin')!;
    expect(at).toBeGreaterThanOrEqual(4_000);
    expect(at! + run.holdStartMs).toBeLessThanOrEqual(
      begin.atMs + begin.estimatedMs + GLOBAL_GAP_MS + 40,
    );
    expect(when(run, 'Good, hold it there.')).toHaveLength(1);
  });
});
