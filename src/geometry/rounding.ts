import type { KeypointName, Pose } from './types';
import type { BackState, Measured, Rounding, RoundingMethod, Side } from './measures';
import { available, isAvailable, unavailable } from './measured';
import { readJoints, sideJoint, usableJoint, type GatedJoint } from './joints';
import {
  armBehindBack,
  curlBulgeRatio,
  measureBackContour,
  MIN_CHORD_MASK_PX,
} from './backContour';
import type { Degrees } from './units';
import { pointDistance } from './vectors';

/**
 * Spinal rounding (DESIGN.md §3): three methods, each scaled so that its "rounded" threshold
 * maps to an index of 1, and one index reported with the method that produced it.
 */
export const ROUNDED_AT = {
  /**
   * Neck flexion (shoulder -> ear against hip -> shoulder). Upright with the ear over the
   * shoulder it is ~0-20° (forward head posture); a head let drop towards the chest adds the
   * 30-45° of cervical flexion. 35° marks a head hanging rather than held in line, which the
   * seeds name as what rounds the back ("avoid forcing your head down").
   */
  neckFlexionDeg: 35,
  /**
   * Trunk chord (hip -> shoulder) shortening against the calibrated upright length. A straight
   * segment bent into an arc of total angle φ keeps sin(φ/2)/(φ/2) of its chord: 3% at 50°, 6%
   * at 70°, 9% at 85°. But the shoulder keypoint is the arm's joint, not the spine: bending over
   * with the arms hanging slides the shoulder blades forward, and on the eval set's correct-form
   * deadlift frames the chord is already 6-10% short (median) with a flat back. 15% is that
   * artefact plus a 70° curl.
   */
  trunkChordShortening: 0.15,
  /**
   * Back-contour bulge ratio (see backContour.ts). A neutral spine's lordosis and kyphosis cancel
   * to a net bulge near 0; the whole back curled one way by 40° gives 0.043. 40° is the upper end
   * of a normal thoracic kyphosis (20-40°) with no lordosis left to offset it: the back has given
   * up its neutral S.
   */
  backContourBulge: curlBulgeRatio(40),
} as const;

/**
 * Back state bands on the index, with hysteresis so a value near the line does not flicker
 * (DESIGN.md §5): rounded from 1.0 up, flat again only below 0.8.
 */
export const BACK_ROUNDED_ENTER = 1;
export const BACK_ROUNDED_LEAVE = 0.8;

export function classifyBack(index: number, previous: BackState | null = null): BackState {
  if (previous === 'rounded') return index < BACK_ROUNDED_LEAVE ? 'flat' : 'rounded';
  return index >= BACK_ROUNDED_ENTER ? 'rounded' : 'flat';
}

function rounding(index: number, method: RoundingMethod, confidence: number): Measured<Rounding> {
  return available({ index: Math.max(0, index), method }, confidence);
}

/** (a) Rounding from neck flexion. Head tipped back counts as 0, not as negative rounding. */
export function roundingFromNeckFlexion(neckFlexionDeg: Measured<Degrees>): Measured<Rounding> {
  if (!isAvailable(neckFlexionDeg)) return neckFlexionDeg;
  return rounding(
    neckFlexionDeg.value / ROUNDED_AT.neckFlexionDeg,
    'neck-flexion',
    neckFlexionDeg.confidence,
  );
}

/**
 * Trunk chord against leg length on one side: hip->shoulder / (hip->knee + knee->ankle). Leg
 * segments keep their length however the knee bends, and lie in the image plane in a side view
 * just like the trunk, so the ratio does not change with distance to the camera.
 */
export function trunkToLegRatio(pose: Pose, side: Side, minScore: number): Measured<number> {
  const joints = readJoints(
    pose,
    ['shoulder', 'hip', 'knee', 'ankle'].map((j) => sideJoint(side, j as 'hip')),
    minScore,
  );
  if (!joints.usable) return joints.missing;
  const [shoulder, hip, knee, ankle] = joints.joints as [
    GatedJoint,
    GatedJoint,
    GatedJoint,
    GatedJoint,
  ];
  const leg = pointDistance(hip, knee) + pointDistance(knee, ankle);
  if (leg === 0) return unavailable('low-confidence', []);
  return available(pointDistance(hip, shoulder) / leg, joints.minScore);
}

/** (b) Rounding from the trunk chord, given the upright ratio calibrated earlier. */
export function roundingFromTrunkChord(
  ratio: Measured<number>,
  calibratedRatio: number | null,
): Measured<Rounding> {
  if (calibratedRatio === null) return unavailable('not-calibrated', []);
  if (!isAvailable(ratio)) return ratio;
  const shortening = 1 - ratio.value / calibratedRatio;
  return rounding(shortening / ROUNDED_AT.trunkChordShortening, 'trunk-chord', ratio.confidence);
}

const ARM_JOINTS: readonly KeypointName[] = [
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
];

/** (c) Rounding from the back outline in the segmentation mask, on the side facing the camera. */
export function roundingFromBackContour(
  pose: Pose,
  facing: Side | null,
  minScore: number,
): Measured<Rounding> {
  const mask = pose.segmentation;
  if (mask === undefined) return unavailable('no-mask', []);
  const side = facing ?? 'left';
  const joints = readJoints(pose, [sideJoint(side, 'hip'), sideJoint(side, 'shoulder')], minScore);
  if (!joints.usable) return joints.missing;
  if (facing === null) return unavailable('low-confidence', []);
  const [hip, shoulder] = joints.joints as [GatedJoint, GatedJoint];
  const arms = ARM_JOINTS.flatMap((name) => usableJoint(pose, name, minScore) ?? []);
  if (armBehindBack(arms, hip, shoulder, facing)) {
    return unavailable(
      'not-applicable',
      ARM_JOINTS.filter((n) => usableJoint(pose, n, minScore)),
    );
  }
  const contour = measureBackContour(mask, pose.imageSize, hip, shoulder, facing);
  if (contour === null) return unavailable('low-confidence', [sideJoint(side, 'shoulder')]);
  // Fewer stations found, or a trunk only a few mask pixels long, make the bulge less certain.
  const resolution = Math.min(1, contour.chordMaskPx / (2 * MIN_CHORD_MASK_PX));
  return rounding(
    contour.bulgeRatio / ROUNDED_AT.backContourBulge,
    'back-contour',
    joints.minScore * contour.coverage * resolution,
  );
}

/**
 * One index from two kinds of evidence (DESIGN.md §3): the trunk's own shape (the back outline
 * where there is a mask, else the trunk chord) and the head (neck flexion). The seeds name both as
 * rounding: a back curled between hip and shoulder, and a head let drop. The larger index wins,
 * reported with the method that produced it; a trunk-shape method below `MIN_METHOD_CONFIDENCE`
 * gives way to the next one.
 */
export function combineRounding(
  trunkShape: readonly Measured<Rounding>[],
  head: Measured<Rounding>,
): Measured<Rounding> {
  const shape =
    trunkShape.find((m) => isAvailable(m) && m.confidence >= MIN_METHOD_CONFIDENCE) ??
    trunkShape.find(isAvailable);
  if (shape === undefined || !isAvailable(shape)) return head;
  if (!isAvailable(head)) return shape;
  return head.value.index > shape.value.index ? head : shape;
}

/** Below this a trunk-shape method gives way to the next one. */
const MIN_METHOD_CONFIDENCE = 0.3;
