import type { ArmPose, BodyPose, Contact, HandTarget, LegPose, Support } from '../scene/pose';

/** Smooth start and stop (cubic ease in-out), 0..1 -> 0..1. */
export function ease(t: number): number {
  const c = Math.min(1, Math.max(0, t));
  return c * c * (3 - 2 * c);
}

function mix(a: number, b: number, t: number): number {
  return a + (b - a) * t;
}

function mixLeg(a: LegPose, b: LegPose, t: number): LegPose {
  return {
    thighPitchDeg: mix(a.thighPitchDeg, b.thighPitchDeg, t),
    thighAbductDeg: mix(a.thighAbductDeg, b.thighAbductDeg, t),
    kneeFlexDeg: mix(a.kneeFlexDeg, b.kneeFlexDeg, t),
    ankleFlexDeg: mix(a.ankleFlexDeg, b.ankleFlexDeg, t),
  };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function mixTarget(a: HandTarget, b: HandTarget, t: number): HandTarget {
  if (t <= 0 || sameJson(a, b)) return a;
  if (t >= 1) return b;
  return { kind: 'mix', from: a, to: b, t };
}

function mixArm(a: ArmPose, b: ArmPose, t: number): ArmPose {
  return { target: mixTarget(a.target, b.target, t), elbowOut: mix(a.elbowOut, b.elbowOut, t) };
}

function mixSupport(a: Support, b: Support, t: number): Support {
  if (t <= 0 || sameJson(a, b)) return a;
  if (t >= 1) return b;
  return { kind: 'mix', from: a, to: b, t };
}

/** Contacts of both, each weighted by how far the blend has gone towards its own pose. */
function mixContacts(a: readonly Contact[], b: readonly Contact[], t: number): Contact[] {
  const key = (c: Contact): string => `${c.side}-${c.adjust}`;
  const merged = new Map<string, Contact>();
  for (const c of a) merged.set(key(c), { ...c, weight: c.weight * (1 - t) });
  for (const c of b) {
    const from = merged.get(key(c));
    const weight = c.weight * t + (from?.weight ?? 0);
    const heightM = from === undefined ? c.heightM : mix(from.heightM, c.heightM, t);
    merged.set(key(c), { ...c, heightM, weight });
  }
  return [...merged.values()].filter((c) => c.weight > 1e-3);
}

/** The pose `t` of the way from `a` to `b` (t is used as given: ease it first if wanted). */
export function blendPoses(a: BodyPose, b: BodyPose, t: number): BodyPose {
  return {
    x: mix(a.x, b.x, t),
    z: mix(a.z, b.z, t),
    headingDeg: mix(a.headingDeg, b.headingDeg, t),
    pelvisPitchDeg: mix(a.pelvisPitchDeg, b.pelvisPitchDeg, t),
    pelvisRollDeg: mix(a.pelvisRollDeg, b.pelvisRollDeg, t),
    spineFlexDeg: a.spineFlexDeg.map((v, i) =>
      mix(v, b.spineFlexDeg[i] ?? 0, t),
    ) as unknown as BodyPose['spineFlexDeg'],
    neckFlexDeg: a.neckFlexDeg.map((v, i) =>
      mix(v, b.neckFlexDeg[i] ?? 0, t),
    ) as unknown as BodyPose['neckFlexDeg'],
    legs: {
      left: mixLeg(a.legs.left, b.legs.left, t),
      right: mixLeg(a.legs.right, b.legs.right, t),
    },
    arms: {
      left: mixArm(a.arms.left, b.arms.left, t),
      right: mixArm(a.arms.right, b.arms.right, t),
    },
    support: mixSupport(a.support, b.support, t),
    contacts: mixContacts(a.contacts, b.contacts, t),
  };
}
