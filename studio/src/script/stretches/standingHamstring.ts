import type { ClipPlan, Choreography } from '../plan';
import { holdSession } from '../holdSession';
import { heelOnStep, standing, stepHinge } from '../postures';

/**
 * Standing hamstring stretch (seed 000, stretch 3): heel on a low step in front, that leg
 * straight, hinge forward from the hips with a long back, the standing knee softly bent.
 * The step is placed under the heel by the page (PropSpec `underHeel`).
 */
export function standingHamstring(plan: ClipPlan): Choreography {
  const { place, stepHeightM } = plan;
  const side = (leg: 'left' | 'right' | 'both'): 'left' | 'right' =>
    leg === 'both' ? 'left' : leg;
  return holdSession(plan, {
    getDown: [],
    setup: (leg) => heelOnStep(place, side(leg), stepHeightM),
    hold: (leg, depth) => stepHinge(place, side(leg), stepHeightM, depth),
    rest: () => standing(place),
    orientation: 'upright',
    bounceOn: 'hinge',
    strap: false,
    props: [
      {
        kind: 'step',
        x: place.x,
        z: place.z,
        headingDeg: place.headingDeg,
        heightM: stepHeightM,
        underHeel: {
          pose: heelOnStep(place, side(plan.legs[0] ?? 'left'), stepHeightM),
          side: side(plan.legs[0] ?? 'left'),
        },
      },
    ],
  });
}
