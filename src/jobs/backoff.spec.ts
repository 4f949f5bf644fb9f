import { backoffMs, MAX_BACKOFF_MS } from './backoff.js';

describe(backoffMs.name, () => {
  it('doubles from the base at every failed attempt', () => {
    const none = () => 0;
    expect([1, 2, 3, 4].map((a) => backoffMs(100, a, none))).toEqual([100, 200, 400, 800]);
  });

  it('adds at most 20 % jitter, never less than the exponential value', () => {
    expect(backoffMs(1000, 2, () => 0.999)).toBeLessThanOrEqual(2400);
    expect(backoffMs(1000, 2, () => 0.5)).toBe(2200);
  });

  it('is capped at one hour (before jitter)', () => {
    expect(backoffMs(60_000, 30, () => 0)).toBe(MAX_BACKOFF_MS);
  });
});
