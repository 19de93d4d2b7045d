import type {
  EventOf,
  ProtocolEvent,
  SessionState,
  SetupIssue,
  StretchDefinition,
} from '../protocol';
import { FORM_ASPECTS } from '../protocol';
import {
  MESSAGES,
  cannotSeeLine,
  glideCountLine,
  restLine,
  stretchDoneLine,
  switchLegLine,
  symptomAdvice,
  wrongLegLine,
} from './cueMessages';
import type { ConditionCue, CuePolicyState, OneShotCue } from './cueState';
import { atLeast } from './cueState';
import type { Verbosity } from './cueTypes';
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

type Defaulted = 'order' | 'interrupt' | 'interruptible' | 'gapExempt' | 'tone';
/** A one-shot line as queued: the flags default to a plain, interruptible line. */
type OneShotRequest = Omit<OneShotCue, 'createdMs' | Defaulted> &
  Partial<Pick<OneShotCue, Defaulted>>;

/** Queues a one-shot line if the verbosity asks for it. */
function say(
  state: CuePolicyState,
  cue: OneShotRequest,
  nowMs: number,
  from: Verbosity = 'minimal',
): CuePolicyState {
  if (!atLeast(state.options, from)) return state;
  const full: OneShotCue = {
    order: 0,
    interrupt: false,
    interruptible: true,
    gapExempt: false,
    tone: null,
    ...cue,
    createdMs: nowMs,
  };
  return { ...state, queue: [...state.queue.filter((q) => q.key !== cue.key), full] };
}

/** Starts a condition, or continues its episode if it ended less than the merge gap ago. */
function begin(
  state: CuePolicyState,
  cue: Omit<ConditionCue, 'sinceMs' | 'endedAtMs' | 'lines' | 'lastLineMs'>,
  nowMs: number,
): CuePolicyState {
  const existing = state.conditions.find((c) => c.key === cue.key);
  if (existing !== undefined && existing.endedAtMs === null) return state;
  const continues =
    existing !== undefined &&
    existing.endedAtMs !== null &&
    nowMs - existing.endedAtMs <= CUE_TIMING.mergeGapMs;
  const condition: ConditionCue = continues
    ? { ...existing, ...cue, endedAtMs: null }
    : { ...cue, sinceMs: nowMs, endedAtMs: null, lines: 0, lastLineMs: 0 };
  return {
    ...state,
    conditions: [...state.conditions.filter((c) => c.key !== cue.key), condition],
  };
}

function end(state: CuePolicyState, key: string, nowMs: number): CuePolicyState {
  return {
    ...state,
    conditions: state.conditions.map((c) =>
      c.key === key && c.endedAtMs === null ? { ...c, endedAtMs: nowMs } : c,
    ),
  };
}

/** Forgets conditions without confirming them (the rep or the phase they belonged to ended). */
function forget(state: CuePolicyState, keep: (c: ConditionCue) => boolean): CuePolicyState {
  return { ...state, conditions: state.conditions.filter(keep) };
}

/** Setup-phase problems; `sight:` ones are "can't see you" during a rep. */
const isSetup = (c: ConditionCue): boolean => c.key.startsWith('setup:');
const isRepScoped = (c: ConditionCue): boolean => !isSetup(c);
const REP_SCOPED_ONE_SHOTS = new Set(['begin', 'hold-there', 'milestone', 'glide-count']);

