import * as THREE from 'three';
import type { ArmPose, HandTarget, Side } from '../../scene/pose';
import type { Human } from './human';
import type { SkinnedPoints } from './cpuSkin';
import { skinPoint } from './cpuSkin';
import { worldQuaternion } from './worldRotation';

/**
 * Two-bone IK for an arm: the hand goes to its target (clamped to reach), the elbow bends in the
 * plane that holds the shoulder, the target and a pole (behind and out from the body). Each
 * segment gets the shortest rotation from its rest direction (MakeHuman's A-pose arm) to its new
 * one, so the forearm's twist is whatever that gives: the hands are not measured.
 */
export interface ArmBones {
  readonly side: Side;
  readonly upper: THREE.Bone;
  readonly fore: THREE.Bone;
  readonly restUpper: THREE.Vector3;
  readonly restFore: THREE.Vector3;
  readonly upperLength: number;
  readonly foreLength: number;
}

export interface ArmContext {
  readonly heading: THREE.Quaternion;
  readonly matrices: readonly THREE.Matrix4[];
  readonly human: Human;
  readonly footPoints: Readonly<Record<Side, { readonly footPoints: SkinnedPoints }>>;
}

function jointWorld(human: Human, name: string): THREE.Vector3 {
  const rig = human.layout.byName.get(name);
  const b = rig === undefined ? undefined : human.bones[rig.index];
  if (b === undefined) throw new Error(`rig: no bone ${name}`);
  return b.getWorldPosition(new THREE.Vector3());
}

/** The foot point furthest from the hip (the toes), for the strap. */
function footTip(ctx: ArmContext, side: Side, hip: THREE.Vector3): THREE.Vector3 {
  const points = ctx.footPoints[side].footPoints;
  const p = new THREE.Vector3();
  const best = new THREE.Vector3();
  let far = -1;
  for (let i = 0; i < points.rest.length / 3; i++) {
    skinPoint(points, i, ctx.matrices, p);
    const d = p.distanceTo(hip);
    if (d > far) {
      far = d;
      best.copy(p);
    }
  }
  return best;
}

function targetPoint(
  target: HandTarget,
  side: Side,
  shoulder: THREE.Vector3,
  reach: number,
  ctx: ArmContext,
): THREE.Vector3 {
  const s = side === 'left' ? '.L' : '.R';
  const forward = new THREE.Vector3(0, 0, 1).applyQuaternion(ctx.heading);
  const out = new THREE.Vector3(side === 'left' ? 1 : -1, 0, 0).applyQuaternion(ctx.heading);
  switch (target.kind) {
    case 'mix':
      return targetPoint(target.from, side, shoulder, reach, ctx).lerp(
        targetPoint(target.to, side, shoulder, reach, ctx),
        target.t,
      );
    case 'hang':
      return shoulder
        .clone()
        .add(new THREE.Vector3(0, -reach * 0.97, 0))
        .addScaledVector(out, 0.05)
        .addScaledVector(forward, target.forwardM);
    case 'hips': {
      const hip = jointWorld(ctx.human, `upperleg01${s}`);
      return hip.add(new THREE.Vector3(0, 0.12, 0)).addScaledVector(out, 0.1);
    }
    case 'leg': {
      const l = target.leg === 'left' ? '.L' : '.R';
      const hip = jointWorld(ctx.human, `upperleg01${l}`);
      const knee = jointWorld(ctx.human, `lowerleg01${l}`);
      const ankle = jointWorld(ctx.human, `foot${l}`);
      const a = target.along;
      const onAxis =
        a <= 0.5
          ? hip.lerp(knee, a / 0.5)
          : a <= 1
            ? knee.lerp(ankle, (a - 0.5) / 0.5)
            : ankle.lerp(footTip(ctx, target.leg, hip), Math.min(1, (a - 1) / 0.25));
      // Resting on the front of the leg (its top when the leg is raised or lying forward),
      // each hand on its own side of it.
      return onAxis
        .add(new THREE.Vector3(0, target.frontM, 0))
        .addScaledVector(out, target.leg === side ? 0.04 : -0.04);
    }
    case 'strap': {
      const l = target.leg === 'left' ? '.L' : '.R';
      const hip = jointWorld(ctx.human, `upperleg01${l}`);
      return shoulder.clone().lerp(footTip(ctx, target.leg, hip), target.along);
    }
  }
}

export function solveArm(arm: ArmBones, pose: ArmPose, ctx: ArmContext): void {
  const shoulder = arm.upper.getWorldPosition(new THREE.Vector3());
  const a = arm.upperLength;
  const b = arm.foreLength;
  const target = targetPoint(pose.target, arm.side, shoulder, a + b, ctx);
  const toTarget = target.clone().sub(shoulder);
  const d = Math.min(Math.max(toTarget.length(), Math.abs(a - b) + 1e-3), (a + b) * 0.999);
  const u = toTarget.normalize();
  const out = new THREE.Vector3(arm.side === 'left' ? 1 : -1, 0, 0).applyQuaternion(ctx.heading);
  const back = new THREE.Vector3(0, 0, -1).applyQuaternion(ctx.heading);
  const pole = back.addScaledVector(out, pose.elbowOut);
  pole.addScaledVector(u, -pole.dot(u));
  if (pole.lengthSq() < 1e-8) pole.copy(out);
  pole.normalize();
  const cosShoulder = (a * a + d * d - b * b) / (2 * a * d);
  const angle = Math.acos(Math.min(1, Math.max(-1, cosShoulder)));
  const elbow = shoulder
    .clone()
    .addScaledVector(u, a * Math.cos(angle))
    .addScaledVector(pole, a * Math.sin(angle));
  const hand = shoulder.clone().addScaledVector(u, d);
  const upperDir = elbow.clone().sub(shoulder).normalize();
  const foreDir = hand.sub(elbow).normalize();
  const upperWorld = new THREE.Quaternion().setFromUnitVectors(arm.restUpper, upperDir);
  const foreWorld = new THREE.Quaternion().setFromUnitVectors(arm.restFore, foreDir);
  const parentOfUpper = arm.upper.parent as THREE.Bone;
  arm.upper.quaternion.copy(worldQuaternion(parentOfUpper).invert().multiply(upperWorld));
  // upperarm02 (between upperarm01 and lowerarm01) keeps identity, so the forearm's parent
  // world rotation is the upper arm's.
  arm.fore.quaternion.copy(upperWorld.clone().invert().multiply(foreWorld));
}
