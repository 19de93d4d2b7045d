import { changedCells, type LumaGrid } from '../camera/motion';
import { CUE_TIMING } from '../feedback/cueTypes';
import type { KeypointName, Pose } from '../geometry/types';

/**
 * How often to run the pose model: at full rate while the body moves, and slowly while it holds
 * still, because a body that does not move gives the same answer again. Pure: the live loop
 * offers it each camera picture's brightness grid (camera/motion.ts) and tells it each pose, with
 * the time; nothing here reads a clock.
 *
 * - A picture that changed since the last change is analysed at once, whatever the mode: a fault
 *   begins with movement (the back rounds, a knee bends), so its first frames are never skipped.
 * - Whether the body really moved is the pose's to say: the picture also changes when someone
 *   breathes. Joints that moved far (`poseMoveShare` of the trunk's length) start the full rate,
 *   which lasts `settleMs`: longer than the cue policy waits before voicing a fault, so the frames
 *   that confirm a fault arrive at full rate even if the body then holds the faulty position.
 * - Otherwise one picture every `stillIntervalMs` keeps the hold timer and the coach fed.
 */

export interface AdaptiveRateOptions {
  /** A grid cell changed when its mean brightness moved by more than this many levels. */
  readonly cellLevels: number;
  /** A picture changed when at least this many cells changed since the last change. */
  readonly minChangedCells: number;
  /** A joint moved when it travelled this share of the trunk's length since the last move. */
  readonly poseMoveShare: number;
  /** While nothing moves, still analyse at least this often. */
  readonly stillIntervalMs: number;
  /** Full rate lasts this long after the body last moved. */
  readonly settleMs: number;
}

/**
 * Measured on the studio's first rendered set (its 6 shorter clips, 15 frames/s, 640 x 480; the
 * whole-set sweep is in the README, "Adaptive analysis rate"): between pictures 250 ms apart in
 * still holds, 6 levels changed at most 5 cells (p99 2), while a fault's first 500 ms changed a
 * median of 7; the exact joints of a still hold moved at most 4.4% of the trunk in 500 ms
 * (breathing), a fault's ramp 5-34% (median 7.5%).
 */
export const ADAPTIVE_RATE: AdaptiveRateOptions = {
  cellLevels: 6,
  minChangedCells: 3,
  poseMoveShare: 0.08,
  // Well inside the hold timer's 500 ms frame gap (protocol/sessionState.ts, maxFrameGapMs),
  // so a still hold keeps counting every second.
  stillIntervalMs: 250,
  // The cue policy voices a fault after it lasted faultDebounceMs; one still interval more.
  settleMs: CUE_TIMING.faultDebounceMs + 300,
};

export type RateMode = 'full' | 'still';

/** Where the body was at its last move: the joints the pose is compared with. */
type JointPositions = Partial<Record<KeypointName, { readonly x: number; readonly y: number }>>;

export interface AdaptiveRateState {
  /** The picture at the last change: slow drift adds up against it until it counts. */
  readonly referenceGrid: LumaGrid | null;
  /** The joints at the last move (null: no person, or none seen yet). */
  readonly referenceJoints: JointPositions | null;
  /** Whether a person was in the last pose. */
  readonly personSeen: boolean;
  readonly lastMovedMs: number;
  readonly lastAnalysedMs: number;
}

export const INITIAL_ADAPTIVE_RATE: AdaptiveRateState = {
  referenceGrid: null,
  referenceJoints: null,
  personSeen: false,
  lastMovedMs: -Infinity,
  lastAnalysedMs: -Infinity,
};

export interface RateDecision {
  readonly analyse: boolean;
  readonly mode: RateMode;
  /** The picture changed enough since the last change to be looked at. */
  readonly changed: boolean;
}

function modeAt(state: AdaptiveRateState, nowMs: number, options: AdaptiveRateOptions): RateMode {
  return nowMs - state.lastMovedMs < options.settleMs ? 'full' : 'still';
}

/** Whether to analyse the picture whose grid is `grid`, shown at `nowMs`. */
export function offerPicture(
  state: AdaptiveRateState,
  grid: LumaGrid,
  nowMs: number,
  options: AdaptiveRateOptions = ADAPTIVE_RATE,
): [AdaptiveRateState, RateDecision] {
  const changed =
    state.referenceGrid === null ||
    changedCells(state.referenceGrid, grid, options.cellLevels) >= options.minChangedCells;
  const mode = modeAt(state, nowMs, options);
  const analyse =
    mode === 'full' || changed || nowMs - state.lastAnalysedMs >= options.stillIntervalMs;
  return [
    {
      ...state,
      referenceGrid: changed ? grid : state.referenceGrid,
      lastAnalysedMs: analyse ? nowMs : state.lastAnalysedMs,
    },
    { analyse, mode, changed },
  ];
}

/** Joints whose travel says the body moved (the face is left out: it turns without moving). */
const MOVING_JOINTS: readonly KeypointName[] = [
  'left_shoulder',
  'right_shoulder',
  'left_elbow',
  'right_elbow',
  'left_wrist',
  'right_wrist',
  'left_hip',
  'right_hip',
  'left_knee',
  'right_knee',
  'left_ankle',
  'right_ankle',
];

/** Below this score a joint is too unsure to say it moved. */
const JOINT_MIN_SCORE = 0.5;

function joints(pose: Pose): JointPositions {
  const out: JointPositions = {};
  for (const name of MOVING_JOINTS) {
    const k = pose.keypoints[name];
    if (k !== undefined && k.score >= JOINT_MIN_SCORE) out[name] = { x: k.x, y: k.y };
  }
  return out;
}

function midpoint(a: JointPositions, p: KeypointName, q: KeypointName) {
  const u = a[p];
  const v = a[q];
  if (u === undefined || v === undefined) return u ?? v;
  return { x: (u.x + v.x) / 2, y: (u.y + v.y) / 2 };
}

/** The trunk's length (shoulders to hips), or a fifth of the frame's diagonal without one. */
function trunkLength(at: JointPositions, pose: Pose): number {
  const shoulders = midpoint(at, 'left_shoulder', 'right_shoulder');
  const hips = midpoint(at, 'left_hip', 'right_hip');
  const length =
    shoulders === undefined || hips === undefined
      ? 0
      : Math.hypot(shoulders.x - hips.x, shoulders.y - hips.y);
  return length > 0 ? length : 0.2 * Math.hypot(pose.imageSize.widthPx, pose.imageSize.heightPx);
}

function moved(reference: JointPositions, now: JointPositions, pose: Pose, share: number): boolean {
  const limit = share * trunkLength(reference, pose);
  for (const name of MOVING_JOINTS) {
    const a = reference[name];
    const b = now[name];
    if (a !== undefined && b !== undefined && Math.hypot(a.x - b.x, a.y - b.y) > limit) return true;
  }
  return false;
}

/** The pose of a picture taken at `nowMs` (null: nobody found) came back from the model. */
export function poseSeen(
  state: AdaptiveRateState,
  pose: Pose | null,
  nowMs: number,
  options: AdaptiveRateOptions = ADAPTIVE_RATE,
): AdaptiveRateState {
  if (pose === null) {
    // Losing the person is a change worth watching closely.
    return state.personSeen
      ? { ...state, personSeen: false, referenceJoints: null, lastMovedMs: nowMs }
      : state;
  }
  const now = joints(pose);
  const reference = state.referenceJoints;
  if (reference !== null && !moved(reference, now, pose, options.poseMoveShare)) {
    return { ...state, personSeen: true };
  }
  return { ...state, personSeen: true, referenceJoints: now, lastMovedMs: nowMs };
}
