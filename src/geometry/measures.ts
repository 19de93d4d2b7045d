import type { KeypointName } from './types';
import type { Degrees } from './units';

/**
 * What geometry tells the layers above about one frame: the contract between `geometry/` and
 * `protocol/`. Every measure says how sure it is, or why it could not be taken; a measure is
 * never made up from a joint the model was not confident about.
 */

export type Side = 'left' | 'right';

/** Why a measure is missing. The UI turns these into "I can't see your knee" and the like. */
export type UnavailableReason =
  /** A joint it needs scored below the minimum. */
  | 'low-confidence'
  /** A joint it needs lies outside the image. */
  | 'out-of-frame'
  /** The model does not output a point it needs (e.g. heels on MoveNet). */
  | 'not-in-model'
  /** It needs something this frame does not have (e.g. a segmentation mask). */
  | 'no-mask'
  /**
   * It needs the back's outline in the mask, and the mask does not show it clearly enough: the
   * body turned towards the camera, a trunk only a sliver of the frame, an edge not found.
   */
  | 'outline-unclear'
  /** It compares against a calibration that has not been taken yet. */
  | 'not-calibrated'
  /** It does not apply to the current body position (e.g. leg raise while standing). */
  | 'not-applicable'
  /** No person in the frame at all. */
  | 'no-person';

export interface Available<T> {
  readonly value: T;
  /** 0..1: how far to trust the value (from keypoint scores and geometry). */
  readonly confidence: number;
}

export interface Unavailable {
  readonly value: null;
  readonly confidence: 0;
  readonly reason: UnavailableReason;
  /** The joints that were missing, low or out of frame, for "can't see your knee". */
  readonly joints: readonly KeypointName[];
}

export type Measured<T> = Available<T> | Unavailable;

export interface PerLeg<T> {
  readonly left: Measured<T>;
  readonly right: Measured<T>;
}

/**
 * Knee of a leg, from the hip-knee-ankle angle (180 = straight; above 180 = pushed back past
 * straight). `soft` is the slight bend the seeds ask for; `locked` is hyperextended; `bent` is
 * clearly bent. Band edges are defined (and justified) in geometry's knee module.
 */
export type KneeState = 'straight' | 'soft' | 'locked' | 'bent';

export type BackState = 'flat' | 'rounded';

/** Which evidence the rounding index came from (DESIGN.md §3 a/b/c). */
export type RoundingMethod = 'neck-flexion' | 'trunk-chord' | 'back-contour';

export interface Rounding {
  /**
   * 0 = long, flat back; larger = more rounded. Dimensionless, comparable across methods: each
   * method's raw value is scaled so that its "rounded" threshold maps to 1.
   */
  readonly index: number;
  readonly method: RoundingMethod;
}

export type BodyOrientation = 'upright' | 'seated' | 'lying';

export type ViewAngle = 'side' | 'oblique' | 'frontal';

/** One frame's measures. All angles in degrees; image space (y down). */
export interface BodyMeasures {
  readonly timestampMs: number;
  /** False when no pose was found; every measure is then unavailable with 'no-person'. */
  readonly personFound: boolean;
  /** Whole body inside the image, confidently; unavailable lists the parts that are not. */
  readonly wholeBodyInFrame: Measured<true>;
  /** The side of the body nearer the camera. */
  readonly nearSide: Measured<Side>;
  readonly view: Measured<ViewAngle>;
  readonly orientation: Measured<BodyOrientation>;
  /** The leg being stretched: raised heel, raised leg, or the extended leg. */
  readonly workingLeg: Measured<Side>;
  /** Hip flexion: 180 minus the trunk-thigh angle. 0 standing tall, ~90 square, more when folded. */
  readonly hipFlexionDeg: PerLeg<Degrees>;
  /** Supine straight-leg-raise angle of a leg from the floor-side trunk line (lying only). */
  readonly legRaiseDeg: PerLeg<Degrees>;
  /** Hip-knee-ankle angle, signed by facing direction: 180 straight, >180 hyperextended. */
  readonly kneeAngleDeg: PerLeg<Degrees>;
  readonly kneeState: PerLeg<KneeState>;
  /** Ankle: positive = toes pulled up (dorsiflexion), negative = pointed. BlazePose only. */
  readonly ankleFlexionDeg: PerLeg<Degrees>;
  /** Head dropped forward relative to the trunk line; 0 = head in line with the trunk. */
  readonly neckFlexionDeg: Measured<Degrees>;
  /** Trunk line (hip -> shoulder) from vertical: 0 upright, 90 horizontal. */
  readonly trunkInclinationDeg: Measured<Degrees>;
  /**
   * Spinal rounding, from the back's outline in a segmentation mask (BlazePose full, method
   * 'back-contour'). Without a mask it is unavailable ('no-mask'), and with a mask too poor to
   * show the outline it is unavailable ('outline-unclear'): the back is then not checked, rather
   * than guessed from the head or the trunk chord (rounding.ts, `backRounding`).
   */
  readonly rounding: Measured<Rounding>;
  /** From `rounding` with hysteresis, at the same confidence. */
  readonly backState: Measured<BackState>;
}
