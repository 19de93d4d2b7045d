import type { EventOf, SessionPhase, StretchEndReason } from '../protocol';
import type { TimeWindow } from './reportMeasures';
import type { BounceRecord, FaultSpan, SymptomRecord } from './reportTypes';
import type { RecordedEndReason, RecordedEvent } from './sessionRecord';

/**
 * The facts a report is made of, folded from the protocol's events one at a time: a pure,
 * immutable reducer (`foldReportEvent`), so the structure of a session — its stretches, reps and
 * sets, the fault spans in each, the answers — comes from what the protocol said happened
 * (stretch-started, rep-ended, set-ended, fault-started/ended...) and nothing else. The measures
 * inside each rep are read from the samples afterwards (reportSession.ts).
 */

/** A rep (hold) or set (glide) under way. */
export interface OpenRepFacts {
  readonly started: EventOf<'rep-started'>;
  readonly kind: 'hold' | 'glide';
  readonly faults: readonly FaultSpan[];
  readonly bounces: readonly BounceRecord[];
  /** Position-reached windows; the last may be open (endTMs = Infinity). */
  readonly inPosition: readonly TimeWindow[];
  readonly lastHeldMs: number;
  readonly glideReps: readonly EventOf<'glide-rep'>[];
  readonly rejected: number;
}

export interface RepFacts {
  readonly open: OpenRepFacts;
  readonly endTMs: number;
  /** The protocol's own end of it; null when the recording stopped first. */
  readonly ended: EventOf<'rep-ended'> | EventOf<'set-ended'> | null;
}

export interface StretchFacts {
  readonly started: EventOf<'stretch-started'>;
  readonly reps: readonly RepFacts[];
  /** Faults outside any rep. */
  readonly otherFaults: readonly FaultSpan[];
  readonly endTMs: number | null;
  readonly endReason: StretchEndReason | null;
  readonly symptom: SymptomRecord | null;
}

export interface ReportFacts {
  readonly stretches: readonly StretchFacts[];
  readonly rep: OpenRepFacts | null;
  /** Faults started and not yet ended, by fault id. */
  readonly openFaults: Readonly<Record<string, EventOf<'fault-started'>>>;
  readonly symptoms: readonly SymptomRecord[];
  readonly warmUp: 'warmed-up' | 'skipped' | null;
  readonly pauses: { readonly count: number; readonly totalMs: number };
  readonly stopped: { readonly atMs: number; readonly phase: SessionPhase } | null;
  readonly endReason: RecordedEndReason | null;
}

export const NO_REPORT_FACTS: ReportFacts = Object.freeze({
  stretches: [],
  rep: null,
  openFaults: {},
  symptoms: [],
  warmUp: null,
  pauses: { count: 0, totalMs: 0 },
  stopped: null,
  endReason: null,
});

type Handlers = {
  readonly [T in RecordedEvent['type']]?: (facts: ReportFacts, event: EventOf<T>) => ReportFacts;
};

const HANDLERS: Handlers = {
  // A resumed recording starts the protocol again: whatever was open was cut off.
  'session-started': (f, e) => closeRep(f, e.atMs, null),
  'warm-up-answered': (f, e) => ({ ...f, warmUp: e.answer }),
  'stretch-started': (f, e) => {
    const closed = closeRep(f, e.atMs, null);
    const ended = withLastStretch(closed, (s) =>
      s.endTMs === null ? { ...s, endTMs: e.atMs } : s,
    );
    const stretch: StretchFacts = {
      started: e,
      reps: [],
      otherFaults: [],
      endTMs: null,
      endReason: null,
      symptom: null,
    };
    return { ...ended, stretches: [...ended.stretches, stretch] };
  },
  'rep-started': (f, e) => ({
    ...closeRep(f, e.atMs, null),
    rep: {
      started: e,
      kind: e.set === undefined ? 'hold' : 'glide',
      faults: [],
      bounces: [],
      inPosition: [],
      lastHeldMs: 0,
      glideReps: [],
      rejected: 0,
    },
  }),
  'position-reached': (f, e) =>
    withRep(f, (r) => ({
      ...r,
      inPosition: [...r.inPosition, { startTMs: e.atMs, endTMs: Infinity }],
    })),
  'position-lost': (f, e) =>
    withRep(f, (r) => ({ ...r, inPosition: closeWindows(r.inPosition, e.atMs) })),
  'hold-second': (f, e) => withRep(f, (r) => ({ ...r, lastHeldMs: e.heldMs })),
  'fault-started': (f, e) => ({ ...f, openFaults: { ...f.openFaults, [e.fault]: e } }),
  'fault-ended': (f, e) => {
    const { [e.fault]: started, ...stillOpen } = f.openFaults;
    const span: FaultSpan = {
      fault: e.fault,
      aspect: started?.aspect ?? null,
      gatesHold: started?.gatesHold ?? false,
      startTMs: e.startMs,
      durationMs: e.durationMs,
      open: false,
    };
    const next = { ...f, openFaults: stillOpen };
    return next.rep !== null
      ? withRep(next, (r) => ({ ...r, faults: [...r.faults, span] }))
      : withLastStretch(next, (s) => ({ ...s, otherFaults: [...s.otherFaults, span] }));
  },
  'bounce-detected': (f, e) =>
    withRep(f, (r) => ({
      ...r,
      bounces: [
        ...r.bounces,
        { atMs: e.atMs, amplitudeDeg: e.amplitudeDeg, frequencyHz: e.frequencyHz },
      ],
    })),
  'glide-rep': (f, e) => withRep(f, (r) => ({ ...r, glideReps: [...r.glideReps, e] })),
  'glide-rep-rejected': (f) => withRep(f, (r) => ({ ...r, rejected: r.rejected + 1 })),
  'rep-ended': (f, e) => closeRep(f, e.atMs, e),
  'set-ended': (f, e) => closeRep(f, e.atMs, e),
  'stretch-ended': (f, e) =>
    withLastStretch(closeRep(f, e.atMs, null), (s) => ({
      ...s,
      endTMs: e.atMs,
      endReason: e.reason,
    })),
  'symptom-answered': (f, e) =>
    addSymptom(f, {
      stretchId: e.stretchId,
      atMs: e.atMs,
      answer: e.answer,
      anySymptom: e.anySymptom,
    }),
  // The in-session button: it names no one symptom, and the session stops with it.
  'symptom-reported': (f, e) =>
    addSymptom(f, {
      stretchId: e.stretchId ?? '',
      atMs: e.atMs,
      answer: null,
      anySymptom: true,
      source: 'pain-button',
    }),
  'symptom-check-skipped': (f, e) =>
    addSymptom(f, { stretchId: e.stretchId, atMs: e.atMs, answer: null, anySymptom: false }),
  paused: (f) => ({ ...f, pauses: { ...f.pauses, count: f.pauses.count + 1 } }),
  resumed: (f, e) => ({ ...f, pauses: { ...f.pauses, totalMs: f.pauses.totalMs + e.pausedMs } }),
  stopped: (f, e) => ({ ...f, stopped: { atMs: e.atMs, phase: e.phase } }),
  'session-ended': (f, e) => ({ ...closeRep(f, e.atMs, null), endReason: e.reason }),
};

