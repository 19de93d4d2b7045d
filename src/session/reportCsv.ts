import type { RepReport, SessionReport, StretchReport } from './reportTypes';

/**
 * The CSV export: one row per rep (per set for a nerve glide), for a spreadsheet. Times in
 * seconds with one decimal, angles to 0.1 degree. Pure.
 */

export const CSV_COLUMNS = [
  'session_id',
  'session_start_utc',
  'client',
  'stretch_id',
  'stretch',
  'kind',
  'leg',
  'rep',
  'start_s',
  'held_in_form_s',
  'target_s',
  'total_s',
  'completed',
  'interrupted',
  'breaks',
  'depth_measure',
  'peak_deg',
  'mean_deg',
  'knee_min_deg',
  'knee_max_deg',
  'knee_state',
  'rounding_mean',
  'rounding_max',
  'rounding_method',
  'fault_count',
  'fault_s',
  'faults',
  'bounces',
  'glide_reps',
  'glide_target_reps',
  'cues',
] as const;

type Cell = string | number | boolean | null;

const seconds = (ms: number | null): Cell => (ms === null ? null : Math.round(ms / 100) / 10);
const tenth = (value: number | null): Cell => (value === null ? null : Math.round(value * 10) / 10);
const hundredth = (value: number | null): Cell =>
  value === null ? null : Math.round(value * 100) / 100;

/**
 * One cell, quoted when it must be. Text that a spreadsheet would run as a formula (starting
 * with = + - @, tab or return) gets a leading apostrophe: names in an imported file are not
 * trusted (OWASP "CSV injection").
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function repRow(report: SessionReport, stretch: StretchReport, rep: RepReport): Cell[] {
  const hold = rep.kind === 'hold' ? rep : null;
  const glide = rep.kind === 'glide' ? rep : null;
  const faultMs = rep.faults.reduce((sum, f) => sum + f.durationMs, 0);
  const faults = rep.faults
    .map(
      (f) => `${f.fault} at ${String(seconds(f.startTMs))}s for ${String(seconds(f.durationMs))}s`,
    )
    .join('; ');
  const values: Record<(typeof CSV_COLUMNS)[number], Cell> = {
    session_id: report.meta.id,
    session_start_utc: new Date(report.meta.startedAtEpochMs).toISOString(),
    client: report.meta.client ?? null,
    stretch_id: stretch.stretchId,
    stretch: stretch.name,
    kind: rep.kind,
    leg: rep.leg,
    rep: hold?.rep ?? glide?.set ?? null,
    start_s: seconds(rep.startTMs),
    held_in_form_s: hold === null ? null : seconds(hold.heldInFormMs),
    target_s: hold === null ? null : seconds(hold.targetMs),
    total_s: seconds(rep.totalMs),
    completed: rep.completed,
    interrupted: rep.interrupted,
    breaks: hold?.breaks ?? null,
    depth_measure: hold?.depthMeasure ?? null,
    peak_deg: tenth(hold?.peakDeg ?? null),
    mean_deg: tenth(hold?.meanDeg ?? null),
    knee_min_deg: tenth(hold?.knee.minDeg ?? null),
    knee_max_deg: tenth(hold?.knee.maxDeg ?? null),
    knee_state: hold?.knee.states[0]?.state ?? null,
    rounding_mean: hundredth(hold?.rounding.meanIndex ?? null),
    rounding_max: hundredth(hold?.rounding.maxIndex ?? null),
    rounding_method: hold?.rounding.method ?? null,
    fault_count: rep.faults.length,
    fault_s: seconds(faultMs),
    faults,
    bounces: hold?.bounces.length ?? null,
    glide_reps: glide?.reps ?? null,
    glide_target_reps: glide?.targetReps ?? null,
    cues: rep.cues.length,
  };
  return CSV_COLUMNS.map((column) => values[column]);
}

/** The CSV text (header row first, CRLF line ends as RFC 4180 has them). */
export function sessionsCsv(reports: readonly SessionReport[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const report of reports)
    for (const stretch of report.stretches)
      for (const rep of stretch.reps)
        lines.push(repRow(report, stretch, rep).map(csvCell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
