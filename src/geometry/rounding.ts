import type { KeypointName, Pose } from './types';
import type { BackState, Measured, Rounding, RoundingMethod, Side } from './measures';
import { available, isAvailable, unavailable } from './measured';
import { readJoints, sideJoint, usableJoint, type GatedJoint } from './joints';
import { armBehindBack, measureBackContour } from './backContour';
import type { Degrees } from './units';
import { pointDistance } from './vectors';

/**
 * Spinal rounding (DESIGN.md §3): three methods, each scaled so that its "rounded" threshold
 * maps to an index of 1, and one index reported with the method that produced it.
 *
 * Only the back outline (c) looks at the back itself; it needs BlazePose's person mask, and it
 * alone makes the index the layers above see (`backRounding`). The other two are weak cues, kept
 * as measures for study (they are reported at a confidence of at most `WEAK_CUE_MAX_CONFIDENCE`)
 * but never stand in for the outline.
 */
export const ROUNDED_AT = {
  /**
   * Neck flexion (shoulder -> ear against hip -> shoulder). Upright with the ear over the
   * shoulder it is ~0-20° (forward head posture); a head let drop towards the chest adds the
   * 30-45° of cervical flexion. 35° marks a head hanging rather than held in line, which the
   * seeds name as what rounds the back ("avoid forcing your head down"). It reads the head, not
   * the back: on the eval set a rounded upper back with the chin up reads -30°. The reading has
   * the model's bias taken off first (`NECK_FLEXION_MODEL_BIAS_DEG` in trunk.ts: BlazePose reads
   * a level head ~8° more flexed than MoveNet).
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
   * Back-outline curl (see backContour.ts), in degrees. A neutral spine is an S: a lumbar
   * lordosis of 40-60° against a thoracic kyphosis of 20-45°, whose outline nets out slightly
   * hollow (on the eval set's upright standing video frames: median -14°, 90th percentile +7°;
   * the long backs of downward dog -26°; sitting tall in staff pose +6°). Flexing the lumbar spine
   * through its lordosis leaves the thoracic curve alone, one way: +20 to +45°. 30° is where the
   * lordosis is gone and the whole back bows one way, well clear of the upright frames' spread:
   * the back has given up its neutral S. (Deep standing folds on the eval set read a median 67°:
   * the spine does flex at the end of a full fold, head apart.)
   */
  backContourCurlDeg: 30,
} as const;

/**
 * The most a weak cue (neck flexion, trunk chord) is trusted. On the eval set's labelled
 * deadlifts neither tells a rounded back from a correct one across people: the trunk chord
 * shortens by the same 6-8% in a correct and a rounded clip of one lifter (medians 5.9% and 8.2%
 * over hinge frames, frame AUC 0.70 against the back outline's 0.87 on the same clips; it reaches
 * `ROUNDED_AT.trunkChordShortening` in 3 of 152 rounded frames and no correct one, so letting it
 * call a back rounded beside the outline would change next to nothing), and the head drops as
 * often with a long back (downward dog, folds) as with a rounded one. Below
 * `TRUSTED_ROUNDING_CONFIDENCE`, so a consumer that wants only trustworthy back states can tell.
 */
export const WEAK_CUE_MAX_CONFIDENCE = 0.3;

/**
 * A rounding (and back state) at or above this confidence comes from the back outline, seen
 * side-on with the hip and shoulder well placed; below it, it is a cue to weigh, not a verdict.
 */
export const TRUSTED_ROUNDING_CONFIDENCE = 0.5;

/**
 * Past horizontal the head hangs under its own weight: a fold or downward dog lets it drop, and
 * the seeds ask not to force it either way. A dropped head then says nothing about the back.
 */
const HEAD_HANGS_PAST_TRUNK_DEG = 90;

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

/**
 * (a) Rounding from neck flexion, a weak cue. Head tipped back counts as 0, not as negative
 * rounding; with the trunk past horizontal it does not apply (the head hangs).
 */