/** One event into the facts. Events a report does not use leave them as they are. */
export function foldReportEvent(facts: ReportFacts, event: RecordedEvent): ReportFacts {
  const handle = HANDLERS[event.type] as
    ((facts: ReportFacts, event: RecordedEvent) => ReportFacts) | undefined;
  return handle === undefined ? facts : handle(facts, event);
}

/** The facts of a whole recording, what is still open closed where the recording ends. */
export function reportFacts(events: readonly RecordedEvent[], lastTMs: number): ReportFacts {
  const folded = closeRep(events.reduce(foldReportEvent, NO_REPORT_FACTS), lastTMs, null);
  return withLastStretch(folded, (s) => (s.endTMs === null ? { ...s, endTMs: lastTMs } : s));
}

/**
 * Ends the open rep at `endTMs`: its position windows close, faults the protocol did not close
 * (the recording stopped mid-rep) end with it, and it joins its stretch.
 */
function closeRep(facts: ReportFacts, endTMs: number, ended: RepFacts['ended']): ReportFacts {
  const rep = facts.rep;
  if (rep === null) return facts;
  const open = Object.values(facts.openFaults).map((fault) => openSpan(fault, endTMs));
  const closed: RepFacts = {
    open: {
      ...rep,
      inPosition: closeWindows(rep.inPosition, endTMs),
      faults: [...rep.faults, ...open],
    },
    endTMs,
    ended,
  };
  const next: ReportFacts = { ...facts, rep: null, openFaults: {} };
  return withLastStretch(next, (s) => ({ ...s, reps: [...s.reps, closed] }));
}

function withRep(facts: ReportFacts, change: (rep: OpenRepFacts) => OpenRepFacts): ReportFacts {
  return facts.rep === null ? facts : { ...facts, rep: change(facts.rep) };
}

function withLastStretch(
  facts: ReportFacts,
  change: (stretch: StretchFacts) => StretchFacts,
): ReportFacts {
  const last = facts.stretches.at(-1);
  if (last === undefined) return facts;
  return { ...facts, stretches: [...facts.stretches.slice(0, -1), change(last)] };
}

/** The answer joins the session's list and the latest run of its stretch. */
function addSymptom(facts: ReportFacts, symptom: SymptomRecord): ReportFacts {
  let owner = -1;
  facts.stretches.forEach((s, i) => {
    if (s.started.stretchId === symptom.stretchId) owner = i;
  });
  const stretches =
    owner < 0
      ? facts.stretches
      : facts.stretches.map((s, i) => (i === owner ? { ...s, symptom } : s));
  return { ...facts, stretches, symptoms: [...facts.symptoms, symptom] };
}

function closeWindows(windows: readonly TimeWindow[], atTMs: number): TimeWindow[] {
  return windows.map((w) => (w.endTMs === Infinity ? { ...w, endTMs: atTMs } : w));
}

function openSpan(fault: EventOf<'fault-started'>, endTMs: number): FaultSpan {
  return {
    fault: fault.fault,
    aspect: fault.aspect,
    gatesHold: fault.gatesHold,
    startTMs: fault.startMs,
    durationMs: Math.max(0, endTMs - fault.startMs),
    open: true,
  };
}
