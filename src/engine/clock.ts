/**
 * Time for the engine, injected (XState's `Clock`): everything that reads the time or sets a
 * timer takes these, so Node tests drive it with a simulated clock (tests/fakes/simulatedClock.ts)
 * and move time on instead of waiting. One shape everywhere: the session runner, the clip
 * recorder's controller, the camera check and the recordings (whose `RecordingClock` is the
 * same shape).
 */
export interface Clock {
  /** The engine clock (`performance.now()` in the page): every coaching time is on it. */
  readonly nowMs: () => number;
  /** Wall clock (`Date.now()`), for dates. */
  readonly epochMs: () => number;
}

/** Stops a timer; calling it again does nothing. */
export type CancelTimer = () => void;

export interface Scheduler {
  /** Runs `run` every `intervalMs` until cancelled. */
  every(intervalMs: number, run: () => void): CancelTimer;
}

export const browserClock: Clock = {
  nowMs: () => performance.now(),
  epochMs: () => Date.now(),
};

export const browserScheduler: Scheduler = {
  every(intervalMs, run) {
    const timer = setInterval(run, intervalMs);
    return () => clearInterval(timer);
  },
};

/** Timers started through one scheduler, cancelled together (every way out of a session). */
export class TimerGroup {
  private readonly cancels = new Set<CancelTimer>();

  constructor(private readonly scheduler: Scheduler) {}

  every(intervalMs: number, run: () => void): void {
    this.cancels.add(this.scheduler.every(intervalMs, run));
  }

  cancelAll(): void {
    for (const cancel of this.cancels) cancel();
    this.cancels.clear();
  }
}
