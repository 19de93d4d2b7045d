import { ModelKeepsCrashingError } from '../userFacingError';

/** The live session runner's timing: ticks, diagnostics and how much crashing it tolerates. */

/** Without frames (camera stalled, tab hidden) time still moves countdowns, rests and cues. */
export const TICK_MS = 200;

/** How often to ask the pose worker how many tensors it holds (cheap, but not per frame). */
export const DIAGNOSTICS_MS = 5_000;

/**
 * A model that crashes this often is not coming back: three restarts within a minute end the
 * session with an error (its recording is kept) instead of looping.
 */
export const MAX_RESTARTS = 3;
export const RESTART_WINDOW_MS = 60_000;

/**
 * The crash at `atMs` with the earlier ones still inside the window; more than `MAX_RESTARTS`
 * of them means giving up.
 */
export function recentCrashes(earlierMs: readonly number[], atMs: number): number[] {
  return [...earlierMs, atMs].filter((t) => atMs - t <= RESTART_WINDOW_MS);
}

/** The error that ends the session when the crashes in the window are too many, else null. */
export function tooManyCrashes(
  crashesMs: readonly number[],
  last: Error,
): ModelKeepsCrashingError | null {
  if (crashesMs.length <= MAX_RESTARTS) return null;
  return new ModelKeepsCrashingError(crashesMs.length, RESTART_WINDOW_MS, last.message);
}
