import type { Side } from '../geometry/measures';
import { capitalise, depthLabel, faultLabel, legLabel } from '../session/reportFormat';
import { legValueAt, type LegMeasure } from '../session/reportMeasures';
import type { FaultSpan, RepReport, SessionReport } from '../session/reportTypes';
import type { DepthMeasure, ReportLeg, SessionRecord } from '../session/sessionRecord';

/**
 * What the review screen's timeline draws under the player: the measures over the whole clip in
 * VIDEO time (seconds from the first frame), every fault as a marker to jump to, and every rep.
 * A live clip starts some time into its session, so session times are shifted by
 * `sessionTimeAtVideoStartMs`. Pure.
 */

export type TimelineUnit = 'deg' | 'index';

export interface TimelineSeries {
  readonly label: string;
  readonly role: 'left' | 'right' | 'body';
  readonly values: readonly (number | null)[];
}

export interface TimelineChart {
  readonly id: 'depth' | 'knee' | 'rounding';
  readonly title: string;
  readonly unit: TimelineUnit;
  readonly series: readonly TimelineSeries[];
}

export interface FaultMarker {
  /** Stable within a timeline, for keys and test ids. */
  readonly id: string;
  /** The chart that shows what went wrong: back faults on the rounding chart, and so on. */
  readonly chart: TimelineChart['id'];
  readonly fault: string;
  readonly label: string;
  /** Video time. */
  readonly startMs: number;
  readonly endMs: number;
  readonly gatesHold: boolean;
  readonly stretchName: string;
  readonly leg: ReportLeg | null;
}

export interface RepMarker {
  readonly id: string;
  readonly stretchName: string;
  readonly leg: ReportLeg;
  /** Rep (holds) or set (glides) number within its leg. */
  readonly number: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly label: string;
}

export interface ReviewTimeline {
  /** Video time of each sample, seconds. */
  readonly xS: readonly number[];
  readonly charts: readonly TimelineChart[];
  readonly faults: readonly FaultMarker[];
  readonly reps: readonly RepMarker[];
}

/** The same grouping as the report's charts (session/reportCharts.ts). */
function chartForAspect(aspect: FaultSpan['aspect']): TimelineChart['id'] {
  if (aspect === 'back' || aspect === 'head' || aspect === 'trunk') return 'rounding';
  if (aspect === 'knee') return 'knee';
  return 'depth';
}

function repNumber(rep: RepReport): number {
  return rep.kind === 'hold' ? rep.rep : rep.set;
}

/** The leg a sample's per-leg values belong to: the rep's leg, else the working leg. */
function legAt(record: SessionRecord, reps: readonly RepReport[], i: number): ReportLeg | null {
  const tMs = record.samples.tMs[i] ?? 0;
  const rep = reps.find((r) => tMs >= r.startTMs && tMs <= r.endTMs);
  return rep?.leg ?? record.samples.workingLeg[i] ?? null;
}

function legSeries(
  record: SessionRecord,
  indexes: readonly number[],
  legs: readonly (ReportLeg | null)[],
  measure: LegMeasure,
  label: string,
): TimelineSeries[] {
  const bothLegs = legs.some((leg) => leg === 'both');
  if (bothLegs) {
    const values = indexes.map((i) => legValueAt(record.samples, i, measure, 'both'));
    return [{ label: `${label} (leg nearer the camera)`, role: 'body', values }];
  }
  // Only the working leg's line: the other leg stands or rests, and its angles would clutter.
  return (['left', 'right'] as const satisfies readonly Side[]).map((side) => ({
    label: `${label}, ${side} leg`,
    role: side,
    values: indexes.map((i, k) =>
      legs[k] === side ? legValueAt(record.samples, i, measure, side) : null,
    ),
  }));
}

function hasValues(series: TimelineSeries): boolean {
  return series.values.some((v) => v !== null);
}

