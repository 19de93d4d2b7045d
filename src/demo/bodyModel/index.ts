/**
 * A parametric side-view body model for tests: generates pose keypoint tracks from a timeline,
 * e.g. "hinge to 80 degrees with a flat back, round the back at 12 s for 3 s, bounce at 20 s".
 */
export { bodyTrack, type BodySpec, type BodyTrack } from './track';
export {
  absent,
  bounce,
  changeFor,
  glideReps,
  hide,
  hinge,
  ramp,
  roundBack,
  timelineEndMs,
  type Action,
} from './timeline';
export { POSTURES, type Channels, type Posture } from './postures';
export type { ModelFamily } from './renderPose';
export { seededRng } from './rng';
