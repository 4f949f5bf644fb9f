import { createHash } from 'node:crypto';
import { parseFeed } from '@rowanmanning/feed-parser';
import { compile } from 'html-to-text';
import { FeedOutletType } from './entities/feed.entity.js';

/** A feed's content that is not a feed at all (the whole poll fails; single bad items are rejects instead). */
export class FeedContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedContentError';
  }
}

/** One entry of a feed, before it becomes a mention. */
export interface FeedEntry {
  id: string | null;
  title: string | null;
  /** Summary, else content; HTML. */
  html: string | null;
  link: string | null;
  published: Date | null;
}

/** The mention item's field limits (mention-item.validator.ts): longer text is cut, not refused. */
const MAX_TITLE = 1000;
const MAX_TEXT = 50_000;
const MAX_EXTERNAL_ID = 200;
/** Publication times further ahead than this are a feed's time-zone mistake: the collection time is used. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const OUTLET_SOURCE_TYPE: Record<FeedOutletType, 'online_news' | 'print' | 'radio_tv'> = {
  [FeedOutletType.OnlineNews]: 'online_news',
  [FeedOutletType.Print]: 'print',
  [FeedOutletType.RadioTv]: 'radio_tv',
  [FeedOutletType.Magazine]: 'print',
  [FeedOutletType.Portal]: 'online_news',
};

const htmlToText = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'script', format: 'skip' },
    { selector: 'style', format: 'skip' },
  ],
});

/** The feed's text, decoded by the charset of Content-Type, else of the XML declaration, else UTF-8. */
export function decodeFeed(body: Buffer, contentType: string | null): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  const head = body.subarray(0, 200).toString('latin1');
  const fromProlog = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  for (const label of [fromHeader, fromProlog, 'utf-8']) {
    if (!label) continue;
    try {
      return new TextDecoder(label).decode(body);
    } catch {
      // Unknown label: try the next one.
    }
  }
  return body.toString('utf8');
}

/** RSS 2.0 / Atom (through @rowanmanning/feed-parser) or JSON Feed 1.x entries, in feed order. */
export function parseEntries(text: string, contentType: string | null): FeedEntry[] {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (/json/i.test(contentType ?? '') || trimmed.startsWith('{')) return parseJsonFeed(trimmed);
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(trimmed);
  } catch {
    throw new FeedContentError('Nội dung không phải RSS, Atom hay JSON Feed hợp lệ');
  }
  return feed.items.map((item) => ({
    id: item.id,
    title: item.title,
    html: item.description ?? item.content,
    link: item.url,
    published: item.published ?? item.updated,
  }));
}

function parseJsonFeed(text: string): FeedEntry[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new FeedContentError('Nội dung JSON bị hỏng, không đọc được');
  }
  const feed = doc as { version?: unknown; items?: unknown };
  if (
    typeof feed !== 'object' ||
    feed === null ||
    typeof feed.version !== 'string' ||
    !feed.version.startsWith('https://jsonfeed.org/version/') ||
    !Array.isArray(feed.items)
  ) {
    throw new FeedContentError('Nội dung JSON không phải JSON Feed (thiếu version hoặc items)');
  }
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : null);
  return feed.items.map((raw): FeedEntry => {
    const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const date = str(item.date_published) ?? str(item.date_modified);
    const html =
      str(item.summary) ??
      str(item.content_html) ??
      (str(item.content_text) ? escapeHtml(item.content_text as string) : null);
    return {
      id: str(item.id) ?? (typeof item.id === 'number' ? String(item.id) : null),
      title: str(item.title),
      html,
      link: str(item.url) ?? str(item.external_url),
      published: date ? new Date(date) : null,
    };
  });
}

export interface FeedOutlet {
  feedUrl: string;
  outletName: string;
  outletType: FeedOutletType;
}

/**
 * A feed entry as an item of POST /api/signals: title and summary stripped of HTML, the link made absolute,
 * the outlet as outlet, Vietnamese. The guid (else the link) is the external id, so an article is stored once
 * across polls and across the category feeds of one outlet; a short guid that is not a URL is prefixed with the
 * feed's host so that two outlets' "12345" do not collide.
 */
export function toMentionItem(entry: FeedEntry, outlet: FeedOutlet, now: number): Record<string, unknown> {
  const link = absolute(entry.link, outlet.feedUrl);
  const title = entry.title ? clip(plain(entry.title), MAX_TITLE) : null;
  const text = entry.html ? clip(plain(entry.html), MAX_TEXT) : null;
  const published =
    entry.published &&
    !Number.isNaN(entry.published.getTime()) &&
    entry.published.getTime() <= now + FUTURE_TOLERANCE_MS
      ? entry.published.toISOString()
      : null;
  return {
    externalId: externalId(entry.id, link, outlet.feedUrl),
    sourceType: OUTLET_SOURCE_TYPE[outlet.outletType],
    platform: 'web',
    outlet: outlet.outletName,
    url: link,
    title: title || null,
    text: text || null,
    publishedAt: published,
    language: 'vi',
  };
}

function plain(htmlOrText: string): string {
  const text = /[<&]/.test(htmlOrText) ? htmlToText(htmlOrText) : htmlOrText;
  return text.replace(/\s+/g, ' ').trim();
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

function absolute(link: string | null, base: string): string | null {
  if (!link) return null;
  try {
    return new URL(link.trim(), base).toString();
  } catch {
    return link.trim();
  }
}

function externalId(id: string | null, link: string | null, feedUrl: string): string | null {
  const raw = id?.trim() || link;
  if (!raw) return null;
  const value = raw.includes('://') ? raw : `${new URL(feedUrl).host}:${raw}`;
  return value.length <= MAX_EXTERNAL_ID
    ? value
    : `sha256:${createHash('sha256').update(value).digest('hex')}`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
