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
