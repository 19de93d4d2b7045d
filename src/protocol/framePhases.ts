import type { BodyMeasures } from '../geometry/measures';
import type { ProtocolEvent } from './events';
import { NO_EVENTS, joinEvents } from './events';
import { advanceBounce, isBouncing } from './bounceDetector';
import type { HoldGate } from './formChecks';
import { evaluateForm } from './formChecks';
import { advanceGlideCounter } from './glideRepCounter';
import { detectStall, effectiveTarget } from './holdStall';
import { advanceHoldTimer } from './holdTimer';
import type { Step } from './phaseFlow';
import {
  afterRep,
  changePhase,
  closeRep,
  enterSetup,
  startRep,
  andThen,
  withEvents,
} from './phaseFlow';
import { readMeasure } from './readMeasure';
import type { SessionState } from './sessionState';
import { currentStretch, expectedLeg } from './sessionState';
import { repLegSide, setupIssues, setupIssuesKey } from './setupCheck';
import type { GlideStretchDefinition, HoldStretchDefinition } from './stretchDefinition';

/**
 * What one frame (or, with `measures` null, the passing of time alone) does in each phase.
 * Countdowns and rests run on time; setup, holds and glides need frames.
 */
export function advanceActivePhase(
  state: SessionState,
  measures: BodyMeasures | null,
  nowMs: number,
): Step {
  switch (state.phase) {
    case 'setup':
      return measures === null ? [state, NO_EVENTS] : advanceSetup(state, measures, nowMs);
    case 'countdown':
      return advanceCountdown(state, measures, nowMs);
    case 'hold':
      return measures === null ? [state, NO_EVENTS] : advanceHold(state, measures, nowMs);
    case 'glide':
      return measures === null ? [state, NO_EVENTS] : advanceGlide(state, measures, nowMs);
    case 'rest':
      return nowMs >= state.restEndsMs ? enterSetup(state, nowMs) : [state, NO_EVENTS];
    case 'idle':
    case 'warm-up':
    case 'symptom-check':
    case 'symptom-advice':
    case 'done':
      return [state, NO_EVENTS];
  }
}

function advanceSetup(state: SessionState, measures: BodyMeasures, nowMs: number): Step {
  const stretch = currentStretch(state);
  if (stretch === null) return [state, NO_EVENTS];
  const wanted = expectedLeg(state);
  const issues = setupIssues(stretch, measures, wanted);
  const key = setupIssuesKey(issues);
  const events: readonly ProtocolEvent[] =
    key === state.setupKey
      ? NO_EVENTS
      : [{ type: 'setup-changed', atMs: nowMs, stretchId: stretch.id, issues }];
  const okSinceMs = issues.length === 0 ? (state.setupOkSinceMs ?? nowMs) : null;
  const updated: SessionState =
    key === state.setupKey && okSinceMs === state.setupOkSinceMs
      ? state
      : { ...state, setupIssues: issues, setupKey: key, setupOkSinceMs: okSinceMs };
  const introducing =
    state.pass === 0 && state.rep === 1 && nowMs - state.phaseStartMs < state.options.introMs;
  if (okSinceMs === null || nowMs - okSinceMs < state.options.setupStableMs || introducing)
    return [updated, events];
  const leg = repLegSide(stretch, measures, wanted);
  return withEvents(
    changePhase(updated, 'countdown', nowMs, {
      leg,
      firstLeg: state.pass === 0 && stretch.legs === 'each-leg' ? leg : state.firstLeg,
      countdownTicks: 0,
    }),
    events,
  );
}

function advanceCountdown(state: SessionState, measures: BodyMeasures | null, nowMs: number): Step {
  const stretch = currentStretch(state);
  if (stretch === null) return [state, NO_EVENTS];
  if (measures !== null) {
    // Losing the setup (walked out, turned round) sends the user back to setup.
    const issues = setupIssues(stretch, measures, stretch.legs === 'each-leg' ? state.leg : null);
    if (issues.length > 0)
      return andThen(enterSetup(state, nowMs), (back) => advanceSetup(back, measures, nowMs));
  }
  const { countdownMs } = state.options;
  const total = Math.ceil(countdownMs / 1000);
  const elapsedMs = nowMs - state.phaseStartMs;
  const due = Math.min(total, Math.floor(elapsedMs / 1000) + 1);
  let events: ProtocolEvent[] | null = null;
  for (let tick = state.countdownTicks; tick < due; tick++)
    (events ??= []).push({ type: 'countdown-tick', atMs: nowMs, remaining: total - tick });
  const ticked: SessionState =
    due > state.countdownTicks ? { ...state, countdownTicks: due } : state;
  if (elapsedMs < countdownMs) return [ticked, events ?? NO_EVENTS];
  return withEvents(startRep(ticked, nowMs), events ?? NO_EVENTS);
}

function advanceHold(state: SessionState, measures: BodyMeasures, nowMs: number): Step {
  const stretch = currentStretch(state) as HoldStretchDefinition;
  const leg = state.leg ?? measures.nearSide.value ?? 'left';
  const target = effectiveTarget(stretch.target, state.stall.targetEased);
  const form = evaluateForm(stretch.checks, target, state.form, measures, leg, nowMs);

  let bounce = { state: state.bounce, events: NO_EVENTS };
  if (stretch.detectBounce) {
    const value = readMeasure(measures, stretch.target.measure, leg);
    bounce = advanceBounce(
      state.bounce,
      typeof value === 'number' ? value : null,
      nowMs,
      state.options.bounce,
    );
  }
  const gate: HoldGate =
    form.gate.open && isBouncing(bounce.state)
      ? { open: false, reason: 'form', faults: ['bouncing'], joints: [] }
      : form.gate;

  const timer = advanceHoldTimer(state.hold, gate, nowMs, {
    holdMs: stretch.dose.holdMs,
    longBreakMs: stretch.dose.longBreakMs,
    maxFrameGapMs: state.options.maxFrameGapMs,
  });
  const events = joinEvents(joinEvents(form.events, bounce.events), timer.events);
  const next: SessionState = {
    ...state,
    form: form.state,
    bounce: bounce.state,
    hold: timer.state,
  };
  if (timer.completedAtMs === null) {
    const [checked, stalled] = detectStall(next, gate, nowMs);
    return [checked, joinEvents(events, stalled)];
  }
  return withEvents(
    andThen(closeRep(next, nowMs, true), (closed) => afterRep(closed, nowMs)),
    events,
  );
}

function advanceGlide(state: SessionState, measures: BodyMeasures, nowMs: number): Step {
  const stretch = currentStretch(state) as GlideStretchDefinition;
  const leg = state.leg ?? measures.workingLeg.value ?? 'left';
  const form = evaluateForm(stretch.checks, null, state.form, measures, leg, nowMs);
  const counter = advanceGlideCounter(state.glide, measures, nowMs, {
    stretchId: stretch.id,
    leg,
    set: state.rep,
    motion: stretch.glide,
    dose: stretch.dose,
  });
  const events = joinEvents(form.events, counter.events);
  const next: SessionState = { ...state, form: form.state, glide: counter.state };
  if (counter.state.reps < stretch.dose.repsPerSet) return [next, events];
  return withEvents(
    andThen(closeRep(next, nowMs, true), (closed) => afterRep(closed, nowMs)),
    events,
  );
}
