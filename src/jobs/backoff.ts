/** Longest wait between two attempts, whatever the base. */
export const MAX_BACKOFF_MS = 3_600_000;

/**
 * Delay before the attempt that follows failed attempt number `attempt` (1-based): base, 2×base, 4×base, …
 * capped at one hour, plus up to 20 % random jitter so that rows failing together (a gateway down) do not all
 * come back at the same instant. Never less than the exponential value: tests may rely on the lower bound.
 */
export function backoffMs(baseMs: number, attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(0, attempt - 1), MAX_BACKOFF_MS);
  return Math.round(exponential * (1 + 0.2 * random()));
}
