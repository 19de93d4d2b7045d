import { BACK_ROUNDED_ENTER } from '../../src/geometry';
import { fixed, printTable } from '../bench/table';
import { clipOf, folderOf, sourceOf } from './labels';
import { median, quantile, rocAuc, share } from './metrics';
import type { EvalRecord } from './record';

/**
 * A frame counts as a hinge when the near hip is flexed at least this much: rounding is judged
 * bent over, not standing between reps (both labels stand alike).
 */
export const HINGE_MIN_HIP_FLEXION_DEG = 45;

function cell(value: number | null, digits = 0): string {
  return value === null ? '-' : fixed(value, digits);
}

function short(path: string, width: number): string {
  return path.length <= width ? path : `…${path.slice(path.length - width + 1)}`;
}

function chainCell(record: EvalRecord): string {
  return `${record.rawNearChain ? 'y' : 'n'}/${record.nearChain ? 'y' : 'n'}`;
}

export function printImageTable(records: readonly EvalRecord[]): void {
  const images = records.filter((r) => r.timestampMs === null);
  if (images.length === 0) return;
  console.log('\nImages (chain = near-side shoulder-hip-knee-ankle found, raw/pipeline)');
  printTable(
    [
      'file',
      'near',
      'hip°',
      'knee°',
      'knee',
      'rounding',
      'back',
      'conf',
      'position',
      'view',
      'chain',
      'rot',
    ],
    images.map((r) => [
      short(r.file, 52),
      r.nearSide ?? '-',
      cell(r.hipFlexionDeg),
      cell(r.kneeAngleDeg),
      r.kneeState ?? '-',
      r.roundingIndex === null ? '-' : `${fixed(r.roundingIndex, 2)} ${r.roundingMethod ?? ''}`,
      r.backState ?? '-',
      fixed(r.confidence, 2),
      r.orientation ?? '-',
      r.view ?? '-',
      chainCell(r),
      String(r.inferenceRotationDeg),
    ]),
  );
}

export function printFrameTable(records: readonly EvalRecord[]): void {
  const frames = records.filter((r) => r.timestampMs !== null);
  if (frames.length === 0) return;
  console.log('\nVideo frames');
  printTable(
    ['file', 'ms', 'near', 'hip°', 'knee°', 'knee', 'rounding', 'back', 'conf'],
    frames.map((r) => [
      short(r.file, 44),
      String(r.timestampMs),
      r.nearSide ?? '-',
      cell(r.hipFlexionDeg),
      cell(r.kneeAngleDeg),
      r.kneeState ?? '-',
      r.roundingIndex === null ? '-' : `${fixed(r.roundingIndex, 2)} ${r.roundingMethod ?? ''}`,
      r.backState ?? '-',
      fixed(r.confidence, 2),
    ]),
  );
}

function groupBy<K>(
  records: readonly EvalRecord[],
  key: (r: EvalRecord) => K,
): Map<K, EvalRecord[]> {
  const groups = new Map<K, EvalRecord[]>();
  for (const record of records) {
    const k = key(record);
    const list = groups.get(k) ?? [];
    list.push(record);
    groups.set(k, list);
  }
  return groups;
}

function hingeIndices(records: readonly EvalRecord[]): number[] {
  return records
    .filter((r) => r.hipFlexionDeg !== null && r.hipFlexionDeg >= HINGE_MIN_HIP_FLEXION_DEG)
    .flatMap((r) => (r.roundingIndex === null ? [] : [r.roundingIndex]));
}

function hingeValues(
  records: readonly EvalRecord[],
  value: (r: EvalRecord) => number | null,
): number[] {
  return records
    .filter((r) => r.hipFlexionDeg !== null && r.hipFlexionDeg >= HINGE_MIN_HIP_FLEXION_DEG)
    .flatMap((r) => {
      const v = value(r);
      return v === null ? [] : [v];
    });
}

