import type { ProtocolEvent, StallChoice } from './events';
import { NO_EVENTS } from './events';
import type { HoldGate } from './formChecks';
import type { Step } from './phaseFlow';
import { afterRep, andThen, closeRep, withEvents } from './phaseFlow';
import type { SessionState } from './sessionState';
import { currentStretch, repLeg } from './sessionState';
import type { PositionTarget } from './stretchDefinition';

/**
 * A hold that will not come (issue 17 item 7): someone sits upright in the long-sit, the hip
 * hinge never reaches the target, and the ring waits for minutes. After `STALL_AFTER_MS` without
 * a counted second the coach says so, once per rep, and offers two ways out: ease the target for
 * the rest of this stretch, or move on to the next rep.
 */

/**
 * 45 s: the longest hold the seeds prescribe is 30 s, so waiting half as long again as a whole
 * hold without counting one second means the target is out of reach today, not that the user is
 * still settling in (the first prompt comes at 4 s and three reminders are over by about 30 s).
 */
export const STALL_AFTER_MS = 45_000;

/**
 * How much gentler an eased target is, in the target's degrees. 8 degrees is about the
 * hysteresis band of the targets (enter - leave) plus a little: enough to turn "almost there"
 * into counting, not so much that an upright sit counts as a stretch.
 */
export const EASED_TARGET_DEG = 8;

/** The target the hold counts against: the stretch's own, or the eased one after "ease". */
export function effectiveTarget(target: PositionTarget, eased: boolean): PositionTarget {
  if (!eased) return target;
  const shift = target.reachedWhen === 'above' ? -EASED_TARGET_DEG : EASED_TARGET_DEG;
  return { ...target, enter: target.enter + shift, leave: target.leave + shift };
}

/**
 * When the current hold started waiting: the start of the current break, or the start of the rep
 * (shifted past user pauses) when the position was never reached; null while it counts.
 */
export function holdWaitingSinceMs(state: SessionState): number | null {
  if (state.phase !== 'hold' || state.hold.counting) return null;
  return state.hold.breakStartMs ?? state.repStartMs + state.repPausedMs;
}

/**
 * `hold-stalled`, once per rep, when the hold has waited `STALL_AFTER_MS` without counting. Not
 * while the person cannot be seen (`gate`): an easier target is no answer to an empty picture,
 * and the coach is already asking them back.
 */
export function detectStall(state: SessionState, gate: HoldGate, nowMs: number): Step {
  const personSeen = gate.reason !== 'no-person' && gate.reason !== 'cannot-see';
  const seen: SessionState =
    personSeen === state.stall.personSeen
      ? state
      : { ...state, stall: { ...state.stall, personSeen } };
  const stretch = currentStretch(seen);
  const since = holdWaitingSinceMs(seen);
  if (seen.stall.offeredInRep || stretch === null || since === null || !personSeen)
    return [seen, NO_EVENTS];
  const waitedMs = nowMs - since;
  if (waitedMs < STALL_AFTER_MS) return [seen, NO_EVENTS];
  return [
    { ...seen, stall: { ...seen.stall, offeredInRep: true } },
    [
      {
        type: 'hold-stalled',
        atMs: nowMs,
        stretchId: stretch.id,
        leg: repLeg(seen) ?? 'both',
        rep: seen.rep,
        waitedMs,
        reachedInRep: seen.hold.started,
        easeOffered: !seen.stall.targetEased,
      },
    ],
  ];
}

function chosen(state: SessionState, choice: StallChoice, nowMs: number): ProtocolEvent {
  const since = holdWaitingSinceMs(state);
  return {
    type: 'stall-choice',
    atMs: nowMs,
    stretchId: currentStretch(state)?.id ?? '',
    leg: repLeg(state) ?? 'both',
    rep: state.rep,
    choice,
    waitedMs: since === null ? 0 : Math.max(0, nowMs - since),
  };
}

/** Whether "ease the target" or "move on" applies now: during a static hold. */
export function stallChoiceApplies(state: SessionState, choice: StallChoice): boolean {
  if (state.phase !== 'hold' || currentStretch(state)?.kind !== 'hold') return false;
  return choice === 'move-on' || !state.stall.targetEased;
}

/** The hold counts at the eased target from the next frame to the end of this stretch. */
export function easeTarget(state: SessionState, nowMs: number): Step {
  return [
    { ...state, stall: { ...state.stall, targetEased: true } },
    [chosen(state, 'ease-target', nowMs)],
  ];
}

/** The rep ends as not completed and the session goes on as after any rep: rest, leg, stretch. */
export function moveOn(state: SessionState, nowMs: number): Step {
  const leaving: SessionState = { ...state, paused: null };
  return withEvents(
    andThen(closeRep(leaving, nowMs, false), (closed) => afterRep(closed, nowMs)),
    [chosen(state, 'move-on', nowMs)],
  );
}
