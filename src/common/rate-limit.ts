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
