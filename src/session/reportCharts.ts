import type { Side } from '../geometry/measures';
import type { ChartedMeasure, ValueAxis } from './reportDefinitions';
import { valueAxis } from './reportDefinitions';
import type { FormAspect } from '../protocol';
import type { NumberColumn } from './sampleBlock';
import { sampleRange } from './sampleBlock';
import { legValueAt } from './reportMeasures';
import type { LegMeasure } from './reportMeasures';
import {
  capitalise,
  depthLabel,
  faultLabel,
  formatClock,
  formatDegrees,
  formatIndex,
} from './reportFormat';
import type { FaultSpan, StretchReport } from './reportTypes';
import type { SessionRecord } from './sessionRecord';

/**
 * What the report's charts draw, per stretch: the kept measures over session time, and the
 * faults as shaded bands. Pure data; the UI hands it to uPlot.
 */

export type ChartUnit = 'deg' | 'index';

export interface ChartSeries {
  readonly label: string;
  /** Which line this is, for its colour: the left leg, the right leg, or one body line. */
  readonly role: 'left' | 'right' | 'body';
  readonly values: readonly (number | null)[];
}

export interface ChartBand {
  readonly startS: number;
  readonly endS: number;
  readonly label: string;
  /** Faults that stopped the hold timer are drawn stronger. */
  readonly gatesHold: boolean;
}

export interface ChartData {
  /** Unique within a report. */
  readonly id: string;
  readonly title: string;
  readonly unit: ChartUnit;
  /** The fixed value axis (reportDefinitions.ts) and what the chart measures. */
  readonly axis: ValueAxis;
  readonly measure: ChartedMeasure;
  /** Session time in seconds. */
  readonly xS: readonly number[];
  readonly series: readonly ChartSeries[];
  readonly bands: readonly ChartBand[];
  /** The chart in words, for screen readers (the tables hold the full numbers). */
  readonly description: string;
}

/** Which chart shows a fault: back-related faults on the rounding chart, and so on. */
function chartForAspect(aspect: FormAspect | 'safety' | null): 'depth' | 'knee' | 'rounding' {
  if (aspect === 'back' || aspect === 'head' || aspect === 'trunk') return 'rounding';
  if (aspect === 'knee') return 'knee';
  return 'depth';
}

function faultsOf(stretch: StretchReport): FaultSpan[] {
  return [...stretch.reps.flatMap((r) => r.faults), ...stretch.otherFaults];
}

function band(fault: FaultSpan): ChartBand {
  return {
    startS: fault.startTMs / 1000,
    endS: (fault.startTMs + fault.durationMs) / 1000,
    label: faultLabel(fault.fault),
    gatesHold: fault.gatesHold,
  };
}

function hasValues(values: readonly (number | null)[]): boolean {
  return values.some((v) => v !== null);
}

function peakOf(values: readonly (number | null)[]): number | null {
  let peak: number | null = null;
  for (const v of values) if (v !== null && (peak === null || v > peak)) peak = v;
  return peak;
}

interface Slice {
  readonly record: SessionRecord;
  readonly from: number;
  readonly to: number;
}

function column(slice: Slice, name: NumberColumn): (number | null)[] {
  return slice.record.samples[name].slice(slice.from, slice.to);
}

/**
 * Whether sample `i` belongs on `side`'s line: during a rep, only the rep's leg (the other leg
 * is the standing or resting one, whose angles would only clutter the chart); between reps, the
 * leg geometry saw working (both when it could not tell).
 */
function onSideLine(slice: Slice, stretch: StretchReport, i: number, side: Side): boolean {
  const tMs = slice.record.samples.tMs[i] ?? 0;
  const rep = stretch.reps.find((r) => tMs >= r.startTMs && tMs <= r.endTMs);
  if (rep !== undefined) return rep.leg === side;
  const working = slice.record.samples.workingLeg[i] ?? null;
  return working === null || working === side;
}

