import { NO_SETUP_GUIDE, nextSetupGuide } from './view/setupGuide';
import { setupHints } from './view/sessionView';
import { initialGeometryState, measureFrame, type BodyMeasures } from '../geometry';
import {
  initialCuePolicyState,
  setCuePolicyOptions,
  speechEnded,
  stepCuePolicy,
} from '../feedback/cuePolicy';
import type { Utterance } from '../feedback/cueTypes';
import {
  TIME_TICK,
  initialSessionState,
  transition,
  type ProtocolEvent,
  type SessionInput,
} from '../protocol';
import {
  chunkDue,
  recordCue,
  recordEvents,
  recordIncident,
  recordMeasures,
  takeChunk,
  type RecorderState,
} from '../session/recorder';
import type { CoachEffect, CoachInit, CoachInput, CoachState } from './coachTypes';

/**
 * THE COACHING STEP: where a frame becomes a cue. One pure function composes the pure layers in
 * the order of DESIGN.md §1 —
 *
 *   pose -> geometry (measureFrame) -> protocol (transition) -> cue policy (stepCuePolicy)
 *        -> recorder (recordMeasures / recordEvents / recordCue / takeChunk)
 *
 * — and returns what should happen as data (`CoachEffect`: say, silence, save-chunk, clip-pose,
 * session-ended...), executing nothing, like an XState transition. Live sessions
 * (engine/live/), analysed videos (review/offlineSession.ts), replays, tests and benches all
 * call it; headlessCoach.ts drives it without a page.
 *
 * Time: `nowMs` dates every input except a frame, which is dated by its own `timestampMs` (when
 * its picture was taken). A step is never dated before the one it follows, so a frame that was
 * taken before a tick but analysed after it counts at the tick's time.
 */
export function coachStep(
  state: CoachState,
  input: CoachInput,
  nowMs: number,
): readonly [CoachState, readonly CoachEffect[]] {
  switch (input.type) {
    case 'frame': {
      const atMs = Math.max(state.timeMs, input.timestampMs);
      const [geometry, measures] = measureFrame(state.geometry, input.pose, atMs);
      const clipPose: CoachEffect = {
        type: 'clip-pose',
        timestampMs: input.timestampMs,
        pose: input.pose,
      };
      return advanceWithFrame({ ...state, geometry }, measures, atMs, [clipPose]);
    }
    case 'measured-frame': {
      const atMs = Math.max(state.timeMs, input.measures.timestampMs);
      return advanceWithFrame(state, input.measures, atMs, []);
    }
    case 'command': {
      const atMs = Math.max(state.timeMs, nowMs);
      // Stop means quiet now: the line being said is cut off, not finished.
      const first: CoachEffect[] = input.command.command === 'stop' ? [{ type: 'silence' }] : [];
      return advance({ ...state, timeMs: atMs }, input.command, atMs, first);
    }
    case 'tick': {
      const atMs = Math.max(state.timeMs, nowMs);
      return advance({ ...state, timeMs: atMs }, TIME_TICK, atMs, []);
    }
    case 'speech-ended':
      return [
        { ...state, policy: speechEnded(state.policy, input.utteranceId, nowMs) },
        NO_EFFECTS,
      ];
    case 'settings': {
      const wasMuted = state.policy.options.muted;
      const policy = setCuePolicyOptions(state.policy, input.settings);
      const silence: readonly CoachEffect[] =
        policy.options.muted && !wasMuted ? [{ type: 'silence' }] : NO_EFFECTS;
      return [{ ...state, policy }, silence];
    }
    case 'incident': {
      if (state.recorder === null) return [state, NO_EFFECTS];
      const atMs = Math.max(state.timeMs, nowMs);
      const recorder = recordIncident(
        state.recorder,
        input.kind,
        input.detail,
        input.sinceMs,
        atMs,
      );
      return [{ ...state, recorder }, NO_EFFECTS];
    }
    case 'flush': {
      if (state.recorder === null) return [state, NO_EFFECTS];
      const [recorder, saves] = cutChunk(state.recorder, Math.max(state.timeMs, nowMs));
      return [{ ...state, recorder }, saves];
    }
  }
}

