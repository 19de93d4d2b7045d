import type {
  BodyMeasures,
  BodyOrientation,
  Measured,
  PerLeg,
  Side,
} from '../../src/geometry/measures';
import type { Degrees } from '../../src/geometry/units';
import { degrees } from '../../src/geometry/units';
import type { Utterance } from '../../src/feedback/cueTypes';
import type {
  ProtocolEvent,
  SessionState,
  StretchDefinition,
  SymptomAnswer,
  UserCommand,
} from '../../src/protocol';
import { expectedLeg, initialSessionState, stretchById, transition } from '../../src/protocol';
import type { RecorderState } from '../../src/session/recorder';
import {
  chunkDue,
  finishMeta,
  recordCue,
  recordEvents,
  recordMeasures,
  startRecorder,
  takeChunk,
} from '../../src/session/recorder';
import { concatSamples } from '../../src/session/sampleBlock';
import type { SessionChunk, SessionRecord } from '../../src/session/sessionRecord';

/**
 * Generated sessions: a simulated person follows the real protocol (`transition`) frame by frame
 * while the real recorder keeps what it would keep. The person moves into each stretch to a
 * chosen peak angle, breathes (a slow 1.5 degree wobble), and shows the form faults a scenario
 * asks for, at chosen times of chosen holds. Deterministic: no randomness, a fake clock.
 */

/** Per-frame overrides during part of a hold, e.g. a rounded back. */
export interface FaultWindow {
  /** 0-based index of the hold (rep) in the session. */
  readonly hold: number;
  /** Milliseconds after that rep started. */
  readonly fromMs: number;
  readonly toMs: number;
  readonly set: Partial<Pick<Frame, 'roundingIndex' | 'kneeDeg' | 'depthDeg' | 'neckDeg'>>;
}

export interface Scenario {
  /** Stretch ids, with optional dose changes for shorter test sessions. */
  readonly routine: readonly string[];
  readonly holdMs?: number;
  readonly reps?: number;
  readonly restMs?: number;
  readonly startEpochMs?: number;
  /** Engine clock reading at the start (any value: the recorder makes times relative). */
  readonly clockStartMs?: number;
  readonly fps?: number;
  /** Peak depth angle per leg (hip hinge, or leg raise for the strap stretch). */
  readonly peakDeg?: { readonly left: number; readonly right: number };
  readonly firstLeg?: Side;
  readonly faults?: readonly FaultWindow[];
  /** Answers to the symptom check, by stretch id (default: none). */
  readonly symptoms?: Readonly<Record<string, SymptomAnswer>>;
  /** Commands at given session times (pause, resume, stop...). */
  readonly commands?: readonly { readonly atMs: number; readonly command: UserCommand }[];
  /** Skip the warm-up instead of confirming it. */
  readonly skipWarmUp?: boolean;
  /** Stop generating here (a crash): the record is left recording. */
  readonly cutAtMs?: number;
  readonly id?: string;
  /** Recorder sample interval; larger makes smaller files (fixtures for history views). */
  readonly sampleIntervalMs?: number;
}

export interface GeneratedSession {
  /** The whole session as the recorder's chunks put it together. */
  readonly record: SessionRecord;
  readonly chunks: readonly SessionChunk[];
  /** Every protocol event in engine time, as `transition` returned them. */
  readonly engineEvents: readonly ProtocolEvent[];
  readonly recorder: RecorderState;
}

interface Frame {
  readonly orientation: BodyOrientation;
  readonly workingLeg: Side | null;
  readonly depthDeg: number;
  readonly kneeDeg: number;
  readonly otherKneeDeg: number;
  readonly roundingIndex: number;
  readonly neckDeg: number;
  readonly ankleDeg: number;
  readonly trunkDeg: number;
}

const NO_SYMPTOMS: SymptomAnswer = { tingling: false, numbness: false, sharpPain: false };
const RAMP_MS = 3_000;

function withDose(stretch: StretchDefinition, scenario: Scenario): StretchDefinition {
  if (stretch.kind !== 'hold') return stretch;
  return {
    ...stretch,
    dose: {
      ...stretch.dose,
      holdMs: scenario.holdMs ?? stretch.dose.holdMs,
      reps: scenario.reps ?? stretch.dose.reps,
      restMs: scenario.restMs ?? stretch.dose.restMs,
    },
  };
}

function available<T>(value: T): Measured<T> {
  return { value, confidence: 0.9 };
}

const notApplicable: Measured<never> = {
  value: null,
  confidence: 0,
  reason: 'not-applicable',
  joints: [],
};

