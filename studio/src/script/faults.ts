import type { BodyPose, LegPose, Side } from '../scene/pose';
import { faultLevel, type ScriptedFault } from './timeline';
import { other } from './postures';

/**
 * How each scripted fault changes the pose, scaled by how present it is (0..1, faultLevel).
 *
 * - back-rounded: `amountDeg` of flexion spread over the lumbar and thoracic bones (L5 to the
 *   upper thoracic spine, a little more in the upper back), with the pelvis tipping back by a
 *   quarter of it: the fold comes from the waist instead of the hips.
 * - *-knee-bent, knees-bent: the knee bends by `amountDeg`.
 * - *-knee-locked: the knee is pushed `amountDeg` past straight.
 * - head-forced-down: `amountDeg` of neck flexion over the three neck bones and the head.
 * - trunk-slumped (glide): the pelvis rolls back by `amountDeg` and the spine curls by half of it,
 *   so the trunk line leans back from vertical.
 * - feet-not-flexed: the working foot (both in the long-sit) points to `-amountDeg`.
 * - bouncing: the stretch's main angle (the hinge; the leg raise lying down) swings by
 *   `bounce.peakToPeakDeg` at `bounce.frequencyHz`, pushing past the hold and back.
 * `left-frame` and `second-person` are played by the script itself (a walk away; the passer-by).
 */

export interface FaultContext {
  readonly working: Side | null;
  /** Which angle a bounce moves. */
  readonly bounceOn: 'hinge' | 'leg-raise';
}

function withLeg(pose: BodyPose, side: Side, change: (leg: LegPose) => LegPose): BodyPose {
  return { ...pose, legs: { ...pose.legs, [side]: change(pose.legs[side]) } };
}

function legsOf(fault: ScriptedFault, ctx: FaultContext): Side[] {
  if (fault.leg === 'both') return ['left', 'right'];
  return [fault.leg ?? ctx.working ?? 'left'];
}

const SPINE_SHARE = [0.16, 0.18, 0.2, 0.24, 0.22] as const;

function applyOne(
  pose: BodyPose,
  fault: ScriptedFault,
  level: number,
  tMs: number,
  ctx: FaultContext,
): BodyPose {
  const amount = fault.amountDeg * level;
  switch (fault.id) {
    case 'back-rounded':
      return {
        ...pose,
        pelvisPitchDeg: pose.pelvisPitchDeg - amount / 4,
        spineFlexDeg: pose.spineFlexDeg.map(
          (v, i) => v + amount * (SPINE_SHARE[i] ?? 0),
        ) as unknown as BodyPose['spineFlexDeg'],
      };
    case 'working-knee-bent':
    case 'raised-knee-bent':
    case 'glide-knee-bent':
    case 'knees-bent':
      return legsOf(fault, ctx).reduce(
        (p, side) => withLeg(p, side, (l) => ({ ...l, kneeFlexDeg: l.kneeFlexDeg + amount })),
        pose,
      );
    case 'working-knee-locked':
    case 'raised-knee-locked':
      return legsOf(fault, ctx).reduce(
        (p, side) =>
          withLeg(p, side, (l) => ({
            ...l,
            kneeFlexDeg: l.kneeFlexDeg + (-fault.amountDeg - l.kneeFlexDeg) * level,
          })),
        pose,
      );
    case 'standing-knee-locked': {
      const standing = other(ctx.working ?? 'left');
      return withLeg(pose, standing, (l) => ({
        ...l,
        kneeFlexDeg: l.kneeFlexDeg + (-fault.amountDeg - l.kneeFlexDeg) * level,
      }));
    }
    case 'head-forced-down':
      return {
        ...pose,
        neckFlexDeg: pose.neckFlexDeg.map(
          (v, i) => v + amount * (i === 3 ? 0.19 : 0.27),
        ) as unknown as BodyPose['neckFlexDeg'],
      };
    case 'trunk-slumped':
      return {
        ...pose,
        pelvisPitchDeg: pose.pelvisPitchDeg - amount,
        spineFlexDeg: pose.spineFlexDeg.map(
          (v) => v + amount / 10,
        ) as unknown as BodyPose['spineFlexDeg'],
        neckFlexDeg: pose.neckFlexDeg.map(
          (v, i) => v + (i < 2 ? amount / 5 : 0),
        ) as unknown as BodyPose['neckFlexDeg'],
      };
    case 'feet-not-flexed':
      return legsOf(fault, ctx).reduce(
        (p, side) =>
          withLeg(p, side, (l) => ({
            ...l,
            ankleFlexDeg: l.ankleFlexDeg + (-fault.amountDeg - l.ankleFlexDeg) * level,
          })),
        pose,
      );
    case 'bouncing': {
      const b = fault.bounce;
      if (b === undefined) return pose;
      // 0 .. peak-to-peak, starting at the hold: pushes past it and comes back.
      const swing =
        (b.peakToPeakDeg * level * (1 - Math.cos(2 * Math.PI * b.frequencyHz * (tMs / 1000)))) / 2;
      if (ctx.bounceOn === 'hinge') return { ...pose, pelvisPitchDeg: pose.pelvisPitchDeg + swing };
      return withLeg(pose, ctx.working ?? 'left', (l) => ({
        ...l,
        thighPitchDeg: l.thighPitchDeg + swing,
      }));
    }
    case 'left-frame':
    case 'second-person':
      return pose;
  }
}

export function applyFaults(
  pose: BodyPose,
  faults: readonly ScriptedFault[],
  tMs: number,
  ctx: FaultContext,
): BodyPose {
  let out = pose;
  for (const fault of faults) {
    const level = faultLevel(fault, tMs);
    if (level > 0) out = applyOne(out, fault, level, tMs, ctx);
  }
  return out;
}

/**
 * A living body: breathing (4-5 s a breath) moves the trunk by about a degree, the head and the
 * weight drift slowly. Phases come from the clip's seed, so two people do not breathe in step.
 */
export function alive(pose: BodyPose, tMs: number, seedPhase: number, amount: number): BodyPose {
  const s = tMs / 1000;
  const breath = Math.sin((2 * Math.PI * s) / 4.4 + seedPhase);
  const drift =
    Math.sin((2 * Math.PI * s) / 11.3 + 2 * seedPhase) +
    0.5 * Math.sin((2 * Math.PI * s) / 7.1 + 3 * seedPhase);
  return {
    ...pose,
    pelvisPitchDeg: pose.pelvisPitchDeg + amount * (0.7 * breath + 0.4 * drift),
    pelvisRollDeg: pose.pelvisRollDeg + amount * 0.5 * drift,
    spineFlexDeg: pose.spineFlexDeg.map(
      (v, i) => v + (i >= 3 ? amount * 0.5 * breath : 0),
    ) as unknown as BodyPose['spineFlexDeg'],
    neckFlexDeg: pose.neckFlexDeg.map(
      (v, i) => v + (i === 3 ? amount * 1.2 * drift : 0),
    ) as unknown as BodyPose['neckFlexDeg'],
  };
}
