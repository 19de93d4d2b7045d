import * as THREE from 'three';

/**
 * World rotation of a bone: the product of the local rotations from the root down. Rest rotations
 * are identity (skeleton.ts) and the skinned mesh sits at the origin unrotated, so this is the
 * bone's rotation in the world.
 */
export function worldQuaternion(b: THREE.Object3D): THREE.Quaternion {
  const chain: THREE.Object3D[] = [];
  for (let o: THREE.Object3D | null = b; o !== null && o instanceof THREE.Bone; o = o.parent) {
    chain.unshift(o);
  }
  const q = new THREE.Quaternion();
  for (const o of chain) q.multiply(o.quaternion);
  return q;
}
