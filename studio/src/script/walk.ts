import type { BodyPose, LegPose } from '../scene/pose';
import { standing, type Place } from './postures';

/**
 * A plain walk cycle: thighs swing ±22° at a stride a second, the swinging knee bends up to 55°,
 * arms swing against the legs, the body rests on whichever foot is lower. Feet slide a little
 * (no foot locking): at 15-30 frames/s and this distance a pose model does not care, and walking
 * is only how people come and go, never measured.
 */
const STEP_LENGTH_M = 0.65;

function leg(phase: number): LegPose {
  const swing = Math.sin(phase);
  // The knee bends while the leg swings forward (the second half of the cycle).
  const knee = 8 + 47 * Math.max(0, Math.sin(phase - Math.PI / 2)) ** 2;
  return {
    thighPitchDeg: 22 * swing,
    thighAbductDeg: 3,
    kneeFlexDeg: knee,
    ankleFlexDeg: 5 * swing,
  };
}

/** The pose `distanceM` along a straight walk from `from` towards `headingDeg`. */
export function walking(from: Place, distanceM: number): BodyPose {
  const rad = (from.headingDeg * Math.PI) / 180;
  const phase = (distanceM / STEP_LENGTH_M) * Math.PI;
  const base = standing(from);
  return {
    ...base,
    x: from.x + Math.sin(rad) * distanceM,
    z: from.z + Math.cos(rad) * distanceM,
    pelvisPitchDeg: 4,
    pelvisRollDeg: 2 * Math.sin(phase),
    legs: { left: leg(phase), right: leg(phase + Math.PI) },
    arms: {
      left: { target: { kind: 'hang', forwardM: -0.12 * Math.sin(phase) }, elbowOut: 0.2 },
      right: { target: { kind: 'hang', forwardM: 0.12 * Math.sin(phase) }, elbowOut: 0.2 },
    },
  };
}

/** Walking speed, metres per second. */
export const WALK_SPEED_M_S = 1.0;
