import type {
  LegSummary,
  SessionReport,
  SessionTotals,
  StretchReport,
  SymptomRecord,
} from './reportTypes';
import type { RecordedEndReason } from './sessionRecord';

/**
 * The few numbers per session the history needs, stored beside the session so the history
 * screen does not read every sample of every session.
 */
export interface SessionSummary {
  readonly durationMs: number;
  /** Stretches that ran, in order, without repeats. */
  readonly stretchIds: readonly string[];
  /** Stretch name per id, for the history's labels. */
  readonly stretchNames: Readonly<Record<string, string>>;
  readonly legs: readonly LegSummary[];
  readonly totals: SessionTotals;
  readonly symptoms: readonly SymptomRecord[];
  readonly endReason: RecordedEndReason | null;
}

export function summariseReport(report: SessionReport): SessionSummary {
  const stretchIds: string[] = [];
  const stretchNames: Record<string, string> = {};
  for (const stretch of report.stretches) {
    if (!stretchIds.includes(stretch.stretchId)) stretchIds.push(stretch.stretchId);
    stretchNames[stretch.stretchId] = stretch.name;
  }
  return {
    durationMs: report.durationMs,
    stretchIds,
    stretchNames,
    legs: report.legs,
    totals: report.totals,
    symptoms: report.symptoms,
    endReason: report.endReason,
  };
}

function maxOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : Math.max(...known);
}

function meanOf(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
}

/** One row per stretch and leg, over every run of that stretch in the session. */
export function legSummaries(stretches: readonly StretchReport[]): LegSummary[] {
  const rows: LegSummary[] = [];
  const keys: string[] = [];
  for (const stretch of stretches) {
    for (const leg of stretch.legs) {
      const key = `${stretch.stretchId}|${leg}`;
      if (keys.includes(key)) continue;
      keys.push(key);
      const runs = stretches.filter((s) => s.stretchId === stretch.stretchId);
      const reps = runs.flatMap((s) => s.reps).filter((r) => r.leg === leg);
      const holds = reps.flatMap((r) => (r.kind === 'hold' ? [r] : []));
      const info = stretch.info;
      const repsPlanned = info === null ? null : (info.reps ?? info.sets);
      rows.push({
        stretchId: stretch.stretchId,
        leg,
        depthMeasure: info?.depthMeasure ?? null,
        peakDeg: maxOf(holds.map((r) => r.peakDeg)),
        meanDeg: meanOf(holds.map((r) => r.meanDeg)),
        heldInFormMs: holds.reduce((sum, r) => sum + r.heldInFormMs, 0),
        targetMs: info?.holdMs === null || info === null ? 0 : info.holdMs * (info.reps ?? 0),
        repsDone: reps.length,
        repsCompleted: reps.filter((r) => r.completed).length,
        repsPlanned,
        faultCount: reps.reduce((sum, r) => sum + r.faults.length, 0),
      });
    }
  }
  return rows;
}

export function sessionTotals(
  stretches: readonly StretchReport[],
  cueCount: number,
): SessionTotals {
  const reps = stretches.flatMap((s) => s.reps);
  const faults = [...reps.flatMap((r) => r.faults), ...stretches.flatMap((s) => s.otherFaults)];
  const legs = legSummaries(stretches);
  return {
    heldInFormMs: legs.reduce((sum, l) => sum + l.heldInFormMs, 0),
    targetMs: legs.reduce((sum, l) => sum + l.targetMs, 0),
    faultCount: faults.length,
    faultMs: faults.reduce((sum, f) => sum + f.durationMs, 0),
    cueCount,
    glideReps: reps.reduce((sum, r) => sum + (r.kind === 'glide' ? r.reps : 0), 0),
  };
}
