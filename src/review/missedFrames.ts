import {
  isFrameDue,
  nextDueMs,
  samplingIntervalMs,
  SLOT_TOLERANCE_MS,
  type SamplingRate,
} from './samplingPlan';

/**
 * Frames a playing video went past unseen, and how to get them back: the sampler's decisions, pure
 * (the sampler in videoFrameSampler.ts does the seeking). Times are the video's, in ms.
 *
 * Seeking to time t shows the last frame at or before t. So, at 10 a second, seeking to just
 * before a slot's end shows the slot's last frame if the slot has one, and otherwise the frame
 * before the slot — proof the slot had none: one seek settles a slot. Every frame has no slots:
 * the recovery steps a frame period at a time from the last frame seen, and a step that shows the
 * same picture again (a variable frame rate's longer gap) is taken again, longer.
 */

/**
 * A gap between frames shown this many times the clip's frame period means frames were skipped
 * (catches frames the decoder dropped, which the presented-frame count does not). Under 2, so one
 * missing frame at a steady rate shows; over 1.5, so a phone clip's slightly uneven frame times
 * do not.
 */
export const SKIP_GAP_FACTOR = 1.9;

/** Frame period assumed before one is seen: 30 fps, the commonest rate. */
export const DEFAULT_FRAME_PERIOD_MS = 1000 / 30;

/** Seeks one recovery may take before it gives up what it has not found. */
export const MAX_RECOVERY_SEEKS = 32;

/** Seeking lands this far before a slot's end, so float rounding cannot land in the next slot. */
const BEFORE_SLOT_END_MS = 1;

export interface FrameShown {
  readonly mediaMs: number;
  /** The video's count of frames handed to the compositor (`presentedFrames`). */
  readonly presentedFrames: number;
  /** The video's count of frames it decoded but never showed. */
  readonly droppedFrames: number;
}

/** Whether frames went by unseen between two frames shown in a row while playing. */
export function framesSkippedBetween(
  previous: FrameShown,
  current: FrameShown,
  framePeriodMs: number | null,
): boolean {
  if (current.presentedFrames > previous.presentedFrames + 1) return true;
  if (current.droppedFrames > previous.droppedFrames) return true;
  return (
    framePeriodMs !== null && current.mediaMs - previous.mediaMs > SKIP_GAP_FACTOR * framePeriodMs
  );
}

/** The clip's frame period: the smallest gap seen between frames shown in a row, unskipped. */
export function updatedFramePeriodMs(periodMs: number | null, gapMs: number): number | null {
  return gapMs > SLOT_TOLERANCE_MS ? Math.min(periodMs ?? Infinity, gapMs) : periodMs;
}

/**
 * Whether a skip before the frame at `shownMs` may have cost a frame that was due: at 10 a
 * second only if that frame lies past the due slot (a skip inside a slot is harmless: this frame
 * of it is taken); every frame, always.
 */
export function mayHaveLostDueFrame(rate: SamplingRate, dueMs: number, shownMs: number): boolean {
  const interval = samplingIntervalMs(rate);
  return interval === null || shownMs >= dueMs + interval - SLOT_TOLERANCE_MS;
}

/**
 * Whether the end of the video may hide skipped frames: no later frame gives them away, but the
 * video ended more than a frame after the last frame seen, and a due frame may lie in between.
 */
export function mayHaveLostFramesAtEnd(
  rate: SamplingRate,
  dueMs: number,
  lastSeenMs: number,
  durationMs: number,
  framePeriodMs: number | null,
): boolean {
  const period = framePeriodMs ?? DEFAULT_FRAME_PERIOD_MS;
  const lastFrameMs = durationMs - period;
  if (lastFrameMs < lastSeenMs + period / 2) return false;
  return samplingIntervalMs(rate) === null || lastFrameMs >= dueMs - SLOT_TOLERANCE_MS;
}

export interface RecoveryState {
  readonly rate: SamplingRate;
  /** The frame whose arrival showed the miss (or the video's end, for frames skipped there). */
  readonly triggerMs: number;
  readonly framePeriodMs: number | null;
  readonly dueMs: number;
  /** The newest frame seen (shown or recovered). */
  readonly lastSeenMs: number;
  /** Every frame: frame periods to step past the last frame seen. */
  readonly stepFrames: number;
  readonly seeks: number;
}

export function startRecovery(
  rate: SamplingRate,
  triggerMs: number,
  dueMs: number,
  lastSeenMs: number,
  framePeriodMs: number | null,
): RecoveryState {
  return { rate, triggerMs, framePeriodMs, dueMs, lastSeenMs, stepFrames: 1, seeks: 0 };
}

export type RecoveryStep =
  | { readonly kind: 'seek'; readonly targetMs: number }
  /** Nothing before the trigger can be missing any more: play on. */
  | { readonly kind: 'done' }
  /** Too many seeks: play on, and count what was not found as lost. */
  | { readonly kind: 'give-up' };

function slotEndMs(dueMs: number, interval: number): number {
  return (Math.floor((dueMs + SLOT_TOLERANCE_MS) / interval) + 1) * interval;
}

export function nextRecoveryStep(state: RecoveryState): RecoveryStep {
  const interval = samplingIntervalMs(state.rate);
  const limitMs = state.triggerMs - SLOT_TOLERANCE_MS;
  let targetMs: number;
  if (interval === null) {
    const period = state.framePeriodMs ?? DEFAULT_FRAME_PERIOD_MS;
    targetMs = state.lastSeenMs + period * state.stepFrames + SLOT_TOLERANCE_MS;
    if (targetMs >= limitMs) return { kind: 'done' };
  } else {
    targetMs = slotEndMs(state.dueMs, interval) - BEFORE_SLOT_END_MS;
    // The due slot is the trigger's own (or later): its frame is the trigger, taken on play.
    if (targetMs >= limitMs) return { kind: 'done' };
  }
  if (state.seeks >= MAX_RECOVERY_SEEKS) return { kind: 'give-up' };
  return { kind: 'seek', targetMs };
}

export interface SeekOutcome {
  readonly state: RecoveryState;
  /** The frame on show is due: take it. */
  readonly take: boolean;
}

/**
 * After a seek: the frame now on show (`shownMs`), or `null` when the picture did not change (the
 * seek landed on the frame already on show).
 */
export function afterRecoverySeek(state: RecoveryState, shownMs: number | null): SeekOutcome {
  const seeks = state.seeks + 1;
  const interval = samplingIntervalMs(state.rate);
  const beforeTrigger = shownMs !== null && shownMs < state.triggerMs - SLOT_TOLERANCE_MS;
  if (interval === null) {
    if (beforeTrigger && shownMs > state.lastSeenMs + SLOT_TOLERANCE_MS) {
      return {
        state: {
          ...state,
          seeks,
          lastSeenMs: shownMs,
          stepFrames: 1,
          dueMs: nextDueMs(state.rate, shownMs),
        },
        take: isFrameDue(shownMs, state.dueMs),
      };
    }
    // The same picture: the next frame is further away than one period.
    return { state: { ...state, seeks, stepFrames: state.stepFrames + 1 }, take: false };
  }
  if (beforeTrigger && isFrameDue(shownMs, state.dueMs)) {
    return {
      state: { ...state, seeks, lastSeenMs: shownMs, dueMs: nextDueMs(state.rate, shownMs) },
      take: true,
    };
  }
  // The last frame before the slot's end lies before the slot: the slot has no frame.
  return { state: { ...state, seeks, dueMs: slotEndMs(state.dueMs, interval) }, take: false };
}
