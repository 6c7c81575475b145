/**
 * The evaluation's clock. Every comparison of a fact's time with the evaluation time goes
 * through it, and it records the earliest future instant at which one of them would answer
 * otherwise: until then, evaluating the same inventory again gives the same verdicts, reasons and
 * evidence (`PostureEvaluation.validUntil`), so a stored evaluation can be reused.
 */

const DAY_MS = 86_400_000;

const instantOf = (instant: string | number | undefined): number =>
  typeof instant === 'number' ? instant : Date.parse(instant ?? '');

/**
 * The evaluation time, and until when what was compared with it holds.
 *
 * @public
 */
export class EvaluationClock {
  readonly nowMs: number;
  private horizonMs = Infinity;
  private unbounded = false;

  constructor(readonly now: Date) {
    this.nowMs = now.getTime();
  }

  /**
   * Records that an answer turns at `instantMs` (when it is after now). For an answer computed
   * without the clock's help; prefer the comparisons below, which record for themselves.
   */
  turnsAt(instantMs: number): void {
    if (instantMs > this.nowMs && instantMs < this.horizonMs)
      this.horizonMs = instantMs;
  }

  /**
   * Records that the evaluation time was read directly (a check doing its own arithmetic): the
   * result then holds only for that instant.
   */
  readDirectly(): void {
    this.unbounded = true;
  }

  /**
   * Whether `instant` has come (now ≥ it); undefined for a missing or unparseable one. A future
   * instant is recorded: the answer turns then.
   */
  hasPassed(instant: string | number | undefined): boolean | undefined {
    const t = instantOf(instant);
    if (Number.isNaN(t)) return undefined;
    this.turnsAt(t);
    return t <= this.nowMs;
  }

  /**
   * Whether more than `ms` has passed since `instant` (now − instant > ms); undefined for a
   * missing or unparseable one. With `record` false the answer is not recorded: the caller
   * records (`turnsAt`) only the instants that change what it reports.
   */
  isOlderThan(
    instant: string | number | undefined,
    ms: number,
    record = true,
  ): boolean | undefined {
    const t = instantOf(instant);
    if (Number.isNaN(t)) return undefined;
    if (record) this.turnsAt(t + ms + 1);
    return this.nowMs - t > ms;
  }

  /** Whole days since `instant` (rounded down); recorded: the number changes at the next day. */
  wholeDaysSince(instant: string | number | undefined): number | undefined {
    const t = instantOf(instant);
    if (Number.isNaN(t)) return undefined;
    const days = Math.floor((this.nowMs - t) / DAY_MS);
    this.turnsAt(t + (days + 1) * DAY_MS);
    return days;
  }

  /** Whole days until `instant` (rounded up); recorded: the number changes a day before. */
  wholeDaysUntil(instant: string | number | undefined): number | undefined {
    const t = instantOf(instant);
    if (Number.isNaN(t)) return undefined;
    const days = Math.ceil((t - this.nowMs) / DAY_MS);
    this.turnsAt(t - (days - 1) * DAY_MS);
    return days;
  }

  /**
   * The earliest instant (ISO) at which a recorded comparison answers otherwise; undefined when
   * none will. The evaluation time itself when the time was read directly.
   */
  validUntil(): string | undefined {
    if (this.unbounded) return this.now.toISOString();
    return Number.isFinite(this.horizonMs)
      ? new Date(this.horizonMs).toISOString()
      : undefined;
  }
}

/** An instant as the checks' reasons say it: `2026-11-29 12:00 UTC`. */
export function instantWords(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
