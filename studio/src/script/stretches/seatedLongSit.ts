import type { ClipPlan, Choreography } from '../plan';
import { holdSession } from '../holdSession';
import { longSit, longSitReach, MAT_THICKNESS_M, squat } from '../postures';

/**
 * Seated long-sit stretch (seed 000, stretch 2): on the mat, legs straight, feet flexed, hinge
 * forward from the hips reaching towards the toes, head in line. Both legs at once.
 */
export function seatedLongSit(plan: ClipPlan): Choreography {
  const { place } = plan;
  const rad = (place.headingDeg * Math.PI) / 180;
  return holdSession(plan, {
    getDown: [
      { pose: squat(place), ms: 1600 },
      { pose: longSit(place), ms: 1800 },
    ],
    setup: () => longSit(place),
    hold: (_leg, depth) => longSitReach(place, depth),
    rest: () => longSit(place),
    orientation: 'seated',
    bounceOn: 'hinge',
    strap: false,
    props: [
      {
        kind: 'mat',
        x: place.x + Math.sin(rad) * 0.35,
        z: place.z + Math.cos(rad) * 0.35,
        headingDeg: place.headingDeg,
        heightM: MAT_THICKNESS_M,
      },
    ],
  });
}
