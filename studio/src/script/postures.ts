import type { ArmPose, BodyPose, LegPose, Side } from '../scene/pose';
import { NEUTRAL_LEG } from '../scene/pose';

/**
 * The positions the four stretches are built from (DESIGN.md §4, seed 000), as BodyPoses. A
 * `Place` says where the person is and which way they face; the stretch modules move between
 * these with `blendPoses` and add faults and breathing on top.
 */
export interface Place {
  readonly x: number;
  readonly z: number;
  readonly headingDeg: number;
}

export const MAT_THICKNESS_M = 0.008;

const HANG: ArmPose = { target: { kind: 'hang', forwardM: 0.06 }, elbowOut: 0.3 };
const ZERO5 = [0, 0, 0, 0, 0] as const;
const ZERO4 = [0, 0, 0, 0] as const;

export function other(side: Side): Side {
  return side === 'left' ? 'right' : 'left';
}

function legs(working: Side, workingLeg: LegPose, otherLeg: LegPose): BodyPose['legs'] {
  return working === 'left'
    ? { left: workingLeg, right: otherLeg }
    : { left: otherLeg, right: workingLeg };
}

/** Standing tall, arms by the sides. */
export function standing(place: Place): BodyPose {
  return {
    ...place,
    pelvisPitchDeg: 2,
    pelvisRollDeg: 0,
    spineFlexDeg: ZERO5,
    neckFlexDeg: ZERO4,
    legs: { left: { ...NEUTRAL_LEG, kneeFlexDeg: 3 }, right: { ...NEUTRAL_LEG, kneeFlexDeg: 3 } },
    arms: { left: HANG, right: HANG },
    support: { kind: 'foot', side: 'lower', heightM: 0 },
    contacts: [],
  };
}

/** Heel on the step, that leg straight, standing knee softly bent, upright (before the hinge). */
export function heelOnStep(place: Place, working: Side, stepHeightM: number): BodyPose {
  return {
    ...standing(place),
    legs: legs(
      working,
      { thighPitchDeg: 32, thighAbductDeg: 2, kneeFlexDeg: 2, ankleFlexDeg: 8 },
      { ...NEUTRAL_LEG, kneeFlexDeg: 7 },
    ),
    arms: {
      left: { target: { kind: 'hips' }, elbowOut: 0.9 },
      right: { target: { kind: 'hips' }, elbowOut: 0.9 },
    },
    support: { kind: 'foot', side: working === 'left' ? 'right' : 'left', heightM: 0 },
    contacts: [{ side: working, point: 'heel', heightM: stepHeightM, adjust: 'thigh', weight: 1 }],
  };
}

/** Hinged forward from the hips over the leg on the step, back long, hands down the leg. */
export function stepHinge(
  place: Place,
  working: Side,
  stepHeightM: number,
  hingeDeg: number,
): BodyPose {
  const reach: ArmPose = {
    target: { kind: 'leg', leg: working, along: 0.55 + hingeDeg / 120, frontM: 0.07 },
    elbowOut: 0.4,
  };
  return {
    ...heelOnStep(place, working, stepHeightM),
    pelvisPitchDeg: hingeDeg,
    // A long back: the lumbar curve kept, a touch of upper-back extension.
    spineFlexDeg: [0, 0, -2, -2, 0],
    neckFlexDeg: [-4, -4, 0, 0],
    arms: { left: reach, right: reach },
  };
}

/** Squatting on the way down to the floor (or up from it). */
export function squat(place: Place): BodyPose {
  const leg: LegPose = {
    thighPitchDeg: 95,
    thighAbductDeg: 12,
    kneeFlexDeg: 125,
    ankleFlexDeg: 25,
  };
  return {
    ...standing(place),
    pelvisPitchDeg: 35,
    spineFlexDeg: [4, 4, 4, 4, 2],
    legs: { left: leg, right: leg },
    arms: {
      left: { target: { kind: 'leg', leg: 'left', along: 0.45, frontM: 0.12 }, elbowOut: 0.5 },
      right: { target: { kind: 'leg', leg: 'right', along: 0.45, frontM: 0.12 }, elbowOut: 0.5 },
    },
  };
}

/** Sitting on the floor (the mat), legs straight out, feet flexed, sitting tall. */
export function longSit(place: Place): BodyPose {
  const leg: LegPose = { thighPitchDeg: 90, thighAbductDeg: 4, kneeFlexDeg: 0, ankleFlexDeg: 12 };
  return {
    ...place,
    // Tight hamstrings tip the pelvis back a little when sitting with straight legs.
    pelvisPitchDeg: -6,
    pelvisRollDeg: 0,
    spineFlexDeg: [0, 0, 0, 0, 0],
    neckFlexDeg: [-2, -2, 0, 0],
    legs: { left: leg, right: leg },
    arms: {
      left: { target: { kind: 'leg', leg: 'left', along: 0.35, frontM: 0.09 }, elbowOut: 0.4 },
      right: { target: { kind: 'leg', leg: 'right', along: 0.35, frontM: 0.09 }, elbowOut: 0.4 },
    },
    support: { kind: 'seat', heightM: MAT_THICKNESS_M },
    contacts: (['left', 'right'] as const).map((side) => ({
      side,
      point: 'heel' as const,
      heightM: MAT_THICKNESS_M,
      adjust: 'thigh' as const,
      weight: 1,
    })),
  };
}