/** A coaching session that has not started: send the `start` command to begin. */
export function initialCoachState(init: CoachInit): CoachState {
  return {
    coaching: init.coaching ?? true,
    unrecorded: new Set(init.unrecorded ?? []),
    timeMs: -Infinity,
    geometry: initialGeometryState(init.geometry),
    measures: null,
    session: initialSessionState(init.routine, init.session),
    policy: initialCuePolicyState(init.settings),
    recorder: init.recorder ?? null,
    setupGuide: NO_SETUP_GUIDE,
  };
}

const NO_EFFECTS: readonly CoachEffect[] = Object.freeze([]);
const NOTHING_SAID: readonly Utterance[] = Object.freeze([]);

function advanceWithFrame(
  state: CoachState,
  measures: BodyMeasures,
  atMs: number,
  first: CoachEffect[],
): readonly [CoachState, readonly CoachEffect[]] {
  // Every frame's measures are kept (at the recorder's rate), also after the routine ended: an
  // analysed video's charts run to its end.
  const recorder = state.recorder === null ? null : recordMeasures(state.recorder, measures, atMs);
  return advance({ ...state, measures, recorder, timeMs: atMs }, measures, atMs, first);
}

/** One input through protocol, cue policy and recorder. */
function advance(
  state: CoachState,
  input: SessionInput,
  atMs: number,
  effects: CoachEffect[],
): readonly [CoachState, readonly CoachEffect[]] {
  const [session, events] = transition(state.session, input, atMs);
  // After a resume the guide starts over, so its line is said again to the returning user.
  const guideBefore = isResume(input) ? NO_SETUP_GUIDE : state.setupGuide;
  const setupGuide = nextSetupGuide(
    guideBefore,
    setupHints(session),
    session.phase === 'setup',
    atMs,
  );
  const newLine = setupGuide !== guideBefore ? setupGuide.text : null;
  const [policy, said] = state.coaching
    ? stepCuePolicy(state.policy, events, session, atMs, newLine)
    : [state.policy, NOTHING_SAID];
  if (events.length > 0) effects.push({ type: 'protocol-events', events });
  for (const utterance of said) effects.push({ type: 'say', utterance });

  let recorder = state.recorder;
  if (recorder !== null) {
    recorder = recordEvents(recorder, recordable(events, state.unrecorded));
    for (const utterance of said) recorder = recordCue(recorder, utterance);
  }
  const ended = events.find((e) => e.type === 'session-ended');
  if (recorder !== null && (ended !== undefined || chunkDue(recorder, atMs))) {
    let saves: readonly CoachEffect[];
    [recorder, saves] = cutChunk(recorder, atMs);
    effects.push(...saves);
  }
  if (ended !== undefined) effects.push({ type: 'session-ended', reason: ended.reason });
  return [
    { ...state, session, policy, recorder, setupGuide },
    effects.length === 0 ? NO_EFFECTS : effects,
  ];
}

function isResume(input: SessionInput): boolean {
  return 'command' in input && input.command === 'resume';
}

function recordable(
  events: readonly ProtocolEvent[],
  unrecorded: ReadonlySet<ProtocolEvent['type']>,
): readonly ProtocolEvent[] {
  if (unrecorded.size === 0 || events.length === 0) return events;
  return events.filter((e) => !unrecorded.has(e.type));
}

function cutChunk(
  recorder: RecorderState,
  atMs: number,
): readonly [RecorderState, readonly CoachEffect[]] {
  const [next, chunk] = takeChunk(recorder, atMs);
  return [next, chunk === null ? NO_EFFECTS : [{ type: 'save-chunk', meta: next.meta, chunk }]];
}
