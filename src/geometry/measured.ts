import type { KeypointName } from './types';
import type { Available, Measured, Unavailable, UnavailableReason } from './measures';

/** Builders and combinators for `Measured<T>`, so every module reports gaps the same way. */

export function available<T>(value: T, confidence: number): Available<T> {
  return { value, confidence: clampConfidence(confidence) };
}

export function unavailable(
  reason: UnavailableReason,
  joints: readonly KeypointName[] = [],
): Unavailable {
  return { value: null, confidence: 0, reason, joints };
}

export function isAvailable<T>(measure: Measured<T>): measure is Available<T> {
  return measure.value !== null;
}

export function clampConfidence(confidence: number): number {
  if (!Number.isFinite(confidence)) return 0;
  return Math.min(1, Math.max(0, confidence));
}

/** The same measure with its confidence multiplied by `factor` (unavailable stays as it is). */
export function scaleConfidence<T>(measure: Measured<T>, factor: number): Measured<T> {
  return isAvailable(measure) ? available(measure.value, measure.confidence * factor) : measure;
}

/** Applies `f` to an available value; passes an unavailable one through. */
export function mapMeasured<T, U>(measure: Measured<T>, f: (value: T) => U): Measured<U> {
  return isAvailable(measure) ? available(f(measure.value), measure.confidence) : measure;
}

/** Every measure is this when no person was found. */
export const NO_PERSON: Unavailable = unavailable('no-person');

/** Marks a measure that does not apply to the current body position. */
export const NOT_APPLICABLE: Unavailable = unavailable('not-applicable');
