import { hash, randomUUID } from 'node:crypto';

/**
 * Content hash of a mention: SHA-256 (hex) of its title and text lower-cased, after cleanText (NFC, whitespace
 * collapsed). Two deliveries of one post that differ only in case, spacing or Unicode composition hash alike.
 */
export function contentHash(title: string | null, text: string | null): string {
  // One-shot crypto.hash: for inputs this small, a Hash object per call cost more than the hashing itself.
  return hash('sha256', `${title ?? ''}\n${text ?? ''}`.toLowerCase(), 'hex');
}

/**
 * The (url, content hash) deduplication key: the first 128 bits of SHA-256(url + "\n" + content hash), as a
 * UUID-shaped value. Same url and content ⇔ same key (a collision would take 2^64 mentions); the unique index on
 * 16 bytes is a fraction of one on the url itself, which matters at millions of rows. Null without a url.
 */
export function urlKey(url: string | null, content: string): string | null {
  if (url === null) return null;
  const h = hash('sha256', `${url}\n${content}`, 'hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * A time-ordered UUID (version 7: 48-bit Unix milliseconds, then random bits). New mentions land at the right
 * edge of the primary-key index instead of anywhere in it, which keeps index pages hot and WAL small.
 */
export function mentionId(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0');
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx, V the RFC 4122 variant
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}

/**
 * The (source, external id) deduplication key as stored in the key table `mention_keys`: the first 128 bits of
 * SHA-256(source id + "\n" + external id), UUID-shaped like urlKey (the two never meet: different inputs to
 * SHA-256). Null without an external id. The migration MentionKeys computes the same in SQL.
 */
export function externalKey(sourceId: string, externalId: string | null): string | null {
  if (externalId === null) return null;
  const h = hash('sha256', `${sourceId}\n${externalId}`, 'hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` (UTC) of the day `offsetDays` from the one holding `at`. */
export function utcDay(at: Date, offsetDays = 0): string {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS + offsetDays * DAY_MS)
    .toISOString()
    .slice(0, 10);
}

/** The Monday (`YYYY-MM-DD`, UTC) of the week holding `at`, `offsetWeeks` weeks on: a key table partition's start. */
export function keyWeek(at: Date, offsetWeeks = 0): string {
  const day = Math.floor(at.getTime() / DAY_MS);
  // 1970-01-01 was a Thursday: day 4 is the first Monday.
  const monday = day - ((((day - 4) % 7) + 7) % 7);
  return new Date((monday + offsetWeeks * 7) * DAY_MS).toISOString().slice(0, 10);
}
