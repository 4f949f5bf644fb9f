import type { NextFunction, Request, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { ErrorCode } from './app-error.js';

const rejected = (req: Request, res: Response, _next: NextFunction, options: { statusCode: number }) => {
  res.status(options.statusCode).json({
    statusCode: options.statusCode,
    code: ErrorCode.RATE_LIMITED,
    message: 'Quá nhiều yêu cầu, vui lòng thử lại sau ít phút',
    correlationId: String(req.id ?? ''),
  });
};

/** A per-IP budget for the whole API. */
export function apiRateLimit(perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: rejected,
  });
}

/**
 * A strict budget for the routes that guess at credentials, keyed by IP and e-mail so one attacker cannot
 * lock everybody out and one account cannot be sprayed from many requests.
 */
export function loginRateLimit(perMinute: number) {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: rejected,
    keyGenerator: (req) => {
      const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
      return `${ipKeyGenerator(req.ip ?? '')}|${email}`;
    },
  });
}

/**
 * Token buckets kept in memory per key (a user, a socket): `perMinute` tokens refill evenly over a minute, at
 * most `perMinute` saved up. For socket commands, which express-rate-limit does not see.
 */
export class KeyedTokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly perMinute: number) {}

  /** Takes one token for the key; false when none is left. */
  take(key: string, now = Date.now()): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.perMinute, at: now };
    b.tokens = Math.min(this.perMinute, b.tokens + ((now - b.at) / 60_000) * this.perMinute);
    b.at = now;
    if (b.tokens < 1) {
      this.buckets.set(key, b);
      return false;
    }
    b.tokens -= 1;
    if (b.tokens >= this.perMinute - 1 && this.buckets.size > 10_000) this.prune(now);
    this.buckets.set(key, b);
    return true;
  }

  /** Drops the buckets that are full again (nothing to remember). */
  private prune(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 60_000) * this.perMinute >= this.perMinute) this.buckets.delete(key);
    }
  }
}
