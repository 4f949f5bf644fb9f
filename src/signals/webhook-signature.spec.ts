import { generateSecret, signPayload, verifySignature } from './webhook-signature.js';

describe('webhook signatures', () => {
  const secret = generateSecret();
  const body = Buffer.from('{"items":[{"sourceType":"social","text":"Tin giả"}]}');
  const now = 1_760_000_000;
  const headers = (ts: number, sig = signPayload(secret, ts, body)) => ({
    signature: `sha256=${sig}`,
    timestamp: String(ts),
  });

  it('accepts a fresh signature made with the secret', () => {
    expect(verifySignature(headers(now), body, [secret], now)).toEqual({
      ok: true,
      signature: signPayload(secret, now, body),
      timestamp: now,
    });
  });

  it('accepts the previous secret during a rotation', () => {
    const previous = generateSecret();
    expect(
      verifySignature(headers(now, signPayload(previous, now, body)), body, [secret, previous], now).ok,
    ).toBe(true);
  });

  it('refuses another secret, a changed body, a changed timestamp', () => {
    expect(
      verifySignature(headers(now, signPayload(generateSecret(), now, body)), body, [secret], now),
    ).toEqual({
      ok: false,
      problem: 'mismatch',
    });
    expect(verifySignature(headers(now), Buffer.from('{"items":[]}'), [secret], now)).toMatchObject({
      problem: 'mismatch',
    });
    const h = headers(now);
    expect(verifySignature({ ...h, timestamp: String(now - 1) }, body, [secret], now)).toMatchObject({
      problem: 'mismatch',
    });
  });

  it('refuses old and future timestamps', () => {
    expect(verifySignature(headers(now - 301), body, [secret], now)).toMatchObject({ problem: 'expired' });
    expect(verifySignature(headers(now - 299), body, [secret], now).ok).toBe(true);
    expect(verifySignature(headers(now + 31), body, [secret], now)).toMatchObject({ problem: 'future' });
  });

  it('refuses missing or malformed headers', () => {
    expect(verifySignature({}, body, [secret], now)).toMatchObject({ problem: 'missing' });
    expect(verifySignature({ signature: 'abc', timestamp: String(now) }, body, [secret], now)).toMatchObject({
      problem: 'malformed',
    });
    expect(
      verifySignature({ signature: `sha256=${'0'.repeat(64)}`, timestamp: 'yesterday' }, body, [secret], now),
    ).toMatchObject({ problem: 'malformed' });
  });
});