/** The long-sit reach: hinged forward from the hips, hands towards the feet. */
export function longSitReach(place: Place, hingeDeg: number): BodyPose {
  const along = 0.75 + hingeDeg / 90;
  return {
    ...longSit(place),
    pelvisPitchDeg: -6 + hingeDeg,
    spineFlexDeg: [0, 0, 0, -1, 0],
    neckFlexDeg: [-4, -4, 0, 0],
    arms: {
      left: { target: { kind: 'leg', leg: 'left', along, frontM: 0.08 }, elbowOut: 0.3 },
      right: { target: { kind: 'leg', leg: 'right', along, frontM: 0.08 }, elbowOut: 0.3 },
    },
  };
}

/** On the back on the mat, both knees bent, feet flat. */
export function supineKneesBent(place: Place): BodyPose {
  const bent: LegPose = {
    thighPitchDeg: 135,
    thighAbductDeg: 5,
    kneeFlexDeg: 100,
    ankleFlexDeg: 5,
  };
  return {
    ...place,
    pelvisPitchDeg: -90,
    pelvisRollDeg: 0,
    spineFlexDeg: [0, 0, 0, 0, 0],
    // The head rests on the floor: a little flexion keeps the face to the ceiling.
    neckFlexDeg: [6, 6, 4, 0],
    legs: { left: bent, right: bent },
    arms: {
      left: { target: { kind: 'hips' }, elbowOut: 0.2 },
      right: { target: { kind: 'hips' }, elbowOut: 0.2 },
    },
    support: { kind: 'back', heightM: MAT_THICKNESS_M },
    contacts: (['left', 'right'] as const).map((side) => ({
      side,
      point: 'sole' as const,
      heightM: MAT_THICKNESS_M,
      adjust: 'knee' as const,
      weight: 1,
    })),
  };
}

/** The strap stretch: `working` leg raised `raiseDeg` from the floor, the other knee bent. */
export function supineRaise(
  place: Place,
  working: Side,
  raiseDeg: number,
  kneeFlexDeg: number,
): BodyPose {
  const base = supineKneesBent(place);
  const raised: LegPose = {
    thighPitchDeg: 90 + raiseDeg,
    thighAbductDeg: 3,
    kneeFlexDeg,
    ankleFlexDeg: 8,
  };
  const strap: ArmPose = { target: { kind: 'strap', leg: working, along: 0.42 }, elbowOut: 0.25 };
  return {
    ...base,
    legs: legs(working, raised, base.legs[other(working)]),
    arms: { left: strap, right: strap },
    contacts: base.contacts.filter((c) => c.side !== working),
  };
}

/** Sitting tall on a chair, feet flat, hands on the thighs. */
export function chairSit(place: Place, seatHeightM: number): BodyPose {
  const bent: LegPose = { thighPitchDeg: 85, thighAbductDeg: 6, kneeFlexDeg: 85, ankleFlexDeg: 0 };
  return {
    ...place,
    // Sitting tall: the pelvis upright over the sit bones brings the trunk to vertical.
    pelvisPitchDeg: 8,
    pelvisRollDeg: 0,
    spineFlexDeg: [0, 0, 0, 0, 0],
    neckFlexDeg: [0, 0, 0, 0],
    legs: { left: bent, right: bent },
    arms: {
      left: { target: { kind: 'leg', leg: 'left', along: 0.42, frontM: 0.08 }, elbowOut: 0.4 },
      right: { target: { kind: 'leg', leg: 'right', along: 0.42, frontM: 0.08 }, elbowOut: 0.4 },
    },
    support: { kind: 'seat', heightM: seatHeightM },
    contacts: (['left', 'right'] as const).map((side) => ({
      side,
      point: 'sole' as const,
      heightM: 0,
      adjust: 'knee' as const,
      weight: 1,
    })),
  };
}

/** The nerve-glide position: `working` leg out straight, heel on the floor. */
export function glideSit(place: Place, working: Side, seatHeightM: number): BodyPose {
  const base = chairSit(place, seatHeightM);
  const out: LegPose = { thighPitchDeg: 70, thighAbductDeg: 4, kneeFlexDeg: 2, ankleFlexDeg: 10 };
  return {
    ...base,
    legs: legs(working, out, base.legs[other(working)]),
    contacts: [
      ...base.contacts.filter((c) => c.side !== working),
      { side: working, point: 'heel', heightM: 0, adjust: 'thigh', weight: 1 },
    ],
  };
}
