import type { StretchDefinitionInput } from '../stretchDefinition';

/**
 * Seated long-sit stretch (seed 000, stretch 2): on the floor, both legs straight, feet flexed,
 * back straight, hinge forward from the hips without forcing the head down. Hold 20-30 s,
 * 2-3 reps (both legs at once).
 */
export const seatedLongSit: StretchDefinitionInput = {
  id: 'seated-long-sit',
  name: 'seated long-sit stretch',
  legs: 'both-legs',
  start: {
    orientation: 'seated',
    needsWorkingLeg: false,
    conditions: [
      {
        measure: { measure: 'kneeAngleDeg', leg: 'working' },
        atLeast: 150,
        cue: 'Stretch both legs out straight in front of you.',
      },
    ],
    cue: 'Sit on the floor side-on to the camera with both legs straight out in front.',
    orientationCue: 'Sit down on the floor for this one, legs out in front.',
  },
  target: {
    // Sitting tall with straight legs is already about 90 degrees of hip flexion; tipping the
    // trunk 15 degrees forward from there is a gentle hinge most people can reach.
    measure: { measure: 'hipFlexionDeg', leg: 'working' },
    reachedWhen: 'above',
    enter: 105,
    leave: 98,
    cue: 'Tip forward a little more from your hips, chest leading.',
  },
  checks: [
    {
      // Seed 000: "Keep your back straight, hinging forward from your hips (not rounding your
      // back)".
      id: 'back-rounded',
      aspect: 'back',
      measure: { measure: 'roundingIndex' },
      faultWhen: 'above',
      enter: 1,
      leave: 0.75,
      gatesHold: true,
      cue: 'Lift your chest and keep your back long; the fold comes from the hips.',
      fixedCue: 'Good, back is long.',
    },
    {
      // "Avoid forcing your head down, which can round the back." Voiced, not gating. Geometry
      // already counts a head dropped 35 degrees as a rounded back (which gates the hold); this
      // speaks to the head itself, from 30 degrees.
      id: 'head-forced-down',
      aspect: 'head',
      measure: { measure: 'neckFlexionDeg' },
      faultWhen: 'above',
      enter: 30,
      leave: 20,
      gatesHold: false,
      cue: "Let your head follow your spine; don't push it down.",
    },
    {
      // "both legs extended straight": a knee bent past 20 degrees takes the pull off.
      id: 'knees-bent',
      aspect: 'knee',
      measure: { measure: 'kneeAngleDeg', leg: 'working' },
      faultWhen: 'below',
      enter: 160,
      leave: 166,
      gatesHold: true,
      cue: 'Keep your knees straight, resting on the floor.',
      fixedCue: 'Good, legs straight.',
    },
    {
      // "feet flexed (toes pointing up)". Needs BlazePose's heel and toe points; skipped
      // without them.
      id: 'feet-not-flexed',
      aspect: 'feet',
      measure: { measure: 'ankleFlexionDeg', leg: 'working' },
      faultWhen: 'below',
      enter: -10,
      leave: -3,
      gatesHold: false,
      cue: 'Pull your toes back toward you.',
    },
  ],
  detectBounce: true,
  dose: { kind: 'hold', holdMs: 30_000, reps: 2 },
  cues: {
    begin: 'Now reach forward from your hips, back long, breathing out as you go.',
  },
};
