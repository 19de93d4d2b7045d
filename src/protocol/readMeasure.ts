import type { BodyMeasures, Measured, Side, Unavailable } from '../geometry/measures';
import type { MeasureRef } from './stretchDefinition';

/**
 * The value a stretch's `MeasureRef` names in one frame's measures, as a plain number, or
 * geometry's `Unavailable` (returned as is, so reading allocates nothing).
 */
export function readMeasure(
  measures: BodyMeasures,
  ref: MeasureRef,
  workingLeg: Side,
): number | Unavailable {
  switch (ref.measure) {
    case 'neckFlexionDeg':
      return valueOf(measures.neckFlexionDeg);
    case 'trunkInclinationDeg':
      return valueOf(measures.trunkInclinationDeg);
    case 'roundingIndex': {
      const rounding = measures.rounding;
      return rounding.value === null ? rounding : rounding.value.index;
    }
    case 'hipFlexionDeg':
    case 'legRaiseDeg':
    case 'kneeAngleDeg':
    case 'ankleFlexionDeg': {
      const leg = ref.leg === 'working' ? workingLeg : oppositeSide(workingLeg);
      return valueOf(measures[ref.measure][leg]);
    }
  }
}

function valueOf(measured: Measured<number>): number | Unavailable {
  return measured.value === null ? measured : measured.value;
}

export function oppositeSide(side: Side): Side {
  return side === 'left' ? 'right' : 'left';
}

/**
 * Whether a missing measure means "I can't see that joint" (the user can fix it by moving), as
 * opposed to "this measure does not exist here" (no heel points on MoveNet, no calibration yet),
 * which a check simply skips.
 */
export function isNotSeen(unavailable: Unavailable): boolean {
  return (
    unavailable.reason === 'low-confidence' ||
    unavailable.reason === 'out-of-frame' ||
    unavailable.reason === 'no-person'
  );
}
