import type { CuePolicyState } from '../../src/feedback/cuePolicy';
import { initialCuePolicyState, stepCuePolicy } from '../../src/feedback/cuePolicy';
import type { BodyMeasures, GeometryState } from '../../src/geometry';
import { initialGeometryState, measureFrame } from '../../src/geometry';
import type { Pose } from '../../src/geometry/types';
import type { ProtocolEvent, SessionState, StretchDefinition } from '../../src/protocol';
import { initialSessionState, stretchById, transition } from '../../src/protocol';
import type { ModelFamily } from '../../src/demo/bodyModel';
import { bounce, glideReps, hinge, roundBack } from '../../src/demo/bodyModel';
import { HeadlessCoach } from '../../src/coach/headlessCoach';
import { coachStep, initialCoachState } from '../../src/coach/coachStep';
import type { CoachState } from '../../src/coach/coachTypes';
import { startRecorder } from '../../src/session/recorder';
import { followingUser } from '../../tests/integration/replay/replayHarness';
import { fixed, printTable } from './table';

export const title =
  'Pure stages in Node: geometry, protocol, cue policy, and the coaching step that chains them';

/**
 * The goal (issue 4): at least 20,000 frames/s, so the pure stages cost under 1% of a model
 * frame (MoveNet Lightning takes 50-70 ms in Node, ~15-30 ms in a browser).
 */
const GOAL_FRAMES_PER_S = 20_000;
const FPS = 30;
const REPEATS = 5;

interface Recorded {
  readonly poses: readonly (Pose | null)[];
  readonly timesMs: readonly number[];
  readonly routine: readonly StretchDefinition[];
}

/**
 * A whole standing-stretch session (two reps a leg, with a rounded back, a bounce and a break in
 * each rep) then a nerve-glide set, recorded once from a user who follows the session, so that
 * the timed passes replay the same poses without generating them.
 */
function record(model: ModelFamily): Recorded {
  const routine = [stretchById('standing-hamstring'), stretchById('sciatic-nerve-glide')];
  const standing = followingUser(
    { posture: 'standing-step', nearSide: 'right', model, noise: { sigmaPx: 1.5, seed: 1 } },
    [
      hinge(80, { atMs: 0 }),
      roundBack({ atMs: 12_000, forMs: 3_000 }),
      bounce({ atMs: 20_000, forMs: 3_000 }),
    ],
  );
  const glide = followingUser({ posture: 'chair', nearSide: 'right', model }, [
    ...glideReps({ atMs: 500, reps: 12, repMs: 3_000 }),
  ]);
  const coach = new HeadlessCoach({ routine });
  startSession(coach);
  const poses: (Pose | null)[] = [];
  const timesMs: number[] = [];
  for (let i = 1; coach.session.phase !== 'done' && i < 30 * 60 * FPS; i++) {
    const t = Math.round((i * 1000) / FPS);
    answerSymptomCheck(coach, t);
    const user = coach.session.stretchIndex === 0 ? standing : glide;
    const pose = user(t, coach.session);
    coach.frame(pose, t);
    poses.push(pose);
    timesMs.push(t);
  }
  return { poses, timesMs, routine };
}

const NO_SYMPTOMS = { tingling: false, numbness: false, sharpPain: false };

function startSession(coach: HeadlessCoach): void {
  coach.command({ command: 'start' }, 0);
  coach.command({ command: 'confirm-warm-up' }, 0);
}

function answerSymptomCheck(coach: HeadlessCoach, t: number): void {
  if (coach.session.phase === 'symptom-check')
    coach.command({ command: 'answer-symptoms', answer: NO_SYMPTOMS }, t);
}

function startedSession(routine: readonly StretchDefinition[]): SessionState {
  const started = transition(initialSessionState(routine), { command: 'start' }, 0)[0];
  return transition(started, { command: 'confirm-warm-up' }, 0)[0];
}

/** Every stage's input, recorded in one untimed pass so each stage can be timed alone. */
interface StageInputs {
  readonly measures: readonly BodyMeasures[];
  readonly sessions: readonly SessionState[];
  readonly events: readonly (readonly ProtocolEvent[])[];
}

function stageInputs(recorded: Recorded): StageInputs {
  const coach = new HeadlessCoach({ routine: recorded.routine });
  startSession(coach);
  const measures: BodyMeasures[] = [];
  const sessions: SessionState[] = [];
  const events: (readonly ProtocolEvent[])[] = [];
  recorded.poses.forEach((pose, i) => {
    const t = recorded.timesMs[i] as number;
    answerSymptomCheck(coach, t);
    sessions.push(coach.session);
    const effects = coach.frame(pose, t);
    measures.push(coach.measures as BodyMeasures);
    events.push(effects.flatMap((e) => (e.type === 'protocol-events' ? e.events : [])));
  });
  return { measures, sessions, events };
}

