import type { ClipScore, RepTally } from './coachScore';

/**
 * Sums clip scores into groups (per stretch, person, camera, all) and prints them as tables.
 * Pure apart from `printCoachTables`, which writes to the console.
 */

export interface GroupSummary {
  readonly group: string;
  readonly clips: number;
  readonly bodyFoundPct: number | null;
  readonly hipMedianDeg: number | null;
  readonly hipP95Deg: number | null;
  readonly kneeMedianDeg: number | null;
  readonly kneeP95Deg: number | null;
  readonly workingLegPct: number | null;
  readonly nearSidePct: number | null;
  /** Scripted form faults voiced during their span, and those voiced within 1.5 s of onset. */
  readonly faults: number;
  readonly faultsVoiced: number;
  readonly faultsWithin1500Ms: number;
  readonly latencyMedianMs: number | null;
  readonly falseCues: number;
  readonly cleanMinutes: number;
  readonly heldTruthS: number;
  readonly heldMeasuredS: number;
  /** Clips whose reps, sets, leg switches and glide reps all match the script. */
  readonly doseExact: number;
  readonly bounces: number;
  readonly bouncesFound: number;
}

/** Nearest-rank quantile of `values` (0..1); null for none. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? null;
}

const pct = (part: number, whole: number): number | null =>
  whole === 0 ? null : (100 * part) / whole;

const exact = (t: RepTally): boolean => t.truth === t.measured;

/** The goal of 1.5 s from a fault's onset to its cue (issue #16). */
export const FAULT_CUE_GOAL_MS = 1_500;

export function summarise(group: string, scores: readonly ClipScore[]): GroupSummary {
  const sum = (f: (s: ClipScore) => number): number => scores.reduce((n, s) => n + f(s), 0);
  const hip = scores.flatMap((s) => s.hipErrorsDeg);
  const knee = scores.flatMap((s) => s.kneeErrorsDeg);
  const faults = scores.flatMap((s) => s.faults);
  const latencies = faults.flatMap((f) => (f.latencyMs === null ? [] : [f.latencyMs]));
  return {
    group,
    clips: scores.length,
    bodyFoundPct: pct(
      sum((s) => s.bodyFound),
      sum((s) => s.bodyFrames),
    ),
    hipMedianDeg: quantile(hip, 0.5),
    hipP95Deg: quantile(hip, 0.95),
    kneeMedianDeg: quantile(knee, 0.5),
    kneeP95Deg: quantile(knee, 0.95),
    workingLegPct: pct(
      sum((s) => s.workingLegRight),
      sum((s) => s.workingLegFrames),
    ),
    nearSidePct: pct(
      sum((s) => s.nearSideRight),
      sum((s) => s.nearSideFrames),
    ),
    faults: faults.length,
    faultsVoiced: latencies.length,
    faultsWithin1500Ms: latencies.filter((ms) => ms <= FAULT_CUE_GOAL_MS).length,
    latencyMedianMs: quantile(latencies, 0.5),
    falseCues: sum((s) => s.falseCues.length),
    cleanMinutes: sum((s) => s.cleanStretchingMs) / 60_000,
    heldTruthS: sum((s) => s.heldInFormMs.truth) / 1000,
    heldMeasuredS: sum((s) => s.heldInFormMs.measured) / 1000,
    doseExact: scores.filter(
      (s) => exact(s.reps) && exact(s.sets) && exact(s.legSwitches) && exact(s.glideReps),
    ).length,
    bounces: sum((s) => s.bounces.scripted),
    bouncesFound: sum((s) => s.bounces.found),
  };
}

/** Groups by a key (stretch, person, camera), in first-seen order, plus one for all. */
export function groupScores(
  scores: readonly ClipScore[],
  key: (s: ClipScore) => string,
): GroupSummary[] {
  const groups = new Map<string, ClipScore[]>();
  for (const score of scores) {
    const name = key(score);
    groups.set(name, [...(groups.get(name) ?? []), score]);
  }
  return [...groups].map(([name, members]) => summarise(name, members));
}

const num = (v: number | null, digits = 1): string => (v === null ? '-' : v.toFixed(digits));

function row(s: GroupSummary): string[] {
  const perFiveMin = s.cleanMinutes > 0 ? (s.falseCues / s.cleanMinutes) * 5 : null;
  return [
    s.group,
    String(s.clips),
    num(s.bodyFoundPct),
    `${num(s.hipMedianDeg)}/${num(s.hipP95Deg)}`,
    `${num(s.kneeMedianDeg)}/${num(s.kneeP95Deg)}`,
    num(s.workingLegPct),
    num(s.nearSidePct),
    `${s.faultsWithin1500Ms}/${s.faultsVoiced}/${s.faults}`,
    num(s.latencyMedianMs === null ? null : s.latencyMedianMs / 1000),
    `${s.falseCues} (${num(perFiveMin, 2)})`,
    `${s.heldMeasuredS.toFixed(0)}/${s.heldTruthS.toFixed(0)}`,
    `${s.doseExact}/${s.clips}`,
    `${s.bouncesFound}/${s.bounces}`,
  ];
}

const HEADER = [
  'group',
  'clips',
  'body%',
  'hip|raise° p50/p95',
  'knee° p50/p95',
  'work leg%',
  'near%',
  'faults ≤1.5s/voiced/all',
  'lat p50 s',
  'false cues (/5 clean min)',
  'held s app/truth',
  'dose exact',
  'bounces',
];

function printTable(title: string, rows: readonly string[][]): void {
  const widths = HEADER.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(`\n${title}`);
  console.log(line(HEADER));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
}

/** Per clip, then per stretch, person and camera, then all clips. */
export function printCoachTables(model: string, scores: readonly ClipScore[]): void {
  printTable(
    `Coach eval, model ${model}: per clip`,
    scores.map((s) => row(summarise(s.clip, [s]))),
  );
  printTable('Per stretch', groupScores(scores, (s) => s.stretch).map(row));
  printTable('Per person', groupScores(scores, (s) => s.person).map(row));
  printTable('Per camera', groupScores(scores, (s) => s.camera).map(row));
  printTable('All clips', [row(summarise('all', scores))]);
  const unvoiced = scores.flatMap((s) =>
    s.faults
      .filter((f) => f.latencyMs === null)
      .map((f) => `${s.clip} ${f.id}@${(f.onsetMs / 1000).toFixed(1)}s`),
  );
  if (unvoiced.length > 0) console.log(`\nScripted faults not voiced: ${unvoiced.join(', ')}`);
  const falseCues = scores.flatMap((s) =>
    s.falseCues.map((c) => `${s.clip} ${c.cueKey}@${(c.atMs / 1000).toFixed(1)}s`),
  );
  if (falseCues.length > 0) console.log(`False fault cues: ${falseCues.join(', ')}`);
}