function stretchOf(session: SessionState, id: string): StretchDefinition | undefined {
  return session.routine.find((s) => s.id === id);
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
      return absorbSetup(state, event, session, nowMs);
    case 'phase-changed': {
      let next = event.to === 'setup' ? state : forget(state, (c) => !isSetup(c));
      if (event.to !== 'hold' && event.to !== 'glide') next = forget(next, (c) => !isRepScoped(c));
      return next;
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
        ...forget(state, (c) => !isRepScoped(c)),
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
      return say(
        { ...state, queue: state.queue.filter((q) => q.priority === 'safety') },
        { key: 'paused', priority: 'timing', text: MESSAGES.paused, maxAgeMs: 1_500 },
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

/**
 * The user answered a prompt: drop it if it is still waiting, and let the next line cut it off
 * if it is still being said (they have heard enough).
 */
function answered(state: CuePolicyState, key: string, nowMs: number): CuePolicyState {
  const speaking = state.currentId?.startsWith(`${key}#`) === true && nowMs < state.busyUntilMs;
  return {
    ...state,
    queue: state.queue.filter((q) => q.key !== key),
    cutCurrent: state.cutCurrent || speaking,
  };
}

function currentStretchOf(session: SessionState): StretchDefinition | undefined {
  return session.routine[session.stretchIndex];
}

function setupCondition(
  key: string,
  text: string,
  order: number,
): Omit<ConditionCue, 'sinceMs' | 'endedAtMs' | 'lines' | 'lastLineMs'> {
  return {
    key,
    priority: 'setup',
    order,
    text,
    fixedText: null,
    reminders: 'setup',
    debounceMs: CUE_TIMING.setupDebounceMs,
    interrupt: false,
  };
}

/** Setup issues become setup conditions, in the order the user should fix them. */
function absorbSetup(
  state: CuePolicyState,
  event: EventOf<'setup-changed'>,
  session: SessionState,
  nowMs: number,
): CuePolicyState {
  const stretch = stretchOf(session, event.stretchId);
  if (stretch === undefined) return state;
  const keys = new Set(event.issues.map(setupKey));
  let next = state;
  for (const c of state.conditions)
    if (isSetup(c) && !keys.has(c.key)) next = end(next, c.key, nowMs);
  event.issues.forEach((issue, i) => {
    next = begin(next, setupCondition(setupKey(issue), setupText(issue, stretch), i), nowMs);
  });
  return next;
}

function setupKey(issue: SetupIssue): string {
  // "No working leg" is said with the stretch's own start line: same key as its intro.
  if (issue.kind === 'no-working-leg') return 'setup:stretch-intro';
  if (issue.kind === 'start-condition') return `setup:start-condition:${issue.conditionIndex}`;
  return `setup:${issue.kind}`;
}

function setupText(issue: SetupIssue, stretch: StretchDefinition): string {
  switch (issue.kind) {
    case 'no-person':
      return MESSAGES.noPerson;
    case 'not-whole-body':
      return MESSAGES.notWholeBody;
    case 'not-side-on':
      return MESSAGES.notSideOn;
    case 'wrong-orientation':
      return stretch.start.orientationCue;
    case 'no-working-leg':
      return stretch.start.cue;
    case 'wrong-leg':
      return wrongLegLine(issue.expected);
    case 'start-condition':
      return stretch.start.conditions[issue.conditionIndex]?.cue ?? stretch.start.cue;
    case 'cannot-see':
      return cannotSeeLine(issue.joints);
  }
}

function absorbRepStarted(
  state: CuePolicyState,
  event: EventOf<'rep-started'>,
  session: SessionState,
  nowMs: number,
): CuePolicyState {
  const stretch = stretchOf(session, event.stretchId);
  if (stretch === undefined) return state;
  const text = atLeast(state.options, 'normal') ? stretch.cues.begin : MESSAGES.go;
  const next = say(
    { ...state, reachedInRep: false },
    { key: 'begin', priority: 'timing', text, maxAgeMs: 1_500, gapExempt: true, tone: 'go' },
    nowMs,
  );
  return stretch.kind === 'hold'
    ? beginDepth(next, session, nowMs, CUE_TIMING.reachPromptMs)
    : next;
}

function beginDepth(
  state: CuePolicyState,
  session: SessionState,
  nowMs: number,
  debounceMs: number,
): CuePolicyState {
  const stretch = currentStretchOf(session);
  if (stretch?.kind !== 'hold') return state;
  return begin(
    state,
    {
      key: 'depth',
      priority: 'form',
      order: FORM_ASPECTS.indexOf('depth'),
      text: stretch.target.cue,
      fixedText: MESSAGES.holdThere,
      reminders: 'form',
      debounceMs,
      interrupt: false,
    },
    nowMs,
  );
}

function absorbMilestone(
  state: CuePolicyState,
  event: EventOf<'hold-second'>,
  nowMs: number,
): CuePolicyState {
  const { heldMs, holdMs } = event;
  const milestone = (
    text: string,
    from: Verbosity,
    priority: 'timing' | 'encouragement' = 'timing',
  ) => say(state, { key: 'milestone', priority, text, maxAgeMs: 1_500 }, nowMs, from);
  if (heldMs === Math.round(holdMs / 2000) * 1000) return milestone(MESSAGES.halfway, 'normal');
  if (heldMs === holdMs - 5_000) return milestone(MESSAGES.fiveLeft, 'normal');
  if (heldMs === holdMs - 10_000) return milestone(MESSAGES.tenLeft, 'chatty');
  if (heldMs === Math.round(holdMs / 4000) * 1000)
    return milestone(MESSAGES.steady, 'chatty', 'encouragement');
  return state;
}

function absorbFault(
  state: CuePolicyState,
  event: EventOf<'fault-started'>,
  session: SessionState,
  nowMs: number,
): CuePolicyState {
  const stretch = currentStretchOf(session);
  if (stretch === undefined || event.fault === 'hold-broken') return state;
  const key = `fault:${event.fault}`;
  if (event.fault === 'bouncing')
    return begin(
      state,
      {
        key,
        priority: 'safety',
        order: 0,
        text: MESSAGES.bouncing,
        fixedText: MESSAGES.genericFixed,
        reminders: 'form',
        debounceMs: 0,
        interrupt: true,
      },
      nowMs,
    );
  if (event.fault === 'end-position-held') {
    if (stretch.kind !== 'glide') return state;
    return begin(
      state,
      {
        key,
        priority: 'form',
        order: FORM_ASPECTS.indexOf('tempo'),
        text: stretch.glide.endHeldCue,
        fixedText: null,
        reminders: 'form',
        debounceMs: 0,
        interrupt: false,
      },
      nowMs,
    );
  }
  const check = stretch.checks.find((c) => c.id === event.fault);
  if (check === undefined) return state;
  return begin(
    state,
    {
      key,
      priority: 'form',
      order: FORM_ASPECTS.indexOf(check.aspect),
      text: check.cue,
      fixedText: check.fixedCue ?? MESSAGES.genericFixed,
      reminders: 'form',
      debounceMs: CUE_TIMING.faultDebounceMs,
      interrupt: false,
    },
    nowMs,
  );
}