export function roundingFromNeckFlexion(
  neckFlexionDeg: Measured<Degrees>,
  trunkInclinationDeg: Measured<Degrees>,
): Measured<Rounding> {
  if (!isAvailable(neckFlexionDeg)) return neckFlexionDeg;
  if (isAvailable(trunkInclinationDeg) && trunkInclinationDeg.value > HEAD_HANGS_PAST_TRUNK_DEG) {
    return unavailable('not-applicable', []);
  }
  return rounding(
    neckFlexionDeg.value / ROUNDED_AT.neckFlexionDeg,
    'neck-flexion',
    Math.min(WEAK_CUE_MAX_CONFIDENCE, neckFlexionDeg.confidence),
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

/** (b) Rounding from the trunk chord, a weak cue, given the upright ratio calibrated earlier. */
export function roundingFromTrunkChord(
  ratio: Measured<number>,
  calibratedRatio: number | null,
): Measured<Rounding> {
  if (calibratedRatio === null) return unavailable('not-calibrated', []);
  if (!isAvailable(ratio)) return ratio;
  const shortening = 1 - ratio.value / calibratedRatio;
  return rounding(
    shortening / ROUNDED_AT.trunkChordShortening,
    'trunk-chord',
    Math.min(WEAK_CUE_MAX_CONFIDENCE, ratio.confidence),
  );
}

const ARM_JOINTS: readonly KeypointName[] = [
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
];

/**
 * A trunk this many mask pixels long or more is measured at full confidence. At the rounded line
 * (30° of curl) the outline's sagitta is 6.6% of the span, 3 px here: one mask pixel, the mask's
 * step, is then a third of it. Shorter trunks are measured all the same, with confidence in
 * proportion. The estimator cuts the mask to the person before shrinking it (src/pose), so a
 * trunk is short here only when it is short in the frame itself (the mask is never enlarged).
 */
const FULL_RESOLUTION_CHORD_MASK_PX = 48;

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
  // Which way the back faces is unknown (a frontal view): no outline to read.
  if (facing === null) return unavailable('outline-unclear', []);
  const [hip, shoulder] = joints.joints as [GatedJoint, GatedJoint];
  const arms = ARM_JOINTS.flatMap((name) => usableJoint(pose, name, minScore) ?? []);
  if (armBehindBack(arms, hip, shoulder, facing)) {
    return unavailable(
      'not-applicable',
      ARM_JOINTS.filter((n) => usableJoint(pose, n, minScore)),
    );
  }
  const contour = measureBackContour(mask, pose.imageSize, hip, shoulder, facing);
  if (contour === null) return unavailable('outline-unclear', []);
  // Fewer stations found, or a trunk only a few mask pixels long, make the curl less certain.
  const resolution = Math.min(1, contour.chordMaskPx / FULL_RESOLUTION_CHORD_MASK_PX);
  return rounding(
    contour.curlDeg / ROUNDED_AT.backContourCurlDeg,
    'back-contour',
    joints.minScore * contour.coverage * resolution,
  );
}

/**
 * The rounding index the layers above get (DESIGN.md §3): the back outline, and nothing else.
 *
 * The weak cues (neck flexion, trunk chord) follow the head and the arms' joints, not the spine:
 * on the studio probe a slumped sitter with a level outline read "rounded" on MoveNet and "flat"
 * on BlazePose, and on the labelled deadlifts neither cue tells a rounded back from a correct one
 * (see `WEAK_CUE_MAX_CONFIDENCE`). Letting them stand in voiced back faults, and stopped the hold
 * timer, from a guess. So without an outline the back is not checked, and says why:
 * - 'no-mask': the model gives no person mask (MoveNet); nothing the person can change;
 * - 'outline-unclear': there is a mask, but the outline is too faint to read (turned towards the
 *   camera, a sliver of trunk, an edge not found): a side-on view would fix it;
 * - the hip or shoulder not seen ('low-confidence' / 'out-of-frame' with the joints): passed on
 *   as is, like any other measure whose joints are not seen;
 * - 'not-applicable' (an arm behind the back): passed on as is.
 * A consumer skips a back check on the first, second and last (protocol/readMeasure.ts,
 * `isNotSeen`), so the hold timer never waits on a back it cannot see.
 */
export function backRounding(contour: Measured<Rounding>): Measured<Rounding> {
  if (isAvailable(contour)) {
    return contour.confidence >= MIN_CONTOUR_CONFIDENCE ? contour : unavailable('outline-unclear');
  }
  const jointsUnseen =
    (contour.reason === 'low-confidence' || contour.reason === 'out-of-frame') &&
    contour.joints.length > 0;
  if (contour.reason === 'low-confidence' && !jointsUnseen) return unavailable('outline-unclear');
  return contour;
}

/**
 * Below this the back outline is too faint to read (a frontal view, a sliver of trunk): the
 * back is then not checked rather than judged from it.
 */
export const MIN_CONTOUR_CONFIDENCE = 0.3;
