import type { BodyPose, Side } from '../../scene/pose';
import type { ClipPlan, Choreography } from '../plan';
import { Timeline } from '../timeline';
import { blendPoses } from '../blend';
import { chairSit, glideSit, standing } from '../postures';
import { walking } from '../walk';
import { leaveAndReturn, passerPose, walkIn } from '../holdSession';

/**
 * Seated sciatic nerve glide (seed 000): upright on a chair, one leg out straight with the heel
 * down; chin to the chest with the toes pulled up, then chin up with the toes pointed, is one
 * rep, smooth and not held at either end. 10 reps a set, sets per leg (src/protocol's
 * sciaticNerveGlide.ts: 10 x 2).
 */

/** Chin down, toes up (the protocol's glide position a: neck over 25°, ankle over 5°). */
function chinDown(pose: BodyPose, working: Side): BodyPose {
  return {
    ...pose,
    neckFlexDeg: [11, 11, 10, 8],
    legs: { ...pose.legs, [working]: { ...pose.legs[working], ankleFlexDeg: 16 } },
  };
}

/** Chin up, toes pointed (position b: neck under 10°, ankle under -15°). */
function chinUp(pose: BodyPose, working: Side): BodyPose {
  return {
    ...pose,
    neckFlexDeg: [-4, -4, -3, -2],
    legs: { ...pose.legs, [working]: { ...pose.legs[working], ankleFlexDeg: -32 } },
  };
}

const FIRST_SETUP_MS = 7500;
const SETUP_MS = 3000;
const COUNTDOWN_MS = 3200;
const FAULT_RAMP_MS = 500;
/** Sitting down on the chair, or getting up from it. */
const SIT_MS = 2200;

export function sciaticNerveGlide(plan: ClipPlan): Choreography {
  const { place, seatHeightM } = plan;
  const rad = (place.headingDeg * Math.PI) / 180;
  const t = new Timeline(
    walking({ ...place, x: place.x - Math.sin(rad) * 3.4, z: place.z - Math.cos(rad) * 3.4 }, 0),
  );
  walkIn(t, place);
  t.move('get-down', SIT_MS, chairSit(place, seatHeightM));
  const reps: Choreography['reps'][number][] = [];
  const legWindows: { leg: Side; startMs: number; endMs: number }[] = [];
  let passerWindow: { startMs: number; inFront: boolean } | null = null;
  let first = true;
  const legs = plan.legs.filter((l): l is Side => l !== 'both');
  legs.forEach((leg, legIndex) => {
    const legStart = t.nowMs;
    for (let set = 1; set <= plan.sets; set++) {
      const meta = { leg, rep: null, set };
      const seated = glideSit(place, leg, seatHeightM);
      t.move('setup', 1800, chinUp(seated, leg), meta);
      t.stay('setup', first ? FIRST_SETUP_MS : SETUP_MS, meta);
      first = false;
      t.stay('countdown', COUNTDOWN_MS, meta);
      const start = t.nowMs;
      const down = chinDown(seated, leg);
      const up = chinUp(seated, leg);
      const cycles = plan.glideReps;
      // One rep: from chin-up to chin-down and back, a smooth cosine (no pause at either end).
      t.add(
        'glide',
        cycles * plan.glideRepMs,
        (ms) => blendPoses(up, down, (1 - Math.cos((2 * Math.PI * ms) / plan.glideRepMs)) / 2),
        meta,
      );
      t.plannedFaults(
        plan.faults.filter((f) => f.leg === leg && f.rep === set),
        start,
        FAULT_RAMP_MS,
      );
      if (plan.passerBy !== null && plan.passerBy.leg === leg && plan.passerBy.rep === set) {
        passerWindow = { startMs: start + plan.passerBy.atMs, inFront: plan.passerBy.inFront };
      }
      reps.push({ leg, rep: set, set, startMs: start, endMs: t.nowMs, glideReps: cycles });
      const last = set === plan.sets && legIndex === legs.length - 1;
      if (last) break;
      const kind = set === plan.sets ? 'switch-leg' : 'rest';
      if (plan.leaveFrame?.leg === leg && plan.leaveFrame.rep === set) {
        // Up from the chair, out of the picture and back, and down again.
        const before = t.nowMs;
        t.move('leave-frame', SIT_MS, standing(place), meta);
        leaveAndReturn(t, place, { leg, rep: set });
        t.move('get-down', SIT_MS, chairSit(place, seatHeightM), meta);
        t.stay(kind, Math.max(2000, plan.restMs - (t.nowMs - before)), meta);
        continue;
      }
      t.move(kind, 1500, chairSit(place, seatHeightM), meta);
      t.stay(kind, plan.restMs, meta);
    }
    legWindows.push({ leg, startMs: legStart, endMs: t.nowMs });
  });
  t.move('rest', 1500, chairSit(place, seatHeightM));
  t.stay('rest', 2000);
  const working = (ms: number): Side | null =>
    legWindows.find((l) => ms >= l.startMs && ms < l.endMs)?.leg ?? null;
  const passer = passerWindow as { startMs: number; inFront: boolean } | null;
  // The seat under the buttocks and thighs, its back behind the sitter.
  const chairBack = -0.1;
  return {
    timeline: t,
    props: [
      {
        kind: 'chair',
        x: place.x - Math.sin(rad) * chairBack,
        z: place.z - Math.cos(rad) * chairBack,
        headingDeg: place.headingDeg,
        heightM: seatHeightM,
      },
    ],
    faultContext: (ms) => ({ working: working(ms), bounceOn: 'hinge' }),
    workingLeg: (ms) =>
      ['walk-in', 'get-down'].includes(t.segmentAt(ms).kind) ? null : working(ms),
    orientation: (ms) =>
      ['walk-in', 'leave-frame', 'away', 'return'].includes(t.segmentAt(ms).kind)
        ? 'upright'
        : 'seated',
    strapSide: () => null,
    passerBy: (ms) => passerPose(passer, ms),
    reps,
    legSwitches: Math.max(0, legs.length - 1),
  };
}
