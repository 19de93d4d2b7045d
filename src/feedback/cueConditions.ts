import type { EventOf, SessionState, SetupIssue, StretchDefinition } from '../protocol';
import { FORM_ASPECTS } from '../protocol';
import { MESSAGES, cannotSeeLine, wrongLegLine } from './cueMessages';
import type { ConditionRequest } from './cueMemory';
import { begin, say } from './cueMemory';
import type { CuePolicyState } from './cueState';
import { atLeast } from './cueState';
import type { Verbosity } from './cueTypes';
import { CUE_TIMING } from './cueTypes';

/**
 * The events that start conditions (setup problems, form faults, depth) or schedule lines
 * (hold milestones, the start of a rep), turned into the policy's memory.
 */

export const REP_SCOPED_ONE_SHOTS = new Set([
  'begin',
  'hold-there',
  'milestone',
  'glide-count',
  'reassure',
  'hold-stalled',
]);

export function stretchOf(session: SessionState, id: string): StretchDefinition | undefined {
  return session.routine.find((s) => s.id === id);
}

export function currentStretchOf(session: SessionState): StretchDefinition | undefined {
  return session.routine[session.stretchIndex];
}

export function setupCondition(key: string, text: string, order: number): ConditionRequest {
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

/** What to tell the user about one setup issue: spoken by the policy, shown by the setup screen. */
export function setupText(issue: SetupIssue, stretch: StretchDefinition): string {
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

export function absorbRepStarted(
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

export function beginDepth(
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

export function absorbMilestone(
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

export function absorbFault(
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
