import type { BodyMeasures } from '../geometry/measures';
import type { ProtocolEvent, StretchDefinition } from '../protocol';
import type { Utterance } from '../feedback/cueTypes';
import type { SampleBlock } from './sampleBlock';
import {
  EMPTY_SAMPLES,
  appendSample,
  concatSamples,
  sampleCount,
  sampleFromMeasures,
} from './sampleBlock';
import type {
  Incident,
  IncidentKind,
  CueRecord,
  RecordedEndReason,
  RecordedEvent,
  SessionChunk,
  SessionMeta,
  SessionRecord,
  StretchInfo,
} from './sessionRecord';
import { SESSION_SCHEMA_VERSION } from './sessionRecord';

/**
 * The session recorder: a pure reducer over the engine's per-frame inputs. It keeps every
 * protocol event and cue, and the frame measures at a reduced rate, in a small `pending` tail;
 * `takeChunk` cuts that tail into an append-only `SessionChunk` for storage. Nothing here does
 * I/O or reads a clock: the engine passes `nowMs` (its own clock) and the wall-clock start.
 *
 * Per frame the cost is one sample object and copies of the short pending arrays (at most
 * about a second of data), never of the whole session.
 */

/**
 * One sample is kept per 100 ms of session time (10 Hz). The charts show 20-30 s holds, where 10 points
 * a second draw a smooth line; the fastest thing worth seeing in them, a ballistic bounce, swings
 * at 0.8-3.3 Hz (protocol/bounceDetector.ts), under the 5 Hz a 10 Hz series can show. Peaks and
 * fault times do not depend on it: faults come with their exact times in the protocol's events.
 * A 10-minute session keeps 6,000 samples, about 0.6 MB of JSON (measured: 1,582 samples of a
 * generated 2.6-minute session export to 171 kB).
 */
export const SAMPLE_INTERVAL_MS = 100;

/**
 * A chunk is cut at most once a second: a crash loses at most that much, and storage sees one
 * small write a second instead of one per frame.
 */
export const FLUSH_INTERVAL_MS = 1_000;

export interface RecorderInit {
  /** Letters, digits, `-` and `_`, e.g. from `crypto.randomUUID()`. */
  readonly id: string;
  /** Wall clock (`Date.now()`) when the session started. */
  readonly startedAtEpochMs: number;
  /** The engine clock's reading at session start (its `nowMs` becomes session time 0). */
  readonly clockOriginMs: number;
  /** The stretches the session may run: the routine plus the nerve glide it may offer. */
  readonly stretches: readonly StretchDefinition[];
  /** Planned order, by stretch id. */
  readonly routine: readonly string[];
  readonly model: string | null;
  /** Who the session is for; null or left out: no client. */
  readonly client?: string | null;
  readonly sampleIntervalMs?: number;
  readonly flushIntervalMs?: number;
}

interface Pending {
  readonly samples: SampleBlock;
  readonly events: readonly RecordedEvent[];
  readonly cues: readonly CueRecord[];
  readonly incidents: readonly Incident[];
}

const EMPTY_PENDING: Pending = Object.freeze({
  samples: EMPTY_SAMPLES,
  events: [],
  cues: [],
  incidents: [],
});

export interface RecorderState {
  readonly meta: SessionMeta;
  /** Session time = engine `nowMs` + `clockOffsetMs`. */
  readonly clockOffsetMs: number;
  readonly sampleIntervalMs: number;
  readonly flushIntervalMs: number;
  readonly lastSampleTMs: number | null;
  /** Recorded but not yet cut into a chunk. */
  readonly pending: Pending;
  readonly nextSeq: number;
  /** Session time the last chunk was cut (or the recording started). */
  readonly lastChunkTMs: number;
}

export function stretchInfo(stretch: StretchDefinition): StretchInfo {
  const target = stretch.kind === 'hold' ? stretch.target.measure.measure : null;
  return {
    id: stretch.id,
    name: stretch.name,
    kind: stretch.kind,
    legs: stretch.legs,
    holdMs: stretch.kind === 'hold' ? stretch.dose.holdMs : null,
    reps: stretch.kind === 'hold' ? stretch.dose.reps : null,
    repsPerSet: stretch.kind === 'glide' ? stretch.dose.repsPerSet : null,
    sets: stretch.kind === 'glide' ? stretch.dose.sets : null,
    depthMeasure: target === 'hipFlexionDeg' || target === 'legRaiseDeg' ? target : null,
  };
}

