import { describe, expect, it } from '@jest/globals';
import { TokenBucket } from './tokenBucket';

describe('TokenBucket', () => {
  it('lets a burst through at once, then one request per interval, in order', () => {
    let now = 1_000;
    const bucket = new TokenBucket(10, 3, () => now);
    expect([1, 2, 3, 4, 5].map(() => bucket.reserve())).toEqual([
      0, 0, 0, 100, 200,
    ]);
    // The last request started at 1,200: by 1,400 two tokens are saved up again, not three.
    now += 400;
    expect([1, 2, 3].map(() => bucket.reserve())).toEqual([0, 0, 100]);
  });

  it('never saves more than the burst, however long it was idle', () => {
    let now = 0;
    const bucket = new TokenBucket(5, 2, () => now);
    now = 60_000;
    expect([1, 2, 3, 4].map(() => bucket.reserve())).toEqual([0, 0, 200, 400]);
  });

  it('defaults the burst to one second of the rate, at least one request', () => {
    const now = 0;
    expect(new TokenBucket(20, undefined, () => now).burst).toBe(20);
    expect(new TokenBucket(2.5, undefined, () => now).burst).toBe(2);
    expect(new TokenBucket(0.5, undefined, () => now).burst).toBe(1);
  });
});
