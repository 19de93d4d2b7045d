import type { StretchDefinitionInput } from '../stretchDefinition';

/**
 * Supine strap stretch (seed 000, stretch 1): on the back, a strap around one foot, that leg
 * raised toward the ceiling, knee straight without locking (a slight bend allowed). Hold
 * 20-30 s, 2-3 reps per leg.
 */
export const supineStrap: StretchDefinitionInput = {
  id: 'supine-strap',
  name: 'lying strap stretch',
  legs: 'each-leg',
  start: {
    orientation: 'lying',
    // Geometry finds the working leg as the raised one.
    needsWorkingLeg: true,
    conditions: [],
    cue: 'Lie on your back side-on to the camera, strap around one foot, and lift that leg.',
    orientationCue: 'Lie down on your back for this one.',
  },
  target: {
    // A straight-leg raise under about 70 degrees is what "tight hamstrings" means clinically;
    // 50 degrees with a straight knee is reachable for most tight people, and the strap
    // takes them further.
    measure: { measure: 'legRaiseDeg', leg: 'working' },
    reachedWhen: 'above',
    enter: 50,
    leave: 44,
    cue: 'Draw the leg a little closer with the strap until you feel a gentle pull.',
  },
  checks: [
    {
      // "keeping a slight bend in the knee if needed to avoid locking": so only a clear bend
      // (past 30 degrees) is a fault.
      id: 'raised-knee-bent',
      aspect: 'knee',
      measure: { measure: 'kneeAngleDeg', leg: 'working' },
      faultWhen: 'below',
      enter: 150,
      leave: 157,
      gatesHold: true,
      cue: 'Straighten the raised leg; let the strap do the pulling.',
      fixedCue: 'Good, leg long.',
    },
    {
      // Past geometry's straight band (170-190 degrees, keypoint resolution): pushed back.
      id: 'raised-knee-locked',
      aspect: 'knee',
      measure: { measure: 'kneeAngleDeg', leg: 'working' },
      faultWhen: 'above',
      enter: 190,
      leave: 186,
      gatesHold: false,
      cue: 'Ease the knee off a touch, straight but not locked.',
    },
  ],
  detectBounce: true,
  dose: { kind: 'hold', holdMs: 30_000, reps: 2 },
  cues: {
    begin: 'Now gently draw the leg toward you with the strap and breathe out.',
  },
};
