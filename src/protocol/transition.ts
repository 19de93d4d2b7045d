import type { ProtocolEvent, SessionPhase, SymptomAnswer } from './events';
import { NO_EVENTS } from './events';
import { advanceActivePhase } from './framePhases';
import { easeTarget, moveOn, stallChoiceApplies } from './holdStall';
import { resumeHoldTimer } from './holdTimer';
import type { Step } from './phaseFlow';
import {
  afterSymptomCheck,
  changePhase,
  closeRep,
  endSession,
  endStretch,
  enterSetup,
  startStretch,
  andThen,
  withEvents,
} from './phaseFlow';
import type { SessionInput, UserCommand } from './commands';
import { isTimeTick, isUserCommand } from './commands';
import type { SessionState } from './sessionState';
import { currentStretch } from './sessionState';

/**
 * The session machine: pure, like an XState transition. It returns the next state and the events
 * the step implies (phase changes, countdown ticks, reps, faults, symptom answers) and executes
 * nothing: the engine speaks, beeps and saves from the events. `nowMs` is the only clock.
 */
export function transition(
  state: SessionState,
  input: SessionInput,
  nowMs: number,
): readonly [SessionState, readonly ProtocolEvent[]] {
  if (isUserCommand(input)) return applyCommand(state, input, nowMs);
  if (state.paused !== null) return [state, NO_EVENTS];
  return advanceActivePhase(state, isTimeTick(input) ? null : input, nowMs);
}

/** Phases the user can pause, stop or skip in (a rep or its setup is under way). */
const ACTIVE_PHASES: ReadonlySet<SessionPhase> = new Set([
  'setup',
  'countdown',
  'hold',
  'glide',
  'rest',
]);

function applyCommand(state: SessionState, command: UserCommand, nowMs: number): Step {
  const active = ACTIVE_PHASES.has(state.phase);
  switch (command.command) {
    case 'start':
      if (state.phase !== 'idle') break;
      return withEvents(startStretch(state, 0, nowMs), [
        {
          type: 'session-started',
          atMs: nowMs,
          stretchIds: state.routine.map((stretch) => stretch.id),
        },
      ]);
    case 'confirm-warm-up':
      if (state.phase !== 'warm-up') break;
      return withEvents(enterSetup(state, nowMs), [
        { type: 'warm-up-answered', atMs: nowMs, answer: 'warmed-up' },
      ]);
    case 'pause':
      if (!active || state.paused !== null) break;
      return [
        { ...state, paused: { sinceMs: nowMs } },
        [{ type: 'paused', atMs: nowMs, phase: state.phase }],
      ];
    case 'resume':
      if (state.paused === null) break;
      return resume(state, nowMs);
    case 'stop':
      return stop(state, nowMs);
    case 'skip':
      return skip(state, nowMs);
    case 'answer-symptoms':
      if (state.phase !== 'symptom-check') break;
      return answerSymptoms(state, command.answer, nowMs);
    case 'report-symptom':
      if (state.phase === 'idle' || state.phase === 'done') break;
      return reportSymptom(state, nowMs);
    case 'ease-target':
      if (!stallChoiceApplies(state, 'ease-target')) break;
      return easeTarget(state, nowMs);
    case 'move-on':
      if (!stallChoiceApplies(state, 'move-on')) break;
      return moveOn(state, nowMs);
    case 'start-nerve-glide':
      if (state.phase !== 'symptom-advice' || !nerveGlideOffered(state)) break;
      return startNerveGlide(state, nowMs);
  }
  return [
    state,
    [{ type: 'command-ignored', atMs: nowMs, command: command.command, phase: state.phase }],
  ];
}

function resume(state: SessionState, nowMs: number): Step {
  const pausedMs = nowMs - (state.paused?.sinceMs ?? nowMs);
  const resumed: SessionState = { ...state, paused: null };
  const event: ProtocolEvent = { type: 'resumed', atMs: nowMs, pausedMs };
  switch (state.phase) {
    case 'hold':
      return [
        {
          ...resumed,
          hold: resumeHoldTimer(state.hold, pausedMs),
          repPausedMs: state.repPausedMs + pausedMs,
        },
        [event],
      ];
    case 'glide':
      return [
        {
          ...resumed,
          repPausedMs: state.repPausedMs + pausedMs,
          glide: { ...state.glide, stillSinceMs: nowMs, endEnteredMs: nowMs },
        },
        [event],
      ];
    case 'rest':
      return [{ ...resumed, restEndsMs: state.restEndsMs + pausedMs }, [event]];
    default:
      // A countdown or setup interrupted by a pause starts over: the user may have moved.
      return withEvents(enterSetup(resumed, nowMs), [event]);
  }
}