/** A recorder for a new session; its meta is what the store creates the session with. */
export function startRecorder(init: RecorderInit): RecorderState {
  const byId = new Map(init.stretches.map((s) => [s.id, stretchInfo(s)]));
  const sampleIntervalMs = init.sampleIntervalMs ?? SAMPLE_INTERVAL_MS;
  return {
    meta: {
      schemaVersion: SESSION_SCHEMA_VERSION,
      id: init.id,
      startedAtEpochMs: init.startedAtEpochMs,
      status: 'recording',
      endedAtEpochMs: null,
      endReason: null,
      lastTMs: 0,
      routine: [...init.routine],
      stretches: [...byId.values()],
      model: init.model,
      sampleIntervalMs,
      segments: [{ startTMs: 0, startedAtEpochMs: init.startedAtEpochMs }],
      ...(init.client !== undefined && init.client !== null ? { client: init.client } : {}),
    },
    clockOffsetMs: -init.clockOriginMs,
    sampleIntervalMs,
    flushIntervalMs: init.flushIntervalMs ?? FLUSH_INTERVAL_MS,
    lastSampleTMs: null,
    pending: EMPTY_PENDING,
    nextSeq: 0,
    lastChunkTMs: 0,
  };
}

export interface ResumeInit {
  /** Wall clock now. */
  readonly resumedAtEpochMs: number;
  /** The engine clock now (after a reload it restarted from about 0). */
  readonly clockOriginMs: number;
  /** The next chunk number: the count of chunks already stored. */
  readonly nextSeq: number;
  readonly flushIntervalMs?: number;
}

/**
 * Carries on recording an interrupted session. Session time goes on from the wall-clock time
 * since its start, so the gap the crash made shows as a gap; never earlier than what is stored.
 */
export function resumeRecorder(meta: SessionMeta, init: ResumeInit): RecorderState {
  const resumeTMs = Math.max(meta.lastTMs + 1, init.resumedAtEpochMs - meta.startedAtEpochMs);
  return {
    meta: {
      ...meta,
      status: 'recording',
      endedAtEpochMs: null,
      endReason: null,
      lastTMs: resumeTMs,
      segments: [
        ...meta.segments,
        { startTMs: resumeTMs, startedAtEpochMs: init.resumedAtEpochMs },
      ],
    },
    clockOffsetMs: resumeTMs - init.clockOriginMs,
    sampleIntervalMs: meta.sampleIntervalMs,
    flushIntervalMs: init.flushIntervalMs ?? FLUSH_INTERVAL_MS,
    lastSampleTMs: null,
    pending: EMPTY_PENDING,
    nextSeq: init.nextSeq,
    lastChunkTMs: resumeTMs,
  };
}

/**
 * Session time of engine time `nowMs`, in whole milliseconds: page clocks give fractions
 * (`performance.now()`), which add nothing to a chart and digits to every stored time.
 */
export function sessionTime(state: RecorderState, nowMs: number): number {
  return Math.round(nowMs + state.clockOffsetMs);
}

/**
 * Keeps the first frame in each sample-interval slot of session time (0-99 ms, 100-199 ms...).
 * Slots rather than "100 ms since the last kept frame": at 30 fps frames come 33.3 ms apart
 * with jitter, and a minimum gap would keep every fourth frame (7.5 Hz) as often as every third.
 */
export function recordMeasures(
  state: RecorderState,
  measures: BodyMeasures,
  nowMs: number,
): RecorderState {
  const tMs = sessionTime(state, nowMs);
  const slot = Math.floor(tMs / state.sampleIntervalMs);
  if (
    state.lastSampleTMs !== null &&
    slot <= Math.floor(state.lastSampleTMs / state.sampleIntervalMs)
  )
    return state;
  return {
    ...state,
    lastSampleTMs: tMs,
    pending: {
      ...state.pending,
      samples: appendSample(state.pending.samples, sampleFromMeasures(measures, tMs)),
    },
  };
}

/**
 * The event with its times moved by `deltaMs` (engine clock -> session time), rounded to whole
 * milliseconds like `sessionTime`. Events of one transition share one time, so their order holds.
 */
export function shiftEventTime(event: ProtocolEvent, deltaMs: number): RecordedEvent {
  const at = (ms: number) => Math.round(ms + deltaMs);
  if (event.type === 'fault-started' || event.type === 'fault-ended')
    return { ...event, atMs: at(event.atMs), startMs: at(event.startMs) };
  if (deltaMs === 0 && Number.isInteger(event.atMs)) return event;
  return { ...event, atMs: at(event.atMs) };
}

