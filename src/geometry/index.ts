/**
 * Geometry: pure measures of a pose (DESIGN.md §3). Entry point `measureFrame`; the free
 * functions are exported for tests, the eval command and the pose pipeline's rotation choice.
 */
export { initialGeometryState, measureFrame, type GeometryState } from './measureFrame';
export { resolveMeasureOptions, minScoreFor, type MeasureOptions } from './options';
export * from './measures';
export type { Keypoint, KeypointName, Pose, SegmentationMask } from './types';
export * from './units';
export * from './vectors';
export { available, unavailable, isAvailable, mapMeasured, scaleConfidence } from './measured';
export { checkJoint, readJoints, usableJoint, sideJoint, otherSide } from './joints';
export { facingSide, facingEvidence, type FacingEvidence } from './facing';
export { nearSide, nearSideEvidence, viewAngle, type NearSideEvidence } from './side';
export { hipFlexionDeg, legRaiseDeg } from './hip';
export { kneeAngleDeg, classifyKnee, KNEE_BANDS, KNEE_HYSTERESIS_DEG } from './knee';
export { ankleFlexionDeg } from './ankle';
export {
  trunkInclinationDeg,
  neckFlexionDeg,
  trunkLine,
  NECK_FLEXION_MODEL_BIAS_DEG,
} from './trunk';
export {
  ROUNDED_AT,
  TRUSTED_ROUNDING_CONFIDENCE,
  WEAK_CUE_MAX_CONFIDENCE,
  BACK_ROUNDED_ENTER,
  BACK_ROUNDED_LEAVE,
  classifyBack,
  backRounding,
  MIN_CONTOUR_CONFIDENCE,
  roundingFromBackContour,
  roundingFromNeckFlexion,
  roundingFromTrunkChord,
  trunkToLegRatio,
} from './rounding';
export { measureBackContour, curlSagittaRatio, type BackContour } from './backContour';
export {
  ROUNDING_WINDOW_MS,
  EMPTY_ROUNDING_WINDOW,
  pushReading,
  windowedContour,
  type RoundingWindow,
} from './roundingWindow';
export { bodyOrientation, poseQuality, suggestInferenceRotation } from './orientation';
export {
  BACK_TO_UPRIGHT_AFTER_FRAMES,
  nextRotation,
  SWITCH_AFTER_FRAMES,
  UPRIGHT_FRAMES,
  type RotationChoice,
} from './rotationChoice';
export { workingLeg } from './workingLeg';
export { wholeBodyInFrame } from './frameCoverage';
export {
  calibratedTrunkRatio,
  updateTrunkCalibration,
  CALIBRATION_FRAMES,
  type TrunkCalibration,
} from './trunkCalibration';
export { oneEuroStep, ANGLE_FILTER, type OneEuroConfig, type OneEuroState } from './oneEuro';
export { emptyLatch, updateLatch, type Latch } from './latch';
