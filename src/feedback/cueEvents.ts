import type { ProtocolEvent, SessionState } from '../protocol';
import { FORM_ASPECTS } from '../protocol';
import {
  REP_SCOPED_ONE_SHOTS,
  absorbFault,
  absorbMilestone,
  absorbRepStarted,
  beginDepth,
  currentStretchOf,
  setupCondition,
  stretchOf,
} from './cueConditions';
import { answered, begin, end, forget, say } from './cueMemory';
import {
  MESSAGES,
  cannotSeeLine,
  glideCountLine,
  restLine,
  stretchDoneLine,
  switchLegLine,
  symptomAdvice,
} from './cueMessages';
import type { CuePolicyState } from './cueState';
import { absorbStall, absorbStallChoice } from './stallCues';
import { PAUSED_CUE_KEY } from './cueSelection';
import { CUE_TIMING } from './cueTypes';

/**
 * Folds the session machine's events into the policy's memory: which conditions hold and which
 * one-shot lines wait. Nothing is said here; `cueSelection` decides that.
 */
export function absorbEvents(
  state: CuePolicyState,
  events: readonly ProtocolEvent[],
  session: SessionState,
  nowMs: number,
): CuePolicyState {
  let next = state;
  for (const event of events) next = absorb(next, event, session, nowMs);
  return next;
}