/** Keeps every event, in the order the protocol produced them. */
export function recordEvents(
  state: RecorderState,
  events: readonly ProtocolEvent[],
): RecorderState {
  if (events.length === 0) return state;
  const shifted = events.map((e) => shiftEventTime(e, state.clockOffsetMs));
  return { ...state, pending: { ...state.pending, events: [...state.pending.events, ...shifted] } };
}

/** Keeps a line the coach gave (the engine calls this when the speaker takes it). */
export function recordCue(state: RecorderState, utterance: Utterance): RecorderState {
  const cue: CueRecord = {
    atMs: sessionTime(state, utterance.atMs),
    cueKey: utterance.cueKey,
    text: utterance.text,
    priority: utterance.priority,
    spoken: utterance.speak,
  };
  return { ...state, pending: { ...state.pending, cues: [...state.pending.cues, cue] } };
}

/**
 * Keeps an incident (the model restarted, the camera was lost) that began at engine time
 * `startNowMs` and lasted until `endNowMs`.
 */
export function recordIncident(
  state: RecorderState,
  kind: IncidentKind,
  detail: string,
  startNowMs: number,
  endNowMs: number,
): RecorderState {
  const atMs = sessionTime(state, startNowMs);
  const incident: Incident = {
    atMs,
    durationMs: Math.max(0, sessionTime(state, endNowMs) - atMs),
    kind,
    detail: detail.slice(0, 500),
  };
  return {
    ...state,
    pending: { ...state.pending, incidents: [...state.pending.incidents, incident] },
  };
}

export function hasPending(state: RecorderState): boolean {
  const { samples, events, cues, incidents } = state.pending;
  return sampleCount(samples) > 0 || events.length > 0 || cues.length > 0 || incidents.length > 0;
}

/** Whether a chunk should be cut now: something is pending and the flush interval has passed. */
export function chunkDue(state: RecorderState, nowMs: number): boolean {
  return (
    hasPending(state) && sessionTime(state, nowMs) - state.lastChunkTMs >= state.flushIntervalMs
  );
}

function lastPendingTMs(pending: Pending, fallback: number): number {
  const times = [
    fallback,
    pending.samples.tMs.at(-1) ?? fallback,
    pending.events.at(-1)?.atMs ?? fallback,
    pending.cues.at(-1)?.atMs ?? fallback,
    ...pending.incidents.map((i) => i.atMs + i.durationMs),
  ];
  return Math.max(...times);
}

/**
 * Cuts the pending tail into the next chunk (null when nothing is pending). Call it when
 * `chunkDue`, and without waiting when the page is hidden or the session ends. The meta's
 * `lastTMs` moves to the chunk's last time.
 */
export function takeChunk(
  state: RecorderState,
  nowMs: number,
): [RecorderState, SessionChunk | null] {
  const tMs = sessionTime(state, nowMs);
  if (!hasPending(state)) return [{ ...state, lastChunkTMs: tMs }, null];
  const chunk: SessionChunk = {
    sessionId: state.meta.id,
    seq: state.nextSeq,
    samples: state.pending.samples,
    events: state.pending.events,
    cues: state.pending.cues,
    incidents: state.pending.incidents,
  };
  const lastTMs = lastPendingTMs(state.pending, state.meta.lastTMs);
  return [
    {
      ...state,
      meta: { ...state.meta, lastTMs },
      pending: EMPTY_PENDING,
      nextSeq: state.nextSeq + 1,
      lastChunkTMs: tMs,
    },
    chunk,
  ];
}

/**
 * Closes the meta (status `finished`). Take the last chunk first: this does not touch pending.
 */
export function finishMeta(
  meta: SessionMeta,
  reason: RecordedEndReason,
  endedAtEpochMs: number,
): SessionMeta {
  return { ...meta, status: 'finished', endReason: reason, endedAtEpochMs };
}

/** The session's end reason from its events: the protocol's `session-ended`, if it came. */
export function endReasonFromEvents(events: readonly RecordedEvent[]): RecordedEndReason | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (event?.type === 'session-ended') return event.reason;
  }
  return null;
}

/** A whole session from its meta and its chunks, in `seq` order. */
export function joinChunks(
  meta: SessionMeta,
  chunks: readonly Omit<SessionChunk, 'sessionId' | 'seq'>[],
): SessionRecord {
  return {
    meta,
    samples: concatSamples(chunks.map((c) => c.samples)),
    events: chunks.flatMap((c) => c.events),
    cues: chunks.flatMap((c) => c.cues),
    // Chunks stored before incidents were recorded have none.
    incidents: chunks.flatMap((c) => (c.incidents as readonly Incident[] | undefined) ?? []),
  };
}
