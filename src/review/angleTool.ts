import { vectorAngleDeg, vectorFromPoints, type Vec2 } from '../geometry/vectors';
import type { Degrees } from '../geometry/units';
import type { KeypointName, Pose } from '../geometry/types';

/**
 * The review screen's angle tool: three points on a paused frame (first arm end, the vertex,
 * second arm end), in the video's own pixels. Points can snap to the nearest keypoint, so a
 * trainer measuring a knee gets the model's hip-knee-ankle points without pixel-hunting. Pure.
 */

export interface AnglePoint extends Vec2 {
  /** The keypoint this point snapped to, if any. */
  readonly joint: KeypointName | null;
}

export interface AngleTool {
  /** 0 to 3 points; the angle is at the second one. */
  readonly points: readonly AnglePoint[];
}

export const EMPTY_ANGLE_TOOL: AngleTool = Object.freeze({ points: [] });

/** The angle at `vertex` between the arms to `a` and `c`, 0..180; null when an arm has no length. */
export function angleAtDeg(a: Vec2, vertex: Vec2, c: Vec2): Degrees | null {
  const angle = vectorAngleDeg(vectorFromPoints(vertex, a), vectorFromPoints(vertex, c));
  return Number.isFinite(angle) ? angle : null;
}

/** A fourth click starts a new measurement. */
export function addAnglePoint(tool: AngleTool, point: AnglePoint): AngleTool {
  return { points: tool.points.length >= 3 ? [point] : [...tool.points, point] };
}

export function removeLastAnglePoint(tool: AngleTool): AngleTool {
  return { points: tool.points.slice(0, -1) };
}

export function toolAngleDeg(tool: AngleTool): Degrees | null {
  const [a, vertex, c] = tool.points;
  if (a === undefined || vertex === undefined || c === undefined) return null;
  return angleAtDeg(a, vertex, c);
}

/**
 * The keypoint of `pose` nearest to `point` within `maxDistancePx` (pose pixels), among those the
 * model scored at least `minScore`; null when none is that close.
 */
export function nearestKeypoint(
  pose: Pose,
  point: Vec2,
  maxDistancePx: number,
  minScore = 0.3,
): KeypointName | null {
  let best: KeypointName | null = null;
  let bestDistance = maxDistancePx;
  for (const [name, keypoint] of Object.entries(pose.keypoints) as [
    KeypointName,
    Pose['keypoints'][KeypointName],
  ][]) {
    if (keypoint === undefined || keypoint.score < minScore) continue;
    const distance = Math.hypot(keypoint.x - point.x, keypoint.y - point.y);
    if (distance <= bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best;
}

/** A point at a keypoint of `pose` (for the keyboard: pick joints from lists instead of clicking). */
export function keypointPoint(pose: Pose, joint: KeypointName): AnglePoint | null {
  const keypoint = pose.keypoints[joint];
  return keypoint === undefined ? null : { x: keypoint.x, y: keypoint.y, joint };
}

/**
 * A click (or tap) on the picture as a point in pose pixels, snapped to a keypoint within
 * `snapPx` pose pixels when the frame has a pose.
 */
export function pointFromClick(clickInPose: Vec2, pose: Pose | null, snapPx: number): AnglePoint {
  const joint = pose === null ? null : nearestKeypoint(pose, clickInPose, snapPx);
  const keypoint = joint === null || pose === null ? undefined : pose.keypoints[joint];
  return keypoint === undefined
    ? { x: clickInPose.x, y: clickInPose.y, joint: null }
    : { x: keypoint.x, y: keypoint.y, joint };
}
