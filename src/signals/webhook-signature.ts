import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed webhooks: the sender computes HMAC-SHA256 with the source's secret over `${timestamp}.${rawBody}` and
 * sends `X-Ungpho-Timestamp: <unix seconds>` and `X-Ungpho-Signature: sha256=<hex>`. The timestamp binds the
 * signature to a moment (old requests are refused), and each signature is accepted once (replays are refused).
 */
export const SIGNATURE_HEADER = 'x-ungpho-signature';
export const TIMESTAMP_HEADER = 'x-ungpho-timestamp';
/** A request signed longer ago than this is refused. */
export const SIGNATURE_MAX_AGE_SECONDS = 300;
/** How far ahead of our clock a sender's clock may be. */
export const SIGNATURE_FUTURE_SKEW_SECONDS = 30;

export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function signPayload(secret: string, timestamp: number | string, rawBody: Buffer | string): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(rawBody);
  return mac.digest('hex');
}

export type SignatureCheck =
  | { ok: true; signature: string; timestamp: number }
  | { ok: false; problem: 'missing' | 'malformed' | 'expired' | 'future' | 'mismatch' };

/**
 * Checks the headers against each candidate secret (the current one, and the previous one during a rotation's
 * grace period). Constant-time comparison; the returned signature (lower-case hex) is the replay key.
 */
export function verifySignature(
  headers: { signature?: string | string[]; timestamp?: string | string[] },
  rawBody: Buffer,
  secrets: string[],
  nowSeconds: number,
): SignatureCheck {
  const sigHeader = single(headers.signature);
  const tsHeader = single(headers.timestamp);
  if (!sigHeader || !tsHeader) return { ok: false, problem: 'missing' };
  const sig = /^sha256=([0-9a-fA-F]{64})$/.exec(sigHeader.trim());
  if (!sig || !/^\d{1,12}$/.test(tsHeader.trim())) return { ok: false, problem: 'malformed' };
  const timestamp = Number(tsHeader.trim());
  if (timestamp < nowSeconds - SIGNATURE_MAX_AGE_SECONDS) return { ok: false, problem: 'expired' };
  if (timestamp > nowSeconds + SIGNATURE_FUTURE_SKEW_SECONDS) return { ok: false, problem: 'future' };
  const given = Buffer.from(sig[1].toLowerCase(), 'hex');
  for (const secret of secrets) {
    const expected = Buffer.from(signPayload(secret, tsHeader.trim(), rawBody), 'hex');
    if (timingSafeEqual(expected, given)) return { ok: true, signature: sig[1].toLowerCase(), timestamp };
  }
  return { ok: false, problem: 'mismatch' };
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
