import type { BodyMeasures, Side } from '../geometry/measures';
import type { KeypointName } from '../geometry/types';
import type { FaultId, HoldBreakReason, ProtocolEvent } from './events';
import { NO_EVENTS } from './events';
import { isNotSeen, readMeasure } from './readMeasure';
import type { FormCheck, PositionTarget } from './stretchDefinition';

/**
 * A stretch's form checks and target position over time, each with hysteresis: a fault starts
 * at its `enter` threshold and clears only past `leave`, so a value resting near a limit does not
 * flicker.
 */
export interface FormState {
  /** Per check, in the stretch's order: when its current fault began, or null when fine. */
  readonly faultSinceMs: readonly (number | null)[];
  /** Whether the target position is reached (static holds; always false for a glide). */
  readonly inPosition: boolean;
}

/** Whether the hold may count this frame and, if not, why. */
export interface HoldGate {
  readonly open: boolean;
  readonly reason: HoldBreakReason | null;
  readonly faults: readonly FaultId[];
  readonly joints: readonly KeypointName[];
}

export const GATE_OPEN: HoldGate = Object.freeze({
  open: true,
  reason: null,
  faults: Object.freeze([]),
  joints: Object.freeze([]),
});

const NO_PERSON_GATE: HoldGate = Object.freeze({
  open: false,
  reason: 'no-person',
  faults: Object.freeze([]),
  joints: Object.freeze([]),
});

export function initialFormState(checks: readonly FormCheck[]): FormState {
  return { faultSinceMs: checks.map(() => null), inPosition: false };
}

export interface FormStep {
  readonly state: FormState;
  readonly events: readonly ProtocolEvent[];
  readonly gate: HoldGate;
}

/**
 * Updates every check and the target with one frame. A check whose measure does not apply here
 * (no heel points on MoveNet, no calibration yet) is skipped; one whose joints are not seen keeps
 * its last state and, if it gates the hold, closes the gate with `cannot-see`.
 */
export function evaluateForm(
  checks: readonly FormCheck[],
  target: PositionTarget | null,
  state: FormState,
  measures: BodyMeasures,
  leg: Side,
  nowMs: number,
): FormStep {
  if (!measures.personFound) return { state, events: NO_EVENTS, gate: NO_PERSON_GATE };
  let faultSinceMs = state.faultSinceMs;
  let events: ProtocolEvent[] | null = null;
  let unseen: KeypointName[] | null = null;

  for (let i = 0; i < checks.length; i++) {
    const check = checks[i] as FormCheck;
    const since = faultSinceMs[i] ?? null;
    const value = readMeasure(measures, check.measure, leg);
    let next = since;
    if (typeof value !== 'number') {
      if (isNotSeen(value)) {
        if (check.gatesHold) (unseen ??= []).push(...value.joints);
      } else {
        next = null; // the check does not apply any more: a running fault ends
      }
    } else if (since === null) {
      if (crossedInto(value, check.faultWhen, check.enter)) next = nowMs;
    } else if (crossedInto(value, check.faultWhen === 'above' ? 'below' : 'above', check.leave)) {
      next = null;
    }
    if (next === since) continue;
    if (faultSinceMs === state.faultSinceMs) faultSinceMs = [...state.faultSinceMs];
    (faultSinceMs as (number | null)[])[i] = next;
    (events ??= []).push(
      next !== null
        ? {
            type: 'fault-started',
            atMs: nowMs,
            fault: check.id,
            aspect: check.aspect,
            gatesHold: check.gatesHold,
            startMs: nowMs,
          }
        : {
            type: 'fault-ended',
            atMs: nowMs,
            fault: check.id,
            startMs: since as number,
            durationMs: nowMs - (since as number),
          },
    );
  }

  let inPosition = state.inPosition;
  if (target !== null) {
    const value = readMeasure(measures, target.measure, leg);
    if (typeof value !== 'number') {
      if (isNotSeen(value)) (unseen ??= []).push(...value.joints);
    } else if (!inPosition && crossedInto(value, target.reachedWhen, target.enter)) {
      inPosition = true;
      (events ??= []).push({ type: 'position-reached', atMs: nowMs });
    } else if (inPosition && leftTarget(value, target)) {
      inPosition = false;
      (events ??= []).push({ type: 'position-lost', atMs: nowMs });
    }
  }

  const next: FormState =
    faultSinceMs === state.faultSinceMs && inPosition === state.inPosition
      ? state
      : { faultSinceMs, inPosition };
  return { state: next, events: events ?? NO_EVENTS, gate: holdGate(checks, next, target, unseen) };
}

/** True when `value` has reached `threshold` going in `direction` (inclusive). */
function crossedInto(value: number, direction: 'above' | 'below', threshold: number): boolean {
  return direction === 'above' ? value >= threshold : value <= threshold;
}

function leftTarget(value: number, target: PositionTarget): boolean {
  return target.reachedWhen === 'above' ? value < target.leave : value > target.leave;
}

function holdGate(
  checks: readonly FormCheck[],
  state: FormState,
  target: PositionTarget | null,
  unseen: readonly KeypointName[] | null,
): HoldGate {
  if (unseen !== null)
    return { open: false, reason: 'cannot-see', faults: [], joints: [...new Set(unseen)] };
  if (target !== null && !state.inPosition)
    return { open: false, reason: 'out-of-position', faults: [], joints: [] };
  let faults: FaultId[] | null = null;
  for (let i = 0; i < checks.length; i++) {
    const check = checks[i] as FormCheck;
    if (check.gatesHold && state.faultSinceMs[i] !== null) (faults ??= []).push(check.id);
  }
  if (faults === null) return GATE_OPEN;
  return { open: false, reason: 'form', faults, joints: [] };
}

/** `fault-ended` for every running fault, e.g. when a rep ends while the back is still round. */
export function closeFaults(
  checks: readonly FormCheck[],
  state: FormState,
  nowMs: number,
): readonly ProtocolEvent[] {
  const events: ProtocolEvent[] = [];
  state.faultSinceMs.forEach((since, i) => {
    const check = checks[i];
    if (since === null || check === undefined) return;
    events.push({
      type: 'fault-ended',
      atMs: nowMs,
      fault: check.id,
      startMs: since,
      durationMs: nowMs - since,
    });
  });
  return events.length === 0 ? NO_EVENTS : events;
}
