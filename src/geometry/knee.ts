import type { Pose } from './types';
import type { KneeState, Measured, Side } from './measures';
import { available, unavailable } from './measured';
import { readJoints, sideJoint, type GatedJoint } from './joints';
import { degrees, type Degrees } from './units';
import { vectorFromPoints, vectorSignedAngleDeg } from './vectors';

/**
 * Knee angle hip-knee-ankle, signed by the facing direction (DESIGN.md §3): 180 = straight,
 * below 180 = bent, above 180 = pushed back past straight (hyperextended).
 *
 * Flexion turns the shin backwards from the thigh line. With the right side facing the camera
 * (body facing image-right), backwards is a clockwise turn on screen (see facing.ts), so the
 * signed angle is 180 - turn; with the left side facing, 180 + turn.
 *
 * The sign only matters near straight: knees do not hyperextend beyond `MAX_HYPEREXTENSION_DEG`,
 * so a larger turn is flexion whatever `facing` says (a wrong or frontal-view facing cannot turn a
 * bent knee into a "locked" one), and `facing` null (unknown) gives an unsigned value for such
 * bends. Near straight with facing unknown: within `UNSIGNED_STRAIGHT_DEG` it reads 180 either way,
 * in between the sign decides between "soft" and "locked", so the measure is unavailable rather
 * than guessed.
 */
export function kneeAngleDeg(
  pose: Pose,
  side: Side,
  facing: Side | null,
  minScore: number,
): Measured<Degrees> {
  const joints = readJoints(
    pose,
    [sideJoint(side, 'hip'), sideJoint(side, 'knee'), sideJoint(side, 'ankle')],
    minScore,
  );
  if (!joints.usable) return joints.missing;
  const [hip, knee, ankle] = joints.joints as [GatedJoint, GatedJoint, GatedJoint];
  const turnDeg: number = vectorSignedAngleDeg(
    vectorFromPoints(hip, knee),
    vectorFromPoints(knee, ankle),
  );
  const bend = Math.abs(turnDeg);
  if (bend > MAX_HYPEREXTENSION_DEG) return available(degrees(180 - bend), joints.minScore);
  if (facing !== null) {
    const flexion = facing === 'right' ? turnDeg : -turnDeg;
    return available(degrees(180 - flexion), joints.minScore);
  }
  if (bend <= UNSIGNED_STRAIGHT_DEG) return available(degrees(180), joints.minScore * 0.5);
  return unavailable('low-confidence', []);
}

/**
 * Knees hyperextend 5-10° in many people and 15-20° in marked genu recurvatum; beyond 20° a
 * backward-looking turn is a flexion seen with the wrong facing.
 */
const MAX_HYPEREXTENSION_DEG = 20;
/** Within this of straight the sign changes nothing a cue would say. */
const UNSIGNED_STRAIGHT_DEG = 3;

/**
 * Knee bands, in degrees of the signed knee angle (180 = straight).
 *
 * Keypoints cannot resolve a knee to better than several degrees: on the eval set's photos two
 * models (BlazePose full, MoveNet Lightning) disagree on the same knee by a median 4° and 13° at
 * the 90th percentile. Band edges closer than ~10° to straight would split one straight knee
 * into all three states depending on the model and the frame (with edges at 172° and 186° the two
 * models gave the same state on 34 of 52 photos; with 170° and 190°, on 43). So:
 * - locked: beyond `LOCKED_ABOVE_DEG`, more than 10° past straight. Genu recurvatum is a knee
 *   hyperextending over 5-10°; beyond 10° it is clear in a picture and what "don't lock the knee"
 *   warns about.
 * - straight: `STRAIGHT_FROM_DEG` to `LOCKED_ABOVE_DEG`, within 10° of straight either way: the
 *   seeds' "straight but not locked", within what keypoints can tell from 180°.
 * - soft: `SOFT_FROM_DEG` to `STRAIGHT_FROM_DEG`, 10-20° of flexion: the seeds' "slight bend".
 * - bent: below `SOFT_FROM_DEG`, over 20° of flexion: "a bend too deep for this stretch"
 *   (hamstring length tests such as the active knee extension test call a 20° lag tight).
 */
export const KNEE_BANDS = {
  LOCKED_ABOVE_DEG: degrees(190),
  STRAIGHT_FROM_DEG: degrees(170),
  SOFT_FROM_DEG: degrees(160),
} as const;

/**
 * Hysteresis: a knee keeps its previous state until the angle leaves that state's band by more
 * than this, so an angle sitting on a band edge does not flicker (DESIGN.md §5). Keypoint jitter
 * on a held pose is 1-2° frame to frame after the estimator's filter.
 */
export const KNEE_HYSTERESIS_DEG = 2;

function band(state: KneeState): readonly [number, number] {
  switch (state) {
    case 'locked':
      return [KNEE_BANDS.LOCKED_ABOVE_DEG, Infinity];
    case 'straight':
      return [KNEE_BANDS.STRAIGHT_FROM_DEG, KNEE_BANDS.LOCKED_ABOVE_DEG];
    case 'soft':
      return [KNEE_BANDS.SOFT_FROM_DEG, KNEE_BANDS.STRAIGHT_FROM_DEG];
    case 'bent':
      return [-Infinity, KNEE_BANDS.SOFT_FROM_DEG];
  }
}

export function classifyKnee(kneeAngleDeg: Degrees, previous: KneeState | null = null): KneeState {
  if (previous !== null) {
    const [low, high] = band(previous);
    if (kneeAngleDeg >= low - KNEE_HYSTERESIS_DEG && kneeAngleDeg <= high + KNEE_HYSTERESIS_DEG) {
      return previous;
    }
  }
  if (kneeAngleDeg > KNEE_BANDS.LOCKED_ABOVE_DEG) return 'locked';
  if (kneeAngleDeg >= KNEE_BANDS.STRAIGHT_FROM_DEG) return 'straight';
  if (kneeAngleDeg >= KNEE_BANDS.SOFT_FROM_DEG) return 'soft';
  return 'bent';
}
