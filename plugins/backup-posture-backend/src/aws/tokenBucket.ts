/**
 * A token bucket: `ratePerSecond` requests a second sustained, up to `burst` at once after a
 * pause — the shape of the quotas AWS documents per account × region. Kept as its theoretical
 * arrival time (GCRA): each request is given the earliest start the bucket allows, in order.
 */
export class TokenBucket {
  private readonly interval: number;
  private readonly tolerance: number;
  /** When the bucket would be empty again if requests kept coming at the sustained rate. */
  private tat = 0;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number = Math.max(1, Math.floor(ratePerSecond)),
    private readonly clock: () => number = Date.now,
  ) {
    this.interval = 1000 / ratePerSecond;
    this.tolerance = (burst - 1) * this.interval;
  }

  /** Books the next request: how long it must wait (ms) before it may start. */
  reserve(): number {
    const now = this.clock();
    const tat = Math.max(this.tat, now);
    const start = Math.max(now, tat - this.tolerance);
    this.tat = tat + this.interval;
    return start - now;
  }

  /** Resolves when the next request may start. */
  async take(): Promise<void> {
    const wait = this.reserve();
    if (wait > 0) await new Promise(r => setTimeout(r, wait));
  }
}
