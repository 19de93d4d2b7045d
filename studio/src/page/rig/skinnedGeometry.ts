import * as THREE from 'three';
import type { Triangle } from '../mh/legacyJson';

/**
 * Builds a skinned BufferGeometry from a model's per-vertex data and its triangles. A model
 * vertex used with several UVs (a texture seam) becomes several render vertices; normals are
 * computed on the model's own vertices first so a seam does not show as a crease.
 */
export interface SkinnedSource {
  /** Per model vertex, metres (x, y, z). */
  readonly positions: Float32Array;
  /** The model's UV list (u, v pairs). */
  readonly uvs: readonly number[];
  /** Per model vertex, 4 bone indices and 4 weights. */
  readonly skinIndex: Uint16Array;
  readonly skinWeight: Float32Array;
  /** Per model vertex: its body part id (see parts.ts), for the id pass. */
  readonly part: Uint8Array;
}

function vertexNormals(positions: Float32Array, triangles: readonly Triangle[]): Float32Array {
  const normals = new Float32Array(positions.length);
  const a = new THREE.Vector3();
  const b = new THREE.Vector3();
  const c = new THREE.Vector3();
  for (const { corners } of triangles) {
    const [i, j, k] = corners.map((corner) => corner.vertex) as [number, number, number];
    a.fromArray(positions, 3 * i);
    b.fromArray(positions, 3 * j);
    c.fromArray(positions, 3 * k);
    // Area-weighted face normal.
    const n = b.sub(a).cross(c.sub(a));
    for (const v of [i, j, k]) {
      normals[3 * v] = (normals[3 * v] ?? 0) + n.x;
      normals[3 * v + 1] = (normals[3 * v + 1] ?? 0) + n.y;
      normals[3 * v + 2] = (normals[3 * v + 2] ?? 0) + n.z;
    }
  }
  for (let v = 0; v < normals.length; v += 3) {
    const length = Math.hypot(normals[v] ?? 0, normals[v + 1] ?? 0, normals[v + 2] ?? 0) || 1;
    normals[v] = (normals[v] ?? 0) / length;
    normals[v + 1] = (normals[v + 1] ?? 0) / length;
    normals[v + 2] = (normals[v + 2] ?? 0) / length;
  }
  return normals;
}

export function buildSkinnedGeometry(
  source: SkinnedSource,
  triangles: readonly Triangle[],
): THREE.BufferGeometry {
  const normals = vertexNormals(source.positions, triangles);
  const renderIndex = new Map<number, number>();
  const modelVertex: number[] = [];
  const uvIndex: number[] = [];
  const index: number[] = [];
  for (const { corners } of triangles) {
    for (const corner of corners) {
      const key = corner.vertex * 65536 + (corner.uv + 1);
      let r = renderIndex.get(key);
      if (r === undefined) {
        r = modelVertex.length;
        renderIndex.set(key, r);
        modelVertex.push(corner.vertex);
        uvIndex.push(corner.uv);
      }
      index.push(r);
    }
  }
  const n = modelVertex.length;
  const position = new Float32Array(3 * n);
  const normal = new Float32Array(3 * n);
  const uv = new Float32Array(2 * n);
  const skinIndex = new Uint16Array(4 * n);
  const skinWeight = new Float32Array(4 * n);
  const color = new Float32Array(3 * n);
  for (let r = 0; r < n; r++) {
    const v = modelVertex[r] ?? 0;
    const t = uvIndex[r] ?? -1;
    for (let k = 0; k < 3; k++) {
      position[3 * r + k] = source.positions[3 * v + k] ?? 0;
      normal[3 * r + k] = normals[3 * v + k] ?? 0;
    }
    uv[2 * r] = t < 0 ? 0 : (source.uvs[2 * t] ?? 0);
    uv[2 * r + 1] = t < 0 ? 0 : (source.uvs[2 * t + 1] ?? 0);
    for (let k = 0; k < 4; k++) {
      skinIndex[4 * r + k] = source.skinIndex[4 * v + k] ?? 0;
      skinWeight[4 * r + k] = source.skinWeight[4 * v + k] ?? 0;
    }
    // The id pass reads the part from the red channel (exact in 8 bits: value / 255).
    color[3 * r] = (source.part[v] ?? 0) / 255;
  }
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(position, 3));
  geometry.setAttribute('normal', new THREE.BufferAttribute(normal, 3));
  geometry.setAttribute('uv', new THREE.BufferAttribute(uv, 2));
  geometry.setAttribute('skinIndex', new THREE.Uint16BufferAttribute(skinIndex, 4));
  geometry.setAttribute('skinWeight', new THREE.BufferAttribute(skinWeight, 4));
  geometry.setAttribute('color', new THREE.BufferAttribute(color, 3));
  geometry.setIndex(index);
  return geometry;
}
