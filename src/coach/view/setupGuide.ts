/**
 * The one setup instruction the screen shows. The protocol lists every setup issue, most useful
 * first (be seen, turn, get into position); shown as a list that follows every frame, it changed
 * 131 times in two minutes on a real clip. The guide shows only the most useful line and keeps it
 * for at least `SETUP_GUIDE_HOLD_MS` before it may change, so a reading that flickers near a
 * limit does not make the instruction flicker with it. Pure: time is passed in.
 */

export interface SetupGuide {
  /** The line shown, or null for none. */
  readonly text: string | null;
  /** When it began to show. */
  readonly sinceMs: number;
}

export const SETUP_GUIDE_HOLD_MS = 3_000;

export const NO_SETUP_GUIDE: SetupGuide = Object.freeze({ text: null, sinceMs: -Infinity });

/**
 * The guide after a frame whose setup lines are `hints` (most useful first; empty outside setup
 * or when nothing is wrong). `inSetup` false clears it at once: the guide belongs to setup.
 */
export function nextSetupGuide(
  guide: SetupGuide,
  hints: readonly string[],
  inSetup: boolean,
  nowMs: number,
): SetupGuide {
  if (!inSetup) return guide.text === null ? guide : NO_SETUP_GUIDE;
  const best = hints[0] ?? null;
  if (best === guide.text) return guide;
  // Nothing shown yet: the first line shows at once.
  if (guide.text === null) return { text: best, sinceMs: nowMs };
  if (nowMs - guide.sinceMs < SETUP_GUIDE_HOLD_MS) return guide;
  return { text: best, sinceMs: nowMs };
}