function perLeg(working: Side, mine: number | null, other: number | null): PerLeg<Degrees> {
  const m = (v: number | null): Measured<Degrees> =>
    v === null ? notApplicable : available(degrees(v));
  return working === 'left'
    ? { left: m(mine), right: m(other) }
    : { left: m(other), right: m(mine) };
}

function measuresOf(frame: Frame, stretch: StretchDefinition, tMs: number): BodyMeasures {
  const leg = frame.workingLeg ?? 'left';
  const lying = stretch.id === 'supine-strap';
  const knee = (deg: number) =>
    deg > 182 ? 'locked' : deg > 170 ? 'straight' : deg > 160 ? 'soft' : 'bent';
  return {
    timestampMs: tMs,
    personFound: true,
    wholeBodyInFrame: available(true),
    nearSide: available(leg),
    view: available('side'),
    orientation: available(frame.orientation),
    workingLeg: frame.workingLeg === null ? notApplicable : available(frame.workingLeg),
    hipFlexionDeg: perLeg(leg, lying ? 20 : frame.depthDeg, lying ? 5 : 10),
    legRaiseDeg: lying ? perLeg(leg, frame.depthDeg, 5) : perLeg(leg, null, null),
    kneeAngleDeg: perLeg(leg, frame.kneeDeg, frame.otherKneeDeg),
    kneeState:
      leg === 'left'
        ? { left: available(knee(frame.kneeDeg)), right: available(knee(frame.otherKneeDeg)) }
        : { left: available(knee(frame.otherKneeDeg)), right: available(knee(frame.kneeDeg)) },
    ankleFlexionDeg: perLeg(leg, frame.ankleDeg, 0),
    neckFlexionDeg: available(degrees(frame.neckDeg)),
    trunkInclinationDeg: available(degrees(frame.trunkDeg)),
    rounding: available({ index: frame.roundingIndex, method: 'trunk-chord' }),
    backState: available(frame.roundingIndex >= 1 ? 'rounded' : 'flat'),
  };
}

/** Where the simulated person is at `tMs`, following the session's phase. */
function frameAt(
  state: SessionState,
  stretch: StretchDefinition,
  tMs: number,
  scenario: Scenario,
  holdIndex: number,
): Frame {
  const leg =
    stretch.legs === 'both-legs' ? null : (expectedLeg(state) ?? scenario.firstLeg ?? 'left');
  const peaks = scenario.peakDeg ?? { left: 75, right: 70 };
  const peak = leg === 'right' ? peaks.right : peaks.left;
  const base: Frame = {
    orientation: stretch.start.orientation,
    workingLeg: leg,
    depthDeg:
      { 'standing-hamstring': 35, 'seated-long-sit': 90, 'supine-strap': 30 }[stretch.id] ?? 30,
    kneeDeg: 176,
    otherKneeDeg: 172,
    roundingIndex: 0.3,
    neckDeg: 5,
    ankleDeg: 8,
    trunkDeg: stretch.start.orientation === 'upright' ? 10 : 8,
  };
  const sinceRepMs = tMs - state.repStartMs;
  if (state.phase === 'glide') {
    // One repetition every 3 s: chin down and toes up, then chin up and toes pointed.
    const firstHalf = Math.floor(sinceRepMs / 1_500) % 2 === 0;
    return { ...base, neckDeg: firstHalf ? 35 : 0, ankleDeg: firstHalf ? 15 : -25 };
  }
  if (state.phase !== 'hold') return base;
  const ramp = Math.min(1, sinceRepMs / RAMP_MS);
  const breathing = 1.5 * Math.sin((2 * Math.PI * sinceRepMs) / 4_000);
  let frame: Frame = {
    ...base,
    depthDeg: base.depthDeg + ramp * (peak - base.depthDeg) + ramp * breathing,
  };
  for (const fault of scenario.faults ?? []) {
    if (fault.hold === holdIndex && sinceRepMs >= fault.fromMs && sinceRepMs < fault.toMs)
      frame = { ...frame, ...fault.set };
  }
  return frame;
}

