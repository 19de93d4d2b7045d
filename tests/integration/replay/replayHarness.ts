import type { BodyMeasures, MeasureOptions } from '../../../src/geometry';
import type { Side } from '../../../src/geometry/measures';
import type { Pose } from '../../../src/geometry/types';
import type { CuePolicyState } from '../../../src/feedback/cuePolicy';
import type { CuePolicyOptions, Utterance } from '../../../src/feedback/cueTypes';
import type {
  ProtocolEvent,
  SessionOptions,
  SessionState,
  StretchDefinition,
  UserCommand,
} from '../../../src/protocol';
import { HeadlessCoach } from '../../../src/coach/headlessCoach';
import type { Action, BodySpec, BodyTrack } from '../../../src/demo/bodyModel';
import { bodyTrack } from '../../../src/demo/bodyModel';

/**
 * Replays generated keypoints through the coaching step (coach/coachStep.ts), as the engine runs
 * it: pose -> geometry -> protocol -> cue policy, on a fake clock.
 */
export interface Replay {
  readonly session: SessionState;
  readonly policy: CuePolicyState;
  readonly said: readonly Utterance[];
  readonly events: readonly ProtocolEvent[];
  /** Every frame's measures with its time, for diagnosing a failure. */
  readonly measures: readonly BodyMeasures[];
  readonly endMs: number;
}

export interface ReplayScript {
  readonly routine: readonly StretchDefinition[];
  /** The camera's view of the user at `tMs`, who may follow the session (`state`). */
  readonly user: (tMs: number, state: SessionState) => Pose | null;
  readonly until?: (state: SessionState) => boolean;
  readonly limitMs?: number;
  readonly fps?: number;
  readonly commands?: readonly { readonly atMs: number; readonly command: UserCommand }[];
  /** Answer the symptom check "no" as soon as it is asked (default true). */
  readonly answerNo?: boolean;
  readonly cues?: Partial<CuePolicyOptions>;
  readonly session?: Partial<SessionOptions>;
  readonly geometry?: MeasureOptions;
}

const NO_SYMPTOMS = { tingling: false, numbness: false, sharpPain: false };

export function replay(script: ReplayScript): Replay {
  const coach = new HeadlessCoach({
    routine: script.routine,
    ...(script.session === undefined ? {} : { session: script.session }),
    ...(script.cues === undefined ? {} : { settings: script.cues }),
    ...(script.geometry === undefined ? {} : { geometry: script.geometry }),
  });
  const measures: BodyMeasures[] = [];
  const pending = [...(script.commands ?? [])].sort((a, b) => a.atMs - b.atMs);
  coach.command({ command: 'start' }, 0);
  if (coach.session.phase === 'warm-up') coach.command({ command: 'confirm-warm-up' }, 0);
  const stepMs = 1000 / (script.fps ?? 30);
  const limitMs = script.limitMs ?? 900_000;
  let t = 0;
  for (let i = 1; t < limitMs && !(script.until?.(coach.session) ?? false); i++) {
    t = Math.round(i * stepMs);
    while (pending.length > 0 && (pending[0]?.atMs ?? Infinity) <= t)
      coach.command(pending.shift()!.command, t);
    if (coach.session.phase === 'symptom-check' && script.answerNo !== false)
      coach.command({ command: 'answer-symptoms', answer: NO_SYMPTOMS }, t);
    if (coach.session.phase === 'done') break;
    coach.frame(script.user(t, coach.session), t);
    if (coach.measures !== null) measures.push(coach.measures);
  }
  return {
    session: coach.session,
    policy: coach.state.policy,
    said: coach.said,
    events: coach.events,
    measures,
    endMs: t,
  };
}

/**
 * A user who follows the session: in the start position of `spec` between reps, on the leg the
 * session asks for, and doing `repActions` (times from the start of each rep) during each hold
 * or glide set.
 */
export function followingUser(
  spec: Omit<BodySpec, 'actions' | 'workingLeg'>,
  repActions: readonly Action[],
  firstLeg: Side = 'left',
): (tMs: number, state: SessionState) => Pose | null {
  const tracks = new Map<string, BodyTrack>();
  const trackFor = (leg: Side, inRep: boolean): BodyTrack => {
    const key = `${leg}:${inRep}`;
    let track = tracks.get(key);
    if (track === undefined) {
      track = bodyTrack({ ...spec, workingLeg: leg, actions: inRep ? repActions : [] });
      tracks.set(key, track);
    }
    return track;
  };
  return (tMs, state) => {
    const second =
      state.pass === 1 ||
      (state.phase === 'rest' &&
        state.leg !== null &&
        state.leg !== firstLeg &&
        state.firstLeg !== null);
    const leg: Side = second ? (firstLeg === 'left' ? 'right' : 'left') : firstLeg;
    const inRep = (state.phase === 'hold' || state.phase === 'glide') && state.paused === null;
    return trackFor(leg, inRep).poseAt(inRep ? tMs - state.repStartMs : tMs);
  };
}

export function ofType<T extends ProtocolEvent['type']>(
  events: readonly ProtocolEvent[],
  type: T,
): Extract<ProtocolEvent, { type: T }>[] {
  return events.filter((e): e is Extract<ProtocolEvent, { type: T }> => e.type === type);
}
