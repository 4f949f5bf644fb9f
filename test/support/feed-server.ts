import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config/app-config.js';

const base = loadConfig({ NODE_ENV: 'test' }, []);
/** Loopback allowed (the test's feed server), other private ranges not; short timeouts and intervals. */
export const feedConfig = {
  feeds: {
    ...base.feeds,
    allowPrivateNetworks: ['127.0.0.0/8'],
    minIntervalSeconds: 1,
    timeoutMs: 1500,
    maxBytes: 256 * 1024,
  },
};

export type FeedRoute = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * A local HTTP server publishing test feeds: `route(path, handler)` sets what a path answers, `requests(path)`
 * lists the headers of every request it got. Sockets left hanging (a feed that times out) are destroyed on close.
 */
export async function startFeedServer() {
  const routes = new Map<string, FeedRoute>();
  const seen = new Map<string, IncomingHttpHeaders[]>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    seen.set(path, [...(seen.get(path) ?? []), req.headers]);
    const handler = routes.get(path);
    if (!handler) {
      res.writeHead(404).end();
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    url: (path: string) => `${base}${path}`,
    route(path: string, handler: FeedRoute) {
      routes.set(path, handler);
    },
    /** Serves `body` with a content type (and extra headers) at `path`. */
    serve(path: string, body: string, type: string, headers: Record<string, string> = {}) {
      routes.set(path, (_req, res) => {
        res.writeHead(200, { 'content-type': type, ...headers }).end(body);
      });
    },
    requests: (path: string) => seen.get(path) ?? [],
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FeedServer = Awaited<ReturnType<typeof startFeedServer>>;

export interface RssItem {
  guid?: string;
  title?: string;
  link?: string;
  description?: string;
  pubDate?: Date;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function rss(title: string, items: RssItem[]): string {
  const entries = items
    .map(
      (i) => `<item>
      ${i.guid !== undefined ? `<guid isPermaLink="false">${esc(i.guid)}</guid>` : ''}
      <title>${esc(i.title ?? '')}</title>
      ${i.link !== undefined ? `<link>${esc(i.link)}</link>` : ''}
      <description>${esc(i.description ?? '')}</description>
      ${i.pubDate ? `<pubDate>${i.pubDate.toUTCString()}</pubDate>` : ''}
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${esc(title)}</title><link>https://baoanhoa.example.vn/</link>
<description>Tin tức tỉnh An Hòa</description><language>vi</language>
${entries}
</channel></rss>`;
}

export function atom(
  title: string,
  entries: { id: string; title: string; link: string; summary: string; updated: Date }[],
) {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${esc(title)}</title><id>urn:uuid:anhoa-tv</id>
<updated>${new Date().toISOString()}</updated>
${entries
  .map(
    (
      e,
    ) => `<entry><id>${esc(e.id)}</id><title>${esc(e.title)}</title><link rel="alternate" href="${esc(e.link)}"/>
<summary type="html">${esc(e.summary)}</summary><updated>${e.updated.toISOString()}</updated></entry>`,
  )
  .join('\n')}
</feed>`;
}
