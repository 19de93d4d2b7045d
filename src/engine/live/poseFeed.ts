import { INFERENCE_MAX_SIDE_PX } from '../../camera/scaledBitmap';
import { nextRotation, UPRIGHT_FRAMES } from '../../geometry';
import type { FrameSource } from '../../camera/types';
import type { PoseEstimator } from '../../pose/types';
import type { Clock, Scheduler } from '../clock';
import { TimerGroup } from '../clock';
import { ADAPTIVE_RATE } from '../adaptiveRate';
import { LivePoseLoop, type PoseLoopResult } from '../livePoseLoop';

/**
 * Poses from a picture source at the model's pace, and the model's tensor count every few
 * seconds: what both live screens (a session, the camera check) run. The loop itself is
 * injected, so Node tests feed poses by hand.
 */

export interface PoseLoopHandlers {
  readonly onResult: (result: PoseLoopResult) => void;
  readonly onError: (error: Error) => void;
}

export interface PoseLoop {
  start(): void;
  stop(): void;
}

export type StartPoseLoop = (
  source: FrameSource,
  estimator: PoseEstimator,
  handlers: PoseLoopHandlers,
) => PoseLoop;

/**
 * The page's loop: frames pulled as the source shows them, two in flight, 480 px long side, at
 * the adaptive rate (slower while the body holds still; engine/adaptiveRate.ts), turned so that a
 * lying body stands upright for the model (geometry/rotationChoice.ts).
 */
export function livePoseLoop(clock: Clock): StartPoseLoop {
  return (source, estimator, handlers) => {
    let rotation = UPRIGHT_FRAMES;
    return new LivePoseLoop(source, estimator, {
      maxSidePx: INFERENCE_MAX_SIDE_PX,
      maxInFlight: 2,
      adaptive: ADAPTIVE_RATE,
      now: clock.nowMs,
      rotation: () => rotation.rotationDeg,
      onError: handlers.onError,
      onResult: (result) => {
        rotation = nextRotation(rotation, result.pose);
        handlers.onResult(result);
      },
    });
  };
}

export interface PoseFeedHandlers extends PoseLoopHandlers {
  /** The model's tensor count (flat, or something leaks). */
  readonly onTensors: (numTensors: number) => void;
}

export class PoseFeed {
  private loop: PoseLoop | null = null;
  private readonly timers: TimerGroup;

  constructor(
    scheduler: Scheduler,
    private readonly startLoop: StartPoseLoop,
    /** How often to ask the model for its tensor count (cheap, but not per frame). */
    private readonly diagnosticsMs: number,
  ) {
    this.timers = new TimerGroup(scheduler);
  }

  get running(): boolean {
    return this.loop !== null;
  }

  /** Starts (or restarts) the feed from `source` through `estimator`. */
  run(source: FrameSource, estimator: PoseEstimator, handlers: PoseFeedHandlers): void {
    this.stop();
    this.loop = this.startLoop(source, estimator, handlers);
    this.loop.start();
    this.timers.every(this.diagnosticsMs, () => {
      estimator.diagnostics().then(
        ({ numTensors }) => handlers.onTensors(numTensors),
        // The worker stopped (it is being restarted, or it crashed): no reading this time.
        () => undefined,
      );
    });
  }

  stop(): void {
    this.loop?.stop();
    this.loop = null;
    this.timers.cancelAll();
  }
}
