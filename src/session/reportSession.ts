import type { TimeWindow } from './reportMeasures';
import {
  clipWindows,
  columnStats,
  heldDepth,
  kneeStates,
  legStats,
  mostCommonRoundingMethod,
  withoutSpans,
} from './reportMeasures';
import type { OpenRepFacts, RepFacts, StretchFacts } from './reportFacts';
import { reportFacts } from './reportFacts';
import { legSummaries, sessionTotals } from './reportSummary';
import { stallRecords } from './reportStalls';
import { sessionSentences } from './reportText';
import { findStretch } from '../protocol';
import type {
  BackNotChecked,
  GlideSetReport,
  HoldRepReport,
  RepReport,
  SessionReport,
  StretchReport,
} from './reportTypes';
import type { CueRecord, ReportLeg, SessionRecord, StretchInfo } from './sessionRecord';

/**
 * Builds the report of a recorded session: the protocol's events folded into its facts
 * (reportFacts.ts: stretches, reps, fault spans, answers), then the kept samples inside each rep
 * read for the angles. Pure. Built once when a session is finished (and kept with it); screens
 * read the stored one.
 */
export function buildSessionReport(record: SessionRecord): SessionReport {
  const facts = reportFacts(record.events, sessionDurationMs(record));
  const stretches = facts.stretches.map((s) => finishStretch(record, s));
  const legs = legSummaries(stretches);
  const report: Omit<SessionReport, 'summary'> = {
    meta: record.meta,
    durationMs: sessionDurationMs(record),
    stretches,
    legs,
    totals: sessionTotals(stretches, record.cues.length),
    symptoms: facts.symptoms,
    warmUp: facts.warmUp,
    pauses: facts.pauses,
    stopped: facts.stopped,
    endReason: record.meta.endReason ?? facts.endReason,
    incidents: record.incidents,
    stalls: stallRecords(record.events),
  };
  return { ...report, summary: sessionSentences(report) };
}

/** The last time anything was recorded. */
export function sessionDurationMs(record: SessionRecord): number {
  return Math.max(
    record.meta.lastTMs,
    record.samples.tMs.at(-1) ?? 0,
    record.events.at(-1)?.atMs ?? 0,
    record.cues.at(-1)?.atMs ?? 0,
  );
}

function infoOf(record: SessionRecord, stretchId: string): StretchInfo | null {
  return record.meta.stretches.find((s) => s.id === stretchId) ?? null;
}

function cuesIn(cues: readonly CueRecord[], window: TimeWindow): CueRecord[] {
  return cues.filter((c) => c.atMs >= window.startTMs && c.atMs <= window.endTMs);
}

function finishStretch(record: SessionRecord, open: StretchFacts): StretchReport {
  const info = infoOf(record, open.started.stretchId);
  const endTMs = open.endTMs ?? open.started.atMs;
  const reps = open.reps.map((r) => repReport(record, info, r));
  const legs: ReportLeg[] = [];
  for (const rep of reps) if (!legs.includes(rep.leg)) legs.push(rep.leg);
  return {
    stretchId: open.started.stretchId,
    name: info?.name ?? open.started.stretchId,
    kind: open.started.kind,
    info,
    startTMs: open.started.atMs,
    endTMs,
    endReason: open.endReason ?? 'interrupted',
    reps,
    legs,
    otherFaults: open.otherFaults,
    symptom: open.symptom,
    cues: cuesIn(record.cues, { startTMs: open.started.atMs, endTMs }),
  };
}

function repReport(record: SessionRecord, info: StretchInfo | null, closed: RepFacts): RepReport {
  const { open, endTMs, ended } = closed;
  const started = open.started;
  const window: TimeWindow = { startTMs: started.atMs, endTMs };
  const common = {
    stretchId: started.stretchId,
    leg: started.leg,
    startTMs: started.atMs,
    endTMs,
    totalMs: ended?.totalMs ?? endTMs - started.atMs,
    completed: ended?.completed ?? false,
    interrupted: ended === null,
    faults: open.faults,
    cues: cuesIn(record.cues, window),
  };
  if (open.kind === 'glide') return glideReport(record, info, open, common, ended, window);
  return holdReport(record, info, open, common, ended, window);
}

