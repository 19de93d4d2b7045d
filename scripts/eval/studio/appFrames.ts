import {
  initialGeometryState,
  measureFrame,
  readJoints,
  sideJoint,
  usableJoint,
  type BodyMeasures,
  type GeometryState,
} from '../../../src/geometry';
import type { Pose } from '../../../src/geometry/types';
import { appBackCurl } from '../studioDefinition';
import { readingOf } from './reading';
import { LEG_POINTS, type AppFrame, type LegPoints } from './studioScore';

/**
 * The app's geometry over a clip's sampled poses, in order, with one state per clip (as a session
 * has): what studio mode compares with the truth. Pure.
 */

/**
 * The app's back-outline curl where it would measure one: a mask, its own near side, and that
 * side's hip and shoulder seen. The same code the truth's curl comes from (studioDefinition.ts),
 * without the rounding index's clamp at 0, so a curl error is in degrees both ways.
 */
function appCurl(pose: Pose | null, measures: BodyMeasures, minScore: number): number | null {
  const near = measures.nearSide.value;
  if (pose === null || near === null || pose.segmentation === undefined) return null;
  const joints = readJoints(pose, [sideJoint(near, 'hip'), sideJoint(near, 'shoulder')], minScore);
  return joints.usable ? appBackCurl(pose, near) : null;
}

/** The knees and ankles the app would use (LEG_POINTS order), or null when any is not usable. */
function legPoints(pose: Pose | null, minScore: number): LegPoints | null {
  if (pose === null) return null;
  const points: (readonly [number, number])[] = [];
  for (const name of LEG_POINTS) {
    const joint = usableJoint(pose, name, minScore);
    if (joint === undefined) return null;
    points.push([joint.x, joint.y]);
  }
  return points;
}

export interface TimedPose {
  readonly timestampMs: number | null;
  readonly pose: Pose | null;
}

export function appFrames(frames: readonly TimedPose[], minScore: number): AppFrame[] {
  let state: GeometryState = initialGeometryState();
  return frames.map(({ timestampMs, pose }) => {
    const [next, measures] = measureFrame(state, pose, timestampMs ?? 0);
    state = next;
    return {
      ...readingOf(measures),
      backCurlDeg: appCurl(pose, measures, minScore),
      legPoints: legPoints(pose, minScore),
    };
  });
}
