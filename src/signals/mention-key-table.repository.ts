import type { EntityManager } from 'typeorm';
import { copyLine } from './copy-text.js';
import { externalKey, utcDay } from './mention-keys.js';
import type { PreparedMention } from './signals.repository.js';

/**
 * The key table `mention_keys` (migration MentionKeys): the deduplication keys of the mentions stored in the last
 * `dedupDays` days, whatever their month, so that a re-delivery whose publication moved to another month (or
 * that comes after its month partition is gone) is still a duplicate within that horizon. One row per key: the
 * (source, external id) key (externalKey) and the url key, with the day it was seen and the mention's month.
 */
export interface MentionKeys {
  external: string | null;
  url: string | null;
}

export function keysOf(m: PreparedMention, sourceId: string): MentionKeys {
  return { external: externalKey(sourceId, m.input.externalId), url: m.urlKey };
}

/** The first day (`YYYY-MM-DD`, UTC) whose keys still count on `now`: `dedupDays` days back, today included. */
export function dedupFrom(now: Date, dedupDays: number): string {
  return utcDay(now, 1 - dedupDays);
}

/**
 * Writes the keys of the stored mentions, seen today. Straight (`staged` false): by COPY, a key a concurrent batch
 * wrote the same day makes it fail (unique_violation) and the caller retries the batch, as for the mentions.
 * Staged: `INSERT … ON CONFLICT DO NOTHING`, and the mentions one of whose keys was already there (stored
 * meanwhile by a concurrent batch) are returned, to be left out.
 */
export async function writeKeys(
  manager: EntityManager,
  mentions: readonly { m: PreparedMention; keys: MentionKeys; month: string }[],
  now: Date,
  staged: boolean,
  copyIn: (manager: EntityManager, sql: string, payload: string) => Promise<void>,
): Promise<Set<PreparedMention>> {
  const day = utcDay(now);
  const keys: string[] = [];
  const months: string[] = [];
  for (const { keys: k, month } of mentions) {
    for (const key of [k.external, k.url]) {
      if (key === null) continue;
      keys.push(key);
      months.push(month);
    }
  }
  if (!keys.length) return new Set();
  if (!staged) {
    let payload = '';
    for (let i = 0; i < keys.length; i++) payload += copyLine([keys[i], day, months[i]]);
    await copyIn(manager, 'COPY mention_keys (key, seen_on, month) FROM STDIN', payload);
    return new Set();
  }
  const rows: { key: string }[] = await manager.query(
    `INSERT INTO mention_keys (key, seen_on, month)
     SELECT k, $2::date, m FROM unnest($1::uuid[], $3::date[]) AS t(k, m)
     ON CONFLICT DO NOTHING RETURNING key`,
    [keys, day, months],
  );
  const written = new Set(rows.map((r) => r.key));
  const taken = new Set<PreparedMention>();
  for (const { m, keys: k } of mentions) {
    if ((k.external !== null && !written.has(k.external)) || (k.url !== null && !written.has(k.url)))
      taken.add(m);
  }
  return taken;
}
