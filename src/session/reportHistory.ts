import type { Side } from '../geometry/measures';
import type { SymptomAnswer } from '../protocol';
import { capitalise, depthLabel, joinWords, plural, symptomWords } from './reportFormat';
import { beyondResolution, DEPTH_RESOLUTION_DEG } from './reportResolution';
import type { SessionSummary } from './reportSummary';
import type { DepthMeasure, ReportLeg, SessionMeta } from './sessionRecord';

/**
 * Progress over weeks, from the stored session summaries. Pure: `nowEpochMs` is an argument,
 * and weeks are calendar weeks (Monday to Sunday) in the time zone the code runs in.
 */

/**
 * Seed 000: "Aim to stretch your hamstrings at least 3-5 times per week." Fewer sessions than
 * this in a finished week is below the recommendation; more is fine, and shown as such.
 */
export const SESSIONS_PER_WEEK = { min: 3, max: 5 } as const;

/** Weeks the sessions-per-week view covers at most, counting back from this week. */
export const MAX_WEEKS_SHOWN = 26;

export interface HistorySession {
  readonly meta: SessionMeta;
  readonly summary: SessionSummary;
}

/** One session's figures for a stretch and leg: a point on the history's progress chart. */
export interface HistoryPoint {
  readonly sessionId: string;
  readonly epochMs: number;
  readonly peakDeg: number;
}

export interface ProgressSeries {
  readonly stretchId: string;
  readonly stretchName: string;
  readonly depthMeasure: DepthMeasure | null;
  readonly legs: readonly { readonly leg: ReportLeg; readonly points: readonly HistoryPoint[] }[];
}

export interface AsymmetryRow {
  readonly sessionId: string;
  readonly epochMs: number;
  readonly leftPeakDeg: number;
  readonly rightPeakDeg: number;
  /** Left minus right. */
  readonly differenceDeg: number;
  /** The side with the smaller peak, null when the difference is within what the camera can resolve (`DEPTH_RESOLUTION_DEG`). */
  readonly tighterSide: Side | null;
}

export interface AsymmetrySeries {
  readonly stretchId: string;
  readonly stretchName: string;
  readonly rows: readonly AsymmetryRow[];
}

export type WeekBand = 'below' | 'within' | 'above';

export interface WeekCount {
  /** Monday 00:00 local time. */
  readonly weekStartEpochMs: number;
  readonly count: number;
  readonly band: WeekBand;
  /** The week that contains `nowEpochMs` (not over yet). */
  readonly current: boolean;
}

export interface SymptomReport {
  readonly sessionId: string;
  readonly epochMs: number;
  readonly stretchId: string;
  readonly stretchName: string;
  readonly answer: SymptomAnswer;
  readonly words: string;
}

export interface HistoryReport {
  readonly sessionCount: number;
  readonly progress: readonly ProgressSeries[];
  readonly asymmetry: readonly AsymmetrySeries[];
  /** Oldest first. */
  readonly weeks: readonly WeekCount[];
  /** Newest first. */
  readonly symptoms: readonly SymptomReport[];
  readonly summary: readonly string[];
}

const DAY_MS = 86_400_000;

/** Monday 00:00 (local time) of the week containing `epochMs`. */
export function weekStart(epochMs: number): number {
  const d = new Date(epochMs);
  d.setHours(0, 0, 0, 0);
  const daysSinceMonday = (d.getDay() + 6) % 7;
  d.setDate(d.getDate() - daysSinceMonday);
  return d.getTime();
}

/** The Monday after `weekStartMs` (by calendar, so a daylight-saving change is not a problem). */
function nextWeek(weekStartMs: number): number {
  const d = new Date(weekStartMs);
  d.setDate(d.getDate() + 7);
  return d.getTime();
}

function bandOf(count: number): WeekBand {
  if (count < SESSIONS_PER_WEEK.min) return 'below';
  return count > SESSIONS_PER_WEEK.max ? 'above' : 'within';
}

function nameOf(sessions: readonly HistorySession[], stretchId: string): string {
  for (const s of sessions) {
    const name = s.summary.stretchNames[stretchId];
    if (name !== undefined) return name;
  }
  return stretchId;
}

function progressSeries(sessions: readonly HistorySession[]): ProgressSeries[] {
  const byStretch = new Map<string, Map<ReportLeg, HistoryPoint[]>>();
  const measures = new Map<string, DepthMeasure | null>();
  for (const { meta, summary } of sessions) {
    for (const row of summary.legs) {
      if (row.peakDeg === null) continue;
      const legs = byStretch.get(row.stretchId) ?? new Map<ReportLeg, HistoryPoint[]>();
      byStretch.set(row.stretchId, legs);
      measures.set(row.stretchId, row.depthMeasure);
      const point = { sessionId: meta.id, epochMs: meta.startedAtEpochMs, peakDeg: row.peakDeg };
      legs.set(row.leg, [...(legs.get(row.leg) ?? []), point]);
    }
  }
  const order: ReportLeg[] = ['left', 'right', 'both'];
  return [...byStretch].map(([stretchId, legs]) => ({
    stretchId,
    stretchName: nameOf(sessions, stretchId),
    depthMeasure: measures.get(stretchId) ?? null,
    legs: order.flatMap((leg) => {
      const points = legs.get(leg);
      return points === undefined ? [] : [{ leg, points }];
    }),
  }));
}