/** A per-leg measure as one or two lines: left and right, or the near leg for both-legs. */
function legSeries(
  slice: Slice,
  stretch: StretchReport,
  measure: LegMeasure,
  label: string,
): ChartSeries[] {
  if (stretch.info?.legs === 'both-legs' || stretch.legs.includes('both')) {
    const values: (number | null)[] = [];
    for (let i = slice.from; i < slice.to; i++)
      values.push(legValueAt(slice.record.samples, i, measure, 'both'));
    return [{ label: `${label} (leg nearer the camera)`, role: 'body', values }];
  }
  return (['left', 'right'] as const).map((side) => {
    const values: (number | null)[] = [];
    for (let i = slice.from; i < slice.to; i++)
      values.push(
        onSideLine(slice, stretch, i, side)
          ? legValueAt(slice.record.samples, i, measure, side)
          : null,
      );
    return { label: `${label}, ${side} leg`, role: side, values };
  });
}

function describe(
  title: string,
  xS: readonly number[],
  series: readonly ChartSeries[],
  bands: number,
  unit: ChartUnit,
  axis: ValueAxis,
): string {
  const span = `${formatClock((xS[0] ?? 0) * 1000)} to ${formatClock((xS.at(-1) ?? 0) * 1000)}`;
  const peaks = series
    .map(
      (s) =>
        `${s.label} peaks at ${unit === 'deg' ? formatDegrees(peakOf(s.values)) : formatIndex(peakOf(s.values))}`,
    )
    .join('; ');
  const shaded =
    bands === 0
      ? 'No fault periods.'
      : `${bands} fault ${bands === 1 ? 'period is' : 'periods are'} shaded.`;
  const scale = `Scale ${axis.min}${axis.unit} to ${axis.max}${axis.unit}.`;
  return `${title} from ${span}. ${scale} ${peaks}. ${shaded}`;
}

function chart(
  id: string,
  title: string,
  measure: ChartedMeasure,
  xS: readonly number[],
  series: readonly ChartSeries[],
  bands: readonly ChartBand[],
): ChartData | null {
  const drawn = series.filter((s) => hasValues(s.values));
  if (drawn.length === 0 || xS.length === 0) return null;
  const unit: ChartUnit = measure === 'roundingIndex' ? 'index' : 'deg';
  const axis = valueAxis(
    measure,
    drawn.flatMap((s) => s.values),
  );
  return {
    id,
    title,
    unit,
    axis,
    measure,
    xS,
    series: drawn,
    bands,
    description: describe(title, xS, drawn, bands.length, unit, axis),
  };
}

/** The charts of one stretch run (`index`: its position in the report, for unique ids). */
export function stretchCharts(
  record: SessionRecord,
  stretch: StretchReport,
  index: number,
): ChartData[] {
  const [from, to] = sampleRange(record.samples, stretch.startTMs, stretch.endTMs + 1);
  const slice: Slice = { record, from, to };
  const xS = record.samples.tMs.slice(from, to).map((t) => t / 1000);
  const faults = faultsOf(stretch);
  const bandsFor = (which: 'depth' | 'knee' | 'rounding') =>
    faults.filter((f) => chartForAspect(f.aspect) === which).map(band);
  const id = (what: string) => `stretch-${index}-${what}`;
  const charts: (ChartData | null)[] = [];
  if (stretch.kind === 'hold') {
    const measure = stretch.info?.depthMeasure ?? 'hipFlexionDeg';
    const label = depthLabel(measure);
    charts.push(
      chart(
        id('depth'),
        `${capitalise(label)} angle`,
        measure,
        xS,
        legSeries(slice, stretch, measure, capitalise(label)),
        bandsFor('depth'),
      ),
      chart(
        id('knee'),
        'Knee angle',
        'kneeAngleDeg',
        xS,
        legSeries(slice, stretch, 'kneeAngleDeg', 'Knee'),
        bandsFor('knee'),
      ),
      chart(
        id('rounding'),
        'Back rounding index',
        'roundingIndex',
        xS,
        [{ label: 'Rounding index', role: 'body', values: column(slice, 'roundingIndex') }],
        bandsFor('rounding'),
      ),
    );
  } else {
    charts.push(
      chart(
        id('neck'),
        'Neck and ankle',
        'neckAnkleDeg',
        xS,
        [
          { label: 'Neck flexion', role: 'body', values: column(slice, 'neckFlexionDeg') },
          { label: 'Ankle, left', role: 'left', values: column(slice, 'ankleFlexionLeftDeg') },
          { label: 'Ankle, right', role: 'right', values: column(slice, 'ankleFlexionRightDeg') },
        ],
        faults.map(band),
      ),
    );
  }
  return charts.filter((c): c is ChartData => c !== null);
}
