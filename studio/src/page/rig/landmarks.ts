import * as THREE from 'three';
import type { Human } from './human';
import { boneMatrices, skinPoint, type SkinnedPoints } from './cpuSkin';
import { LANDMARK_NAMES, type LandmarkName } from '../../scene/landmarkNames';

/**
 * Where each of BlazePose's 33 landmarks (MoveNet's 17 are a subset) sits on the rig.
 *
 * Joints are the rig's joint centres (bone heads, placed from MakeHuman's joint markers):
 * shoulder = glenohumeral joint (upperarm01), elbow (lowerarm01), wrist (wrist), hip = hip joint
 * centre (upperleg01: the femoral head), knee (lowerleg01), ankle (foot). Finger landmarks are the
 * finger joints (pinky and index: first knuckle; thumb: its second joint). The eye is the pupil
 * (the eye bone's tail). The rest are skin points of the base mesh, chosen once from the unmorphed
 * mesh by rules (`chooseVertexLandmarks`): nose tip, ears (the middle of the outer ear), mouth
 * corners, eye corners, the back of the heel and the tip of the longest toe. Shoes are worn over
 * heel and toe: those points lie about 1 cm inside the shoe.
 */
type LandmarkSource =
  | { readonly kind: 'head'; readonly bone: string }
  | { readonly kind: 'tail'; readonly bone: string }
  | { readonly kind: 'vertex'; readonly vertex: number };

export type LandmarkTable = Readonly<Record<LandmarkName, LandmarkSource>>;

const JOINTS: Partial<Record<LandmarkName, LandmarkSource>> = {};
for (const [side, s] of [
  ['left', '.L'],
  ['right', '.R'],
] as const) {
  JOINTS[`${side}_shoulder`] = { kind: 'head', bone: `upperarm01${s}` };
  JOINTS[`${side}_elbow`] = { kind: 'head', bone: `lowerarm01${s}` };
  JOINTS[`${side}_wrist`] = { kind: 'head', bone: `wrist${s}` };
  JOINTS[`${side}_pinky`] = { kind: 'head', bone: `finger5-1${s}` };
  JOINTS[`${side}_index`] = { kind: 'head', bone: `finger2-1${s}` };
  JOINTS[`${side}_thumb`] = { kind: 'head', bone: `finger1-2${s}` };
  JOINTS[`${side}_hip`] = { kind: 'head', bone: `upperleg01${s}` };
  JOINTS[`${side}_knee`] = { kind: 'head', bone: `lowerleg01${s}` };
  JOINTS[`${side}_ankle`] = { kind: 'head', bone: `foot${s}` };
  JOINTS[`${side}_eye`] = { kind: 'tail', bone: `eye${s}` };
}

/** Rest positions of the unmorphed base mesh (decimetres) and each vertex's part. */
export interface BaseMesh {
  readonly positions: Float32Array;
  /** Vertices of the body's own faces (no helpers). */
  readonly bodyVertices: readonly number[];
  readonly isHead: (v: number) => boolean;
  readonly isFoot: (v: number, left: boolean) => boolean;
}

function nearest(base: BaseMesh, candidates: readonly number[], target: THREE.Vector3): number {
  let best = candidates[0] ?? 0;
  let bestDistance = Infinity;
  const p = new THREE.Vector3();
  for (const v of candidates) {
    const d = p.fromArray(base.positions, 3 * v).distanceToSquared(target);
    if (d < bestDistance) {
      bestDistance = d;
      best = v;
    }
  }
  return best;
}

function extreme(
  base: BaseMesh,
  candidates: readonly number[],
  score: (p: THREE.Vector3) => number,
): number {
  let best = candidates[0] ?? 0;
  let bestScore = -Infinity;
  const p = new THREE.Vector3();
  for (const v of candidates) {
    const s = score(p.fromArray(base.positions, 3 * v));
    if (s > bestScore) {
      bestScore = s;
      best = v;
    }
  }
  return best;
}

/**
 * The skin landmarks, picked on the unmorphed base mesh (decimetres, y up, face towards +z, the
 * body's left at +x). Every body shape moves the same vertex, so the choice holds for all people.
 */
