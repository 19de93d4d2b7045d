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

/** Depth measure values for `leg` (hip hinge, or leg raise for the strap stretch). */
export function depthStats(
  block: SampleBlock,
  windows: readonly TimeWindow[],
  measure: DepthMeasure,
  leg: ReportLeg,
): ValueStats {
  return legStats(block, windows, measure, leg);
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
