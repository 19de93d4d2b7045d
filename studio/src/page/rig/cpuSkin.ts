import * as THREE from 'three';

/**
 * Linear blend skinning on the CPU for a few points: what the GPU does to every vertex, done here
 * for the points the rig must know exactly (landmarks, the soles and seat it rests on). Bone
 * matrices are `bone.matrixWorld x boneInverse`, as three.js builds them for the shader.
 */
export interface SkinnedPoints {
  /** Rest positions, metres (x, y, z per point). */
  readonly rest: Float32Array;
  readonly skinIndex: Uint16Array;
  readonly skinWeight: Float32Array;
}

export function boneMatrices(skeleton: THREE.Skeleton): THREE.Matrix4[] {
  return skeleton.bones.map((bone, i) =>
    new THREE.Matrix4().multiplyMatrices(
      bone.matrixWorld,
      skeleton.boneInverses[i] ?? new THREE.Matrix4(),
    ),
  );
}

const scratch = new THREE.Vector3();

/** Point `i` of `points`, skinned, into `out`. */
export function skinPoint(
  points: SkinnedPoints,
  i: number,
  matrices: readonly THREE.Matrix4[],
  out: THREE.Vector3,
): THREE.Vector3 {
  out.set(0, 0, 0);
  for (let k = 0; k < 4; k++) {
    const weight = points.skinWeight[4 * i + k] ?? 0;
    if (weight === 0) continue;
    const matrix = matrices[points.skinIndex[4 * i + k] ?? 0];
    if (matrix === undefined) continue;
    scratch.fromArray(points.rest, 3 * i).applyMatrix4(matrix);
    out.addScaledVector(scratch, weight);
  }
  return out;
}

/** The lowest skinned y among `points` (the sole, the seat, the back on the floor). */
export function lowestY(points: SkinnedPoints, matrices: readonly THREE.Matrix4[]): number {
  const p = new THREE.Vector3();
  let lowest = Infinity;
  const count = points.rest.length / 3;
  for (let i = 0; i < count; i++) lowest = Math.min(lowest, skinPoint(points, i, matrices, p).y);
  return lowest;
}

/** The points of a skinned geometry whose part id is in `parts`, every `stride`-th one. */
export function pointsOfParts(
  geometry: THREE.BufferGeometry,
  parts: readonly number[],
  stride: number,
): SkinnedPoints {
  const position = geometry.getAttribute('position');
  const color = geometry.getAttribute('color');
  const skinIndex = geometry.getAttribute('skinIndex');
  const skinWeight = geometry.getAttribute('skinWeight');
  const wanted = new Set(parts);
  const chosen: number[] = [];
  let seen = 0;
  for (let v = 0; v < position.count; v++) {
    if (!wanted.has(Math.round(color.getX(v) * 255))) continue;
    if (seen++ % stride === 0) chosen.push(v);
  }
  const rest = new Float32Array(3 * chosen.length);
  const index = new Uint16Array(4 * chosen.length);
  const weight = new Float32Array(4 * chosen.length);
  chosen.forEach((v, i) => {
    rest[3 * i] = position.getX(v);
    rest[3 * i + 1] = position.getY(v);
    rest[3 * i + 2] = position.getZ(v);
    for (let k = 0; k < 4; k++) {
      index[4 * i + k] = skinIndex.getComponent(v, k);
      weight[4 * i + k] = skinWeight.getComponent(v, k);
    }
  });
  return { rest, skinIndex: index, skinWeight: weight };
}

/** Several point sets as one. */
export function concatPoints(sets: readonly SkinnedPoints[]): SkinnedPoints {
  const total = sets.reduce((n, s) => n + s.rest.length / 3, 0);
  const rest = new Float32Array(3 * total);
  const skinIndex = new Uint16Array(4 * total);
  const skinWeight = new Float32Array(4 * total);
  let at = 0;
  for (const s of sets) {
    rest.set(s.rest, 3 * at);
    skinIndex.set(s.skinIndex, 4 * at);
    skinWeight.set(s.skinWeight, 4 * at);
    at += s.rest.length / 3;
  }
  return { rest, skinIndex, skinWeight };
}