function counts<T extends string>(values: readonly (T | null)[]): string {
  const tally = new Map<string, number>();
  for (const v of values) tally.set(v ?? 'n/a', (tally.get(v ?? 'n/a') ?? 0) + 1);
  return [...tally.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
}

export function printClipTable(records: readonly EvalRecord[]): void {
  const clips = groupBy(
    records.filter((r) => r.timestampMs !== null),
    (r) => r.file,
  );
  if (clips.size === 0) return;
  console.log(
    `\nVideos (hinge = near hip flexed >= ${HINGE_MIN_HIP_FLEXION_DEG}°; rounding over hinge frames)`,
  );
  printTable(
    [
      'clip',
      'label',
      'frames',
      'chain',
      'hip° p50',
      'knee° p50',
      'hinge',
      'rnd p50',
      'rnd p90',
      'rounded',
      'method',
    ],
    [...clips.entries()].map(([file, frames]) => {
      const hinge = hingeIndices(frames);
      const hips = frames.flatMap((r) => (r.hipFlexionDeg === null ? [] : [r.hipFlexionDeg]));
      const knees = frames.flatMap((r) => (r.kneeAngleDeg === null ? [] : [r.kneeAngleDeg]));
      return [
        short(file, 56),
        frames[0]?.label ?? '-',
        String(frames.length),
        share(frames.filter((r) => r.nearChain).length, frames.length),
        fixed(median(hips), 0),
        fixed(median(knees), 0),
        String(hinge.length),
        fixed(median(hinge), 2),
        fixed(quantile(hinge, 0.9), 2),
        share(hinge.filter((i) => i >= BACK_ROUNDED_ENTER).length, hinge.length),
        counts(frames.map((r) => r.roundingMethod)),
      ];
    }),
  );
}

export function printFolderSummary(records: readonly EvalRecord[]): void {
  console.log('\nPer folder');
  const folders = groupBy(records, (r) => folderOf(r.file));
  printTable(
    [
      'folder',
      'records',
      'chain raw',
      'chain pipeline',
      'near side',
      'hip° p50',
      'knee states',
      'back states',
    ],
    [...folders.entries()].map(([folder, rs]) => [
      folder,
      String(rs.length),
      share(rs.filter((r) => r.rawNearChain).length, rs.length),
      share(rs.filter((r) => r.nearChain).length, rs.length),
      share(rs.filter((r) => r.nearSide !== null).length, rs.length),
      fixed(median(rs.flatMap((r) => (r.hipFlexionDeg === null ? [] : [r.hipFlexionDeg]))), 0),
      counts(rs.map((r) => r.kneeState)),
      counts(rs.map((r) => r.backState)),
    ]),
  );
  const images = records.filter((r) => r.timestampMs === null);
  if (images.length > 0) {
    console.log(
      `\nNear-side chain on still images: raw ${share(images.filter((r) => r.rawNearChain).length, images.length)}, pipeline ${share(images.filter((r) => r.nearChain).length, images.length)}`,
    );
  }
}

/**
 * How well the rounding index separates rounded-back from correct hinges: frame-level ROC AUC
 * over hinge frames, and per clip (a clip reads rounded when its median hinge index reaches the
 * rounded threshold, 1 by construction of the index: nothing is fitted here).
 */
export function printRoundingSeparation(records: readonly EvalRecord[]): void {
  const labelled = records.filter((r) => r.label !== null);
  if (labelled.length === 0) return;
  const by = (label: string): number[] => hingeIndices(labelled.filter((r) => r.label === label));
  const rounded = by('rounded');
  const correct = by('correct');
  const bad = by('bad');
  console.log('\nRounding index: rounded-back vs correct hinges');
  console.log(
    `  frames: rounded ${rounded.length}, correct ${correct.length}, bad (fault unnamed) ${bad.length}`,
  );
  console.log(`  frame AUC rounded vs correct:          ${fixed(rocAuc(rounded, correct), 3)}`);
  console.log(
    `  frame AUC rounded+bad vs correct:      ${fixed(rocAuc([...rounded, ...bad], correct), 3)}`,
  );
  printSeparationBySource(labelled);
  const clips = groupBy(labelled, (r) => clipOf(r.file));
  const rows: string[][] = [];
  let right = 0;
  let judged = 0;
  let rightStrict = 0;
  let judgedStrict = 0;
  for (const [clip, rs] of clips) {
    const hinge = hingeIndices(rs);
    if (hinge.length === 0) {
      rows.push([clip, rs[0]?.label ?? '-', '0', '-', 'no hinge frames']);
      continue;
    }
    const score = median(hinge);
    const verdict = score >= BACK_ROUNDED_ENTER ? 'rounded' : 'flat';
    const label = rs[0]?.label;
    const ok = (label === 'correct') === (verdict === 'flat');
    judged++;
    if (ok) right++;
    if (label !== 'bad') {
      judgedStrict++;
      if (ok) rightStrict++;
    }
    rows.push([
      clip,
      label ?? '-',
      String(hinge.length),
      fixed(score, 2),
      verdict,
      ok ? 'agrees' : 'DISAGREES',
    ]);
  }
  printTable(['clip', 'label', 'hinge frames', 'median index', 'verdict', ''], rows);
  console.log(
    `  per-clip accuracy, rounded vs correct: ${share(rightStrict, judgedStrict)}; including 'bad' as faulty: ${share(right, judged)}`,
  );
}

/**
 * Frame AUC within each source, for the rounding index and for the trunk chord's shortening
 * against the calibrated upright trunk (DESIGN.md §3 (b)). Within one source (one lifter, one
 * camera) a measure can rank rounded above correct frames even when its level differs from the
 * other sources', which the pooled AUC mixes up. The chord needs upright frames earlier in the
 * file to be calibrated, so it is missing where a clip starts bent over.
 */
function printSeparationBySource(labelled: readonly EvalRecord[]): void {
  const measures: readonly [string, (r: EvalRecord) => number | null][] = [
    ['index', (r) => r.roundingIndex],
    ['chord', (r) => r.trunkChordShortening],
  ];
  const rows = [...groupBy(labelled, (r) => sourceOf(r.file))].map(([source, rs]) => {
    const cells = measures.flatMap(([, value]) => {
      const of = (label: string) =>
        hingeValues(
          rs.filter((r) => r.label === label),
          value,
        );
      const [rounded, bad, correct] = [of('rounded'), of('bad'), of('correct')];
      return [
        `${rounded.length}/${bad.length}/${correct.length}`,
        fixed(rocAuc(rounded, correct), 2),
        fixed(rocAuc([...rounded, ...bad], correct), 2),
      ];
    });
    return [source, ...cells];
  });
  printTable(
    [
      'source',
      'index frames r/bad/c',
      'AUC r vs c',
      'AUC r+bad vs c',
      'chord frames r/bad/c',
      'AUC r vs c',
      'AUC r+bad vs c',
    ],
    rows,
  );
}

export function printKneeOnFolds(records: readonly EvalRecord[]): void {
  const folds = records.filter((r) => r.file.includes('forward_fold'));
  if (folds.length === 0) return;
  console.log(
    `\nKnee states on forward folds (near leg): ${counts(folds.map((r) => r.kneeState))}`,
  );
  const angles = folds.flatMap((r) => (r.kneeAngleDeg === null ? [] : [r.kneeAngleDeg]));
  console.log(
    `  knee angle p10 ${fixed(quantile(angles, 0.1), 0)}°, p50 ${fixed(median(angles), 0)}°, p90 ${fixed(quantile(angles, 0.9), 0)}°`,
  );
}
