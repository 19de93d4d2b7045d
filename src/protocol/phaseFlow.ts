import type { ProtocolEvent, SessionEndReason, SessionPhase, StretchEndReason } from './events';
import { NO_EVENTS } from './events';
import { INITIAL_BOUNCE_STATE, isBouncing } from './bounceDetector';
import { closeFaults, initialFormState } from './formChecks';
import { INITIAL_GLIDE_COUNTER, closeGlideCounter } from './glideRepCounter';
import { INITIAL_HOLD_TIMER, closeHoldTimer } from './holdTimer';
import { oppositeSide } from './readMeasure';
import type { SessionState } from './sessionState';
import { NO_STALL, SETUP_KEY_UNSET, currentStretch, repLeg } from './sessionState';

/**
 * The session's flow between phases: setup -> countdown -> hold/glide -> rest -> ... -> switch
 * leg -> ... -> symptom check -> next stretch -> done. Each function returns the next state and
 * the events it implies; nothing here looks at a frame.
 */
export type Step = readonly [SessionState, readonly ProtocolEvent[]];

export function changePhase(
  state: SessionState,
  to: SessionPhase,
  nowMs: number,
  patch: Partial<SessionState> = {},
): Step {
  const next: SessionState = { ...state, ...patch, phase: to, phaseStartMs: nowMs };
  return [
    next,
    [
      {
        type: 'phase-changed',
        atMs: nowMs,
        from: state.phase,
        to,
        stretchId: currentStretch(next)?.id ?? null,
        leg: repLeg(next),
        rep: next.rep,
      },
    ],
  ];
}

/** Runs `second` on the state `first` produced, keeping both steps' events in order. */
export function andThen(first: Step, second: (state: SessionState) => Step): Step {
  const [state, events] = first;
  const [next, more] = second(state);
  if (more.length === 0) return [next, events];
  if (events.length === 0) return [next, more];
  return [next, [...events, ...more]];
}

export function withEvents(step: Step, before: readonly ProtocolEvent[]): Step {
  if (before.length === 0) return step;
  return [step[0], [...before, ...step[1]]];
}

export function startStretch(state: SessionState, index: number, nowMs: number): Step {
  const stretch = state.routine[index];
  if (stretch === undefined) return endSession(state, 'completed', nowMs);
  const events: ProtocolEvent[] = [
    { type: 'stretch-started', atMs: nowMs, stretchId: stretch.id, index, kind: stretch.kind },
  ];
  // Seed 000: "Always perform a light warm-up ... before static stretching".
  const remind = stretch.kind === 'hold' && !state.warmUpReminded;
  const starting: SessionState = {
    ...state,
    stretchIndex: index,
    pass: 0,
    firstLeg: null,
    leg: null,
    rep: 1,
    stretchHadRep: false,
    warmUpReminded: state.warmUpReminded || remind,
    form: initialFormState(stretch.checks),
    stall: NO_STALL,
  };
  if (!remind) return withEvents(enterSetup(starting, nowMs), events);
  const [waiting, changed] = changePhase(starting, 'warm-up', nowMs);
  return [waiting, [...events, ...changed, { type: 'warm-up-reminder', atMs: nowMs }]];
}

export function enterSetup(state: SessionState, nowMs: number): Step {
  return changePhase(state, 'setup', nowMs, {
    setupIssues: [],
    setupKey: SETUP_KEY_UNSET,
    setupOkSinceMs: null,
  });
}

export function startRep(state: SessionState, nowMs: number): Step {
  const stretch = currentStretch(state);
  if (stretch === null) return endSession(state, 'completed', nowMs);
  const patch: Partial<SessionState> = {
    repStartMs: nowMs,
    repPausedMs: 0,
    stretchHadRep: true,
    form: initialFormState(stretch.checks),
    hold: INITIAL_HOLD_TIMER,
    bounce: INITIAL_BOUNCE_STATE,
    glide: INITIAL_GLIDE_COUNTER,
    stall: { ...state.stall, offeredInRep: false, personSeen: true },
  };
  const leg = repLeg(state) ?? 'both';
  const started: ProtocolEvent =
    stretch.kind === 'hold'
      ? { type: 'rep-started', atMs: nowMs, stretchId: stretch.id, leg, rep: state.rep }
      : { type: 'rep-started', atMs: nowMs, stretchId: stretch.id, leg, rep: 1, set: state.rep };
  const [next, events] = changePhase(state, stretch.kind, nowMs, patch);
  return [next, [...events, started]];
}

/**
 * Closes the running rep (hold) or set (glide): every open fault ends, then `rep-ended` or
 * `set-ended`. The phase is left for the caller to change.
 */
