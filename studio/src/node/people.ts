import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PersonSpec } from '../scene/clipSpec';
import { morphedVertices } from './bodyShape';

/** Vertices of the body's own faces: the first 13,380 of the base mesh (helpers follow). */
const BODY_VERTICES = 13380;

/** Each person's morphed mesh, computed once per run and kept. */
export interface PersonMeshes {
  vertices(person: PersonSpec): Float32Array;
  /** Standing height of the unposed body (crown to sole), metres. */
  heightM(person: PersonSpec): number;
}

export function personMeshes(dataDir: string): PersonMeshes {
  const base = JSON.parse(
    readFileSync(join(dataDir, 'models', 'human_full_size.json'), 'utf8'),
  ) as { vertices: number[] };
  const cache = new Map<string, Float32Array>();
  const vertices = (person: PersonSpec): Float32Array => {
    let found = cache.get(person.id);
    if (found === undefined) {
      found = morphedVertices(dataDir, base.vertices, person.shape);
      cache.set(person.id, found);
    }
    return found;
  };
  return {
    vertices,
    heightM(person) {
      const v = vertices(person);
      let low = Infinity;
      let high = -Infinity;
      for (let i = 0; i < BODY_VERTICES; i++) {
        const y = v[3 * i + 1] ?? 0;
        low = Math.min(low, y);
        high = Math.max(high, y);
      }
      return high - low;
    },
  };
}