export function chooseVertexLandmarks(base: BaseMesh): LandmarkTable {
  const head = base.bodyVertices.filter(
    (v) => base.isHead(v) && (base.positions[3 * v + 1] ?? 0) > 6.4,
  );
  const p = new THREE.Vector3();
  const at = (v: number): THREE.Vector3 => p.fromArray(base.positions, 3 * v).clone();
  const nose = extreme(
    base,
    head.filter((v) => Math.abs(base.positions[3 * v] ?? 1) < 0.05),
    (q) => q.z,
  );
  const table: Partial<Record<LandmarkName, LandmarkSource>> = {
    ...JOINTS,
    nose: { kind: 'vertex', vertex: nose },
  };
  for (const left of [true, false]) {
    const side = left ? 'left' : 'right';
    const sign = left ? 1 : -1;
    const onSide = head.filter((v) => sign * (base.positions[3 * v] ?? 0) > 0);
    // The ear: the part of the head furthest out to the side, between the eyes' and the mouth's
    // height; its middle is the landmark (BlazePose's and COCO's ear point).
    const band = onSide.filter((v) => {
      const y = base.positions[3 * v + 1] ?? 0;
      return y > 6.8 && y < 7.5;
    });
    const outMost = sign * (base.positions[3 * extreme(base, band, (q) => sign * q.x)] ?? 0);
    const ear = band.filter((v) => sign * (base.positions[3 * v] ?? 0) > outMost - 0.3);
    const earMiddle = ear
      .reduce((sum, v) => sum.add(at(v)), new THREE.Vector3())
      .multiplyScalar(1 / Math.max(1, ear.length));
    table[`${side}_ear`] = { kind: 'vertex', vertex: nearest(base, ear, earMiddle) };
    // Eye corners and mouth corners: the skin point nearest where they lie on MakeHuman's
    // default face (measured on the base mesh: pupils at x = ±0.32, y = 7.29 dm).
    table[`${side}_eye_inner`] = {
      kind: 'vertex',
      vertex: nearest(base, onSide, new THREE.Vector3(sign * 0.13, 7.28, 1.45)),
    };
    table[`${side}_eye_outer`] = {
      kind: 'vertex',
      vertex: nearest(base, onSide, new THREE.Vector3(sign * 0.5, 7.29, 1.28)),
    };
    table[`mouth_${side}`] = {
      kind: 'vertex',
      vertex: nearest(base, onSide, new THREE.Vector3(sign * 0.26, 6.63, 1.42)),
    };
    const foot = base.bodyVertices.filter((v) => base.isFoot(v, left));
    // Back of the heel: the rearmost foot point below the ankle bone's level.
    const low = foot.filter((v) => (base.positions[3 * v + 1] ?? 0) < -7.7);
    table[`${side}_heel`] = { kind: 'vertex', vertex: extreme(base, low, (q) => -q.z) };
    table[`${side}_foot_index`] = { kind: 'vertex', vertex: extreme(base, foot, (q) => q.z) };
  }
  for (const name of LANDMARK_NAMES) {
    if (table[name] === undefined) throw new Error(`landmarks: no rule for ${name}`);
  }
  return table as LandmarkTable;
}

/** Every landmark's world position (metres), in LANDMARK_NAMES order. */
export function landmarkPositions(human: Human, table: LandmarkTable): THREE.Vector3[] {
  const matrices = boneMatrices(human.skeleton);
  const points: SkinnedPoints = {
    rest: human.positions,
    skinIndex: human.skinIndex,
    skinWeight: human.skinWeight,
  };
  return LANDMARK_NAMES.map((name) => {
    const source = table[name];
    if (source.kind === 'vertex')
      return skinPoint(points, source.vertex, matrices, new THREE.Vector3());
    const rig = human.layout.byName.get(source.bone);
    const bone = rig === undefined ? undefined : human.bones[rig.index];
    if (rig === undefined || bone === undefined)
      throw new Error(`landmarks: no bone ${source.bone}`);
    const local = source.kind === 'head' ? new THREE.Vector3() : rig.tail.clone().sub(rig.head);
    return local.applyMatrix4(bone.matrixWorld);
  });
}
