import type { KneeState, RoundingMethod, Side } from '../geometry/measures';
import type { NumberColumn, SampleBlock } from './sampleBlock';
import { sampleRange } from './sampleBlock';
import type { DepthMeasure, ReportLeg } from './sessionRecord';

/** Statistics of kept samples over time windows: what the report tables show per rep. */

/** A half-open window of session time, [startTMs, endTMs). */
export interface TimeWindow {
  readonly startTMs: number;
  readonly endTMs: number;
}

export interface ValueStats {
  readonly min: number | null;
  readonly max: number | null;
  readonly mean: number | null;
  /** Samples that had a value. */
  readonly count: number;
}

const NO_STATS: ValueStats = { min: null, max: null, mean: null, count: 0 };

const LEG_COLUMNS = {
  hipFlexionDeg: { left: 'hipFlexionLeftDeg', right: 'hipFlexionRightDeg' },
  legRaiseDeg: { left: 'legRaiseLeftDeg', right: 'legRaiseRightDeg' },
  kneeAngleDeg: { left: 'kneeAngleLeftDeg', right: 'kneeAngleRightDeg' },
} as const satisfies Record<string, Record<Side, NumberColumn>>;
export type LegMeasure = keyof typeof LEG_COLUMNS;

export function legColumn(measure: LegMeasure, side: Side): NumberColumn {
  return LEG_COLUMNS[measure][side];
}

/**
 * The side whose values stand for `leg` at sample `i`: that side for a one-leg rep; for a
 * both-legs rep the leg nearer the camera (whose joints the model sees best, as the protocol
 * reads it), else the working leg, else left.
 */
export function sideAt(block: SampleBlock, i: number, leg: ReportLeg): Side {
  if (leg !== 'both') return leg;
  return block.nearSide[i] ?? block.workingLeg[i] ?? 'left';
}

/** The value of a per-leg measure for `leg` at sample `i`. */
export function legValueAt(
  block: SampleBlock,
  i: number,
  measure: LegMeasure,
  leg: ReportLeg,
): number | null {
  return block[legColumn(measure, sideAt(block, i, leg))][i] ?? null;
}

function statsOf(values: Iterable<number | null>): ValueStats {
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  let count = 0;
  for (const value of values) {
    if (value === null) continue;
    min = Math.min(min, value);
    max = Math.max(max, value);
    sum += value;
    count++;
  }
  return count === 0 ? NO_STATS : { min, max, mean: sum / count, count };
}

/** The sample indexes inside any of `windows` (sorted, non-overlapping). */
export function* indexesIn(block: SampleBlock, windows: readonly TimeWindow[]): Generator<number> {
  for (const window of windows) {
    const [from, to] = sampleRange(block, window.startTMs, window.endTMs);
    for (let i = from; i < to; i++) yield i;
  }
}

export function legStats(
  block: SampleBlock,
  windows: readonly TimeWindow[],
  measure: LegMeasure,
  leg: ReportLeg,
): ValueStats {
  return statsOf(mapIndexes(indexesIn(block, windows), (i) => legValueAt(block, i, measure, leg)));
}

export function columnStats(
  block: SampleBlock,
  windows: readonly TimeWindow[],
  column: NumberColumn,
): ValueStats {
  return statsOf(mapIndexes(indexesIn(block, windows), (i) => block[column][i] ?? null));
}

function* mapIndexes<T>(indexes: Iterable<number>, f: (i: number) => T): Generator<T> {
  for (const i of indexes) yield f(i);
}

/** How often each value occurred, most frequent first; ties keep first-seen order. */
function frequencies<T>(values: Iterable<T | null>): { value: T; share: number }[] {
  const counts = new Map<T, number>();
  let total = 0;
  for (const value of values) {
    if (value === null) continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
    total++;
  }
  return [...counts]
    .map(([value, count]) => ({ value, share: count / total }))
    .sort((a, b) => b.share - a.share);
}

export interface KneeStateShare {
  readonly state: KneeState;
  /** 0..1 of the samples where the knee state was known. */
  readonly share: number;
}

export function kneeStates(
  block: SampleBlock,
  windows: readonly TimeWindow[],
  leg: ReportLeg,
): KneeStateShare[] {
  const states = mapIndexes(indexesIn(block, windows), (i) => {
    const side = sideAt(block, i, leg);
    return (side === 'left' ? block.kneeStateLeft[i] : block.kneeStateRight[i]) ?? null;
  });
  return frequencies(states).map(({ value, share }) => ({ state: value, share }));
}

export function mostCommonRoundingMethod(
  block: SampleBlock,
  windows: readonly TimeWindow[],
): RoundingMethod | null {
  const methods = mapIndexes(indexesIn(block, windows), (i) => block.roundingMethod[i] ?? null);
  return frequencies(methods)[0]?.value ?? null;
}

/**
 * A rep's peak is the 90th percentile of its held-in-form frames, not their maximum: the depth
 * the person reached and kept for at least a tenth of the hold (2-3 s of a 20-30 s hold). A
 * single frame where the model misplaced a hip or shoulder, or the moment of an overreach, moves
 * a maximum by tens of degrees and this by nothing.
 */
export const PEAK_PERCENTILE = 0.9;

/** Depth over the frames held in form: the robust peak and the mean, with how many frames. */
export interface HeldDepth {
  readonly peakDeg: number | null;
  readonly meanDeg: number | null;
  readonly frames: number;
}

/** The value at quantile `q` (0..1) of `values`, linearly interpolated; null when empty. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const below = sorted[Math.floor(at)] ?? 0;
  const above = sorted[Math.ceil(at)] ?? below;
  return below + (above - below) * (at - Math.floor(at));
}

export function heldDepth(
  block: SampleBlock,
  heldWindows: readonly TimeWindow[],
  measure: DepthMeasure,
  leg: ReportLeg,
): HeldDepth {
  const values: number[] = [];
  for (const i of indexesIn(block, heldWindows)) {
    const value = legValueAt(block, i, measure, leg);
    if (value !== null) values.push(value);
  }
  const mean = values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
  return { peakDeg: quantile(values, PEAK_PERCENTILE), meanDeg: mean, frames: values.length };
}

/**
 * The parts of `windows` outside every one of `spans` (each [startTMs, startTMs + durationMs)):
 * the in-position time with the fault periods cut out.
 */
export function withoutSpans(
  windows: readonly TimeWindow[],
  spans: readonly { readonly startTMs: number; readonly durationMs: number }[],
): TimeWindow[] {
  let kept = [...windows];
  for (const span of spans) {
    const cutFrom = span.startTMs;
    const cutTo = span.startTMs + span.durationMs;
    kept = kept.flatMap((w) => {
      if (cutTo <= w.startTMs || cutFrom >= w.endTMs) return [w];
      const parts: TimeWindow[] = [];
      if (cutFrom > w.startTMs) parts.push({ startTMs: w.startTMs, endTMs: cutFrom });
      if (cutTo < w.endTMs) parts.push({ startTMs: cutTo, endTMs: w.endTMs });
      return parts;
    });
  }
  return kept;
}

/** The parts of `windows` inside `outer`. */
export function clipWindows(windows: readonly TimeWindow[], outer: TimeWindow): TimeWindow[] {
  return windows
    .map((w) => ({
      startTMs: Math.max(w.startTMs, outer.startTMs),
      endTMs: Math.min(w.endTMs, outer.endTMs),
    }))
    .filter((w) => w.endTMs > w.startTMs);
}
