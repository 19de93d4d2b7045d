import type { EventOf, SessionPhase, StretchEndReason } from '../protocol';
import type { TimeWindow } from './reportMeasures';
import {
  clipWindows,
  columnStats,
  depthStats,
  kneeStates,
  legStats,
  mostCommonRoundingMethod,
} from './reportMeasures';
import { legSummaries, sessionTotals } from './reportSummary';
import { sessionSentences } from './reportText';
import type {
  BounceRecord,
  FaultSpan,
  GlideSetReport,
  HoldRepReport,
  RepReport,
  SessionReport,
  StretchReport,
  SymptomRecord,
} from './reportTypes';
import type {
  CueRecord,
  RecordedEvent,
  ReportLeg,
  SessionRecord,
  StretchInfo,
} from './sessionRecord';

/**
 * Builds the report of a recorded session: walks its events in order to find stretches, reps,
 * faults and answers, and reads the kept samples inside each rep for the angles. Pure.
 */
export function buildSessionReport(record: SessionRecord): SessionReport {
  const walk = walkEvents(record);
  const stretches = walk.stretches.map((s) => finishStretch(record, s));
  const legs = legSummaries(stretches);
  const report: Omit<SessionReport, 'summary'> = {
    meta: record.meta,
    durationMs: sessionDurationMs(record),
    stretches,
    legs,
    totals: sessionTotals(stretches, record.cues.length),
    symptoms: walk.symptoms,
    warmUp: walk.warmUp,
    pauses: walk.pauses,
    stopped: walk.stopped,
    endReason: record.meta.endReason ?? walk.endReason,
    incidents: record.incidents,
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

interface OpenRep {
  readonly started: EventOf<'rep-started'>;
  readonly kind: 'hold' | 'glide';
  faults: FaultSpan[];
  bounces: BounceRecord[];
  /** Position-reached windows; the last may be open (endTMs = Infinity). */
  inPosition: TimeWindow[];
  lastHeldMs: number;
  glideReps: EventOf<'glide-rep'>[];
  rejected: number;
}

interface ClosedRep {
  readonly open: OpenRep;
  readonly endTMs: number;
  readonly ended: EventOf<'rep-ended'> | EventOf<'set-ended'> | null;
}

interface OpenStretch {
  readonly started: EventOf<'stretch-started'>;
  reps: ClosedRep[];
  otherFaults: FaultSpan[];
  endTMs: number | null;
  endReason: StretchEndReason | null;
  symptom: SymptomRecord | null;
}

interface Walk {
  stretches: OpenStretch[];
  symptoms: SymptomRecord[];
  warmUp: 'warmed-up' | 'skipped' | null;
  pauses: { count: number; totalMs: number };
  stopped: { atMs: number; phase: SessionPhase } | null;
  endReason: SessionReport['endReason'];
  lastTMs: number;
}

type OpenFault = EventOf<'fault-started'>;

function walkEvents(record: SessionRecord): Walk {
  const walk: Walk = {
    stretches: [],
    symptoms: [],
    warmUp: null,
    pauses: { count: 0, totalMs: 0 },
    stopped: null,
    endReason: null,
    lastTMs: sessionDurationMs(record),
  };
  let stretch: OpenStretch | null = null;
  let rep: OpenRep | null = null;
  let openFaults = new Map<string, OpenFault>();

  const closeRep = (endTMs: number, ended: ClosedRep['ended']) => {
    if (rep === null) return;
    rep.inPosition = closeWindows(rep.inPosition, endTMs);
    // Faults the protocol did not close (the recording stopped mid-rep) end with the rep.
    for (const fault of openFaults.values()) rep.faults.push(openSpan(fault, endTMs));
    openFaults = new Map();
    stretch?.reps.push({ open: rep, endTMs, ended });
    rep = null;
  };
  const addFault = (span: FaultSpan) => {
    if (rep !== null) rep.faults.push(span);
    else stretch?.otherFaults.push(span);
  };

  for (const event of record.events) {
    switch (event.type) {
      case 'session-started':
        // A resumed recording starts the protocol again: whatever was open was cut off.
        closeRep(event.atMs, null);
        break;
      case 'warm-up-answered':
        walk.warmUp = event.answer;
        break;
      case 'stretch-started':
        closeRep(event.atMs, null);
        if (stretch !== null && stretch.endTMs === null) stretch.endTMs = event.atMs;
        stretch = {
          started: event,
          reps: [],
          otherFaults: [],
          endTMs: null,
          endReason: null,
          symptom: null,
        };
        walk.stretches.push(stretch);
        break;
      case 'rep-started':
        closeRep(event.atMs, null);
        rep = {
          started: event,
          kind: event.set === undefined ? 'hold' : 'glide',
          faults: [],
          bounces: [],
          inPosition: [],
          lastHeldMs: 0,
          glideReps: [],
          rejected: 0,
        };
        break;
      case 'position-reached':
        rep?.inPosition.push({ startTMs: event.atMs, endTMs: Infinity });
        break;
      case 'position-lost':
        if (rep !== null) rep.inPosition = closeWindows(rep.inPosition, event.atMs);
        break;
      case 'hold-second':
        if (rep !== null) rep.lastHeldMs = event.heldMs;
        break;
      case 'fault-started':
        openFaults.set(event.fault, event);
        break;
      case 'fault-ended': {
        const started = openFaults.get(event.fault);
        openFaults.delete(event.fault);
        addFault({
          fault: event.fault,
          aspect: started?.aspect ?? null,
          gatesHold: started?.gatesHold ?? false,
          startTMs: event.startMs,
          durationMs: event.durationMs,
          open: false,
        });
        break;
      }
      case 'bounce-detected':
        rep?.bounces.push({
          atMs: event.atMs,
          amplitudeDeg: event.amplitudeDeg,
          frequencyHz: event.frequencyHz,
        });
        break;
      case 'glide-rep':
        rep?.glideReps.push(event);
        break;
      case 'glide-rep-rejected':
        if (rep !== null) rep.rejected++;
        break;
      case 'rep-ended':
      case 'set-ended':
        closeRep(event.atMs, event);
        break;
      case 'stretch-ended':
        closeRep(event.atMs, null);
        if (stretch !== null) {
          stretch.endTMs = event.atMs;
          stretch.endReason = event.reason;
        }
        break;
      case 'symptom-answered':
      case 'symptom-check-skipped': {
        const answered = event.type === 'symptom-answered';
        const symptom: SymptomRecord = {
          stretchId: event.stretchId,
          atMs: event.atMs,
          answer: answered ? event.answer : null,
          anySymptom: answered ? event.anySymptom : false,
        };
        walk.symptoms.push(symptom);
        const owner = [...walk.stretches]
          .reverse()
          .find((s) => s.started.stretchId === event.stretchId);
        if (owner !== undefined) owner.symptom = symptom;
        break;
      }
      case 'paused':
        walk.pauses.count++;
        break;
      case 'resumed':
        walk.pauses.totalMs += event.pausedMs;
        break;
      case 'stopped':
        walk.stopped = { atMs: event.atMs, phase: event.phase };
        break;
      case 'session-ended':
        closeRep(event.atMs, null);
        walk.endReason = event.reason;
        break;
      default:
        break;
    }
  }
  closeRep(walk.lastTMs, null);
  const last = walk.stretches.at(-1);
  if (last !== undefined && last.endTMs === null) last.endTMs = walk.lastTMs;
  return walk;
}

function closeWindows(windows: readonly TimeWindow[], atTMs: number): TimeWindow[] {
  return windows.map((w) => (w.endTMs === Infinity ? { ...w, endTMs: atTMs } : w));
}

function openSpan(fault: OpenFault, endTMs: number): FaultSpan {
  return {
    fault: fault.fault,
    aspect: fault.aspect,
    gatesHold: fault.gatesHold,
    startTMs: fault.startMs,
    durationMs: Math.max(0, endTMs - fault.startMs),
    open: true,
  };
}

function infoOf(record: SessionRecord, stretchId: string): StretchInfo | null {
  return record.meta.stretches.find((s) => s.id === stretchId) ?? null;
}

function cuesIn(cues: readonly CueRecord[], window: TimeWindow): CueRecord[] {
  return cues.filter((c) => c.atMs >= window.startTMs && c.atMs <= window.endTMs);
}

function finishStretch(record: SessionRecord, open: OpenStretch): StretchReport {
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

function repReport(record: SessionRecord, info: StretchInfo | null, closed: ClosedRep): RepReport {
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
  | 'timeToPositionMs'
  | 'knee'
  | 'rounding'
  | 'bounces'
>;

function holdReport(
  record: SessionRecord,
  info: StretchInfo | null,
  open: OpenRep,
  common: Common,
  ended: ClosedRep['ended'],
  window: TimeWindow,
): HoldRepReport {
  const samples = record.samples;
  const leg = common.leg;
  const inPosition = clipWindows(open.inPosition, window);
  // The mean is of the hold itself; moving in and out of the stretch would pull it down.
  const holdWindows = inPosition.length > 0 ? inPosition : [window];
  const depthMeasure = info?.depthMeasure ?? null;
  const peak = depthMeasure === null ? null : depthStats(samples, [window], depthMeasure, leg);
  const mean = depthMeasure === null ? null : depthStats(samples, holdWindows, depthMeasure, leg);
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
    peakDeg: peak?.max ?? null,
    meanDeg: mean?.mean ?? null,
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
    },
    bounces: open.bounces,
  };
}

function glideReport(
  record: SessionRecord,
  info: StretchInfo | null,
  open: OpenRep,
  common: Common,
  ended: ClosedRep['ended'],
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

/** Events of one type, e.g. for tests and the CSV. */
export function eventsOfType<T extends RecordedEvent['type']>(
  events: readonly RecordedEvent[],
  type: T,
): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type);
}
