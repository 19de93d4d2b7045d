import type { BodyAngles, LegAngles } from './skeleton';

/**
 * The four stretches' positions, and how the timeline's channels turn into body angles.
 * `hipDeg` means the measure each stretch is judged on: hip flexion of the working leg for the
 * standing, long-sit and chair positions, the straight-leg-raise angle when lying.
 */
export type Posture = 'standing-step' | 'long-sit' | 'supine-strap' | 'chair';

/** The values a timeline moves (see timeline.ts); knee angles are 180 = straight. */
export interface Channels {
  readonly hipDeg: number;
  readonly chordShortening: number;
  readonly neckDeg: number;
  readonly workingKneeDeg: number;
  readonly otherKneeDeg: number;
  readonly workingAnkleDeg: number;
  readonly otherAnkleDeg: number;
}

export type ChannelName = keyof Channels;

interface PostureShape {
  /** Where the body's "up" points: the trunk axis from hips to head. */
  readonly lying: boolean;
  readonly base: Channels;
  /** Working thigh from body-down, when the hip channel moves the trunk instead. */
  readonly workingThighDeg: number | null;
  readonly otherThighDeg: number;
  readonly arms: BodyAngles['arms'];
}

export const POSTURES: Readonly<Record<Posture, PostureShape>> = {
  // Heel on a low step: the working thigh ~40 degrees forward, the standing knee softly bent.
  'standing-step': {
    lying: false,
    workingThighDeg: 40,
    otherThighDeg: 0,
    arms: 'hang',
    base: {
      hipDeg: 40,
      chordShortening: 0,
      neckDeg: 0,
      workingKneeDeg: 178,
      otherKneeDeg: 174,
      workingAnkleDeg: 5,
      otherAnkleDeg: 0,
    },
  },
  // On the floor, legs straight out, feet flexed, sitting tall (hip flexion 90).
  'long-sit': {
    lying: false,
    workingThighDeg: 90,
    otherThighDeg: 90,
    arms: 'on-thighs',
    base: {
      hipDeg: 90,
      chordShortening: 0,
      neckDeg: 0,
      workingKneeDeg: 178,
      otherKneeDeg: 178,
      workingAnkleDeg: 10,
      otherAnkleDeg: 10,
    },
  },
  // On the back, the working leg raised with a strap, the other knee bent with the foot down.
  'supine-strap': {
    lying: true,
    workingThighDeg: null,
    otherThighDeg: 45,
    arms: 'reach-working-foot',
    base: {
      hipDeg: 30,
      chordShortening: 0,
      neckDeg: 0,
      workingKneeDeg: 176,
      otherKneeDeg: 90,
      workingAnkleDeg: 5,
      otherAnkleDeg: 0,
    },
  },
  // On a chair, sitting tall, the working leg straight out, the other foot on the floor.
  chair: {
    lying: false,
    workingThighDeg: 90,
    otherThighDeg: 90,
    arms: 'on-thighs',
    base: {
      hipDeg: 90,
      chordShortening: 0,
      neckDeg: 0,
      workingKneeDeg: 176,
      otherKneeDeg: 90,
      workingAnkleDeg: 10,
      otherAnkleDeg: 0,
    },
  },
};

function leg(thighDeg: number, kneeDeg: number, ankleDeg: number): LegAngles {
  return { thighDeg, kneeFlexionDeg: 180 - kneeDeg, ankleDeg };
}

export function bodyAngles(posture: Posture, c: Channels): BodyAngles {
  const shape = POSTURES[posture];
  const workingThigh = shape.workingThighDeg ?? c.hipDeg;
  return {
    trunkForwardDeg: shape.workingThighDeg === null ? 0 : c.hipDeg - shape.workingThighDeg,
    chordShortening: c.chordShortening,
    neckFlexionDeg: c.neckDeg,
    working: leg(workingThigh, c.workingKneeDeg, c.workingAnkleDeg),
    other: leg(shape.otherThighDeg, c.otherKneeDeg, c.otherAnkleDeg),
    arms: shape.arms,
  };
}
