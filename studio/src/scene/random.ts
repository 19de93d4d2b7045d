import { seededRng } from '../../../src/demo/bodyModel/rng';

/**
 * The studio's seeded random source: the app's own mulberry32 (src/demo/bodyModel/rng.ts) with
 * ranges and picks on top. The same seed gives the same set, run after run, in Node and in the
 * page alike; nothing in the studio uses Math.random.
 */
export interface Random {
  /** Uniform in [low, high). */
  range(low: number, high: number): number;
  /** One of `items`. */
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  const rng = seededRng(seed);
  return {
    range: (low, high) => low + (high - low) * rng.next(),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(rng.next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
  };
}

/** A seed derived from a string (FNV-1a), so each clip's choices come from its id. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
