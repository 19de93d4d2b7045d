import { changedCells, type LumaGrid } from '../camera/motion';
import { CUE_TIMING } from '../feedback/cueTypes';

/**
 * How often to run the pose model: at full rate while the picture moves, and slowly while it is
 * still (a hold), because a body that does not move gives the same answer again. Pure: the live
 * loop feeds it each camera picture's brightness grid (camera/motion.ts) and the time, and it
 * says whether to analyse that picture. Nothing here reads a clock.
 *
 * Why a fault is not voiced later than at full rate: a fault begins with movement (the back
 * rounds, a knee bends), and the first moved picture is analysed at once; the full rate then holds
 * for `settleMs`, longer than the cue policy waits before voicing a fault, so the frames that
 * confirm it arrive at full rate even if the body then holds the faulty position still.
 */

export interface AdaptiveRateOptions {
  /** A grid cell changed when its mean brightness moved by more than this many levels. */
  readonly cellLevels: number;
  /** A picture moved when at least this many cells changed since the last movement. */
  readonly minChangedCells: number;
  /** While nothing moves, still analyse at least this often (the hold timer needs frames). */
  readonly stillIntervalMs: number;
  /** Full rate lasts this long after the last movement. */
  readonly settleMs: number;
}

export const ADAPTIVE_RATE: AdaptiveRateOptions = {
  cellLevels: 4,
  minChangedCells: 3,
  // Well inside the hold timer's 500 ms frame gap (protocol/sessionState.ts, maxFrameGapMs),
  // so a still hold keeps counting every second.
  stillIntervalMs: 250,
  // The cue policy voices a fault after it lasted faultDebounceMs; one still interval more.
  settleMs: CUE_TIMING.faultDebounceMs + 300,
};

export type RateMode = 'full' | 'still';

export interface AdaptiveRateState {
  /** The picture at the last movement: slow drift adds up against it until it counts. */
  readonly reference: LumaGrid | null;
  readonly lastMovedMs: number;
  readonly lastAnalysedMs: number;
}

export const INITIAL_ADAPTIVE_RATE: AdaptiveRateState = {
  reference: null,
  lastMovedMs: -Infinity,
  lastAnalysedMs: -Infinity,
};

export interface RateDecision {
  readonly analyse: boolean;
  readonly mode: RateMode;
  /** This picture differed from the reference enough to count as movement. */
  readonly moved: boolean;
}

/** Whether to analyse the picture whose grid is `grid`, shown at `nowMs`. */
export function offerPicture(
  state: AdaptiveRateState,
  grid: LumaGrid,
  nowMs: number,
  options: AdaptiveRateOptions = ADAPTIVE_RATE,
): [AdaptiveRateState, RateDecision] {
  const moved =
    state.reference === null ||
    changedCells(state.reference, grid, options.cellLevels) >= options.minChangedCells;
  const lastMovedMs = moved ? nowMs : state.lastMovedMs;
  const mode: RateMode = nowMs - lastMovedMs < options.settleMs ? 'full' : 'still';
  const analyse = mode === 'full' || nowMs - state.lastAnalysedMs >= options.stillIntervalMs;
  return [
    {
      reference: moved ? grid : state.reference,
      lastMovedMs,
      lastAnalysedMs: analyse ? nowMs : state.lastAnalysedMs,
    },
    { analyse, mode, moved },
  ];
}