export function closeRep(state: SessionState, nowMs: number, completed: boolean): Step {
  const stretch = currentStretch(state);
  if (stretch === null || (state.phase !== 'hold' && state.phase !== 'glide'))
    return [state, NO_EVENTS];
  const events: ProtocolEvent[] = [...closeFaults(stretch.checks, state.form, nowMs)];
  const totalMs = nowMs - state.repStartMs - state.repPausedMs;
  if (stretch.kind === 'hold') {
    events.push(...closeHoldTimer(state.hold, nowMs));
    if (isBouncing(state.bounce) && state.bounce.boutStartMs !== null)
      events.push({
        type: 'fault-ended',
        atMs: nowMs,
        fault: 'bouncing',
        startMs: state.bounce.boutStartMs,
        durationMs: nowMs - state.bounce.boutStartMs,
      });
    events.push({
      type: 'rep-ended',
      atMs: nowMs,
      stretchId: stretch.id,
      leg: repLeg(state) ?? 'both',
      rep: state.rep,
      heldInFormMs: state.hold.heldMs,
      totalMs,
      breaks: state.hold.breaks,
      completed,
    });
  } else {
    events.push(...closeGlideCounter(state.glide, nowMs));
    events.push({
      type: 'set-ended',
      atMs: nowMs,
      stretchId: stretch.id,
      leg: state.leg ?? 'left',
      set: state.rep,
      reps: state.glide.reps,
      totalMs,
      completed,
    });
  }
  const closed: SessionState = {
    ...state,
    form: initialFormState(stretch.checks),
    hold: INITIAL_HOLD_TIMER,
    bounce: INITIAL_BOUNCE_STATE,
    glide: INITIAL_GLIDE_COUNTER,
  };
  return [closed, events];
}

/** After a completed rep or set: rest before the next, switch legs, or end the stretch. */
export function afterRep(state: SessionState, nowMs: number): Step {
  const stretch = currentStretch(state);
  if (stretch === null) return endSession(state, 'completed', nowMs);
  const repsPerPass = stretch.kind === 'hold' ? stretch.dose.reps : stretch.dose.sets;
  if (state.rep < repsPerPass)
    return rest(state, nowMs, stretch.kind === 'hold' ? 'rep' : 'set', { rep: state.rep + 1 });
  if (stretch.legs === 'each-leg' && state.pass === 0 && state.leg !== null) {
    const to = oppositeSide(state.leg);
    return withEvents(
      rest(state, nowMs, 'leg', { pass: 1, rep: 1, firstLeg: state.leg, leg: to }),
      [{ type: 'switch-leg', atMs: nowMs, to }],
    );
  }
  return endStretch(state, 'completed', nowMs);
}

function rest(
  state: SessionState,
  nowMs: number,
  next: 'rep' | 'set' | 'leg',
  patch: Partial<SessionState>,
): Step {
  const stretch = currentStretch(state);
  const restMs = stretch?.dose.restMs ?? 0;
  const [rested, events] = changePhase(state, 'rest', nowMs, {
    ...patch,
    restEndsMs: nowMs + restMs,
  });
  return [rested, [...events, { type: 'rest-started', atMs: nowMs, restMs, next }]];
}

/** Ends the current stretch; asks the symptom check if any rep of it was done. */
export function endStretch(state: SessionState, reason: StretchEndReason, nowMs: number): Step {
  const stretch = currentStretch(state);
  if (stretch === null) return endSession(state, 'completed', nowMs);
  const ended: ProtocolEvent = {
    type: 'stretch-ended',
    atMs: nowMs,
    stretchId: stretch.id,
    reason,
  };
  if (!state.stretchHadRep) return withEvents(afterSymptomCheck(state, nowMs), [ended]);
  const [next, events] = changePhase(state, 'symptom-check', nowMs);
  return [next, [ended, ...events, { type: 'symptom-check', atMs: nowMs, stretchId: stretch.id }]];
}

/** After the symptom check (answered no, or skipped): the next stretch, or the end. */
export function afterSymptomCheck(state: SessionState, nowMs: number): Step {
  if (state.endAfterSymptomCheck !== null)
    return endSession(state, state.endAfterSymptomCheck, nowMs);
  return startStretch(state, state.stretchIndex + 1, nowMs);
}

export function endSession(state: SessionState, reason: SessionEndReason, nowMs: number): Step {
  if (state.phase === 'done') return [state, NO_EVENTS];
  const [next, events] = changePhase(state, 'done', nowMs, { paused: null });
  return [next, [...events, { type: 'session-ended', atMs: nowMs, reason }]];
}
