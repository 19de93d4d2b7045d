/**
 * The review layer's pure helpers the clip screens use, passed through the engine (screens import
 * only the engine; see eslint.config.js).
 */
export {
  EMPTY_ANGLE_TOOL,
  addAnglePoint,
  keypointPoint,
  pointFromClick,
  removeLastAnglePoint,
  toolAngleDeg,
} from '../../review/angleTool';
export { MAX_NOTE_CHARS, notesNear } from '../../review/annotations';
export { keypointNamesFor, poseAt, steppedFrameTimeMs } from '../../review/poseTrack';
export { nextFault } from '../../review/reviewTimeline';
export { DEFAULT_SAMPLING, SAMPLING_CHOICES } from '../../review/samplingPlan';
export { describeBudget, formatBytes } from '../../review/storageBudget';
export { describeTimeLeft } from '../../review/timeLeft';
