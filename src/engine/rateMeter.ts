/** Events per second over a sliding window, from the times events happened. */
export class RateMeter {
  private readonly times: number[] = [];

  constructor(private readonly windowMs = 2000) {}

  record(nowMs: number): void {
    this.times.push(nowMs);
    this.trim(nowMs);
  }

  perSecond(nowMs: number): number {
    this.trim(nowMs);
    const first = this.times[0];
    if (first === undefined || this.times.length < 2) return 0;
    const spanMs = nowMs - first;
    return spanMs > 0 ? ((this.times.length - 1) * 1000) / spanMs : 0;
  }

  reset(): void {
    this.times.length = 0;
  }

  private trim(nowMs: number): void {
    while (this.times.length > 0 && (this.times[0] ?? 0) < nowMs - this.windowMs)
      this.times.shift();
  }
}