function asymmetrySeries(sessions: readonly HistorySession[]): AsymmetrySeries[] {
  const byStretch = new Map<string, AsymmetryRow[]>();
  for (const { meta, summary } of sessions) {
    const stretchIds = new Set(summary.legs.map((l) => l.stretchId));
    for (const stretchId of stretchIds) {
      const peak = (leg: Side) =>
        summary.legs.find((l) => l.stretchId === stretchId && l.leg === leg)?.peakDeg ?? null;
      const left = peak('left');
      const right = peak('right');
      if (left === null || right === null) continue;
      const differenceDeg = left - right;
      const tighterSide = !beyondResolution(differenceDeg)
        ? null
        : differenceDeg < 0
          ? 'left'
          : 'right';
      const row: AsymmetryRow = {
        sessionId: meta.id,
        epochMs: meta.startedAtEpochMs,
        leftPeakDeg: left,
        rightPeakDeg: right,
        differenceDeg,
        tighterSide,
      };
      byStretch.set(stretchId, [...(byStretch.get(stretchId) ?? []), row]);
    }
  }
  return [...byStretch].map(([stretchId, rows]) => ({
    stretchId,
    stretchName: nameOf(sessions, stretchId),
    rows,
  }));
}

function weekCounts(sessions: readonly HistorySession[], nowEpochMs: number): WeekCount[] {
  if (sessions.length === 0) return [];
  const thisWeek = weekStart(nowEpochMs);
  const first = Math.min(...sessions.map((s) => s.meta.startedAtEpochMs));
  // Start no earlier than MAX_WEEKS_SHOWN weeks back (by whole weeks, then snapped to Monday).
  const earliest = weekStart(thisWeek - (MAX_WEEKS_SHOWN - 1) * 7 * DAY_MS + DAY_MS);
  const counts = new Map<number, number>();
  for (const s of sessions) {
    const week = weekStart(s.meta.startedAtEpochMs);
    counts.set(week, (counts.get(week) ?? 0) + 1);
  }
  const weeks: WeekCount[] = [];
  for (let week = Math.max(weekStart(first), earliest); week <= thisWeek; week = nextWeek(week)) {
    const count = counts.get(week) ?? 0;
    weeks.push({ weekStartEpochMs: week, count, band: bandOf(count), current: week === thisWeek });
  }
  return weeks;
}

function symptomReports(sessions: readonly HistorySession[]): SymptomReport[] {
  const reports: SymptomReport[] = [];
  for (const { meta, summary } of sessions) {
    for (const symptom of summary.symptoms) {
      const words = symptomWords(symptom.answer);
      if (symptom.answer === null || words === null) continue;
      reports.push({
        sessionId: meta.id,
        epochMs: meta.startedAtEpochMs + symptom.atMs,
        stretchId: symptom.stretchId,
        stretchName: summary.stretchNames[symptom.stretchId] ?? symptom.stretchId,
        answer: symptom.answer,
        words,
      });
    }
  }
  return reports.sort((a, b) => b.epochMs - a.epochMs);
}

function weekSentence(weeks: readonly WeekCount[]): string | null {
  const current = weeks.at(-1);
  if (current === undefined) return null;
  const finished = weeks.filter((w) => !w.current).slice(-4);
  const range = `${SESSIONS_PER_WEEK.min}-${SESSIONS_PER_WEEK.max}`;
  const now = `This week you have stretched ${plural(current.count, 'time')}; the aim is ${range} times a week.`;
  if (finished.length === 0) return now;
  const met = finished.filter((w) => w.count >= SESSIONS_PER_WEEK.min).length;
  return `${now} You reached at least ${SESSIONS_PER_WEEK.min} in ${met} of the last ${plural(finished.length, 'full week')}.`;
}

function progressSentences(progress: readonly ProgressSeries[]): string[] {
  const sentences: string[] = [];
  for (const series of progress) {
    const changes = series.legs.flatMap(({ leg, points }) => {
      const first = points[0];
      const last = points.at(-1);
      if (first === undefined || last === undefined || points.length < 2) return [];
      const change = Math.round(last.peakDeg - first.peakDeg);
      const where = leg === 'both' ? 'both legs' : `the ${leg} leg`;
      if (!beyondResolution(last.peakDeg - first.peakDeg))
        return [`no change the camera can measure on ${where} (under ${DEPTH_RESOLUTION_DEG}°)`];
      return [`${change > 0 ? 'up' : 'down'} ${Math.abs(change)}° on ${where}`];
    });
    if (changes.length > 0)
      sentences.push(
        `${capitalise(series.stretchName)}: deepest ${depthLabel(series.depthMeasure)} since your first session, ${joinWords(changes)}.`,
      );
  }
  return sentences;
}

export function buildHistory(
  sessions: readonly HistorySession[],
  nowEpochMs: number,
): HistoryReport {
  const ordered = [...sessions].sort((a, b) => a.meta.startedAtEpochMs - b.meta.startedAtEpochMs);
  const progress = progressSeries(ordered);
  const weeks = weekCounts(ordered, nowEpochMs);
  const symptoms = symptomReports(ordered);
  const summary = [weekSentence(weeks), ...progressSentences(progress)].filter(
    (s): s is string => s !== null,
  );
  if (symptoms.length > 0)
    summary.push(
      `You have reported symptoms ${plural(symptoms.length, 'time')}; if they keep coming back, see a physiotherapist or doctor.`,
    );
  return {
    sessionCount: ordered.length,
    progress,
    asymmetry: asymmetrySeries(ordered),
    weeks,
    symptoms,
    summary,
  };
}
