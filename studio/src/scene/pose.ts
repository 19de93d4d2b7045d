/**
 * What a script says about one body at one instant, and what the page's rig turns into bone
 * rotations (page/rig/applyPose.ts). Plain data: built in Node by the scripts, sent to the page
 * as JSON.
 *
 * Angles in degrees, lengths in metres. Directions are in the body's heading frame: the person
 * faces +z of that frame, +y is up, +x is their left. Sagittal angles turn about x.
 */

export type Side = 'left' | 'right';

/**
 * One leg. The thigh's and shin's directions are set in the heading frame (not relative to the
 * pelvis), so a script can plant a foot or lay a leg on the floor whatever the trunk does.
 */
export interface LegPose {
  /** Thigh (hip -> knee) from straight down, towards the front: 0 standing, 90 level forward. */
  readonly thighPitchDeg: number;
  /** Thigh out to the side from the sagittal plane (positive = away from the midline). */
  readonly thighAbductDeg: number;
  /** Knee flexion: 0 straight, positive bent, negative pushed back past straight. */
  readonly kneeFlexDeg: number;
  /** Ankle: positive = toes pulled up (dorsiflexion), negative = pointed. 0 = the rest foot. */
  readonly ankleFlexDeg: number;
}

/** Where a hand goes (the arm is solved with a two-bone IK towards it). */
export type HandTarget =
  /** Hanging by the side, a little in front of the hip. */
  | { readonly kind: 'hang'; readonly forwardM: number }
  /** A point on a leg: `along` 0 at the hip, 1 at the ankle, 1.25 at the toes. */
  | {
      readonly kind: 'leg';
      readonly leg: Side;
      readonly along: number;
      /** Off the leg's surface, towards the front of the body (metres). */
      readonly frontM: number;
    }
  /** Hands on the hips (fists at the iliac crest). */
  | { readonly kind: 'hips' }
  /** Holding a strap looped round `leg`'s foot, at `along` 0 (shoulder) .. 1 (foot). */
  | { readonly kind: 'strap'; readonly leg: Side; readonly along: number }
  /** Part-way from one target to another (a reach in progress): the points are blended. */
  | {
      readonly kind: 'mix';
      readonly from: HandTarget;
      readonly to: HandTarget;
      readonly t: number;
    };

export interface ArmPose {
  readonly target: HandTarget;
  /** How far the elbow points out from the body when the arm bends (0..1). */
  readonly elbowOut: number;
}

/** What carries the body: its vertical placement is solved so this point rests at `heightM`. */
export type Support =
  | { readonly kind: 'foot'; readonly side: Side | 'lower'; readonly heightM: number }
  | { readonly kind: 'seat'; readonly heightM: number }
  | { readonly kind: 'back'; readonly heightM: number }
  /** Between two supports (sitting down, lying back): the heights they give are blended. */
  | { readonly kind: 'mix'; readonly from: Support; readonly to: Support; readonly t: number };

export interface BodyPose {
  /** Where the hips are over the floor (world metres; y is found from `support`). */
  readonly x: number;
  readonly z: number;
  /** Which way the body faces: the heading frame's +z turned by this about world +y. */
  readonly headingDeg: number;
  /** The pelvis's forward tilt: 0 upright, 90 trunk level face-down, -90 lying on the back. */
  readonly pelvisPitchDeg: number;
  /** Sideways lean of the pelvis (small; weight shifts). */
  readonly pelvisRollDeg: number;
  /**
   * Flexion added to each spine bone from the pelvis up (spine05 = L5 ... spine01 = upper
   * thoracic), on top of the rest mesh's neutral S. Positive curls forward.
   */
  readonly spineFlexDeg: readonly [number, number, number, number, number];
  /** Flexion of neck01..neck03 and the head (chin towards the chest is positive). */
  readonly neckFlexDeg: readonly [number, number, number, number];
  readonly legs: { readonly left: LegPose; readonly right: LegPose };
  readonly arms: { readonly left: ArmPose; readonly right: ArmPose };
  readonly support: Support;
  /**
   * Other points that must rest on something (a heel on the step, a heel on the floor in the
   * long-sit, the bent leg's sole on the floor): each is met by solving one angle of that leg.
   */
  readonly contacts: readonly Contact[];
}

export interface Contact {
  readonly side: Side;
  /** The back of the heel, or the lowest point of the sole. */
  readonly point: 'heel' | 'sole';
  readonly heightM: number;
  /** The angle solved for it: the thigh's pitch or the knee's flexion. */
  readonly adjust: 'thigh' | 'knee';
  /** 1 = met exactly; less blends the solved angle with the script's (getting into place). */
  readonly weight: number;
}

export const NEUTRAL_LEG: LegPose = {
  thighPitchDeg: 0,
  thighAbductDeg: 3,
  kneeFlexDeg: 0,
  ankleFlexDeg: 0,
};
