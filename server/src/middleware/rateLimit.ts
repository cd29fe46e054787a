import type { MiddlewareHandler } from 'hono';
import { ProblemError } from '../http/ProblemError.ts';
import { clientAddress } from './clientAddress.ts';

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** Requests allowed per window and client. */
  limit: number;
  /** Default one minute. */
  windowMs?: number;
  now: () => number;
  /** What a bucket is per (default: the client's address); e.g. the signed-in user for event limits. */
  key?: (c: Parameters<MiddlewareHandler>[0]) => string;
  /** Reverse proxies in front of the server whose `X-Forwarded-For` is believed (default 0). */
  trustedHops?: number;
}

/**
 * A fixed-window limiter per client address, in memory (one server process). Over the limit the
 * request is refused with 429 and `Retry-After` in seconds until the window resets.
 */
export function rateLimit(options: RateLimitOptions): MiddlewareHandler {
  const windowMs = options.windowMs ?? 60_000;
  const windows = new Map<string, { start: number; count: number }>();
  return async (c, next) => {
    const now = options.now();
    const key = options.key ? options.key(c) : clientAddress(c, options.trustedHops ?? 0);
    let window = windows.get(key);
    if (window === undefined || now - window.start >= windowMs) {
      if (windows.size > 10_000) windows.clear(); // bounded memory under address spraying
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > options.limit) {
      const retryAfter = Math.max(1, Math.ceil((window.start + windowMs - now) / 1000));
      throw new ProblemError('RATE_LIMITED', `Try again in ${retryAfter} s`, {
        headers: { 'retry-after': String(retryAfter) },
      });
    }
    return next();
  };
}
