import type { StretchDefinitionInput } from '../stretchDefinition';

/**
 * Seated sciatic nerve glide (seed 000): upright on a chair, one leg out straight; chin down with
 * toes up, then chin up with toes pointed, is one repetition. 10-15 reps, 2-3 sets per leg, no
 * holding at the end position. A gentle pull is fine; sharp pain is not.
 */
export const sciaticNerveGlide: StretchDefinitionInput = {
  id: 'sciatic-nerve-glide',
  name: 'seated nerve glide',
  legs: 'each-leg',
  start: {
    orientation: 'seated',
    // Geometry finds the working leg as the extended one.
    needsWorkingLeg: true,
    conditions: [
      {
        // Seed: "Sit upright in a chair".
        measure: { measure: 'trunkInclinationDeg' },
        atMost: 25,
        cue: 'Sit up tall on the chair.',
      },
      {
        measure: { measure: 'kneeAngleDeg', leg: 'working' },
        atLeast: 150,
        cue: 'Stretch one leg out straight in front of you.',
      },
    ],
    cue: 'Sit tall on a chair side-on to the camera, one leg stretched out, toes up.',
    orientationCue: 'Sit on a chair for this one.',
  },
  checks: [
    {
      id: 'trunk-slumped',
      aspect: 'trunk',
      measure: { measure: 'trunkInclinationDeg' },
      faultWhen: 'above',
      enter: 25,
      leave: 18,
      gatesHold: false,
      cue: 'Sit up tall; only your head and foot move.',
    },
    {
      id: 'glide-knee-bent',
      aspect: 'knee',
      measure: { measure: 'kneeAngleDeg', leg: 'working' },
      faultWhen: 'below',
      enter: 145,
      leave: 152,
      gatesHold: false,
      cue: 'Keep the leg out long in front of you.',
    },
  ],
  glide: {
    // Chin to chest drops the ear 30-45 degrees forward of the trunk line; 25 counts as down,
    // and back under 10 as up, so a nod on the way does not count twice.
    neck: { measure: { measure: 'neckFlexionDeg' }, highAt: 25, lowAt: 10 },
    // Toes up is about +10 to +20 degrees of ankle flexion, pointed -20 to -40; the 20 degree
    // gap between the switch points rejects foot jitter.
    ankle: { measure: { measure: 'ankleFlexionDeg', leg: 'working' }, highAt: 5, lowAt: -15 },
    a: { neck: 'high', ankle: 'high' },
    b: { neck: 'low', ankle: 'low' },
    endHeldCue: "Keep it flowing; don't pause at the end.",
    tooFastCue: 'Slower and smoother, like a gentle floss.',
  },
  dose: { kind: 'glide', repsPerSet: 10, sets: 2 },
  cues: {
    begin: 'Chin down with toes up, then chin up as you point your toes. Smooth and gentle.',
  },
};