type Common = Omit<
  HoldRepReport,
  | 'kind'
  | 'rep'
  | 'targetMs'
  | 'heldInFormMs'
  | 'breaks'
  | 'depthMeasure'
  | 'peakDeg'
  | 'meanDeg'
  | 'heldFrames'
  | 'timeToPositionMs'
  | 'knee'
  | 'rounding'
  | 'bounces'
>;

function holdReport(
  record: SessionRecord,
  info: StretchInfo | null,
  open: OpenRepFacts,
  common: Common,
  ended: RepFacts['ended'],
  window: TimeWindow,
): HoldRepReport {
  const samples = record.samples;
  const leg = common.leg;
  const inPosition = clipWindows(open.inPosition, window);
  // The mean is of the hold itself; moving in and out of the stretch would pull it down.
  const holdWindows = inPosition.length > 0 ? inPosition : [window];
  const depthMeasure = info?.depthMeasure ?? null;
  // Depth counts only frames held in form: in the target position and outside every fault
  // period. A rounded back pulls the shoulders down and reads as a deeper hinge; a bounce or a
  // lunge is a moment, not a range the person has.
  const held = withoutSpans(inPosition, open.faults);
  const depth = depthMeasure === null ? null : heldDepth(samples, held, depthMeasure, leg);
  const knee = legStats(samples, [window], 'kneeAngleDeg', leg);
  const rounding = columnStats(samples, holdWindows, 'roundingIndex');
  const repEnded = ended?.type === 'rep-ended' ? ended : null;
  const firstReached = open.inPosition[0];
  return {
    ...common,
    kind: 'hold',
    rep: open.started.rep,
    targetMs: info?.holdMs ?? null,
    heldInFormMs: repEnded?.heldInFormMs ?? open.lastHeldMs,
    breaks: repEnded?.breaks ?? 0,
    depthMeasure,
    peakDeg: depth?.peakDeg ?? null,
    meanDeg: depth?.meanDeg ?? null,
    heldFrames: depth?.frames ?? 0,
    timeToPositionMs: firstReached === undefined ? null : firstReached.startTMs - window.startTMs,
    knee: {
      minDeg: knee.min,
      maxDeg: knee.max,
      states: kneeStates(samples, holdWindows, leg),
    },
    rounding: {
      meanIndex: rounding.mean,
      maxIndex: rounding.max,
      method: mostCommonRoundingMethod(samples, holdWindows),
      notChecked:
        rounding.mean === null && checksTheBack(open.started.stretchId)
          ? backNotCheckedWhy(record.meta.model)
          : null,
    },
    bounces: open.bounces,
  };
}

/** Whether the stretch judges the back from the rounding index (its back check). */
function checksTheBack(stretchId: string): boolean {
  const stretch = findStretch(stretchId);
  return stretch?.checks.some((c) => c.measure.measure === 'roundingIndex') ?? false;
}

/**
 * Why a hold had no rounding: MoveNet gives no person mask, so it never sees the back's outline;
 * a model with one (BlazePose, the demo) did not see it clearly enough.
 */
function backNotCheckedWhy(model: string | null): BackNotChecked {
  return model !== null && model.startsWith('movenet') ? 'model-without-mask' : 'outline-not-seen';
}

function glideReport(
  record: SessionRecord,
  info: StretchInfo | null,
  open: OpenRepFacts,
  common: Common,
  ended: RepFacts['ended'],
  window: TimeWindow,
): GlideSetReport {
  const reps = open.glideReps;
  const setEnded = ended?.type === 'set-ended' ? ended : null;
  return {
    ...common,
    kind: 'glide',
    set: open.started.set ?? 1,
    targetReps: info?.repsPerSet ?? null,
    reps: setEnded?.reps ?? reps.length,
    rejected: open.rejected,
    meanRepMs: reps.length === 0 ? null : reps.reduce((sum, r) => sum + r.repMs, 0) / reps.length,
    ankleTracked: reps.some((r) => r.ankleTracked),
    neck: columnStats(record.samples, [window], 'neckFlexionDeg'),
  };
}
