import { describe, expect, it } from 'vitest';
import { axisTicks, valueAxis } from '../../../src/session/reportDefinitions';
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
      /Hip hinge angle from \d+:\d\d to \d+:\d\d\. Scale 0° to 180°\. Hip hinge, left leg peaks at 7\d°/,
    );
    expect(charts[2]?.description).toMatch(/1 fault period is shaded/);
  });

  it('draws each measure on a fixed axis with whole-step ticks, whatever the values', () => {
    expect(charts.map((c) => [c.axis.min, c.axis.max, c.axis.step, c.axis.unit])).toEqual([
      [0, 180, 30, '°'],
      [90, 210, 30, '°'],
      [0, 2, 0.5, ''],
    ]);
    expect(axisTicks(charts[0]?.axis ?? valueAxis('hipFlexionDeg', []))).toEqual([
      0, 30, 60, 90, 120, 150, 180,
    ]);
  });

  it('widens an axis by whole steps only when a value falls outside it', () => {
    const axis = valueAxis('roundingIndex', [0, 0, 2.6]);
    expect([axis.min, axis.max]).toEqual([0, 3]);
    expect(axisTicks(axis)).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
    expect(valueAxis('kneeAngleDeg', [40, 176])).toMatchObject({ min: 30, max: 210 });
    // A flat, jittering hip angle keeps the standard axis.
    expect(valueAxis('hipFlexionDeg', [39.8, 40.2, 40])).toMatchObject({ min: 0, max: 180 });
  });
});
