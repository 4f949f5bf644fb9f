/**
 * npm run bench:ingest — ingestion throughput through the HTTP API, with detection on.
 *
 * 1. PostgreSQL: DATABASE_URL's server (a fresh database is created on it and dropped at the end), or an
 *    embedded PostgreSQL in a temporary directory.
 * 2. The service runs as a child process (`node dist/src/main.js`), as in production, so its memory (RSS) and
 *    CPU are its own.
 * 3. Setup over the API: an admin logs in, creates a signal source and the watchlist topics of Tỉnh An Hòa.
 * 4. BENCH_MENTIONS ordinary mentions (default 1,000,000), published over the last BENCH_HOURS hours (default
 *    26: detection evaluates the last 24 hours against a 12-hour baseline, so the first two hours give the
 *    earliest evaluated buckets some history, as a running system has), are posted in batches of BENCH_BATCH
 *    (1,000) by BENCH_CLIENTS (4) concurrent clients. The steady stream is made so that it opens no incident
 *    by itself. In the middle, a burst of BENCH_SPIKE (1,000) negative mentions on one topic, inside one
 *    5-minute bucket, is posted as one batch; the bench then polls the incidents table until an incident on
 *    that topic exists.
 * 5. Growth run (BENCH_GROWTH_MENTIONS, default 10,000,000; 0 skips it): the tables emptied, that many mentions
 *    (with a topic link for a third of them) are loaded by COPY into one table per month of the
 *    BENCH_GROWTH_MONTHS (10) months before this one, BENCH_GROWTH_PARALLEL (the cores) months at once, indexed and
 *    attached as partitions, the key table given the last month's keys; then the same stream is posted again and its rate compared
 *    with the first run's (growthRatio). Then a retention pass drops the oldest of those months (evidence kept)
 *    and is timed (bench/ingest-growth.ts).
 * 6. Baseline: the same rows (same ids aside) are loaded with a bare `COPY mentions FROM STDIN` into the same,
 *    emptied, table, and the ratio printed.
 *
 * Output ends with one JSON line:
 * {"bench":"ingest","mentions":N,"mentionsPerSec":N,"p95BatchMs":N,"spikeToIncidentMs":N,"copyMentionsPerSec":N,
 *  "growthStoredMentions":N,"growthMentionsPerSec":N,"growthP95BatchMs":N,"growthRatio":N,
 *  "retentionMonthMentions":N,"retentionMs":N}
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import pgCopyStreams from 'pg-copy-streams';
import { LexiconSentimentScorer } from '../src/signals/sentiment-lexicon.js';
import { contentHash, mentionId, urlKey } from '../src/signals/mention-keys.js';
import { cleanText } from '../src/common/text.js';
import { copyLine } from '../src/signals/copy-text.js';
import { MENTION_COLUMNS, occurredMonth } from '../src/signals/signals.repository.js';
import { preloadGrowth, timeRetention } from './ingest-growth.js';
import { api, sleep, startBenchApp } from './support/bench-app.js';
import type { BenchApp } from './support/bench-app.js';
import { insertBenchUnits, sql, startBenchDatabase } from './support/bench-database.js';
import { ordinaryItem, spikeItem, SPIKE_TOPIC, TOPICS, UNITS } from './ingest-data.js';
import type { BenchItem, StreamShape } from './ingest-data.js';

const env = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} phải là số dương (nhận "${v}")`);
  return n;
};

const envOrZero = (name: string, fallback: number) => (process.env[name] === '0' ? 0 : env(name, fallback));
const MENTIONS = Math.floor(env('BENCH_MENTIONS', 1_000_000));
const BATCH = Math.floor(env('BENCH_BATCH', 1000));
const CLIENTS = Math.floor(env('BENCH_CLIENTS', 4));
const HOURS = env('BENCH_HOURS', 26);
const SPIKE = Math.floor(env('BENCH_SPIKE', 1000));
const SPIKE_WAIT_MS = env('BENCH_SPIKE_WAIT_MS', 30_000);
/** Service processes on the same database, as nodes behind a load balancer; clients take turns between them. */
const INSTANCES = Math.floor(env('BENCH_INSTANCES', 1));
const KEEP = process.env.BENCH_KEEP === '1';
/** Mentions already stored over the previous months before the growth run (0: no growth run). */
const GROWTH = Math.floor(envOrZero('BENCH_GROWTH_MENTIONS', 10_000_000));
/** The compiled service beside this compiled bench (dist/bench → dist/src), and the project root. */

