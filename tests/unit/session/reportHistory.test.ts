import { describe, expect, it } from 'vitest';
import type { HistorySession } from '../../../src/session/reportHistory';
import { buildHistory, weekStart } from '../../../src/session/reportHistory';
import type { SessionSummary } from '../../../src/session/reportSummary';
import type { LegSummary, SymptomRecord } from '../../../src/session/reportTypes';
import { SESSION_SCHEMA_VERSION } from '../../../src/session/sessionRecord';

/** Local-time noon on a day of June 2025 (2 June is a Monday), whatever the machine's zone. */
const june = (day: number, hour = 12) => new Date(2025, 5, day, hour).getTime();

function leg(stretchId: string, side: LegSummary['leg'], peakDeg: number | null): LegSummary {
  return {
    stretchId,
    leg: side,
    depthMeasure: 'hipFlexionDeg',
    peakDeg,
    meanDeg: peakDeg === null ? null : peakDeg - 2,
    heldInFormMs: 40_000,
    targetMs: 40_000,
    repsDone: 2,
    repsCompleted: 2,
    repsPlanned: 2,
    faultCount: 0,
  };
}

function session(
  id: string,
  epochMs: number,
  legs: readonly LegSummary[],
  symptoms: readonly SymptomRecord[] = [],
): HistorySession {
  const summary: SessionSummary = {
    durationMs: 300_000,
    stretchIds: [...new Set(legs.map((l) => l.stretchId))],
    stretchNames: { 'standing-hamstring': 'standing hamstring stretch' },
    legs,
    totals: { heldInFormMs: 0, targetMs: 0, faultCount: 0, faultMs: 0, cueCount: 0, glideReps: 0 },
    symptoms,
    endReason: 'completed',
  };
  return {
    meta: {
      schemaVersion: SESSION_SCHEMA_VERSION,
      id,
      startedAtEpochMs: epochMs,
      status: 'finished',
      endedAtEpochMs: epochMs + 300_000,
      endReason: 'completed',
      lastTMs: 300_000,
      routine: summary.stretchIds,
      stretches: [],
      model: null,
      sampleIntervalMs: 100,
      segments: [{ startTMs: 0, startedAtEpochMs: epochMs }],
    },
    summary,
  };
}

const standing = (id: string, epochMs: number, left: number, right: number) =>
  session(id, epochMs, [
    leg('standing-hamstring', 'left', left),
    leg('standing-hamstring', 'right', right),
  ]);

describe('sessions per week against the 3-5 the seeds recommend', () => {
  it('starts weeks on Monday at midnight, local time', () => {
    expect(weekStart(june(4))).toBe(new Date(2025, 5, 2).getTime());
    expect(weekStart(june(8, 23))).toBe(new Date(2025, 5, 2).getTime());
    expect(weekStart(june(9, 0))).toBe(new Date(2025, 5, 9).getTime());
  });

  it('counts each week from the first session to now, empty weeks included', () => {
    const sessions = [
      standing('a', june(2), 60, 60),
      standing('b', june(4), 60, 60),
      standing('c', june(6), 60, 60),
      standing('d', june(17), 60, 60),
    ];
    const history = buildHistory(sessions, june(25));
    expect(history.weeks.map((w) => [w.count, w.band, w.current])).toEqual([
      [3, 'within', false],
      [0, 'below', false],
      [1, 'below', false],
      [0, 'below', true],
    ]);
  });

  it.each([
    [2, 'below'],
    [3, 'within'],
    [5, 'within'],
    [6, 'above'],
  ] as const)('calls %i sessions in a week "%s"', (count, band) => {
    const sessions = Array.from({ length: count }, (_, i) =>
      standing(`s${i}`, june(2 + (i % 6), 8 + i), 60, 60),
    );
    expect(buildHistory(sessions, june(7)).weeks.at(-1)?.band).toBe(band);
  });

  it('says how this week compares and how many recent weeks met the aim', () => {
    const sessions = [
      standing('a', june(2), 60, 60),
      standing('b', june(3), 60, 60),
      standing('c', june(4), 60, 60),
      standing('d', june(10), 60, 60),
    ];
    const text = buildHistory(sessions, june(11)).summary.join(' ');
    expect(text).toContain('This week you have stretched 1 time; the aim is 3-5 times a week.');
    expect(text).toContain('in 1 of the last 1 full week');
  });

  it('has no weeks without sessions', () => {
    expect(buildHistory([], june(11)).weeks).toEqual([]);
  });
});

describe('progress per stretch and leg', () => {
  const sessions = [
    standing('a', june(2), 60, 55),
    standing('b', june(9), 64, 57),
    standing('c', june(16), 68, 58),
  ];
  const history = buildHistory(sessions, june(17));

  it('gives the peak hip hinge of each leg per session, oldest first', () => {
    const [series] = history.progress;
    expect(series?.stretchName).toBe('standing hamstring stretch');
    expect(series?.legs.map((l) => [l.leg, l.points.map((p) => p.peakDeg)])).toEqual([
      ['left', [60, 64, 68]],
      ['right', [55, 57, 58]],
    ]);
  });

  it('says how much each leg has gained since the first session', () => {
    expect(history.summary.join(' ')).toContain(
      'up 8° on the left leg and no change the camera can measure on the right leg (under 7°)',
    );
  });

  it('gives left/right asymmetry per session and names the tighter side beyond 7 degrees', () => {
    const rows = history.asymmetry[0]?.rows ?? [];
    // 7 degrees: what the camera can resolve of a difference of two peaks (reportResolution.ts).
    expect(rows.map((r) => [r.differenceDeg, r.tighterSide])).toEqual([
      [5, null],
      [7, null],
      [10, 'right'],
    ]);
  });

  it('calls a week-to-week change within 7 degrees no measurable change', () => {
    const drop = buildHistory(
      [standing('a', june(2), 73, 73), standing('b', june(9), 73, 67)],
      june(10),
    );
    expect(drop.summary.join(' ')).toContain('no change the camera can measure on the right leg');
  });

  it('leaves out legs without a measured peak', () => {
    const partial = buildHistory(
      [session('x', june(2), [leg('standing-hamstring', 'left', null)])],
      june(3),
    );
    expect(partial.progress).toEqual([]);
  });
});

describe('symptom reports', () => {
  it('lists the sessions where tingling, numbness or sharp pain was reported, newest first', () => {
    const tingling: SymptomRecord = {
      stretchId: 'standing-hamstring',
      atMs: 120_000,
      answer: { tingling: true, numbness: false, sharpPain: false },
      anySymptom: true,
    };
    const none: SymptomRecord = {
      ...tingling,
      answer: { tingling: false, numbness: false, sharpPain: false },
      anySymptom: false,
    };
    const history = buildHistory(
      [
        session('a', june(2), [], [tingling]),
        session('b', june(3), [], [none]),
        session(
          'c',
          june(4),
          [],
          [{ ...tingling, answer: { tingling: false, numbness: true, sharpPain: true } }],
        ),
      ],
      june(5),
    );
    expect(history.symptoms.map((s) => [s.sessionId, s.words])).toEqual([
      ['c', 'numbness and sharp pain'],
      ['a', 'tingling'],
    ]);
    expect(history.symptoms[1]?.epochMs).toBe(june(2) + 120_000);
    expect(history.summary.join(' ')).toContain('reported symptoms 2 times');
  });
});