/** A started coaching state, recording (as live) or not. */
function startedCoach(routine: readonly StretchDefinition[], recording: boolean): CoachState {
  const recorder = recording
    ? startRecorder({
        id: 'bench',
        startedAtEpochMs: 0,
        clockOriginMs: 0,
        stretches: routine,
        routine: routine.map((s) => s.id),
        model: null,
      })
    : null;
  let state = initialCoachState({ routine, recorder });
  state = coachStep(state, { type: 'command', command: { command: 'start' } }, 0)[0];
  return coachStep(state, { type: 'command', command: { command: 'confirm-warm-up' } }, 0)[0];
}

/** The coaching step over every recorded pose (answering the symptom check as a user would). */
function timeCoachStep(recorded: Recorded, recording: boolean): number {
  let state = startedCoach(recorded.routine, recording);
  const answer = { command: 'answer-symptoms', answer: NO_SYMPTOMS } as const;
  const start = performance.now();
  for (let i = 0; i < recorded.poses.length; i++) {
    const t = recorded.timesMs[i] as number;
    if (state.session.phase === 'symptom-check')
      state = coachStep(state, { type: 'command', command: answer }, t)[0];
    const pose = recorded.poses[i] ?? null;
    state = coachStep(state, { type: 'frame', timestampMs: t, pose }, t)[0];
  }
  return performance.now() - start;
}

/** The timed passes; each returns ms for all frames. */
const STAGES = {
  geometry(recorded: Recorded): number {
    let geometry: GeometryState = initialGeometryState();
    const start = performance.now();
    for (let i = 0; i < recorded.poses.length; i++)
      geometry = measureFrame(
        geometry,
        recorded.poses[i] ?? null,
        recorded.timesMs[i] as number,
      )[0];
    return performance.now() - start;
  },
  protocol(recorded: Recorded, inputs: StageInputs): number {
    let session = startedSession(recorded.routine);
    const start = performance.now();
    for (let i = 0; i < inputs.measures.length; i++) {
      const t = recorded.timesMs[i] as number;
      if (session.phase === 'symptom-check')
        session = transition(session, { command: 'answer-symptoms', answer: NO_SYMPTOMS }, t)[0];
      session = transition(session, inputs.measures[i] as BodyMeasures, t)[0];
    }
    return performance.now() - start;
  },
  policy(recorded: Recorded, inputs: StageInputs): number {
    let policy: CuePolicyState = initialCuePolicyState();
    let lines = 0;
    const start = performance.now();
    for (let i = 0; i < inputs.events.length; i++) {
      const [next, said] = stepCuePolicy(
        policy,
        inputs.events[i] ?? [],
        inputs.sessions[i] as SessionState,
        recorded.timesMs[i] as number,
      );
      policy = next;
      lines += said.length;
    }
    const ms = performance.now() - start;
    if (lines === 0) throw new Error('The policy said nothing: the bench is broken.');
    return ms;
  },
  chain(recorded: Recorded): number {
    return timeCoachStep(recorded, false);
  },
  recording(recorded: Recorded): number {
    return timeCoachStep(recorded, true);
  },
};

/**
 * Best of `REPEATS` rounds, the stages interleaved within each round: the machine is shared, so
 * the fastest pass of each is the least disturbed, and drift hits all stages alike.
 */
function timeStages(recorded: Recorded): Record<keyof typeof STAGES, number> {
  const inputs = stageInputs(recorded);
  const best = {
    geometry: Infinity,
    protocol: Infinity,
    policy: Infinity,
    chain: Infinity,
    recording: Infinity,
  };
  for (let round = 0; round <= REPEATS; round++) {
    const times = {
      geometry: STAGES.geometry(recorded),
      protocol: STAGES.protocol(recorded, inputs),
      policy: STAGES.policy(recorded, inputs),
      chain: STAGES.chain(recorded),
      recording: STAGES.recording(recorded),
    };
    // Round 0 warms the JIT and is not counted.
    if (round === 0) continue;
    for (const key of Object.keys(best) as (keyof typeof best)[])
      best[key] = Math.min(best[key], times[key]);
  }
  return best;
}

export function run(): Promise<void> {
  const rows: string[][] = [];
  for (const model of ['movenet', 'blazepose'] as const) {
    const recorded = record(model);
    const frames = recorded.poses.length;
    const ms = timeStages(recorded);
    const us = (stageMs: number): string => fixed((stageMs * 1000) / frames, 2);
    const chainPerSecond = (frames * 1000) / ms.chain;
    rows.push([
      model,
      String(frames),
      us(ms.geometry),
      us(ms.protocol),
      us(ms.policy),
      us(ms.chain),
      us(ms.recording),
      fixed(chainPerSecond, 0),
      chainPerSecond >= GOAL_FRAMES_PER_S ? 'yes' : 'NO',
    ]);
  }
  printTable(
    [
      'keypoints',
      'frames',
      'geometry us/f',
      'protocol us/f',
      'policy us/f',
      'coachStep us/f',
      '+ recorder us/f',
      'coachStep frames/s',
      `>= ${GOAL_FRAMES_PER_S}/s`,
    ],
    rows,
  );
  console.log(
    `A generated session (standing stretch with faults and a bounce each rep, then a glide), ${FPS} frames/s of ` +
      `video; each stage timed alone on recorded inputs, then the coaching step (without, then with the recorder); best of ${REPEATS} interleaved rounds.`,
  );
  return Promise.resolve();
}
