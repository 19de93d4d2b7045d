import type { BodyOrientation, Measured, ViewAngle } from './measures';
import { isAvailable } from './measured';
import type { Degrees } from './units';

/**
 * The upright trunk length for trunk-chord rounding, kept as trunk / leg length (see
 * `trunkToLegRatio`) so it survives the person moving nearer or further. It is taken from frames
 * where the person stands or sits tall, side-on, knee straight, with joints seen well; the
 * running mean of `CALIBRATION_FRAMES` such frames is enough (the ratio scatters by ~2% per frame
 * on MoveNet, so 5 frames give ~1%).
 */
export interface TrunkCalibration {
  readonly ratio: number;
  readonly frames: number;
}

export const CALIBRATION_FRAMES = 5;
/** Trunk within 15° of vertical: standing or sitting tall. */
const UPRIGHT_TRUNK_MAX_DEG = 15;
/** The near knee within 15° of straight, so the leg length is the full leg. */
const STRAIGHT_KNEE_MIN_DEG = 165;
const MIN_RATIO_CONFIDENCE = 0.4;
/** After this many frames new ones weigh 1/20 each, so the calibration can still drift slowly. */
const MAX_AVERAGED_FRAMES = 20;

export interface CalibrationFrame {
  readonly orientation: BodyOrientation | null;
  readonly view: ViewAngle | null;
  readonly trunkInclinationDeg: Measured<Degrees>;
  readonly nearKneeAngleDeg: Measured<Degrees>;
  readonly trunkToLegRatio: Measured<number>;
}

export function updateTrunkCalibration(
  calibration: TrunkCalibration | null,
  frame: CalibrationFrame,
): TrunkCalibration | null {
  const { trunkInclinationDeg: trunk, nearKneeAngleDeg: knee, trunkToLegRatio: ratio } = frame;
  const qualifies =
    (frame.orientation === 'upright' || frame.orientation === 'seated') &&
    frame.view === 'side' &&
    isAvailable(trunk) &&
    trunk.value <= UPRIGHT_TRUNK_MAX_DEG &&
    isAvailable(knee) &&
    knee.value >= STRAIGHT_KNEE_MIN_DEG &&
    isAvailable(ratio) &&
    ratio.confidence >= MIN_RATIO_CONFIDENCE;
  if (!qualifies) return calibration;
  if (calibration === null) return { ratio: ratio.value, frames: 1 };
  const weight = 1 / Math.min(calibration.frames + 1, MAX_AVERAGED_FRAMES);
  return {
    ratio: calibration.ratio + weight * (ratio.value - calibration.ratio),
    frames: calibration.frames + 1,
  };
}

/** The calibrated upright ratio, or null until enough frames were seen. */
export function calibratedTrunkRatio(calibration: TrunkCalibration | null): number | null {
  return calibration !== null && calibration.frames >= CALIBRATION_FRAMES
    ? calibration.ratio
    : null;
}
