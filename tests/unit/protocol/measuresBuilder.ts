import type {
  BodyMeasures,
  BodyOrientation,
  Measured,
  PerLeg,
  Side,
  UnavailableReason,
  ViewAngle,
} from '../../../src/geometry/measures';
import type { KeypointName } from '../../../src/geometry/types';
import type { Degrees } from '../../../src/geometry/units';
import { degrees } from '../../../src/geometry/units';

/**
 * Builds `BodyMeasures` directly, so the protocol can be tested without geometry. A number is
 * an available measure; `null` is "not seen" (low confidence); a reason string is that reason.
 */
export type Spec = number | null | UnavailableReason;

export interface MeasuresSpec {
  readonly personFound?: boolean;
  readonly wholeBody?: boolean;
  readonly view?: ViewAngle | null;
  readonly orientation?: BodyOrientation | null;
  readonly nearSide?: Side | null;
  /**
   * Geometry's working leg; the per-leg specs below are for this leg (or the near leg when it is
   * null), `other*` for the opposite one.
   */
  readonly workingLeg?: Side | null;
  readonly hipFlexionDeg?: Spec;
  readonly otherHipFlexionDeg?: Spec;
  readonly legRaiseDeg?: Spec;
  readonly kneeAngleDeg?: Spec;
  readonly otherKneeAngleDeg?: Spec;
  readonly ankleFlexionDeg?: Spec;
  readonly neckFlexionDeg?: Spec;
  readonly trunkInclinationDeg?: Spec;
  readonly roundingIndex?: Spec;
}

const JOINTS_FOR: Record<string, readonly KeypointName[]> = {
  knee: ['left_knee'],
  default: ['left_shoulder'],
};

function unavailable(reason: UnavailableReason): Measured<never> {
  return {
    value: null,
    confidence: 0,
    reason,
    joints: JOINTS_FOR[reason === 'low-confidence' ? 'knee' : 'default'] ?? [],
  };
}

function measured<T>(value: T | null | UnavailableReason, isReason: boolean): Measured<T> {
  if (value === null) return unavailable('low-confidence');
  if (isReason) return unavailable(value as UnavailableReason);
  return { value: value as T, confidence: 0.9 };
}

function deg(spec: Spec): Measured<Degrees> {
  if (typeof spec === 'string') return unavailable(spec);
  if (spec === null) return unavailable('low-confidence');
  return { value: degrees(spec), confidence: 0.9 };
}

function perLeg(working: Side, mine: Spec, other: Spec): PerLeg<Degrees> {
  return working === 'left'
    ? { left: deg(mine), right: deg(other) }
    : { left: deg(other), right: deg(mine) };
}

/** The spec, or the default when it was left out (null is kept: it means "not seen"). */
function or(spec: Spec | undefined, fallback: Spec): Spec {
  return spec === undefined ? fallback : spec;
}

export function bodyMeasures(spec: MeasuresSpec, timestampMs = 0): BodyMeasures {
  const personFound = spec.personFound ?? true;
  const working = spec.workingLeg === undefined ? 'left' : spec.workingLeg;
  // Per-leg values belong to the working leg, or to the near leg when there is none.
  const leg = working ?? spec.nearSide ?? 'left';
  const rounding = or(spec.roundingIndex, 0.2);
  return {
    timestampMs,
    personFound,
    wholeBodyInFrame:
      (spec.wholeBody ?? true) ? { value: true, confidence: 0.9 } : unavailable('out-of-frame'),
    nearSide: measured(spec.nearSide === undefined ? leg : spec.nearSide, false),
    view: measured(spec.view === undefined ? 'side' : spec.view, false),
    orientation: measured(spec.orientation === undefined ? 'upright' : spec.orientation, false),
    workingLeg: measured(working, false),
    hipFlexionDeg: perLeg(leg, or(spec.hipFlexionDeg, 40), or(spec.otherHipFlexionDeg, 0)),
    legRaiseDeg: perLeg(leg, or(spec.legRaiseDeg, 'not-applicable'), 'not-applicable'),
    kneeAngleDeg: perLeg(leg, or(spec.kneeAngleDeg, 175), or(spec.otherKneeAngleDeg, 172)),
    kneeState: { left: unavailable('not-applicable'), right: unavailable('not-applicable') },
    ankleFlexionDeg: perLeg(leg, or(spec.ankleFlexionDeg, 0), 0),
    neckFlexionDeg: deg(or(spec.neckFlexionDeg, 5)),
    trunkInclinationDeg: deg(or(spec.trunkInclinationDeg, 10)),
    rounding:
      typeof rounding === 'number'
        ? { value: { index: rounding, method: 'trunk-chord' }, confidence: 0.9 }
        : unavailable(rounding ?? 'low-confidence'),
    backState: unavailable('not-applicable'),
  };
}

/** Nobody in the frame: every measure unavailable with 'no-person'. */
export function nobody(timestampMs = 0): BodyMeasures {
  return { ...bodyMeasures({}, timestampMs), personFound: false };
}