const log = (...args: unknown[]) => console.log(...args);
const ms = (n: number) => Math.round(n);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface Server {
  adminUrl: string;
  url: string;
  name: string;
  /** Starts counting the CPU time of the embedded PostgreSQL; null when the server is external. */
  cpuMeter(): CpuMeter | null;
  stop(): Promise<void>;
}

function procCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime in clock ticks (100 Hz)
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/**
 * CPU seconds used by a process tree (PostgreSQL: the postmaster and its backends) since start(). Sampled every
 * 250 ms so that backends which exit in between still count up to their last sample.
 */
class CpuMeter {
  private readonly first = new Map<number, number>();
  private readonly last = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly root: number) {
    this.sample(this.first);
    this.timer = setInterval(() => this.sample(), 250);
  }

  private sample(into?: Map<number, number>) {
    for (const pid of [this.root, ...childrenOf(this.root)]) {
      const cpu = procCpuSeconds(pid);
      if (into) into.set(pid, cpu);
      this.last.set(pid, cpu);
    }
  }

  stop(): number {
    clearInterval(this.timer);
    this.sample();
    let sum = 0;
    for (const [pid, cpu] of this.last) sum += cpu - (this.first.get(pid) ?? 0);
    return sum;
  }
}

/** Busy and total CPU time of the whole machine (all cores), from /proc/stat. */
function machineCpu(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const n = values.map(Number);
  const idle = n[3] + (n[4] ?? 0);
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** A fresh database (see bench/support/bench-database.ts), with the server's CPU meter when it is embedded. */
async function startServer(): Promise<Server> {
  const db = await startBenchDatabase('ungpho_bench', { keep: KEEP, log });
  const [{ server_version: version }] = await sql<{ server_version: string }>(
    db.adminUrl,
    'SHOW server_version',
  );
  log(`PostgreSQL ${version}`);
  const postmaster = db.dataDir
    ? Number(readFileSync(path.join(db.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
    : null;
  return { ...db, cpuMeter: () => (postmaster === null ? null : new CpuMeter(postmaster)) };
}

interface App extends BenchApp {
  cpuSeconds(): number | null;
}

async function startApp(
  databaseUrl: string,
  adminEmail: string,
  adminPassword: string,
  jwtSecret: string,
): Promise<App> {
  // One JWT secret for all instances: a token from one is valid on the others, as behind a load balancer.
  const app = await startBenchApp(databaseUrl, { adminEmail, adminPassword, env: { JWT_SECRET: jwtSecret } });
  return { ...app, cpuSeconds: () => (app.child.exitCode === null ? procCpuSeconds(app.child.pid!) : null) };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** How to tell that the spike's incident exists, depending on what the incidents module has. */
async function incidentProbe(
  dbUrl: string,
  topicId: string,
  incidentsBefore: () => Promise<number>,
): Promise<{ sql: string; params: unknown[]; how: string } | null> {
  const [t] = await sql(
    dbUrl,
    `SELECT to_regclass('public.incidents') IS NOT NULL AS incidents,
      to_regclass('public.incident_topics') IS NOT NULL AS incident_topics,
      EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'incidents' AND column_name = 'topic_id') AS topic_column`,
  );
  if (!t.incidents) return null;
  if (t.incident_topics) {
    return {
      sql: `SELECT EXISTS (SELECT 1 FROM incident_topics WHERE topic_id = $1) AS found`,
      params: [topicId],
      how: 'incident_topics.topic_id = chủ đề bị đột biến',
    };
  }
  if (t.topic_column) {
    return {
      sql: `SELECT EXISTS (SELECT 1 FROM incidents WHERE topic_id = $1) AS found`,
      params: [topicId],
      how: 'incidents.topic_id = chủ đề bị đột biến',
    };
  }
  return {
    sql: `SELECT count(*) > $1 AS found FROM incidents`,
    params: [await incidentsBefore()],
    how: 'số sự cố tăng lên (không có liên kết sự cố–chủ đề để lọc)',
  };
}

// ---------------------------------------------------------------------------------------------------------------

/** The row the service stores for an item (same normalization, hash and sentiment), as a COPY line. */
function copyRow(item: BenchItem, sourceId: string, scorer: LexiconSentimentScorer): string {
  const title = cleanText(item.title);
  const text = cleanText(item.text);
  const hash = contentHash(title, text);
  const url = new URL(item.url).href;
  let sentiment = item.sentiment ?? null;
  let score: number | null = null;
  let origin = 'source';
  if (!sentiment) {
    const s = scorer.score(`${title}. ${text}`);
    sentiment = s.label;
    score = s.score;
    origin = 'lexicon';
  }
  return copyLine([
    mentionId(),
    sourceId,
    item.externalId,
    item.sourceType,
    item.platform,
    item.outlet,
    item.followers,
    item.verified,
    url,
    title,
    text,
    hash,
    urlKey(url, hash),
    item.publishedAt,
    item.collectedAt,
    item.reach,
    item.reactions,
    item.comments,
    item.shares,
    sentiment,
    score,
    origin,
    item.geoCode ?? null,
    item.language,
    item.fakeNewsLabel ?? null,
    null,
    occurredMonth(new Date(item.publishedAt ?? item.collectedAt)),
  ]);
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  log(
    `bench:ingest — ${fmt(MENTIONS)} đề cập + ${fmt(SPIKE)} đột biến, lô ${fmt(BATCH)}, ${CLIENTS} client, ` +
      `${HOURS} giờ dữ liệu, ${INSTANCES} tiến trình dịch vụ; node ${process.version}`,
  );
  const server = await startServer();
  const apps: App[] = [];
  try {
    const adminEmail = 'bench-admin@ungpho.local';
    const adminPassword = `Bench-${randomBytes(12).toString('base64url')}`;
    const jwtSecret = randomBytes(32).toString('hex');
    // One after the other: the first runs the migrations and creates the admin.
    for (let n = 0; n < INSTANCES; n++) {
      const started = await startApp(server.url, adminEmail, adminPassword, jwtSecret);
      apps.push(started);
      log(
        `Dịch vụ ${n + 1}/${INSTANCES}: ${started.base} (pid ${started.child.pid}, nhật ký ${started.logFile})`,
      );
    }
    const app = apps[0];
    const rss = () => apps.map((a) => a.rssMb()).join(' + ');
    const cpuSeconds = () => {
      const each = apps.map((a) => a.cpuSeconds());
      return each.some((c) => c === null) ? null : (each as number[]).reduce((a, b) => a + b, 0);
    };

    const login = await api<{ accessToken: string }>(app.base, 'POST', '/api/auth/login', null, {
      email: adminEmail,
      password: adminPassword,
    });
    const token = login.accessToken;

    const unitIds = await insertBenchUnits(server.url, UNITS);
    const source = await api<{ source: { id: string } }>(app.base, 'POST', '/api/signal-sources', token, {
      name: 'SocialBeat An Hòa (bench)',
      kind: 'social_listening',
      orgUnitId: unitIds.get('svh'),
    });
    const topicIds = new Map<string, string>();
    for (const t of TOPICS) {
      const created = await api<{ id: string }>(app.base, 'POST', '/api/topics', token, {
        orgUnitId: unitIds.get(t.unit),
        name: t.name,
        category: t.category,
        anyTerms: t.anyTerms,
        unitNames: t.unitNames,
        leaderNames: t.leaderNames,
      });
      topicIds.set(t.key, created.id);
    }
    const spikeTopicId = topicIds.get(SPIKE_TOPIC)!;
    log(`Đã tạo 1 nguồn, ${TOPICS.length} chủ đề, ${UNITS.length} đơn vị`);

    // Publication times run from HOURS ago to about now, on a fixed grid: the stream ends one minute after a
    // five-minute boundary, so that every run puts the same mentions in the same buckets and detection sees the
    // same counters (runs compare). The spike sits in the bucket reached halfway through.
    const end = Math.floor((Date.now() - 120_000) / 300_000) * 300_000 + 60_000;
    const shape: StreamShape = { seed: 20250812, count: MENTIONS, start: end - HOURS * 3_600_000, end };
    const middle = shape.start + (shape.end - shape.start) / 2;
    const spikeBucket = Math.floor(middle / 300_000) * 300_000;
    const batches = Math.ceil(MENTIONS / BATCH);
    const spikeAfter = Math.floor(batches / 2);

    // Bodies go out as UTF-8 buffers: a string body costs the client a full Unicode scan and re-encoding.
    const batchBody = (b: number): Buffer => {
      const items: BenchItem[] = [];
      for (let i = b * BATCH; i < Math.min(MENTIONS, (b + 1) * BATCH); i++)
        items.push(ordinaryItem(shape, i));
      return Buffer.from(JSON.stringify({ sourceId: source.source.id, items }));
    };
    const spikeBody = (): Buffer => {
      const items: BenchItem[] = [];
      for (let j = 0; j < SPIKE; j++) items.push(spikeItem(shape.seed, j, spikeBucket));
      return Buffer.from(JSON.stringify({ sourceId: source.source.id, items }));
    };

    /** One measured HTTP run of the stream (bodies built first, then posted by the clients). */
    const runIngest = async (label: string) => {
      log('');
      log(`== ${label}`);
      const countIncidents = async () =>
        Number((await sql(server.url, 'SELECT count(*) AS n FROM incidents'))[0].n);
      const probe = await incidentProbe(server.url, spikeTopicId, countIncidents);
      const incidentsBefore = probe ? await countIncidents() : 0;
      if (!probe) log('Chưa có bảng incidents: spikeToIncidentMs sẽ là null');

      // Every body is built before the clock starts: the load generator shares the two cores with the service and
      // PostgreSQL, and building JSON is no part of what is measured (the COPY baseline reads a prepared file too).
      const tasks: ('spike' | number)[] = [];
      for (let b = 0; b < batches; b++) {
        tasks.push(b);
        if (b === spikeAfter - 1) tasks.push('spike');
      }
      if (!tasks.includes('spike')) tasks.push('spike');
      const buildStart = performance.now();
      const bodies: (Buffer | null)[] = tasks.map((t) => (t === 'spike' ? spikeBody() : batchBody(t)));
      const bodyBytes = bodies.reduce((n, b) => n + b!.length, 0);
      log(
        `Đã dựng ${fmt(bodies.length)} thân yêu cầu (${fmt(bodyBytes / 1e6)} MB) trong ` +
          `${((performance.now() - buildStart) / 1000).toFixed(1)} s, trước khi bấm giờ`,
      );

      const rssStart = rss();
      const cpuStart = cpuSeconds();
      const pgMeter = server.cpuMeter();
      const benchCpuStart = process.cpuUsage();
      const machineStart = machineCpu();
      log(`RSS dịch vụ lúc bắt đầu: ${rssStart} MB`);

      const latencies: number[] = [];
      let accepted = 0;
      let duplicates = 0;
      let rejected = 0;
      let resent = 0;
      let next = 0;
      let rssMiddle: string | null = null;
      let spikeToIncidentMs: number | null = null;
      let spikeWatch: Promise<void> = Promise.resolve();
      let lastReport = Date.now();

      const post = async (base: string, body: Buffer) => {
        const t0 = performance.now();
        const send = () =>
          fetch(`${base}/api/signals`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body,
          });
        let res: Response;
        try {
          res = await send();
        } catch (err) {
          // A kept-alive connection the service closed while the bodies were being built: send again on a new
          // one. Safe: ingestion is idempotent (a batch that did arrive would come back as duplicates).
          if (!(err instanceof TypeError)) throw err;
          resent++;
          res = await send();
        }
        const text = await res.text();
        const elapsed = performance.now() - t0;
        if (res.status !== 200) throw new Error(`POST /api/signals → ${res.status} ${text.slice(0, 500)}`);
        const result = JSON.parse(text) as { accepted: number; duplicates: number; rejected: unknown[] };
        latencies.push(elapsed);
        accepted += result.accepted;
        duplicates += result.duplicates;
        rejected += result.rejected.length;
        return result;
      };

      const ingestStart = performance.now();
      const client = async (_: unknown, k: number) => {
        const base = apps[k % apps.length].base;
        for (;;) {
          const n = next++;
          const task = tasks[n];
          if (task === undefined) return;
          const body = bodies[n]!;
          bodies[n] = null; // sent once: let it go
          if (task === 'spike') {
            const result = await post(base, body);
            const acceptedAt = performance.now();
            rssMiddle = rss();
            log(
              `Đột biến: ${result.accepted} đề cập tiêu cực về "${TOPICS.find((t) => t.key === SPIKE_TOPIC)!.name}" đã nhận`,
            );
            if (probe) {
              spikeWatch = (async () => {
                const c = new pg.Client({ connectionString: server.url });
                await c.connect();
                try {
                  while (performance.now() - acceptedAt < SPIKE_WAIT_MS) {
                    const { rows } = await c.query(probe.sql, probe.params);
                    if (rows[0].found) {
                      spikeToIncidentMs = Math.max(0, performance.now() - acceptedAt);
                      return;
                    }
                    await sleep(10);
                  }
                } finally {
                  await c.end();
                }
              })();
            }
            continue;
          }
          await post(base, body);
          if (Date.now() - lastReport > 10_000) {
            lastReport = Date.now();
            const secs = (performance.now() - ingestStart) / 1000;
            log(`  … ${fmt(accepted)} đề cập, ${fmt(accepted / secs)}/s, RSS ${rss()} MB`);
          }
        }
      };
      await Promise.all(Array.from({ length: CLIENTS }, client));
      const ingestSeconds = (performance.now() - ingestStart) / 1000;
      const rssEnd = rss();
      const cpuEnd = cpuSeconds();
      const pgCpu = pgMeter?.stop() ?? null;
      const benchCpu = process.cpuUsage(benchCpuStart);
      const machineEnd = machineCpu();
      await spikeWatch;

      const total = MENTIONS + SPIKE;
      const mentionsPerSec = accepted / ingestSeconds;
      const p95 = percentile(latencies, 95);
      const [stored] = await sql(server.url, `SELECT count(*)::int AS n FROM mentions`);
      const [links] = await sql(server.url, `SELECT count(*)::int AS n FROM mention_topics`);
      const [buckets] = await sql(server.url, `SELECT count(*)::int AS n FROM topic_buckets`);
      const incidents = probe
        ? Number((await sql(server.url, 'SELECT count(*) AS n FROM incidents'))[0].n)
        : null;

      log('');
      log(
        `HTTP: ${fmt(accepted)} / ${fmt(total)} đề cập nhận (${fmt(duplicates)} trùng, ${fmt(rejected)} lỗi` +
          `${resent ? `, ${resent} lô gửi lại vì kết nối đã đóng` : ''}) trong ${ingestSeconds.toFixed(1)} s`,
      );
      log(
        `  ${fmt(mentionsPerSec)} đề cập/s; lô: p50 ${ms(percentile(latencies, 50))} ms, p95 ${ms(p95)} ms, p99 ${ms(percentile(latencies, 99))} ms, max ${ms(Math.max(...latencies))} ms`,
      );
      log(
        `  bảng: mentions ${fmt(Number(stored.n))}, mention_topics ${fmt(Number(links.n))}, topic_buckets ${fmt(Number(buckets.n))}`,
      );
      const busy = (machineEnd.busy - machineStart.busy) / (machineEnd.total - machineStart.total);
      log(
        `  CPU trong ${ingestSeconds.toFixed(1)} s: dịch vụ (${apps.length} tiến trình) ${cpuStart !== null && cpuEnd !== null ? (cpuEnd - cpuStart).toFixed(1) : '?'} s, ` +
          `PostgreSQL ${pgCpu !== null ? `${pgCpu.toFixed(1)} s` : '(máy chủ ngoài: không đo)'}, ` +
          `bench ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(1)} s, ` +
          `máy bận ${(busy * 100).toFixed(0)}% của ${cpus().length} lõi`,
      );
      log(`  RSS dịch vụ: đầu ${rssStart} MB, giữa ${rssMiddle} MB, cuối ${rssEnd} MB`);
      log(
        `Đột biến → sự cố: ${
          probe
            ? spikeToIncidentMs === null
              ? `không thấy sự cố sau ${SPIKE_WAIT_MS} ms`
              : `${ms(spikeToIncidentMs)} ms (${probe.how})`
            : 'không có bảng incidents'
        }; tổng số sự cố: ${incidents ?? '—'}${incidents !== null ? ` (trước: ${incidentsBefore})` : ''}`,
      );
      return { accepted, mentionsPerSec, p95, spikeToIncidentMs };
    };

    const empty = await runIngest('Lượt 1: cơ sở dữ liệu trống');
    let growth: Awaited<ReturnType<typeof runIngest>> | null = null;
    let retention: { rows: number; kept: number; ms: number } | null = null;
    if (GROWTH > 0) {
      await sql(server.url, 'TRUNCATE mentions, mention_topics, topic_buckets');
      const months = await preloadGrowth(server.url, source.source.id, [...topicIds.values()]);
      growth = await runIngest(
        `Lượt 2: cùng dòng đề cập, trên ${fmt(GROWTH)} đề cập đã lưu của ${months.length} tháng trước`,
      );
      retention = await timeRetention(server.url, months[0]);
    }
    for (const a of apps.splice(0)) await a.stop();

    const total = MENTIONS + SPIKE;
    // Baseline: the same rows through a bare COPY into the same table, emptied first.
    log('');
    log('Chuẩn bị tệp COPY với cùng các dòng…');
    const copyFile = path.join(tmpdir(), `ungpho-bench-copy-${process.pid}.tsv`);
    const scorer = new LexiconSentimentScorer();
    const out = createWriteStream(copyFile);
    const write = (s: string) =>
      out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r()));
    for (let i = 0; i < MENTIONS; i++) {
      const line = copyRow(ordinaryItem(shape, i), source.source.id, scorer);
      await write(line);
      if (i === spikeAfter * BATCH - 1) {
        for (let j = 0; j < SPIKE; j++)
          await write(copyRow(spikeItem(shape.seed, j, spikeBucket), source.source.id, scorer));
      }
    }
    if (spikeAfter * BATCH > MENTIONS) {
      for (let j = 0; j < SPIKE; j++)
        await write(copyRow(spikeItem(shape.seed, j, spikeBucket), source.source.id, scorer));
    }
    await new Promise<void>((resolve, reject) =>
      out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );

    const c = new pg.Client({ connectionString: server.url });
    await c.connect();
    let copySeconds: number;
    try {
      await c.query('TRUNCATE mentions CASCADE');
      await c.query('CHECKPOINT').catch(() => undefined);
      const t0 = performance.now();
      await pipeline(
        createReadStream(copyFile, { highWaterMark: 1 << 20 }),
        c.query(pgCopyStreams.from(`COPY mentions (${MENTION_COLUMNS}) FROM STDIN`)),
      );
      copySeconds = (performance.now() - t0) / 1000;
      const [{ n }] = (await c.query('SELECT count(*)::int AS n FROM mentions')).rows;
      if (n !== total) throw new Error(`COPY đã nạp ${n} dòng, cần ${total}`);
    } finally {
      await c.end();
      await rm(copyFile, { force: true });
    }
    const copyPerSec = total / copySeconds;
    log(
      `COPY: ${fmt(total)} dòng vào mentions trong ${copySeconds.toFixed(1)} s = ${fmt(copyPerSec)} dòng/s`,
    );
    log(
      `Tỉ lệ HTTP / COPY: ${(empty.mentionsPerSec / copyPerSec).toFixed(2)} (HTTP còn ghi mention_topics, topic_buckets, nhật ký kiểm toán, chạy phát hiện)`,
    );
    if (growth) {
      log(
        `Tăng trưởng: ${fmt(growth.mentionsPerSec)}/s trên ${fmt(GROWTH)} đề cập đã lưu, so với ${fmt(empty.mentionsPerSec)}/s trên CSDL trống: ${(growth.mentionsPerSec / empty.mentionsPerSec).toFixed(2)} (mục tiêu ≥ 0.8)`,
      );
    }
    if (retention) {
      log(
        `Lưu giữ: bỏ một tháng ${fmt(retention.rows)} đề cập (giữ ${retention.kept} chứng cứ sự cố) trong ${ms(retention.ms)} ms (mục tiêu < 1000 ms)`,
      );
    }
    log(`Tổng thời gian bench: ${((Date.now() - started) / 1000).toFixed(0)} s`);
    log(
      JSON.stringify({
        bench: 'ingest',
        mentions: empty.accepted,
        mentionsPerSec: Math.round(empty.mentionsPerSec),
        p95BatchMs: Math.round(empty.p95),
        spikeToIncidentMs: empty.spikeToIncidentMs === null ? null : Math.round(empty.spikeToIncidentMs),
        copyMentionsPerSec: Math.round(copyPerSec),
        growthStoredMentions: growth ? GROWTH : null,
        growthMentionsPerSec: growth ? Math.round(growth.mentionsPerSec) : null,
        growthP95BatchMs: growth ? Math.round(growth.p95) : null,
        growthRatio: growth ? Math.round((growth.mentionsPerSec / empty.mentionsPerSec) * 100) / 100 : null,
        retentionMonthMentions: retention?.rows ?? null,
        retentionMs: retention ? Math.round(retention.ms) : null,
      }),
    );
  } finally {
    for (const a of apps) await a.stop();
    await server.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