/** Runs `scenario` to the end of the session (or `cutAtMs`) and records it. */
export function generateSession(scenario: Scenario): GeneratedSession {
  const routine = scenario.routine.map((id) => withDose(stretchById(id), scenario));
  const nerveGlide = stretchById('sciatic-nerve-glide');
  const clockStart = scenario.clockStartMs ?? 50_000;
  const stepMs = 1000 / (scenario.fps ?? 30);
  let state = initialSessionState(routine, { nerveGlide });
  let recorder = startRecorder({
    id: scenario.id ?? 'generated-session',
    startedAtEpochMs: scenario.startEpochMs ?? Date.UTC(2025, 4, 5, 9, 0, 0),
    clockOriginMs: clockStart,
    stretches: [...routine, ...(routine.some((s) => s.id === nerveGlide.id) ? [] : [nerveGlide])],
    routine: routine.map((s) => s.id),
    model: 'movenet-lightning',
    ...(scenario.sampleIntervalMs === undefined
      ? {}
      : { sampleIntervalMs: scenario.sampleIntervalMs }),
  });
  const chunks: SessionChunk[] = [];
  const engineEvents: ProtocolEvent[] = [];
  let holdIndex = -1;
  const commands = [...(scenario.commands ?? [])];

  const apply = (input: Parameters<typeof transition>[1], nowMs: number) => {
    const [next, events] = transition(state, input, nowMs);
    state = next;
    engineEvents.push(...events);
    recorder = recordEvents(recorder, events);
    for (const event of events) {
      if (event.type === 'rep-started') holdIndex++;
      // A stand-in for the cue policy: the coach names a fault 0.7 s after it starts.
      if (event.type === 'fault-started')
        recorder = recordCue(
          recorder,
          utterance(`fault:${event.fault}`, `Fix: ${event.fault}`, event.atMs + 700),
        );
    }
  };

  apply({ command: 'start' }, clockStart);
  apply({ command: scenario.skipWarmUp ? 'skip' : 'confirm-warm-up' }, clockStart);
  // A simulated session that has not ended in 20 minutes is stuck (e.g. a peak below the
  // stretch's target): fail loudly rather than record an hour of waiting.
  const limitMs = scenario.cutAtMs ?? 1_200_000;
  for (let i = 1; state.phase !== 'done'; i++) {
    const nowMs = Math.round(clockStart + i * stepMs);
    const tMs = nowMs - clockStart;
    if (tMs >= limitMs) break;
    while (commands.length > 0 && (commands[0]?.atMs ?? Infinity) <= tMs) {
      const next = commands.shift();
      if (next !== undefined) apply(next.command, nowMs);
    }
    const stretch = state.routine[state.stretchIndex];
    if (stretch === undefined) break;
    if (state.phase === 'symptom-check') {
      apply(
        { command: 'answer-symptoms', answer: scenario.symptoms?.[stretch.id] ?? NO_SYMPTOMS },
        nowMs,
      );
      continue;
    }
    if (state.phase === 'symptom-advice') {
      apply({ command: 'skip' }, nowMs);
      continue;
    }
    const measures = measuresOf(
      frameAt(state, stretch, nowMs, scenario, holdIndex),
      stretch,
      nowMs,
    );
    recorder = recordMeasures(recorder, measures, nowMs);
    apply(measures, nowMs);
    if (chunkDue(recorder, nowMs)) {
      const [next, chunk] = takeChunk(recorder, nowMs);
      recorder = next;
      if (chunk !== null) chunks.push(chunk);
    }
  }
  if (scenario.cutAtMs === undefined && state.phase !== 'done')
    throw new Error(`The simulated session did not end (stuck in ${state.phase}).`);
  const endMs = Math.round(
    clockStart + Math.min(limitMs, (engineEvents.at(-1)?.atMs ?? clockStart) - clockStart + 1),
  );
  const [last, chunk] = takeChunk(recorder, endMs);
  recorder = last;
  if (chunk !== null) chunks.push(chunk);
  if (scenario.cutAtMs === undefined)
    recorder = {
      ...recorder,
      meta: finishMeta(
        recorder.meta,
        'completed',
        recorder.meta.startedAtEpochMs + recorder.meta.lastTMs,
      ),
    };
  return { record: recordFromChunks(recorder, chunks), chunks, engineEvents, recorder };
}

function recordFromChunks(recorder: RecorderState, chunks: readonly SessionChunk[]): SessionRecord {
  const ended = [...chunks]
    .reverse()
    .flatMap((c) => c.events)
    .find((e) => e.type === 'session-ended');
  const meta =
    recorder.meta.status === 'finished' && ended?.type === 'session-ended'
      ? { ...recorder.meta, endReason: ended.reason }
      : recorder.meta;
  return {
    meta,
    samples: concatSamples(chunks.map((c) => c.samples)),
    events: chunks.flatMap((c) => c.events),
    cues: chunks.flatMap((c) => c.cues),
    incidents: chunks.flatMap((c) => c.incidents),
  };
}

export function utterance(cueKey: string, text: string, atMs: number): Utterance {
  return {
    id: `${cueKey}#1`,
    cueKey,
    text,
    priority: 'form',
    interrupt: false,
    interruptible: true,
    speak: true,
    tone: null,
    estimatedMs: 1_500,
    atMs,
  };
}