function absorb(
  state: CuePolicyState,
  event: ProtocolEvent,
  session: SessionState,
  nowMs: number,
): CuePolicyState {
  switch (event.type) {
    case 'warm-up-reminder':
      return say(
        state,
        { key: 'warm-up', priority: 'safety', text: MESSAGES.warmUp, maxAgeMs: 60_000 },
        nowMs,
      );
    case 'stretch-started': {
      const stretch = stretchOf(session, event.stretchId);
      if (stretch === undefined) return state;
      return say(
        state,
        { key: 'stretch-intro', priority: 'setup', text: stretch.start.cue, maxAgeMs: 15_000 },
        nowMs,
      );
    }
    case 'setup-changed':
      // Setup lines come from the coach's setup guide, one at a time (cuePolicy.ts).
      return state;
    case 'phase-changed': {
      // Every condition is a rep's (setup lines are the setup guide's, not conditions): any
      // phase but a hold or a glide ends them all.
      return event.to === 'hold' || event.to === 'glide' ? state : forget(state, () => false);
    }
    case 'countdown-tick':
      return say(
        state,
        {
          key: 'countdown',
          priority: 'timing',
          text: `${event.remaining}`,
          maxAgeMs: 400,
          interruptible: false,
          gapExempt: true,
          tone: 'tick',
        },
        nowMs,
      );
    case 'rep-started':
      return absorbRepStarted(state, event, session, nowMs);
    case 'position-reached': {
      const depth = state.conditions.find((c) => c.key === 'depth');
      let next = end(state, 'depth', nowMs);
      if (!state.reachedInRep && (depth?.lines ?? 0) === 0)
        next = say(
          next,
          { key: 'hold-there', priority: 'timing', text: MESSAGES.holdThere, maxAgeMs: 2_000 },
          nowMs,
          'normal',
        );
      return { ...next, reachedInRep: true };
    }
    case 'position-lost':
      return beginDepth(state, session, nowMs, CUE_TIMING.lostPromptMs);
    case 'hold-paused':
      if (event.reason === 'cannot-see')
        return begin(
          state,
          setupCondition('sight:cannot-see', cannotSeeLine(event.joints), 0),
          nowMs,
        );
      if (event.reason === 'no-person')
        return begin(state, setupCondition('sight:lost', MESSAGES.cannotSeeAnyone, 0), nowMs);
      return state;
    case 'hold-resumed':
      return forget(state, (c) => !c.key.startsWith('sight:'));
    case 'hold-second':
      return absorbMilestone(state, event, nowMs);
    case 'hold-stalled':
      return absorbStall(state, event, nowMs);
    case 'stall-choice':
      return absorbStallChoice(state, event, nowMs);
    case 'fault-started':
      return absorbFault(state, event, session, nowMs);
    case 'fault-ended':
      return end(state, `fault:${event.fault}`, nowMs);
    case 'glide-rep': {
      const stretch = stretchOf(session, event.stretchId);
      const perSet = stretch?.kind === 'glide' ? stretch.dose.repsPerSet : Infinity;
      if (event.rep % 5 !== 0 || event.rep >= perSet) return state;
      return say(
        state,
        {
          key: 'glide-count',
          priority: 'timing',
          text: glideCountLine(event.rep),
          maxAgeMs: 1_500,
        },
        nowMs,
        'normal',
      );
    }
    case 'glide-rep-rejected': {
      const stretch = currentStretchOf(session);
      if (stretch?.kind !== 'glide') return state;
      return say(
        state,
        {
          key: 'too-fast',
          priority: 'form',
          order: FORM_ASPECTS.indexOf('tempo'),
          text: stretch.glide.tooFastCue,
          maxAgeMs: 2_000,
        },
        nowMs,
      );
    }
    case 'rep-ended':
    case 'set-ended':
      return {
        ...forget(state, () => false),
        queue: state.queue.filter((q) => !REP_SCOPED_ONE_SHOTS.has(q.key)),
        reachedInRep: false,
      };
    case 'rest-started':
      if (event.next === 'rep')
        return say(
          state,
          { key: 'rest', priority: 'timing', text: restLine(event.restMs), maxAgeMs: 3_000 },
          nowMs,
          'normal',
        );
      if (event.next === 'set')
        return say(
          state,
          { key: 'rest', priority: 'timing', text: MESSAGES.setDone, maxAgeMs: 3_000 },
          nowMs,
          'normal',
        );
      return state;
    case 'switch-leg':
      return say(
        state,
        { key: 'switch-leg', priority: 'timing', text: switchLegLine(event.to), maxAgeMs: 5_000 },
        nowMs,
      );
    case 'stretch-ended': {
      const stretch = stretchOf(session, event.stretchId);
      if (event.reason !== 'completed' || stretch === undefined) return state;
      return say(
        state,
        {
          key: 'stretch-done',
          priority: 'timing',
          text: stretchDoneLine(stretch.name),
          maxAgeMs: 3_000,
          tone: 'done',
        },
        nowMs,
        'normal',
      );
    }
    case 'symptom-check':
      return say(
        state,
        { key: 'symptom-check', priority: 'safety', text: MESSAGES.symptomCheck, maxAgeMs: 30_000 },
        nowMs,
      );
    case 'symptom-answered': {
      const next = answered(state, 'symptom-check', nowMs);
      if (event.anySymptom) return next;
      return say(
        next,
        { key: 'symptom-no', priority: 'encouragement', text: MESSAGES.symptomNo, maxAgeMs: 1_500 },
        nowMs,
        'chatty',
      );
    }
    case 'symptom-check-skipped':
      return answered(state, 'symptom-check', nowMs);
    case 'symptom-advice':
      return say(
        state,
        {
          key: 'symptom-advice',
          priority: 'safety',
          text: symptomAdvice(event.nerveGlideOffered),
          maxAgeMs: 60_000,
          interrupt: true,
          tone: 'alert',
        },
        nowMs,
      );
    case 'paused':
      // The user asked for quiet: the line being said is cut off by "Paused." (cutCurrent),
      // unless it is a countdown number, which is never cut and ends within a second.
      return say(
        {
          ...state,
          cutCurrent: state.cutCurrent || (nowMs < state.busyUntilMs && state.currentInterruptible),
          queue: state.queue.filter((q) => q.priority === 'safety'),
        },
        { key: PAUSED_CUE_KEY, priority: 'timing', text: MESSAGES.paused, maxAgeMs: 1_500 },
        nowMs,
      );
    case 'resumed':
      return say(
        state,
        { key: 'resumed', priority: 'timing', text: MESSAGES.resumed, maxAgeMs: 1_500 },
        nowMs,
      );
    case 'stopped':
      // Stop means quiet: everything waiting is dropped, one line confirms it.
      return say(
        { ...state, queue: [], conditions: [], reachedInRep: false },
        {
          key: 'stopped',
          priority: 'safety',
          text: MESSAGES.stopped,
          maxAgeMs: 3_000,
          interrupt: true,
          tone: 'alert',
        },
        nowMs,
      );
    case 'skipped':
      return say(
        { ...state, queue: state.queue.filter((q) => q.priority === 'safety'), conditions: [] },
        { key: 'skipped', priority: 'timing', text: MESSAGES.skipped, maxAgeMs: 1_500 },
        nowMs,
        'normal',
      );
    case 'symptom-reported':
      // One press means stop: everything waiting is dropped and the advice cuts in now, whatever
      // is playing (a countdown number too) and without the gap: the session ends with this
      // step, so a line left waiting would never be said.
      return say(
        {
          ...state,
          queue: [],
          conditions: [],
          reachedInRep: false,
          cutCurrent: state.cutCurrent || nowMs < state.busyUntilMs,
        },
        {
          key: 'symptom-advice',
          priority: 'safety',
          text: MESSAGES.symptomStop,
          maxAgeMs: 60_000,
          interrupt: true,
          gapExempt: true,
          tone: 'alert',
        },
        nowMs,
      );
    case 'session-ended':
      if (event.reason !== 'completed') return state;
      return say(
        state,
        {
          key: 'session-done',
          priority: 'timing',
          text: MESSAGES.sessionDone,
          maxAgeMs: 5_000,
          tone: 'done',
        },
        nowMs,
      );
    case 'warm-up-answered':
      return answered(state, 'warm-up', nowMs);
    case 'session-started':
    case 'bounce-detected':
    case 'command-ignored':
      return state;
  }
}