function stop(state: SessionState, nowMs: number): Step {
  const stopped: ProtocolEvent = { type: 'stopped', atMs: nowMs, phase: state.phase };
  const stretchId = currentStretch(state)?.id ?? '';
  switch (state.phase) {
    case 'symptom-check':
      return withEvents(endSession(state, state.endAfterSymptomCheck ?? 'stopped', nowMs), [
        stopped,
        { type: 'symptom-check-skipped', atMs: nowMs, stretchId },
      ]);
    case 'symptom-advice':
      return withEvents(endSession(state, 'symptoms', nowMs), [stopped]);
    case 'warm-up':
      return withEvents(endSession(state, 'stopped', nowMs), [stopped]);
    case 'idle':
    case 'done':
      return [
        state,
        [{ type: 'command-ignored', atMs: nowMs, command: 'stop', phase: state.phase }],
      ];
    default: {
      const ending: SessionState = { ...state, paused: null, endAfterSymptomCheck: 'stopped' };
      return withEvents(
        andThen(closeRep(ending, nowMs, false), (closed) => endStretch(closed, 'stopped', nowMs)),
        [stopped],
      );
    }
  }
}

function skip(state: SessionState, nowMs: number): Step {
  const skipped: ProtocolEvent = { type: 'skipped', atMs: nowMs, phase: state.phase };
  const stretchId = currentStretch(state)?.id ?? '';
  switch (state.phase) {
    case 'warm-up':
      // Skipping the reminder is the user's call; it is recorded, then setup starts.
      return withEvents(enterSetup(state, nowMs), [
        skipped,
        { type: 'warm-up-answered', atMs: nowMs, answer: 'skipped' },
      ]);
    case 'symptom-check':
      return withEvents(afterSymptomCheck(state, nowMs), [
        skipped,
        { type: 'symptom-check-skipped', atMs: nowMs, stretchId },
      ]);
    case 'symptom-advice':
      // Declining the offered glide: the advice was to stop stretching for today.
      return withEvents(endSession(state, 'symptoms', nowMs), [skipped]);
    case 'idle':
    case 'done':
      return [
        state,
        [{ type: 'command-ignored', atMs: nowMs, command: 'skip', phase: state.phase }],
      ];
    default: {
      const skipping: SessionState = { ...state, paused: null };
      return withEvents(
        andThen(closeRep(skipping, nowMs, false), (closed) => endStretch(closed, 'skipped', nowMs)),
        [skipped],
      );
    }
  }
}

function answerSymptoms(state: SessionState, answer: SymptomAnswer, nowMs: number): Step {
  const stretchId = currentStretch(state)?.id ?? '';
  const anySymptom = answer.tingling || answer.numbness || answer.sharpPain;
  const answered: ProtocolEvent = {
    type: 'symptom-answered',
    atMs: nowMs,
    stretchId,
    answer,
    anySymptom,
  };
  if (!anySymptom) return withEvents(afterSymptomCheck(state, nowMs), [answered]);
  const [advising, events] = changePhase(state, 'symptom-advice', nowMs, {
    symptomsReported: true,
  });
  return [
    advising,
    [
      answered,
      ...events,
      {
        type: 'symptom-advice',
        atMs: nowMs,
        stretchId,
        nerveGlideOffered: nerveGlideOffered(advising),
      },
    ],
  ];
}

/**
 * "I feel pain or tingling": the rep and the stretch end at once, the press is recorded, and the
 * session ends with reason `symptoms` — one action, no symptom check to answer first (seed 000:
 * "If any stretch causes numbness, tingling, or shooting pain, stop immediately").
 */
function reportSymptom(state: SessionState, nowMs: number): Step {
  const stretch = currentStretch(state);
  const reported: ProtocolEvent = {
    type: 'symptom-reported',
    atMs: nowMs,
    stretchId: stretch?.id ?? null,
    phase: state.phase,
  };
  const ending: SessionState = { ...state, paused: null, symptomsReported: true };
  const endNow = (s: SessionState): Step => endSession(s, 'symptoms', nowMs);
  if (!ACTIVE_PHASES.has(state.phase) || stretch === null)
    return withEvents(endNow(ending), [reported]);
  const stretchEnded: ProtocolEvent = {
    type: 'stretch-ended',
    atMs: nowMs,
    stretchId: stretch.id,
    reason: 'stopped',
  };
  return withEvents(
    andThen(closeRep(ending, nowMs, false), (closed) => withEvents(endNow(closed), [stretchEnded])),
    [reported],
  );
}

/**
 * Whether the gentle nerve glide may be offered in the advice. Seeds 000 and 001: tingling,
 * numbness and sharp pain all mean stop and see a professional, so no exercise is offered after
 * any reported symptom; the glide stays a stretch the user can choose on another day.
 */
export function nerveGlideOffered(state: SessionState): boolean {
  const glide = state.options.nerveGlide;
  return glide !== null && !state.symptomsReported && currentStretch(state)?.id !== glide.id;
}

/** The offered glide replaces the rest of the routine: the advice was to stop stretching. */
function startNerveGlide(state: SessionState, nowMs: number): Step {
  const glide = state.options.nerveGlide;
  if (glide === null) return [state, NO_EVENTS];
  const routine = [...state.routine.slice(0, state.stretchIndex + 1), glide];
  return startStretch(
    { ...state, routine, endAfterSymptomCheck: null },
    state.stretchIndex + 1,
    nowMs,
  );
}
