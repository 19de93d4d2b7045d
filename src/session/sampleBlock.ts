import type { BodyMeasures, KneeState, Measured, RoundingMethod, Side } from '../geometry/measures';

/**
 * Kept measure samples, stored by column: one array per measure, all the same length. Columns
 * are what the charts draw (uPlot takes one array per series) and they serialise to about a
 * third of the size of one object per sample, because the keys are written once.
 *
 * Angles are kept to 0.1 degree and the rounding index to 0.01: finer than geometry's smoothed
 * measures are steady (they wobble 1-3 degrees holding still; see protocol/stretches), and the
 * shorter numbers halve the stored size. A null is a measure that was not available.
 */

/** Numeric columns, each `(number | null)[]`. */
export const NUMBER_COLUMNS = [
  'hipFlexionLeftDeg',
  'hipFlexionRightDeg',
  'legRaiseLeftDeg',
  'legRaiseRightDeg',
  'kneeAngleLeftDeg',
  'kneeAngleRightDeg',
  'ankleFlexionLeftDeg',
  'ankleFlexionRightDeg',
  'neckFlexionDeg',
  'trunkInclinationDeg',
  'roundingIndex',
] as const;
export type NumberColumn = (typeof NUMBER_COLUMNS)[number];

/** One kept frame. */
export type MeasureSample = {
  /** Session time. */
  readonly tMs: number;
  readonly personFound: boolean;
  readonly workingLeg: Side | null;
  readonly nearSide: Side | null;
  readonly kneeStateLeft: KneeState | null;
  readonly kneeStateRight: KneeState | null;
  readonly roundingMethod: RoundingMethod | null;
} & { readonly [K in NumberColumn]: number | null };

type Columns<T> = { readonly [K in keyof T]: readonly T[K][] };

/** Samples by column; every column has `tMs.length` entries. */
export type SampleBlock = Columns<MeasureSample>;

export const SAMPLE_COLUMNS = [
  'tMs',
  'personFound',
  'workingLeg',
  'nearSide',
  'kneeStateLeft',
  'kneeStateRight',
  'roundingMethod',
  ...NUMBER_COLUMNS,
] as const satisfies readonly (keyof MeasureSample)[];

export const EMPTY_SAMPLES: SampleBlock = Object.freeze(
  Object.fromEntries(SAMPLE_COLUMNS.map((column) => [column, Object.freeze([])])),
) as unknown as SampleBlock;

export function sampleCount(block: SampleBlock): number {
  return block.tMs.length;
}

/** Rounded to `decimals` places; dividing the rounded integer prints short (70.3, not 70.30000000000001). */
function roundTo(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  return Math.round(value * scale) / scale;
}

/** Non-finite values (never expected from geometry) are kept as missing: JSON has no NaN. */
function angle(measured: Measured<number>): number | null {
  return measured.value === null || !Number.isFinite(measured.value)
    ? null
    : roundTo(measured.value, 1);
}

function value<T>(measured: Measured<T>): T | null {
  return measured.value;
}

/** The sample to keep of one frame, at session time `tMs`. */
export function sampleFromMeasures(measures: BodyMeasures, tMs: number): MeasureSample {
  const rounding = measures.rounding.value;
  return {
    tMs,
    personFound: measures.personFound,
    workingLeg: value(measures.workingLeg),
    nearSide: value(measures.nearSide),
    kneeStateLeft: value(measures.kneeState.left),
    kneeStateRight: value(measures.kneeState.right),
    roundingMethod: rounding?.method ?? null,
    hipFlexionLeftDeg: angle(measures.hipFlexionDeg.left),
    hipFlexionRightDeg: angle(measures.hipFlexionDeg.right),
    legRaiseLeftDeg: angle(measures.legRaiseDeg.left),
    legRaiseRightDeg: angle(measures.legRaiseDeg.right),
    kneeAngleLeftDeg: angle(measures.kneeAngleDeg.left),
    kneeAngleRightDeg: angle(measures.kneeAngleDeg.right),
    ankleFlexionLeftDeg: angle(measures.ankleFlexionDeg.left),
    ankleFlexionRightDeg: angle(measures.ankleFlexionDeg.right),
    neckFlexionDeg: angle(measures.neckFlexionDeg),
    trunkInclinationDeg: angle(measures.trunkInclinationDeg),
    roundingIndex:
      rounding === null || !Number.isFinite(rounding.index) ? null : roundTo(rounding.index, 2),
  };
}

/** A new block with `sample` appended (the input is not changed). */
export function appendSample(block: SampleBlock, sample: MeasureSample): SampleBlock {
  const next: Record<string, readonly unknown[]> = {};
  for (const column of SAMPLE_COLUMNS) next[column] = [...block[column], sample[column]];
  return next as unknown as SampleBlock;
}

/** The blocks joined end to end. */
export function concatSamples(blocks: readonly SampleBlock[]): SampleBlock {
  const nonEmpty = blocks.filter((b) => sampleCount(b) > 0);
  if (nonEmpty.length === 0) return EMPTY_SAMPLES;
  if (nonEmpty.length === 1 && nonEmpty[0] !== undefined) return nonEmpty[0];
  const next: Record<string, readonly unknown[]> = {};
  for (const column of SAMPLE_COLUMNS)
    next[column] = nonEmpty.flatMap((b): readonly unknown[] => b[column]);
  return next as unknown as SampleBlock;
}

/** The `index`-th sample as one object. */
export function sampleAt(block: SampleBlock, index: number): MeasureSample | undefined {
  if (index < 0 || index >= sampleCount(block)) return undefined;
  const row: Record<string, unknown> = {};
  for (const column of SAMPLE_COLUMNS) row[column] = block[column][index];
  return row as MeasureSample;
}

/** Indexes of the samples with `fromMs <= tMs < toMs` (tMs is non-decreasing). */
export function sampleRange(block: SampleBlock, fromMs: number, toMs: number): [number, number] {
  return [lowerBound(block.tMs, fromMs), lowerBound(block.tMs, toMs)];
}

function lowerBound(values: readonly number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] ?? Infinity) < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
