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
import { expectedLeg, stretchById } from '../../src/protocol';
import { HeadlessCoach } from '../../src/coach/headlessCoach';
import type { RecorderState } from '../../src/session/recorder';
import { startRecorder } from '../../src/session/recorder';
import type { SessionChunk, SessionRecord } from '../../src/session/sessionRecord';

/**
 * Generated sessions: a simulated person follows the coaching step (coach/coachStep.ts: the real
 * protocol, cue policy and recorder) frame by frame, measured to order instead of from a pose. The person moves into each stretch to a
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
  const coach = new HeadlessCoach({
    routine,
    session: { nerveGlide },
    recorder: startRecorder({
      id: scenario.id ?? 'generated-session',
      startedAtEpochMs: scenario.startEpochMs ?? Date.UTC(2025, 4, 5, 9, 0, 0),
      clockOriginMs: clockStart,
      stretches: [...routine, ...(routine.some((s) => s.id === nerveGlide.id) ? [] : [nerveGlide])],
      routine: routine.map((s) => s.id),
      model: 'movenet-lightning',
      ...(scenario.sampleIntervalMs === undefined
        ? {}
        : { sampleIntervalMs: scenario.sampleIntervalMs }),
    }),
  });
  let holdIndex = -1;
  let seenEvents = 0;
  const commands = [...(scenario.commands ?? [])];
  const countHolds = (): void => {
    for (const event of coach.events.slice(seenEvents))
      if (event.type === 'rep-started') holdIndex++;
    seenEvents = coach.events.length;
  };

  coach.command({ command: 'start' }, clockStart);
  coach.command({ command: scenario.skipWarmUp ? 'skip' : 'confirm-warm-up' }, clockStart);
  // A simulated session that has not ended in 20 minutes is stuck (e.g. a peak below the
  // stretch's target): fail loudly rather than record an hour of waiting.
  const limitMs = scenario.cutAtMs ?? 1_200_000;
  for (let i = 1; coach.session.phase !== 'done'; i++) {
    const nowMs = Math.round(clockStart + i * stepMs);
    const tMs = nowMs - clockStart;
    if (tMs >= limitMs) break;
    while (commands.length > 0 && (commands[0]?.atMs ?? Infinity) <= tMs) {
      const next = commands.shift();
      if (next !== undefined) coach.command(next.command, nowMs);
    }
    const state = coach.session;
    const stretch = state.routine[state.stretchIndex];
    if (stretch === undefined) break;
    if (state.phase === 'symptom-check') {
      const answer = scenario.symptoms?.[stretch.id] ?? NO_SYMPTOMS;
      coach.command({ command: 'answer-symptoms', answer }, nowMs);
      continue;
    }
    if (state.phase === 'symptom-advice') {
      coach.command({ command: 'skip' }, nowMs);
      continue;
    }
    countHolds();
    coach.measured(measuresOf(frameAt(state, stretch, nowMs, scenario, holdIndex), stretch, nowMs));
  }
  if (scenario.cutAtMs === undefined && coach.session.phase !== 'done')
    throw new Error(`The simulated session did not end (stuck in ${coach.session.phase}).`);
  const events = coach.events;
  const endMs = Math.round(
    clockStart + Math.min(limitMs, (events.at(-1)?.atMs ?? clockStart) - clockStart + 1),
  );
  const record =
    scenario.cutAtMs === undefined
      ? coach.finishedRecord(endMs, { fallback: 'completed' })
      : (coach.flush(endMs), coach.record());
  const recorder = coach.state.recorder;
  if (record === null || recorder === null) throw new Error('The scenario recorded nothing.');
  return { record, chunks: coach.savedChunks, engineEvents: events, recorder };
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
