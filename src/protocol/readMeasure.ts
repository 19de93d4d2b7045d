import type { BodyMeasures, Measured, Side, Unavailable } from '../geometry/measures';
import { TRUSTED_ROUNDING_CONFIDENCE } from '../geometry/rounding';
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
      if (rounding.value === null) return rounding;
      return rounding.confidence < TRUSTED_ROUNDING_CONFIDENCE
        ? BACK_NOT_SEEN
        : rounding.value.index;
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

/**
 * A rounding below geometry's trusted confidence comes from a weak cue (neck flexion, trunk
 * chord: models without a person mask, e.g. MoveNet), which follows the head rather than the spine
 * (geometry/rounding.ts: frame AUC 0.70 on the labelled deadlifts, a slumped sitter read rounded
 * on MoveNet and flat on BlazePose). A back check then has nothing to judge: its fault is neither
 * voiced nor allowed to stop the hold timer. Reason `no-mask`, not a "can't see" one, so the
 * check is skipped rather than read as a hidden joint (which would pause the hold).
 */
const BACK_NOT_SEEN: Unavailable = Object.freeze({
  value: null,
  confidence: 0,
  reason: 'no-mask',
  joints: Object.freeze([]),
});

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
