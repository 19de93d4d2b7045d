import type { BodyPose, Side } from '../scene/pose';
import type { PropSpec } from '../scene/clipSpec';
import { Timeline } from './timeline';
import { standing, type Place } from './postures';
import { walking, WALK_SPEED_M_S } from './walk';
import type { ClipPlan, Choreography } from './plan';
import type { FaultContext } from './faults';

/**
 * The shape every held stretch shares (DESIGN.md §4; the protocol's flow in src/protocol):
 * walk in, get into position (down to the floor where needed), then for each leg and rep: set
 * up, a countdown's worth of stillness, ease in, hold, release, rest; switch legs between legs.
 * The stretch supplies its positions; faults are laid on the holds where the plan puts them.
 */
export interface HoldPostures {
  /** Poses to pass through after walking in (sitting down, lying back), with their durations. */
  readonly getDown: readonly { readonly pose: BodyPose; readonly ms: number }[];
  readonly setup: (leg: Side | 'both') => BodyPose;
  readonly hold: (leg: Side | 'both', depthDeg: number) => BodyPose;
  /** Between reps and legs. */
  readonly rest: (leg: Side | 'both') => BodyPose;
  readonly orientation: 'upright' | 'seated' | 'lying';
  readonly bounceOn: FaultContext['bounceOn'];
  readonly props: readonly PropSpec[];
  /** The strap is held from setup to release (supine only). */
  readonly strap: boolean;
}

/** Faults that stop the protocol's hold timer (gatesHold in src/protocol/stretches/*.ts). */
const GATING = new Set([
  'back-rounded',
  'working-knee-bent',
  'knees-bent',
  'raised-knee-bent',
  'bouncing',
]);
const FIRST_SETUP_MS = 7500;
const SETUP_MS = 3000;
const COUNTDOWN_MS = 3200;
const EASE_MS = 3000;
const RELEASE_MS = 2000;
const FAULT_RAMP_MS = 500;
/** Held past the dose, so a hold cut by a late fault still completes. */
const HOLD_MARGIN_MS = 2500;

function direction(place: Place): { x: number; z: number } {
  const rad = (place.headingDeg * Math.PI) / 180;
  return { x: Math.sin(rad), z: Math.cos(rad) };
}

/** Walking in from off the picture (3.4 m back along the heading) to `place`. */
export function walkIn(t: Timeline, place: Place): void {
  const d = direction(place);
  const distance = 3.4;
  const from: Place = { ...place, x: place.x - d.x * distance, z: place.z - d.z * distance };
  t.add('walk-in', (distance / WALK_SPEED_M_S) * 1000, (ms) =>
    walking(from, (ms / 1000) * WALK_SPEED_M_S),
  );
  t.move('walk-in', 700, standing(place));
}

/**
 * Walks out forward past the picture's edge, waits, and comes back (the `left-frame` fault).
 * Starts and ends standing at `place`.
 */
export function leaveAndReturn(
  t: Timeline,
  place: Place,
  meta: { leg: Side | 'both'; rep: number },
): void {
  const d = direction(place);
  const distance = 3.6;
  const walkMs = (distance / WALK_SPEED_M_S) * 1000;
  t.move('leave-frame', 600, standing(place), { ...meta, set: 1 });
  t.add('leave-frame', walkMs, (ms) => walking(place, (ms / 1000) * WALK_SPEED_M_S), {
    ...meta,
    set: 1,
  });
  const far: Place = {
    x: place.x + d.x * distance,
    z: place.z + d.z * distance,
    headingDeg: place.headingDeg + 180,
  };
  t.add('away', 2500, () => standing(far), { ...meta, set: 1 });
  t.add('return', walkMs, (ms) => walking(far, (ms / 1000) * WALK_SPEED_M_S), { ...meta, set: 1 });
  t.move('return', 800, standing(place), { ...meta, set: 1 });
}

