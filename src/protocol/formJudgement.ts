import type { BodyMeasures, Side } from '../geometry/measures';
import { readMeasure } from './readMeasure';
import type { SessionState } from './sessionState';
import { currentStretch } from './sessionState';
import type { FormAspect, FormCheck } from './stretchDefinition';

/**
 * The protocol's own verdict on a group of form aspects in one frame, for a live display: the
 * same checks, thresholds and fault state `transition` uses, so what the screen shows cannot
 * disagree with what the coach says.
 *
 * - `fault`: one of the group's faults is on (entered, after hysteresis);
 * - `near`: a value is past the point where the fault would clear but the fault is not on (in the
 *   hysteresis band, or beyond it while the fault waits to persist or outside the phases that
 *   judge it) — never "fine" then: a back reading "rounded" in green would say two things;
 * - `fine`: every value that could be read is on the good side;
 * - `none`: the stretch has no check on these aspects.
 */
export type FormVerdict = 'fault' | 'near' | 'fine' | 'none';

export interface AspectJudgement {
  readonly verdict: FormVerdict;
  /** The check behind a `fault` or `near` verdict: its cue says what to fix. */
  readonly check: FormCheck | null;
}

export function judgeAspects(
  state: SessionState,
  measures: BodyMeasures,
  leg: Side,
  aspects: readonly FormAspect[],
): AspectJudgement {
  const stretch = currentStretch(state);
  if (stretch === null) return { verdict: 'none', check: null };
  let near: FormCheck | null = null;
  let any = false;
  for (let i = 0; i < stretch.checks.length; i++) {
    const check = stretch.checks[i] as FormCheck;
    if (!aspects.includes(check.aspect)) continue;
    any = true;
    if ((state.form.faultSinceMs[i] ?? null) !== null) return { verdict: 'fault', check };
    const value = readMeasure(measures, check.measure, leg);
    if (typeof value !== 'number') continue;
    const onFaultSide = check.faultWhen === 'above' ? value >= check.leave : value <= check.leave;
    if (onFaultSide) near ??= check;
  }
  if (!any) return { verdict: 'none', check: null };
  return near !== null ? { verdict: 'near', check: near } : { verdict: 'fine', check: null };
}

/** The target position's value in this frame, in degrees, or null when it cannot be read. */
export function targetValue(state: SessionState, measures: BodyMeasures, leg: Side): number | null {
  const stretch = currentStretch(state);
  if (stretch?.kind !== 'hold') return null;
  const value = readMeasure(measures, stretch.target.measure, leg);
  return typeof value === 'number' ? value : null;
}
