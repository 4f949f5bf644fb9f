/**
 * npm run bench:feeds — can one node poll 100 news feeds of 50 items each within one polling interval?
 *
 * A local HTTP server publishes BENCH_FEEDS (default 100) RSS feeds of BENCH_ITEMS (default 50) Vietnamese
 * articles each (HTML summaries, a third of them on a watched topic). The built service runs on a fresh database
 * with loopback allowed for feeds (FEEDS_ALLOW_PRIVATE_NETWORKS=127.0.0.0/8); the feeds are added switched off,
 * then switched on together: each is due at once, as after a restart or at the same tick of their interval.
 *
 * Two cycles are timed, from the first switch-on (or from the moment every timer is made due again) until every
 * feed has recorded its poll:
 * - cold: every item is new (fetch, parse, strip HTML, validate, match, score, COPY, buckets, detection);
 * - warm: the same feeds again, without validators (no 304): every item is read and found already stored.
 * Ends with one JSON line {"bench":"feeds",…}: seconds, items/s, and whether each cycle fit in the interval
 * (BENCH_INTERVAL_SECONDS, default 300).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { api, sleep, startBenchApp } from './support/bench-app.js';
import { sql, startBenchDatabase } from './support/bench-database.js';

const FEEDS = Number(process.env.BENCH_FEEDS ?? 100);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 50);
const INTERVAL = Number(process.env.BENCH_INTERVAL_SECONDS ?? 300);
const log = (...args: unknown[]) => console.log(...args);

/** CPU seconds (user + system) a process has used, from /proc (clock ticks of 10 ms). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

const PLACES = ['Hòa Bình', 'Phú Lộc', 'Tân An', 'Bình Minh', 'Sông Hòa', 'Long Hải', 'Thạnh Mỹ'];
const STORIES = [
  (p: string) => [
    `Đường ở ${p} ngập sâu sau mưa lớn`,
    `<p>Nhiều xe <b>chết máy</b>, người dân bức xúc vì ngập úng kéo dài ở ${p}.</p>`,
  ],
  (p: string) => [
    `Khánh thành trường học mới tại ${p}`,
    `<p>Ngôi trường khang trang đón <i>hơn 600 học sinh</i> của ${p}.</p>`,
  ],
  (p: string) => [
    `Giá rau ở chợ ${p} tăng nhẹ`,
    `<p>Tiểu thương ${p} cho biết giá rau xanh tăng do thời tiết.</p><img src="rau.jpg">`,
  ],
];

function feedXml(feed: number): string {
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const place = PLACES[(feed + i) % PLACES.length];
    const [title, html] = STORIES[(feed + i) % STORIES.length](place);
    const link = `https://bao${feed}.example.vn/tin/${feed}-${i}.html`;
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    items.push(
      `<item><guid>${link}</guid><title>${esc(`${title} (${feed}-${i})`)}</title><link>${link}</link>` +
        `<description>${esc(html)}</description>` +
        `<pubDate>${new Date(Date.now() - (i + 1) * 60_000).toUTCString()}</pubDate></item>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo số ${feed}</title>` +
    `<link>https://bao${feed}.example.vn/</link><description>Tin tức</description>${items.join('')}</channel></rss>`
  );
}

async function main() {
  const bodies = Array.from({ length: FEEDS }, (_, f) => Buffer.from(feedXml(f)));
  let requests = 0;
  const server = createServer((req, res) => {
    const n = Number(/^\/feed\/(\d+)\.rss$/.exec(req.url ?? '')?.[1]);
    requests++;
    if (!Number.isInteger(n) || !bodies[n]) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(bodies[n]);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const feedBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const db = await startBenchDatabase('ungpho_bench_feeds', { log });
  const adminEmail = 'bench-admin@ungpho.local';
  const adminPassword = `Bench-${randomBytes(12).toString('base64url')}`;
  const app = await startBenchApp(db.url, {
    adminEmail,
    adminPassword,
    env: { FEEDS_ALLOW_PRIVATE_NETWORKS: '127.0.0.0/8' },
  });
  try {
    const { accessToken: token } = await api<{ accessToken: string }>(
      app.base,
      'POST',
      '/api/auth/login',
      null,
      {
        email: adminEmail,
        password: adminPassword,
      },
    );
    const [unit] = await sql<{ id: string }>(
      db.url,
      `INSERT INTO org_units (code, name, unit_type, valid_from) VALUES ('AH-XD', 'Sở Xây dựng', 'department', '2025-07-01') RETURNING id`,
    );
    const source = await api<{ source: { id: string } }>(app.base, 'POST', '/api/signal-sources', token, {
      name: 'Báo chí (bench)',
      kind: 'feed',
      orgUnitId: unit.id,
    });
    await api(app.base, 'POST', '/api/topics', token, {
      orgUnitId: unit.id,
      name: 'Ngập úng',
      category: 'accident_disaster',
      anyTerms: ['ngập úng', 'ngập sâu'],
    });
    const ids: string[] = [];
    for (let f = 0; f < FEEDS; f++) {
      const feed = await api<{ id: string }>(app.base, 'POST', '/api/feeds', token, {
        sourceId: source.source.id,
        url: `${feedBase}/feed/${f}.rss`,
        outletName: `Báo số ${f}`,
        outletType: 'online_news',
        intervalSeconds: INTERVAL,
        active: false,
      });
      ids.push(feed.id);
    }
    log(`${FEEDS} nguồn tin × ${ITEMS} bài, chu kỳ ${INTERVAL} giây`);

    const waitCycle = async (since: Date) => {
      const cpu0 = cpuSeconds(app.child.pid);
      for (;;) {
        const [row] = await sql<{ done: string; seen: string; fresh: string; failed: string }>(
          db.url,
          `SELECT count(*) FILTER (WHERE last_polled_at >= $1) AS done,
                  coalesce(sum(last_items_seen) FILTER (WHERE last_polled_at >= $1), 0) AS seen,
                  coalesce(sum(last_items_new) FILTER (WHERE last_polled_at >= $1), 0) AS fresh,
                  count(*) FILTER (WHERE last_polled_at >= $1 AND last_status = 'error') AS failed
           FROM feeds`,
          [since],
        );
        if (Number(row.done) >= FEEDS) {
          return {
            serviceCpuSeconds: Number((cpuSeconds(app.child.pid) - cpu0).toFixed(2)),
            seconds: (Date.now() - since.getTime()) / 1000,
            seen: Number(row.seen),
            fresh: Number(row.fresh),
            failed: Number(row.failed),
          };
        }
        await sleep(50);
      }
    };
    const report = (
      name: string,
      c: { seconds: number; seen: number; fresh: number; failed: number; serviceCpuSeconds: number },
    ) => {
      const perSecond = Math.round(c.seen / c.seconds);
      log(
        `${name}: ${c.seconds.toFixed(2)} s, ${c.seen} bài đọc, ${c.fresh} bài mới, ${c.failed} nguồn lỗi, ` +
          `${perSecond} bài/s, CPU dịch vụ ${c.serviceCpuSeconds} s, ` +
          `${c.seconds < INTERVAL ? 'trong' : 'VƯỢT'} một chu kỳ`,
      );
      return {
        seconds: Number(c.seconds.toFixed(2)),
        items: c.seen,
        newItems: c.fresh,
        failedFeeds: c.failed,
        itemsPerSecond: perSecond,
        serviceCpuSeconds: c.serviceCpuSeconds,
        withinInterval: c.seconds < INTERVAL,
      };
    };

    const coldStart = new Date();
    await Promise.all(ids.map((id) => api(app.base, 'PATCH', `/api/feeds/${id}`, token, { active: true })));
    const cold = report('chu kỳ đầu (mọi bài đều mới)', await waitCycle(coldStart));

    const warmStart = new Date();
    await sql(
      db.url,
      `UPDATE scheduled_jobs SET due_at = now() WHERE kind = 'feeds.poll' AND state = 'pending'`,
    );
    const warm = report('chu kỳ sau (bài đã có)', await waitCycle(warmStart));
    const [{ n: stored }] = await sql<{ n: string }>(db.url, `SELECT count(*) AS n FROM mentions`);
    log(
      `đề cập đã lưu: ${stored}; yêu cầu HTTP tới máy chủ tin: ${requests}; bộ nhớ dịch vụ: ${app.rssMb()} MB`,
    );
    console.log(
      JSON.stringify({
        bench: 'feeds',
        feeds: FEEDS,
        itemsPerFeed: ITEMS,
        intervalSeconds: INTERVAL,
        cold,
        warm,
        storedMentions: Number(stored),
        serviceRssMb: app.rssMb(),
        loadAverage: loadavg()[0],
      }),
    );
  } finally {
    await app.stop();
    await db.stop();
    server.closeAllConnections();
    server.close();
  }
}

await main();
