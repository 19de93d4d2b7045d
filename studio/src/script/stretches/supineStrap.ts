import type { ClipPlan, Choreography } from '../plan';
import { holdSession } from '../holdSession';
import { longSit, MAT_THICKNESS_M, squat, supineKneesBent, supineRaise } from '../postures';

/**
 * Supine strap stretch (seed 000, stretch 1): on the back, a strap round one foot, that leg
 * raised towards the ceiling, knee straight but not locked, the other knee bent.
 */
export function supineStrap(plan: ClipPlan): Choreography {
  const { place } = plan;
  const rad = (place.headingDeg * Math.PI) / 180;
  const side = (leg: 'left' | 'right' | 'both'): 'left' | 'right' =>
    leg === 'both' ? 'left' : leg;
  return holdSession(plan, {
    getDown: [
      { pose: squat(place), ms: 1600 },
      { pose: longSit(place), ms: 1800 },
      { pose: supineKneesBent(place), ms: 2500 },
    ],
    setup: (leg) => supineRaise(place, side(leg), 25, 30),
    hold: (leg, depth) => supineRaise(place, side(leg), depth, 4),
    rest: () => supineKneesBent(place),
    orientation: 'lying',
    bounceOn: 'leg-raise',
    strap: true,
    props: [
      {
        kind: 'mat',
        x: place.x + Math.sin(rad) * 0.1,
        z: place.z + Math.cos(rad) * 0.1,
        headingDeg: place.headingDeg,
        heightM: MAT_THICKNESS_M,
      },
      { kind: 'strap', x: 0, z: 0, headingDeg: 0, heightM: 0 },
    ],
  });
}
