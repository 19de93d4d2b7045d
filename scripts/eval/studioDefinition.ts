import {
  ankleFlexionDeg,
  hipFlexionDeg,
  isAvailable,
  kneeAngleDeg,
  legRaiseDeg,
  neckFlexionDeg,
  trunkInclinationDeg,
  type Measured,
  type Side,
} from '../../src/geometry';
import { armBehindBack, measureBackContour } from '../../src/geometry/backContour';
import {
  KEYPOINT_NAMES,
  type Keypoint,
  type KeypointName,
  type Pose,
} from '../../src/geometry/types';
import {
  type Silhouettes,
  type StudioAngles,
  type StudioTruth,
  type StudioTruthFrame,
} from './studioTruth';

/**
 * The studio's definition: a sidecar's 2-D truth is what the app's own geometry reads from the
 * exact keypoints (every score 1, a perfect detector), and its back curl is the app's back-outline
 * code on the exact silhouette. The studio writes the truth with these functions; the definition
 * check (tests/unit/studio/definition.test.ts, `npm run studio -- check`) runs them again on the
 * stored keypoints and compares.
 */

/** A perfect detector's score passes every model's minimum. */
const PERFECT_SCORE = 1;
const MIN_SCORE = 0.5;
/** The sidecar keeps keypoints to 0.001 px and angles to 0.0001°: far inside this. */
export const DEFINITION_TOLERANCE_DEG = 0.05;

const round4 = (value: number): number => Math.round(value * 1e4) / 1e4;

function valueOf(measure: Measured<number>): number | null {
  return isAvailable(measure) ? round4(measure.value) : null;
}

/** The pose a perfect detector would report: every landmark at its exact place, score 1. */
export function exactPose(
  points: readonly (readonly [number, number, ...number[]])[],
  widthPx: number,
  heightPx: number,
  silhouette: Uint8Array | null,
): Pose {
  const keypoints: Partial<Record<KeypointName, Keypoint>> = {};
  KEYPOINT_NAMES.forEach((name, i) => {
    const [x, y] = points[i] ?? [NaN, NaN];
    keypoints[name] = { x, y, score: PERFECT_SCORE };
  });
  return {
    keypoints,
    score: PERFECT_SCORE,
    imageSize: { widthPx, heightPx },
    // MoveNet Thunder's settings: no neck-flexion bias (trunk.ts), so the neck is the anatomy's.
    model: 'movenet-thunder',
    timestampMs: 0,
    inferenceRotationDeg: 0,
    ...(silhouette === null ? {} : { segmentation: { widthPx, heightPx, data: silhouette } }),
  };
}

/** The app's angles on a pose (rounded as the sidecar stores them); leg raise only lying. */
export function appAngles(pose: Pose, near: Side, lying: boolean): StudioAngles {
  const per = (
    f: (side: Side) => Measured<number>,
  ): { left: number | null; right: number | null } => ({
    left: valueOf(f('left')),
    right: valueOf(f('right')),
  });
  return {
    hipFlexionDeg: per((s) => hipFlexionDeg(pose, s, MIN_SCORE)),
    legRaiseDeg: lying ? per((s) => legRaiseDeg(pose, s, MIN_SCORE)) : { left: null, right: null },
    kneeAngleDeg: per((s) => kneeAngleDeg(pose, s, near, MIN_SCORE)),
    ankleFlexionDeg: per((s) => ankleFlexionDeg(pose, s, MIN_SCORE)),
    neckFlexionDeg: valueOf(neckFlexionDeg(pose, near, near, MIN_SCORE)),
    trunkInclinationDeg: valueOf(trunkInclinationDeg(pose, near, MIN_SCORE)),
  };
}

/**
 * The app's back-outline curl on the pose's silhouette, from the near side's hip and shoulder
 * (rounded as stored); null where the app would not measure it: either point outside the picture,
 * an arm behind the back, or an outline the app rejects.
 */
export function appBackCurl(pose: Pose, near: Side): number | null {
  const { widthPx, heightPx } = pose.imageSize;
  const inside = <P extends { x: number; y: number }>(p: P | undefined): p is P =>
    p !== undefined && p.x >= 0 && p.y >= 0 && p.x <= widthPx && p.y <= heightPx;
  const hip = pose.keypoints[`${near}_hip`];
  const shoulder = pose.keypoints[`${near}_shoulder`];
  if (pose.segmentation === undefined || !inside(hip) || !inside(shoulder)) return null;
  const arms = (['left_elbow', 'right_elbow', 'left_wrist', 'right_wrist'] as const)
    .map((name) => pose.keypoints[name])
    .filter(inside);
  if (armBehindBack(arms, hip, shoulder, near)) return null;
  const contour = measureBackContour(pose.segmentation, pose.imageSize, hip, shoulder, near);
  return contour === null ? null : round4(contour.curlDeg);
}

const PER_SIDE = ['hipFlexionDeg', 'legRaiseDeg', 'kneeAngleDeg', 'ankleFlexionDeg'] as const;
const SCALAR = ['neckFlexionDeg', 'trunkInclinationDeg'] as const;

export interface DefinitionMismatch {
  readonly frameIndex: number;
  readonly what: string;
  readonly stored: number | null;
  readonly measured: number | null;
}

/**
 * Runs the app again on one stored frame (its `position` in `frames`) and lists every angle or
 * curl that differs from the stored truth by more than the tolerance, or is measured by one and
 * not the other. Without silhouettes only the angles are compared.
 */
export function frameDefinitionMismatches(
  truth: StudioTruth,
  position: number,
  silhouettes: Silhouettes | null,
): DefinitionMismatch[] {
  const frame: StudioTruthFrame | undefined = truth.frames[position];
  if (frame === undefined) throw new Error(`no frame at position ${position}`);
  const { widthPx, heightPx } = truth.clip;
  const mismatches: DefinitionMismatch[] = [];
  const compare = (what: string, stored: number | null, measured: number | null): void => {
    const same =
      stored === null || measured === null
        ? stored === measured
        : Math.abs(stored - measured) <= DEFINITION_TOLERANCE_DEG;
    if (!same) mismatches.push({ frameIndex: frame.index, what, stored, measured });
  };
  const mask = silhouettes === null ? null : silhouettes.mask(position);
  const pose = exactPose(frame.blazepose, widthPx, heightPx, mask);
  const angles = appAngles(pose, frame.nearSide, frame.orientation === 'lying');
  for (const key of PER_SIDE) {
    for (const side of ['left', 'right'] as const)
      compare(`${key}.${side}`, frame.angles2d[key][side], angles[key][side]);
  }
  for (const key of SCALAR) compare(key, frame.angles2d[key], angles[key]);
  if (mask !== null) compare('backCurlDeg', frame.backCurlDeg, appBackCurl(pose, frame.nearSide));
  return mismatches;
}
