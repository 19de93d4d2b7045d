import type { BodyMeasures, Measured } from '../../../src/geometry/measures';
import type { Degrees } from '../../../src/geometry/units';
import { degrees } from '../../../src/geometry/units';

const missing: Measured<never> = {
  value: null,
  confidence: 0,
  reason: 'not-applicable',
  joints: [],
};

function seen<T>(value: T): Measured<T> {
  return { value, confidence: 0.9 };
}

const deg = (value: number): Measured<Degrees> => seen(degrees(value));

/** A standing frame with the left leg working at `hipFlexionDeg`. */
export function measuresAt(timestampMs: number, hipFlexionDeg: number): BodyMeasures {
  return {
    timestampMs,
    personFound: true,
    wholeBodyInFrame: seen(true),
    nearSide: seen('left'),
    view: seen('side'),
    orientation: seen('upright'),
    workingLeg: seen('left'),
    hipFlexionDeg: { left: deg(hipFlexionDeg), right: deg(10) },
    legRaiseDeg: { left: missing, right: missing },
    kneeAngleDeg: { left: deg(176), right: deg(172) },
    kneeState: { left: seen('straight'), right: seen('soft') },
    ankleFlexionDeg: { left: missing, right: missing },
    neckFlexionDeg: deg(5),
    trunkInclinationDeg: deg(40),
    rounding: seen({ index: 0.3, method: 'trunk-chord' }),
    backState: seen('flat'),
  };
}
