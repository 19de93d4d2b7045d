/**
 * "About 40 s left" for a long job (an offline analysis): the pace over the last few seconds,
 * not since the start, because the start includes loading the model and the pace settles later.
 * Pure: times are arguments.
 */

export interface ProgressPoint {
  /** Wall time of the reading, ms. */
  readonly atMs: number;
  /** Share of the work done, 0..1. */
  readonly fraction: number;
}

/** The pace is read over this much recent time. */
export const PACE_WINDOW_MS = 5_000;
/** No estimate until the job has run this long: the first readings are noise. */
export const MIN_ELAPSED_MS = 1_000;

/** Adds a reading and drops those older than the window (keeping one just before it). */
export function addProgress(
  history: readonly ProgressPoint[],
  point: ProgressPoint,
  windowMs: number = PACE_WINDOW_MS,
): ProgressPoint[] {
  const all = [...history, point];
  const firstInWindow = all.findIndex((p) => point.atMs - p.atMs <= windowMs);
  return all.slice(Math.max(0, firstInWindow - 1));
}

/** Milliseconds left at the recent pace, or null while there is no pace to go by. */
export function estimateTimeLeftMs(history: readonly ProgressPoint[]): number | null {
  const first = history[0];
  const last = history.at(-1);
  if (first === undefined || last === undefined || last === first) return null;
  const elapsedMs = last.atMs - first.atMs;
  const done = last.fraction - first.fraction;
  if (elapsedMs < MIN_ELAPSED_MS || done <= 0) return null;
  if (last.fraction >= 1) return 0;
  return ((1 - last.fraction) * elapsedMs) / done;
}

/** Words for the progress bar: rounded coarser the longer it is, so it does not flicker. */
export function describeTimeLeft(ms: number | null): string {
  if (ms === null) return 'estimating the time left…';
  if (ms < 5_000) return 'a few seconds left';
  if (ms < 60_000) return `about ${Math.ceil(ms / 5_000) * 5} s left`;
  const minutes = ms / 60_000;
  if (minutes < 10) {
    const halves = Math.ceil(minutes * 2) / 2;
    return `about ${halves % 1 === 0 ? halves.toFixed(0) : halves.toFixed(1)} min left`;
  }
  return `about ${Math.ceil(minutes)} min left`;
}
