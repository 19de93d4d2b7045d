import {
  isAvailable,
  type BackState,
  type BodyMeasures,
  type BodyOrientation,
  type KneeState,
  type Measured,
  type PerLeg,
  type Side,
} from '../../../src/geometry';
import type { LegAngles } from './scoredLeg';

/**
 * What scoring against a studio truth needs from one frame's measures, shared by `npm run eval`
 * (studio mode) and `npm run coach-eval`: small, so a whole clip's readings are cheap to keep.
 */
export interface FrameReading {
  readonly timestampMs: number;
  readonly personFound: boolean;
  readonly workingLeg: Side | null;
  readonly nearSide: Side | null;
  readonly orientation: BodyOrientation | null;
  readonly hipFlexionDeg: LegAngles;
  readonly legRaiseDeg: LegAngles;
  readonly kneeAngleDeg: LegAngles;
  readonly ankleFlexionDeg: LegAngles;
  readonly kneeState: { readonly left: KneeState | null; readonly right: KneeState | null };
  readonly backState: BackState | null;
}

const valueOf = <T>(measure: Measured<T>): T | null =>
  isAvailable(measure) ? measure.value : null;

const perLeg = <T>(measure: PerLeg<T>): { left: T | null; right: T | null } => ({
  left: valueOf(measure.left),
  right: valueOf(measure.right),
});

export function readingOf(measures: BodyMeasures): FrameReading {
  return {
    timestampMs: measures.timestampMs,
    personFound: measures.personFound,
    workingLeg: valueOf(measures.workingLeg),
    nearSide: valueOf(measures.nearSide),
    orientation: valueOf(measures.orientation),
    hipFlexionDeg: perLeg(measures.hipFlexionDeg),
    legRaiseDeg: perLeg(measures.legRaiseDeg),
    kneeAngleDeg: perLeg(measures.kneeAngleDeg),
    ankleFlexionDeg: perLeg(measures.ankleFlexionDeg),
    kneeState: perLeg(measures.kneeState),
    backState: valueOf(measures.backState),
  };
}
