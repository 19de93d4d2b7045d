import * as THREE from 'three';
import type { BodyPose, Contact, LegPose, Side, Support } from '../../scene/pose';
import { PART } from '../../scene/parts';
import type { Human } from './human';
import { boneMatrices, concatPoints, lowestY, pointsOfParts, type SkinnedPoints } from './cpuSkin';
import { solveArm, type ArmBones } from './armIk';
import { worldQuaternion } from './worldRotation';

/**
 * Turns a `BodyPose` into bone rotations and a root position.
 *
 * Rest rotations are identity (skeleton.ts), so a bone's world rotation is the product of the
 * local rotations above it, and a segment can be given a world-space orientation directly: its
 * local rotation is its parent's world rotation, inverted, times the wanted one. The pelvis is
 * tilted and the spine curled relative to the rest mesh's neutral S; the legs are set in the
 * heading frame (so a foot can stay planted while the trunk hinges); the arms reach targets by a
 * two-bone IK. Then the body is lowered onto its support, and each contact (a heel on the step) is
 * met by solving one leg angle.
 */

const X_AXIS = new THREE.Vector3(1, 0, 0);
const Y_AXIS = new THREE.Vector3(0, 1, 0);
const Z_AXIS = new THREE.Vector3(0, 0, 1);
const DOWN = new THREE.Vector3(0, -1, 0);
const DEG = Math.PI / 180;

function axisAngle(axis: THREE.Vector3, deg: number): THREE.Quaternion {
  return new THREE.Quaternion().setFromAxisAngle(axis, deg * DEG);
}

interface LegBones {
  readonly thigh: THREE.Bone;
  readonly shin: THREE.Bone;
  readonly foot: THREE.Bone;
  /** Rest rotations taking the thigh's and shin's rest directions to straight down. */
  readonly alignThigh: THREE.Quaternion;
  readonly alignShin: THREE.Quaternion;
  /** The foot's points (body and shoes), for contacts and standing. */
  readonly footPoints: SkinnedPoints;
}

export interface RigMeshes {
  /** The body and every garment, skinned to this rig (for the points it rests on). */
  readonly geometries: readonly THREE.BufferGeometry[];
}

function bone(human: Human, name: string): THREE.Bone {
  const found = human.layout.byName.get(name);
  const b = found === undefined ? undefined : human.bones[found.index];
  if (b === undefined) throw new Error(`rig: no bone ${name}`);
  return b;
}

function restDirection(human: Human, from: string, to: string): THREE.Vector3 {
  const a = human.layout.byName.get(from)?.head;
  const b = human.layout.byName.get(to)?.head;
  if (a === undefined || b === undefined) throw new Error(`rig: no joint ${from} or ${to}`);
  return b.clone().sub(a).normalize();
}

function setWorld(b: THREE.Bone, world: THREE.Quaternion): void {
  const parentWorld =
    b.parent instanceof THREE.Bone ? worldQuaternion(b.parent) : new THREE.Quaternion();
  b.quaternion.copy(parentWorld.invert().multiply(world));
}

const SPINE = ['spine05', 'spine04', 'spine03', 'spine02', 'spine01'] as const;
const NECK = ['neck01', 'neck02', 'neck03', 'head'] as const;
const SUFFIX: Readonly<Record<Side, string>> = { left: '.L', right: '.R' };

export class ActorRig {
  readonly human: Human;
  private readonly legs: Readonly<Record<Side, LegBones>>;
  private readonly arms: Readonly<Record<Side, ArmBones>>;
  private readonly seatPoints: SkinnedPoints;
  private readonly backPoints: SkinnedPoints;
  private heading = new THREE.Quaternion();

  constructor(human: Human, meshes: RigMeshes) {
    this.human = human;
    const points = (parts: number[], stride: number): SkinnedPoints =>
      concatPoints(meshes.geometries.map((g) => pointsOfParts(g, parts, stride)));
    const leg = (side: Side): LegBones => {
      const s = SUFFIX[side];
      return {
        thigh: bone(human, `upperleg01${s}`),
        shin: bone(human, `lowerleg01${s}`),
        foot: bone(human, `foot${s}`),
        alignThigh: new THREE.Quaternion().setFromUnitVectors(
          restDirection(human, `upperleg01${s}`, `lowerleg01${s}`),
          DOWN,
        ),
        alignShin: new THREE.Quaternion().setFromUnitVectors(
          restDirection(human, `lowerleg01${s}`, `foot${s}`),
          DOWN,
        ),
        footPoints: points([side === 'left' ? PART.footLeft : PART.footRight], 2),
      };
    };
    this.legs = { left: leg('left'), right: leg('right') };
    const arm = (side: Side): ArmBones => {
      const s = SUFFIX[side];
      return {
        side,
        upper: bone(human, `upperarm01${s}`),
        fore: bone(human, `lowerarm01${s}`),
        restUpper: restDirection(human, `upperarm01${s}`, `lowerarm01${s}`),
        restFore: restDirection(human, `lowerarm01${s}`, `wrist${s}`),
        upperLength: human.layout.byName
          .get(`upperarm01${s}`)!
          .head.distanceTo(human.layout.byName.get(`lowerarm01${s}`)!.head),
        foreLength: human.layout.byName
          .get(`lowerarm01${s}`)!
          .head.distanceTo(human.layout.byName.get(`wrist${s}`)!.head),
      };
    };
    this.arms = { left: arm('left'), right: arm('right') };
    this.seatPoints = points([PART.trunkLeft, PART.trunkRight, PART.thighLeft, PART.thighRight], 3);
    this.backPoints = points([PART.trunkLeft, PART.trunkRight, PART.headLeft, PART.headRight], 3);
  }

