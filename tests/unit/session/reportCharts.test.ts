import { describe, expect, it } from 'vitest';
import { stretchCharts } from '../../../src/session/reportCharts';
import { buildSessionReport } from '../../../src/session/reportSession';
import { generateSession } from '../../helpers/sessionScenario';

describe('the report charts', () => {
  const session = generateSession({
    routine: ['standing-hamstring'],
    holdMs: 20_000,
    faults: [
      { hold: 0, fromMs: 8_000, toMs: 12_000, set: { roundingIndex: 1.3 } },
      { hold: 2, fromMs: 5_000, toMs: 9_000, set: { kneeDeg: 150 } },
    ],
  });
  const report = buildSessionReport(session.record);
  const stretch = report.stretches[0];
  const charts = stretch === undefined ? [] : stretchCharts(session.record, stretch, 0);

  it('draws depth, knee and rounding over the stretch’s time, per leg', () => {
    expect(charts.map((c) => c.title)).toEqual([
      'Hip hinge angle',
      'Knee angle',
      'Back rounding index',
    ]);
    const [depth] = charts;
    expect(depth?.series.map((s) => s.role)).toEqual(['left', 'right']);
    expect(depth?.xS[0]).toBeGreaterThanOrEqual((stretch?.startTMs ?? 0) / 1000);
    expect(depth?.xS.at(-1)).toBeLessThanOrEqual(((stretch?.endTMs ?? 0) + 1) / 1000);
    for (const series of depth?.series ?? [])
      expect(series.values).toHaveLength(depth?.xS.length ?? -1);
  });

  it('shades back faults on the rounding chart and knee faults on the knee chart', () => {
    const [, knee, rounding] = charts;
    expect(rounding?.bands.map((b) => b.label)).toEqual(['rounded back']);
    expect(knee?.bands.map((b) => b.label)).toEqual(['knee bent']);
    const band = rounding?.bands[0];
    expect((band?.endS ?? 0) - (band?.startS ?? 0)).toBeCloseTo(4, 1);
  });

  it('describes each chart in words for screen readers', () => {
    expect(charts[0]?.description).toMatch(
      /Hip hinge angle from \d+:\d\d to \d+:\d\d\. Hip hinge, left leg peaks at 7\d°/,
    );
    expect(charts[2]?.description).toMatch(/1 fault period is shaded/);
  });
});