export function reviewTimeline(
  record: SessionRecord,
  report: SessionReport,
  sessionTimeAtVideoStartMs: number,
  videoDurationMs: number,
): ReviewTimeline {
  const toVideoMs = (sessionMs: number) => sessionMs - sessionTimeAtVideoStartMs;
  const inClip = (videoMs: number) => videoMs >= 0 && videoMs <= videoDurationMs;
  const indexes: number[] = [];
  record.samples.tMs.forEach((tMs, i) => {
    if (inClip(toVideoMs(tMs))) indexes.push(i);
  });
  const reps = report.stretches.flatMap((s) => s.reps);
  const legs = indexes.map((i) => legAt(record, reps, i));
  const depthMeasure: DepthMeasure =
    report.stretches.find(
      (s) => s.info?.depthMeasure !== null && s.info?.depthMeasure !== undefined,
    )?.info?.depthMeasure ?? 'hipFlexionDeg';
  const depth = capitalise(depthLabel(depthMeasure));
  const charts: TimelineChart[] = [
    {
      id: 'depth',
      title: `${depth} angle`,
      unit: 'deg',
      series: legSeries(record, indexes, legs, depthMeasure, depth),
    },
    {
      id: 'knee',
      title: 'Knee angle',
      unit: 'deg',
      series: legSeries(record, indexes, legs, 'kneeAngleDeg', 'Knee'),
    },
    {
      id: 'rounding',
      title: 'Back rounding (1 = rounded)',
      unit: 'index',
      series: [
        {
          label: 'Back rounding',
          role: 'body',
          values: indexes.map((i) => record.samples.roundingIndex[i] ?? null),
        },
      ],
    },
  ];

  const faults: FaultMarker[] = [];
  const repMarkers: RepMarker[] = [];
  report.stretches.forEach((stretch, s) => {
    const spans: { span: FaultSpan; leg: ReportLeg | null }[] = [
      ...stretch.reps.flatMap((rep) => rep.faults.map((span) => ({ span, leg: rep.leg }))),
      ...stretch.otherFaults.map((span) => ({ span, leg: null })),
    ];
    spans.forEach(({ span, leg }, f) => {
      const startMs = toVideoMs(span.startTMs);
      if (!inClip(startMs)) return;
      faults.push({
        id: `fault-${s}-${f}`,
        chart: chartForAspect(span.aspect),
        fault: span.fault,
        label: faultLabel(span.fault),
        startMs,
        endMs: Math.min(videoDurationMs, startMs + span.durationMs),
        gatesHold: span.gatesHold,
        stretchName: stretch.name,
        leg,
      });
    });
    stretch.reps.forEach((rep, r) => {
      const startMs = toVideoMs(rep.startTMs);
      if (!inClip(startMs)) return;
      const number = repNumber(rep);
      repMarkers.push({
        id: `rep-${s}-${r}`,
        stretchName: stretch.name,
        leg: rep.leg,
        number,
        startMs,
        endMs: Math.min(videoDurationMs, toVideoMs(rep.endTMs)),
        label: `${capitalise(legLabel(rep.leg))}, ${rep.kind === 'hold' ? 'rep' : 'set'} ${number}`,
      });
    });
  });
  faults.sort((a, b) => a.startMs - b.startMs);
  return {
    xS: indexes.map((i) => toVideoMs(record.samples.tMs[i] ?? 0) / 1000),
    charts: charts
      .map((c) => ({ ...c, series: c.series.filter(hasValues) }))
      .filter((c) => c.series.length > 0),
    faults,
    reps: repMarkers,
  };
}

/** The fault marker at or after video time `tMs` (for "next fault"), or null. */
export function nextFault(
  faults: readonly FaultMarker[],
  tMs: number,
  direction: 1 | -1,
): FaultMarker | null {
  // A quarter second either way: "next" from a fault's own start is the one after it.
  const candidates =
    direction === 1
      ? faults.filter((f) => f.startMs > tMs + 250)
      : faults.filter((f) => f.startMs < tMs - 250).reverse();
  return candidates[0] ?? null;
}
