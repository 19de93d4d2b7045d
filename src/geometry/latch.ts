/**
 * Memory for categorical outputs (near side, working leg, view, orientation) so a one-frame
 * change does not flicker through to the user: a new value replaces the held one only after it
 * has been seen continuously for `switchAfterMs`. Pure: returns a new latch.
 */
export interface Latch<T> {
  /** The value reported. */
  readonly held: T | null;
  /** A different value seen since `candidateSinceMs`, waiting to replace `held`. */
  readonly candidate: T | null;
  readonly candidateSinceMs: number;
}

export function emptyLatch<T>(): Latch<T> {
  return { held: null, candidate: null, candidateSinceMs: 0 };
}

/**
 * Feeds one observation (null = nothing seen this frame: the held value stays). The first value
 * ever seen is taken at once: there is nothing to flicker from.
 */
export function updateLatch<T>(
  latch: Latch<T>,
  observed: T | null,
  nowMs: number,
  switchAfterMs: number,
): Latch<T> {
  if (observed === null) return latch.candidate === null ? latch : { ...latch, candidate: null };
  if (latch.held === null || observed === latch.held) {
    if (latch.held === observed && latch.candidate === null) return latch;
    return { held: observed, candidate: null, candidateSinceMs: nowMs };
  }
  if (observed !== latch.candidate)
    return { ...latch, candidate: observed, candidateSinceMs: nowMs };
  if (nowMs - latch.candidateSinceMs >= switchAfterMs) {
    return { held: observed, candidate: null, candidateSinceMs: nowMs };
  }
  return latch;
}
