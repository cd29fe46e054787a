/** How often and how patiently the outbox retries an effect. */
export interface OutboxRetryPolicy {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** Upper bound of any delay. */
  maxMs: number;
  /** After this many failed attempts the effect is dead (an admin can retry it). */
  maxAttempts: number;
}

/** One second, doubling up to an hour, ten attempts (about four hours in all). */
export const DEFAULT_OUTBOX_RETRY: OutboxRetryPolicy = { baseMs: 1000, maxMs: 3_600_000, maxAttempts: 10 };

/**
 * Delay before the next attempt after `attempts` failed ones, or undefined when the effect should
 * go dead. Exponential with "equal jitter" (half fixed, half random) so a receiver that comes back
 * is not hit by every queued effect in the same millisecond, yet no retry comes immediately.
 */
export function outboxBackoffMs(
  attempts: number,
  policy: Partial<OutboxRetryPolicy> = {},
  random: () => number = Math.random,
): number | undefined {
  const { baseMs, maxMs, maxAttempts } = { ...DEFAULT_OUTBOX_RETRY, ...policy };
  if (attempts >= maxAttempts) return undefined;
  const capped = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(capped / 2 + random() * (capped / 2));
}
