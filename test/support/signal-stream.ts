import { randomBytes } from 'node:crypto';
import type { TestApp, TestUser } from './test-app.js';

/**
 * Synthetic Facebook-group mentions for detection tests: `item(term, at)` is one mention of `term` published at
 * `at` (about 15 % negative, 15 % positive), with a unique external id starting with `prefix` and one of
 * `groups` resident groups as outlet; `over` replaces any field.
 */
export function mentionStream(prefix: string, groups: number) {
  let seq = 0;
  const uid = () => `${++seq}-${randomBytes(3).toString('hex')}`;
  const item = (term: string, at: number, over: Record<string, unknown> = {}) => {
    const id = uid();
    return {
      externalId: `${prefix}-${id}`,
      sourceType: 'social',
      platform: 'facebook',
      outlet: `Nhóm cư dân ${seq % groups}`,
      url: `https://facebook.com/groups/anhoa/posts/${id}`,
      text: `Bà con bàn chuyện ${term} ở An Hòa (${id})`,
      publishedAt: new Date(at).toISOString(),
      reach: 300 + (seq % 40) * 10,
      sentiment: seq % 20 < 3 ? 'negative' : seq % 20 < 6 ? 'positive' : 'neutral',
      ...over,
    };
  };
  return { uid, item };
}

/** Posts `items` to POST /api/signals for `sourceId` in batches of 2,000, each answered 200; returns the bodies. */
export async function postSignals(
  t: TestApp,
  as: TestUser,
  sourceId: string,
  items: unknown[],
): Promise<{ rejected: unknown[] }[]> {
  const bodies: { rejected: unknown[] }[] = [];
  for (let i = 0; i < items.length; i += 2000) {
    const res = await t
      .http()
      .post('/api/signals')
      .set(as.auth)
      .send({ sourceId, items: items.slice(i, i + 2000) });
    expect(res.status).toBe(200);
    bodies.push(res.body as { rejected: unknown[] });
  }
  return bodies;
}
