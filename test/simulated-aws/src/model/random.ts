/** A small seeded PRNG (mulberry32), so that one seed always yields the same estate. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  hex(length: number): string {
    let out = '';
    for (let i = 0; i < length; i++) out += this.int(16).toString(16);
    return out;
  }

  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${(8 + this.int(4)).toString(16)}${this.hex(3)}-${this.hex(12)}`;
  }
}

export function daysBefore(nowIso: string, days: number): string {
  return new Date(Date.parse(nowIso) - days * 86_400_000).toISOString();
}

export function daysAfter(nowIso: string, days: number): string {
  return daysBefore(nowIso, -days);
}
