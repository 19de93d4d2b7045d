/**
 * `npx tsx scripts/eval/compare.ts A.json B.json`: how far two `npm run eval -- --json` outputs
 * agree on the same files and frames (one model against another, or upright images against the
 * same images turned 90° with `--rotate90`). The eval set has no reference keypoints for its
 * photos, so this is the nearest thing to an angle error it can give: two independent readings
 * of one body, whose difference bounds what either can be trusted to.
 */
import { readFileSync } from 'node:fs';
import { fixed, printTable } from '../bench/table';
import { median, quantile, share } from './metrics';
import type { EvalRecord } from './record';

type Compared = Pick<
  EvalRecord,
  'file' | 'timestampMs' | 'nearSide' | 'hipFlexionDeg' | 'kneeAngleDeg' | 'kneeState' | 'backState'
>;

function load(path: string): Map<string, Compared> {
  const records = JSON.parse(readFileSync(path, 'utf8')) as Compared[];
  return new Map(records.map((r) => [`${r.file}@${String(r.timestampMs)}`, r]));
}

function differenceRow(name: string, differences: readonly number[]): string[] {
  const absolute = differences.map(Math.abs);
  return [
    name,
    String(differences.length),
    fixed(median(differences), 1),
    fixed(median(absolute), 1),
    fixed(quantile(absolute, 0.9), 1),
    share(absolute.filter((d) => d <= 5).length, absolute.length),
  ];
}

function main(): void {
  const [pathA, pathB] = process.argv.slice(2);
  if (pathA === undefined || pathB === undefined) {
    throw new Error('Usage: npx tsx scripts/eval/compare.ts A.json B.json');
  }
  const a = load(pathA);
  const b = load(pathB);
  for (const kind of ['images', 'video frames'] as const) {
    const pairs = [...a.entries()].flatMap(([key, ra]) => {
      const rb = b.get(key);
      const isImage = ra.timestampMs === null;
      return rb !== undefined && isImage === (kind === 'images') ? [[ra, rb] as const] : [];
    });
    if (pairs.length === 0) continue;
    const sided = pairs.filter(([ra, rb]) => ra.nearSide !== null && rb.nearSide !== null);
    const sameSide = sided.filter(([ra, rb]) => ra.nearSide === rb.nearSide);
    const diff = (f: (r: Compared) => number | null): number[] =>
      sameSide.flatMap(([ra, rb]) => {
        const x = f(ra);
        const y = f(rb);
        return x === null || y === null ? [] : [y - x];
      });
    const agreeing = (f: (r: Compared) => string | null): string => {
      const both = sameSide.filter(([ra, rb]) => f(ra) !== null && f(rb) !== null);
      return share(both.filter(([ra, rb]) => f(ra) === f(rb)).length, both.length);
    };
    console.log(
      `\n${kind}: ${pairs.length} in both; same near side ${share(sameSide.length, sided.length)}`,
    );
    printTable(
      ['B - A', 'pairs', 'median', '|d| p50', '|d| p90', 'within 5°'],
      [
        differenceRow(
          'hip flexion °',
          diff((r) => r.hipFlexionDeg),
        ),
        differenceRow(
          'knee angle °',
          diff((r) => r.kneeAngleDeg),
        ),
      ],
    );
    console.log(
      `  same knee state ${agreeing((r) => r.kneeState)}; same back state ${agreeing((r) => r.backState)}`,
    );
  }
}

main();