  private update(): readonly THREE.Matrix4[] {
    this.human.rootBone.updateMatrixWorld(true);
    return boneMatrices(this.human.skeleton);
  }

  private setLeg(side: Side, leg: LegPose): void {
    const bones = this.legs[side];
    const abduct = side === 'left' ? leg.thighAbductDeg : -leg.thighAbductDeg;
    const sideways = axisAngle(Z_AXIS, abduct);
    const thighWorld = this.heading
      .clone()
      .multiply(axisAngle(X_AXIS, -leg.thighPitchDeg))
      .multiply(sideways)
      .multiply(bones.alignThigh);
    setWorld(bones.thigh, thighWorld);
    const shinPitch = leg.thighPitchDeg - leg.kneeFlexDeg;
    const shinWorld = this.heading
      .clone()
      .multiply(axisAngle(X_AXIS, -shinPitch))
      .multiply(sideways)
      .multiply(bones.alignShin);
    setWorld(bones.shin, shinWorld);
    const footWorld = this.heading
      .clone()
      .multiply(axisAngle(X_AXIS, -shinPitch - leg.ankleFlexDeg))
      .multiply(sideways);
    setWorld(bones.foot, footWorld);
  }

  /** Poses the body; returns the solved legs (contacts may have changed them). */
  apply(pose: BodyPose): { left: LegPose; right: LegPose } {
    const { human } = this;
    for (const b of human.bones) b.quaternion.identity();
    const root = human.rootBone;
    const restRoot = human.layout.bones[0]?.head ?? new THREE.Vector3();
    this.heading = axisAngle(Y_AXIS, pose.headingDeg);
    root.position.set(pose.x, restRoot.y, pose.z);
    root.quaternion
      .copy(this.heading)
      .multiply(axisAngle(X_AXIS, pose.pelvisPitchDeg))
      .multiply(axisAngle(Z_AXIS, pose.pelvisRollDeg));
    SPINE.forEach((name, i) =>
      bone(human, name).quaternion.copy(axisAngle(X_AXIS, pose.spineFlexDeg[i] ?? 0)),
    );
    NECK.forEach((name, i) =>
      bone(human, name).quaternion.copy(axisAngle(X_AXIS, pose.neckFlexDeg[i] ?? 0)),
    );
    const legs = { left: { ...pose.legs.left }, right: { ...pose.legs.right } };
    this.setLeg('left', legs.left);
    this.setLeg('right', legs.right);
    // Support, then contacts, twice: a contact moves a leg the support may rest on.
    for (let pass = 0; pass < 2; pass++) {
      this.rest(pose);
      for (const contact of pose.contacts) this.meet(contact, legs);
    }
    this.rest(pose);
    const matrices = this.update();
    for (const side of ['left', 'right'] as const) {
      solveArm(this.arms[side], pose.arms[side], {
        heading: this.heading,
        matrices,
        human,
        footPoints: this.legs,
      });
    }
    this.update();
    return legs;
  }

  /** Lowers or raises the body so its support rests at its height. */
  private rest(pose: BodyPose): void {
    const matrices = this.update();
    this.human.rootBone.position.y += this.lift(pose.support, matrices);
  }

  /** How far the body must move up for `support` to rest at its height. */
  private lift(support: Support, matrices: readonly THREE.Matrix4[]): number {
    if (support.kind === 'mix') {
      const from = this.lift(support.from, matrices);
      const to = this.lift(support.to, matrices);
      return from + (to - from) * support.t;
    }
    let lowest: number;
    if (support.kind === 'foot') {
      const feet =
        support.side === 'lower'
          ? Math.min(
              lowestY(this.legs.left.footPoints, matrices),
              lowestY(this.legs.right.footPoints, matrices),
            )
          : lowestY(this.legs[support.side].footPoints, matrices);
      lowest = feet;
    } else if (support.kind === 'seat') {
      lowest = lowestY(this.seatPoints, matrices);
    } else {
      lowest = lowestY(this.backPoints, matrices);
    }
    return support.heightM - lowest;
  }

  /** Solves the contact's leg angle (bisection) so its foot's lowest point is at its height. */
  private meet(contact: Contact, legs: { left: LegPose; right: LegPose }): void {
    const leg = legs[contact.side];
    const key = contact.adjust === 'thigh' ? 'thighPitchDeg' : 'kneeFlexDeg';
    const height = (angle: number): number => {
      this.setLeg(contact.side, { ...leg, [key]: angle });
      return lowestY(this.legs[contact.side].footPoints, this.update()) - contact.heightM;
    };
    const start = leg[key];
    let low = start - 40;
    let high = start + 40;
    let fLow = height(low);
    const fHigh = height(high);
    if (Math.sign(fLow) === Math.sign(fHigh)) {
      // No crossing within reach: keep the closer end.
      const best = Math.abs(fLow) < Math.abs(fHigh) ? low : high;
      legs[contact.side] = { ...leg, [key]: start + (best - start) * contact.weight };
      this.setLeg(contact.side, legs[contact.side]);
      return;
    }
    for (let i = 0; i < 18; i++) {
      const mid = (low + high) / 2;
      const fMid = height(mid);
      if (Math.sign(fMid) === Math.sign(fLow)) {
        low = mid;
        fLow = fMid;
      } else {
        high = mid;
      }
    }
    const solved = (low + high) / 2;
    legs[contact.side] = { ...leg, [key]: start + (solved - start) * contact.weight };
    this.setLeg(contact.side, legs[contact.side]);
  }

  /** The bones of a leg, for landmarks and arm targets. */
  legBones(side: Side): LegBones {
    return this.legs[side];
  }
}

export type { LegBones };
