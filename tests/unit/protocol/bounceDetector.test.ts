import { describe, expect, it } from 'vitest';
import type { ProtocolEvent } from '../../../src/protocol';
import { INITIAL_BOUNCE_STATE, advanceBounce } from '../../../src/protocol/bounceDetector';
import { seededRng } from '../../../src/demo/bodyModel/rng';

/** Runs the detector over `signal(tMs)` sampled at 30 fps. */
function detect(signal: (tMs: number) => number, durationMs: number): ProtocolEvent[] {
  let state = INITIAL_BOUNCE_STATE;
  const events: ProtocolEvent[] = [];
  for (let t = 0; t < durationMs; t += 1000 / 30) {
    const step = advanceBounce(state, signal(t), Math.round(t));
    state = step.state;
    events.push(...step.events);
  }
  return events;
}

/** Deterministic pseudo-noise in [-1, 1] (a fixed hash, not Math.random). */
function noise(i: number): number {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return 2 * (x - Math.floor(x)) - 1;
}

describe('the bounce detector', () => {
  const cases: readonly [string, number, number, boolean][] = [
    // [what, frequency Hz, peak-to-peak degrees, detected]
    ['2 Hz bouncing of 8 degrees', 2, 8, true],
    ['1 Hz bouncing of 10 degrees', 1, 10, true],
    ['3 Hz bouncing of 6 degrees', 3, 6, true],
    ['a 2 Hz tremor of 2 degrees (under the swing threshold)', 2, 2, false],
    ['breathing: 0.25 Hz, 3 degrees', 0.25, 3, false],
    ['slow rocking: 0.4 Hz, 15 degrees (too slow to be ballistic)', 0.4, 15, false],
  ];
  it.each(cases)('%s', (_, hz, ppDeg, detected) => {
    const events = detect((t) => 80 + (ppDeg / 2) * Math.sin((2 * Math.PI * hz * t) / 1000), 8_000);
    const found = events.find((e) => e.type === 'bounce-detected');
    expect(found !== undefined).toBe(detected);
    if (found?.type === 'bounce-detected') {
      expect(found.frequencyHz).toBeCloseTo(hz, 0);
      expect(found.amplitudeDeg).toBeGreaterThan(ppDeg * 0.7);
      expect(found.atMs).toBeLessThan(2_500 / hz + 500);
    }
  });

  it.each([1, 2, 3])('ignores 10 minutes of white keypoint jitter of sigma %s degrees', (sigma) => {
    const rng = seededRng(5);
    const events = detect(() => 80 + sigma * rng.gaussian(), 600_000);
    expect(events.filter((e) => e.type === 'bounce-detected')).toEqual([]);
  });

  const noisy: readonly [number, number, number][] = [
    // [Hz, peak-to-peak degrees, detected within ms] in 1.7 degrees of jitter
    [2, 8, 1_500],
    [1, 10, 2_500],
  ];
  it.each(noisy)(
    'finds %s Hz bouncing of %s degrees in 1.7 degrees of jitter within %s ms',
    (hz, pp, withinMs) => {
      const rng = seededRng(9);
      const events = detect(
        (t) => 80 + 1.7 * rng.gaussian() + (pp / 2) * Math.sin((2 * Math.PI * hz * t) / 1000),
        10_000,
      );
      expect(events.find((e) => e.type === 'bounce-detected')?.atMs).toBeLessThan(withinMs);
    },
  );

  it('ignores slow deepening from 40 to 90 degrees over 5 s with frame jitter of 1.5 degrees', () => {
    const events = detect((t) => 40 + (50 * Math.min(t, 5000)) / 5000 + 1.5 * noise(t), 10_000);
    expect(events).toEqual([]);
  });

  it('reports one bouncing fault per bout, ended once the hip has been still for a while', () => {
    const events = detect(
      (t) =>
        80 + (t >= 2_000 && t < 5_000 ? 5 * Math.sin((2 * Math.PI * 2 * (t - 2000)) / 1000) : 0),
      9_000,
    );
    const faults = events.filter((e) => e.type === 'fault-started' || e.type === 'fault-ended');
    expect(faults.map((e) => e.type)).toEqual(['fault-started', 'fault-ended']);
    const [started, ended] = faults;
    expect(started?.type === 'fault-started' && started.startMs).toBeGreaterThanOrEqual(2_000);
    expect(started?.type === 'fault-started' && started.startMs).toBeLessThan(2_500);
    expect(ended?.atMs).toBeGreaterThan(5_000);
    expect(ended?.atMs).toBeLessThan(7_000);
  });
});
