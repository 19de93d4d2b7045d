import { lumaGrid } from '../../../src/camera/motion';
import {
  INITIAL_ADAPTIVE_RATE,
  offerPicture,
  poseSeen,
  type AdaptiveRateOptions,
  type AdaptiveRateState,
} from '../../../src/engine/adaptiveRate';
import type { Pose } from '../../../src/geometry/types';
import type { PixelPlanes } from '../../../src/pose/pixels/pixelPlanes';
import type { PoseEstimator } from '../../../src/pose/types';
import { type BenchCoach, TICK_MS } from './coach';

/**
 * A live session on a virtual clock: camera pictures arrive at their own times, the model takes
 * `modelMs` per picture (the same for every run, so runs compare whatever the machine's load),
 * and takes the newest picture whenever it is free, as src/engine/livePoseLoop.ts does; with
 * `adaptive`, only the pictures the adaptive rate asks for. Poses reach the coach when the model
 * would have finished them; the runner's ticks run in between.
 */
export class VirtualLiveLoop {
  private busyUntilMs = -Infinity;
  private adaptiveState: AdaptiveRateState = INITIAL_ADAPTIVE_RATE;
  private readonly arriving: { atMs: number; takenAtMs: number; pose: Pose | null }[] = [];
  private nextTickMs = TICK_MS;
  /** When each analysed picture was taken. */
  readonly analysedAtMs: number[] = [];

  constructor(
    private readonly estimator: PoseEstimator,
    readonly coach: BenchCoach,
    private readonly modelMs: number,
    private readonly adaptive: AdaptiveRateOptions | null,
  ) {}

  /** The camera shows `picture` at `nowMs` (in increasing order). */
  async picture(picture: PixelPlanes, nowMs: number): Promise<void> {
    this.runUntil(nowMs);
    if (this.busyUntilMs > nowMs) return;
    if (this.adaptive !== null) {
      const [luma] = picture.planes;
      const grid = lumaGrid({
        data: picture.data,
        offset: luma?.offset ?? 0,
        stride: luma?.stride ?? picture.widthPx,
        step: 1,
        widthPx: picture.widthPx,
        heightPx: picture.heightPx,
      });
      const [state, decision] = offerPicture(this.adaptiveState, grid, nowMs, this.adaptive);
      this.adaptiveState = state;
      if (!decision.analyse) return;
    }
    const pose = await this.estimator.estimate(picture, nowMs);
    this.busyUntilMs = nowMs + this.modelMs;
    this.analysedAtMs.push(nowMs);
    this.arriving.push({ atMs: this.busyUntilMs, takenAtMs: nowMs, pose });
  }

  /** Hands the coach every pose and tick due by `nowMs`, in time order. */
  runUntil(nowMs: number): void {
    for (;;) {
      const next = this.arriving[0];
      if (next !== undefined && next.atMs <= nowMs && next.atMs <= this.nextTickMs) {
        this.arriving.shift();
        if (this.adaptive !== null) {
          this.adaptiveState = poseSeen(
            this.adaptiveState,
            next.pose,
            next.takenAtMs,
            this.adaptive,
          );
        }
        this.coach.frame(next.pose, next.atMs);
      } else if (this.nextTickMs <= nowMs) {
        this.coach.tick(this.nextTickMs);
        this.nextTickMs += TICK_MS;
      } else {
        return;
      }
    }
  }

  dispose(): void {
    this.estimator.dispose();
  }
}