export function holdSession(plan: ClipPlan, postures: HoldPostures): Choreography {
  const place = plan.place;
  const d = direction(place);
  const t = new Timeline(walking({ ...place, x: place.x - d.x * 3.4, z: place.z - d.z * 3.4 }, 0));
  walkIn(t, place);
  for (const step of postures.getDown) t.move('get-down', step.ms, step.pose);
  const reps: Choreography['reps'][number][] = [];
  const legWindows: { leg: Side | 'both'; startMs: number; endMs: number }[] = [];
  const strapWindows: { leg: Side; startMs: number; endMs: number }[] = [];
  let passerWindow: { startMs: number; inFront: boolean } | null = null;
  let first = true;
  plan.legs.forEach((leg, legIndex) => {
    const legStart = t.nowMs;
    for (let rep = 1; rep <= plan.repsPerLeg; rep++) {
      const meta = { leg, rep, set: 1 };
      const strapStart = t.nowMs;
      t.move('setup', 1800, postures.setup(leg), meta);
      t.stay('setup', first ? FIRST_SETUP_MS : SETUP_MS, meta);
      first = false;
      t.stay('countdown', COUNTDOWN_MS, meta);
      t.move('ease-in', EASE_MS, postures.hold(leg, plan.depthDeg), meta);
      const holdStart = t.nowMs;
      const faults = plan.faults.filter((f) => f.leg === leg && f.rep === rep);
      const extra = faults
        .filter((f) => GATING.has(f.id))
        .reduce((sum, f) => sum + f.durationMs, 0);
      const holdMs = plan.holdMs + extra + HOLD_MARGIN_MS;
      t.stay('hold', holdMs, meta);
      t.plannedFaults(faults, holdStart, FAULT_RAMP_MS);
      if (plan.passerBy !== null && plan.passerBy.leg === leg && plan.passerBy.rep === rep) {
        passerWindow = { startMs: holdStart + plan.passerBy.atMs, inFront: plan.passerBy.inFront };
      }
      reps.push({ leg, rep, set: 1, startMs: holdStart, endMs: t.nowMs, glideReps: null });
      t.move('release', RELEASE_MS, postures.setup(leg), meta);
      if (leg !== 'both')
        strapWindows.push({ leg, startMs: strapStart + 900, endMs: t.nowMs - 300 });
      const lastOfLeg = rep === plan.repsPerLeg;
      const lastOfAll = lastOfLeg && legIndex === plan.legs.length - 1;
      if (lastOfAll) break;
      if (plan.leaveFrame !== null && plan.leaveFrame.leg === leg && plan.leaveFrame.rep === rep) {
        const before = t.nowMs;
        // Off the floor the way they got down (the get-down poses backwards), out and back,
        // and down again; standing people have no get-down and simply walk.
        const up = [...postures.getDown].reverse();
        up.slice(1).forEach((step, i) =>
          t.move('leave-frame', up[i]?.ms ?? step.ms, step.pose, meta),
        );
        if (up.length > 0) t.move('leave-frame', up.at(-1)?.ms ?? 1500, standing(place), meta);
        leaveAndReturn(t, place, { leg, rep });
        for (const step of postures.getDown) t.move('get-down', step.ms, step.pose, meta);
        t.stay('rest', Math.max(2000, plan.restMs - (t.nowMs - before)), meta);
      } else {
        t.move(lastOfLeg ? 'switch-leg' : 'rest', 1500, postures.rest(leg), meta);
        t.stay(lastOfLeg ? 'switch-leg' : 'rest', plan.restMs, meta);
      }
    }
    legWindows.push({ leg, startMs: legStart, endMs: t.nowMs });
  });
  t.move('rest', 1500, postures.rest(plan.legs.at(-1) ?? 'both'));
  t.stay('rest', 2000);
  const working = (ms: number): Side | null => {
    const w = legWindows.find((l) => ms >= l.startMs && ms < l.endMs);
    return w === undefined || w.leg === 'both' ? null : w.leg;
  };
  const passer = passerWindow as { startMs: number; inFront: boolean } | null;
  return {
    timeline: t,
    props: postures.props,
    faultContext: (ms) => ({ working: working(ms), bounceOn: postures.bounceOn }),
    workingLeg: (ms) => {
      const phase = t.segmentAt(ms).kind;
      return phase === 'walk-in' || phase === 'get-down' ? null : working(ms);
    },
    orientation: (ms) => {
      const phase = t.segmentAt(ms).kind;
      return ['walk-in', 'leave-frame', 'away', 'return'].includes(phase)
        ? 'upright'
        : postures.orientation;
    },
    strapSide: (ms) =>
      postures.strap
        ? (strapWindows.find((w) => ms >= w.startMs && ms < w.endMs)?.leg ?? null)
        : null,
    passerBy: (ms) => passerPose(passer, ms),
    reps,
    legSwitches: Math.max(0, plan.legs.length - 1),
  };
}

/** Someone crossing the room (about 9 s), in front of or behind the person. */
export function passerPose(
  window: { startMs: number; inFront: boolean } | null,
  ms: number,
): BodyPose | null {
  if (window === null) return null;
  const distance = ((ms - window.startMs) / 1000) * WALK_SPEED_M_S * 1.1;
  if (distance < 0 || distance > 9) return null;
  const from: Place = { x: -4.5, z: window.inFront ? 1.0 : -1.4, headingDeg: 90 };
  return walking(from, distance);
}
