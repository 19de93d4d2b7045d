import type { CancelTimer, Clock, Scheduler } from '../../src/engine/clock';

/**
 * The engine's clock and scheduler on simulated time: nothing happens until the test moves time
 * on (`advance`), and then every timer that came due runs, in time order, at its due time.
 * Promises settle between timers (`advance` is async), so awaited work scheduled by a timer runs
 * before the next one, as it would on a real page with idle time.
 */
export class SimulatedClock implements Clock, Scheduler {
  private now: number;
  private readonly timers = new Map<
    number,
    { dueMs: number; intervalMs: number; run: () => void }
  >();
  private nextId = 0;

  constructor(
    startMs = 10_000,
    private readonly epochAtStartMs = Date.UTC(2025, 5, 2, 7),
  ) {
    this.now = startMs;
    this.startMs = startMs;
  }

  private readonly startMs: number;

  readonly nowMs = (): number => this.now;
  readonly epochMs = (): number => this.epochAtStartMs + this.now - this.startMs;

  every(intervalMs: number, run: () => void): CancelTimer {
    const id = this.nextId++;
    this.timers.set(id, { dueMs: this.now + intervalMs, intervalMs, run });
    return () => this.timers.delete(id);
  }

  /** Timers still set: zero after a clean teardown. */
  get activeTimers(): number {
    return this.timers.size;
  }

  /** Moves time on by `ms`, running each timer as it comes due, and lets promises settle. */
  async advance(ms: number): Promise<void> {
    const endMs = this.now + ms;
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, t]) => t.dueMs <= endMs)
        .sort((a, b) => a[1].dueMs - b[1].dueMs)[0];
      if (due === undefined) break;
      const [id, timer] = due;
      this.now = Math.max(this.now, timer.dueMs);
      this.timers.set(id, { ...timer, dueMs: timer.dueMs + timer.intervalMs });
      timer.run();
      await settle(2);
    }
    this.now = endMs;
    await settle();
  }
}

/** Lets queued promise callbacks run (`rounds` turns of the event loop). */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
}
