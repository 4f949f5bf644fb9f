/**
 * The growth run of bench:ingest: BENCH_GROWTH_MENTIONS mentions of the previous months loaded by COPY straight
 * into their month partitions (as years of a feed would have left them), and a timed retention pass.
 */
import { cpus } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import pgCopyStreams from 'pg-copy-streams';
import { createDataSource } from '../src/database/data-source.js';
import { IncidentsRepository } from '../src/incidents/incidents.repository.js';
import { copyLine } from '../src/signals/copy-text.js';
import {
  MentionPartitionsRepository,
  monthStart,
  partitionOf,
} from '../src/signals/mention-partitions.repository.js';
import { MENTION_COLUMNS } from '../src/signals/signals.repository.js';

const log = (...args: unknown[]) => console.log(...args);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function envInt(name: string, fallback: number): number {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  return Math.floor(Number(v));
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/** Rows of one month: distinct keys, publication times spread over the month, short Vietnamese text. */
function* monthLines(month: string, from: number, count: number, sourceId: string): Generator<string> {
  const start = Date.parse(`${month}T00:00:00Z`);
  const span = Date.parse(`${monthStart(new Date(start), 1)}T00:00:00Z`) - start;
  for (let k = 0; k < count; k++) {
    const i = from + k;
    const at = new Date(start + Math.floor((k / count) * span));
    const iso = at.toISOString();
    yield copyLine([
      `${hex(at.getTime(), 12).slice(0, 8)}-${hex(at.getTime(), 12).slice(8)}-7000-8000-${hex(i, 12)}`,
      sourceId,
      `cu-${i}`,
      'social',
      'facebook',
      `Nhóm cư dân ${i % 997}`,
      null,
      null,
      `https://facebook.com/groups/anhoa/posts/cu-${i}`,
      null,
      `Bài cũ số ${i} về đời sống, giá điện và đường sá ở An Hòa`,
      hex(i, 64),
      `${hex(i, 8)}-0000-4000-8000-${hex(i, 12)}`,
      iso,
      iso,
      i % 500,
      i % 50,
      i % 20,
      i % 10,
      i % 7 === 0 ? 'negative' : 'neutral',
      null,
      'lexicon',
      null,
      'vi',
      null,
      null,
      month,
    ]);
  }
}

function* linkLines(month: string, from: number, count: number, topics: string[]): Generator<string> {
  const start = Date.parse(`${month}T00:00:00Z`);
  const span = Date.parse(`${monthStart(new Date(start), 1)}T00:00:00Z`) - start;
  for (let k = 0; k < count; k += 3) {
    const i = from + k;
    const at = new Date(start + Math.floor((k / count) * span));
    // The link's voice and sentiment are its mention's (monthLines: the group's name is the outlet).
    yield copyLine([
      `${hex(at.getTime(), 12).slice(0, 8)}-${hex(at.getTime(), 12).slice(8)}-7000-8000-${hex(i, 12)}`,
      topics[i % topics.length],
      'keywords',
      at.toISOString(),
      `Nhóm cư dân ${i % 997}`,
      i % 7 === 0 ? 'negative' : 'neutral',
    ]);
  }
}

function chunked(lines: Generator<string>): Readable {
  return Readable.from(
    (function* () {
      let buf = '';
      let n = 0;
      for (const l of lines) {
        buf += l;
        if (++n % 5000 === 0) {
          yield Buffer.from(buf);
          buf = '';
        }
      }
      if (buf) yield Buffer.from(buf);
    })(),
  );
}

/**
 * The DDL that gives a loaded table the indexes of the partitioned `parent` (the primary key as a constraint, as
 * ATTACH PARTITION requires to adopt it instead of building another): run before attaching, so that each month's
 * indexes are built once, in bulk, on the loader's own connection.
 */
async function indexDdl(c: pg.Client, parent: string, child: string): Promise<string[]> {
  const { rows } = await c.query<{ def: string; primary: boolean; cols: string }>(
    `SELECT pg_get_indexdef(i.indexrelid) AS def, i.indisprimary AS primary,
            (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n)
               FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum) AS cols
       FROM pg_index i WHERE i.indrelid = $1::regclass`,
    [parent],
  );
  return rows.map((r, k) =>
    r.primary
      ? `ALTER TABLE "${child}" ADD CONSTRAINT "${child}_pkey" PRIMARY KEY (${r.cols})`
      : r.def.replace(
          /^CREATE (UNIQUE )?INDEX \S+ ON ONLY \S+/,
          `CREATE $1INDEX "${child}_i${k}" ON "${child}"`,
        ),
  );
}

/**
 * Loads the stored mentions of the growth run as an old month arrives in production: each month is COPied into a
 * table of its own (the partition's bounds as a CHECK constraint), given the partitioned tables' indexes, then
 * attached (no scan: the constraint proves the bounds; the indexes are adopted). Months load in parallel, one
 * per connection (BENCH_GROWTH_PARALLEL, default the number of cores). Then the key table gets the keys of the
 * last month's mentions spread over the dedup horizon's days (as a running service holds them). Returns the
 * months, oldest first.
 */
export async function preloadGrowth(url: string, sourceId: string, topics: string[]): Promise<string[]> {
  const total = envInt('BENCH_GROWTH_MENTIONS', 10_000_000);
  const monthsCount = envInt('BENCH_GROWTH_MONTHS', 10);
  const parallel = Math.max(1, envInt('BENCH_GROWTH_PARALLEL', cpus().length));
  const dedupDays = envInt('MENTION_DEDUP_DAYS', 30);
  const now = new Date();
  const months = Array.from({ length: monthsCount }, (_, k) => monthStart(now, k - monthsCount));
  const per = Math.ceil(total / months.length);
  const t0 = performance.now();
  const secs = () => ((performance.now() - t0) / 1000).toFixed(0);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const mentionIndexes = await indexDdl(admin, 'mentions', '%CHILD%');
    const linkIndexes = await indexDdl(admin, 'mention_topics', '%CHILD%');
    // Month partitions the service made (empty after the truncate) go: the loaded tables take their place.
    for (const month of months) {
      const p = partitionOf(month);
      for (const [parent, child] of [
        ['mentions', p.mentions],
        ['mention_topics', p.links],
      ]) {
        const { rows } = await admin.query(`SELECT to_regclass($1) IS NOT NULL AS e`, [child]);
        if (!rows[0].e) continue;
        await admin.query(`ALTER TABLE ${parent} DETACH PARTITION "${child}"`);
        await admin.query(`DROP TABLE "${child}"`);
      }
    }
    const queue = months.map((month, k) => ({ month, k }));
    const loader = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const { month, k } = job;
          const count = Math.min(per, total - k * per);
          const p = partitionOf(month);
          const next = monthStart(new Date(`${month}T00:00:00Z`), 1);
          await c.query(
            `CREATE TABLE "${p.mentions}" (LIKE mentions INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
               CONSTRAINT "${p.mentions}_bounds" CHECK (occurred_month >= '${month}' AND occurred_month < '${next}'))`,
          );
          await c.query(
            `CREATE TABLE "${p.links}" (LIKE mention_topics INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
               CONSTRAINT "${p.links}_bounds" CHECK (occurred_at >= '${month} 00:00:00+00' AND occurred_at < '${next} 00:00:00+00'))`,
          );
          await pipeline(
            chunked(monthLines(month, k * per, count, sourceId)),
            c.query(pgCopyStreams.from(`COPY "${p.mentions}" (${MENTION_COLUMNS}) FROM STDIN`)),
          );
          await pipeline(
            chunked(linkLines(month, k * per, count, topics)),
            c.query(
              pgCopyStreams.from(
                `COPY "${p.links}" (mention_id, topic_id, matched_on, occurred_at, author, sentiment) FROM STDIN`,
              ),
            ),
          );
          for (const ddl of mentionIndexes) await c.query(ddl.replaceAll('%CHILD%', p.mentions));
          for (const ddl of linkIndexes) await c.query(ddl.replaceAll('%CHILD%', p.links));
          log(`  nạp sẵn ${month}: ${fmt(count)} đề cập, chỉ mục đã dựng (${secs()} s)`);
        }
      } finally {
        await c.end();
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, months.length) }, loader));
    for (const month of months) {
      const p = partitionOf(month);
      const next = monthStart(new Date(`${month}T00:00:00Z`), 1);
      await admin.query(
        `ALTER TABLE mentions ATTACH PARTITION "${p.mentions}" FOR VALUES FROM ('${month}') TO ('${next}')`,
      );
      await admin.query(
        `ALTER TABLE mention_topics ATTACH PARTITION "${p.links}"
           FOR VALUES FROM ('${month} 00:00:00+00') TO ('${next} 00:00:00+00')`,
      );
    }
    log(`  đã gắn ${months.length} tháng vào bảng phân vùng (${secs()} s)`);
    // The keys a running service holds: those of the last dedupDays days' mentions (here, the last month's).
    const last = partitionOf(months[months.length - 1]);
    await admin.query('TRUNCATE mention_keys');
    const { rowCount } = await admin.query(
      `INSERT INTO mention_keys (key, seen_on, month)
       SELECT k.key, (now() AT TIME ZONE 'UTC')::date - (abs(hashtext(k.key::text)) % $1::int), k.month FROM (
         SELECT encode(substring(sha256(convert_to(source_id::text || E'\\n' || external_id, 'UTF8')) FROM 1 FOR 16),
                  'hex')::uuid AS key, occurred_month AS month FROM "${last.mentions}" WHERE external_id IS NOT NULL
         UNION ALL
         SELECT url_key, occurred_month FROM "${last.mentions}" WHERE url_key IS NOT NULL) k
       ON CONFLICT DO NOTHING`,
      [dedupDays],
    );
    log(`  bảng khóa chống trùng: ${fmt(rowCount ?? 0)} khóa của ${dedupDays} ngày gần nhất (${secs()} s)`);
    await admin.query('ANALYZE mentions');
    await admin.query('ANALYZE mention_topics');
    await admin.query('ANALYZE mention_keys');
    await admin.query('CHECKPOINT').catch(() => undefined);
  } finally {
    await admin.end();
  }
  log(
    `Đã nạp sẵn ${fmt(total)} đề cập của ${months.length} tháng bằng COPY (${parallel} luồng song song) trong ${secs()} s`,
  );
  return months;
}

/**
 * Times a retention pass over one month (as the job does it): its evidence (100 of its mentions linked to an
 * incident, when there is one) kept, the month's partitions detached and dropped.
 */
export async function timeRetention(url: string, month: string) {
  const ds = createDataSource(url);
  await ds.initialize();
  try {
    const p = partitionOf(month);
    const [{ n: rows }] = await ds.query(`SELECT count(*)::int AS n FROM "${p.mentions}"`);
    await ds.query(
      `INSERT INTO incident_mentions (incident_id, mention_id)
       SELECT i.id, m.id FROM (SELECT id FROM incidents LIMIT 1) i
         CROSS JOIN (SELECT id FROM "${p.mentions}" LIMIT 100) m
       ON CONFLICT DO NOTHING`,
    );
    const repository = new MentionPartitionsRepository();
    const incidents = new IncidentsRepository(ds);
    const t0 = performance.now();
    // As the job does it: the evidence ids asked of incidents in the same transaction as the drop.
    const kept = await ds.transaction(async (m) =>
      repository.drop(m, month, await incidents.evidenceMentionIds(m)),
    );
    const ms = performance.now() - t0;
    return { rows: Number(rows), kept: kept.mentions, ms };
  } finally {
    await ds.destroy();
  }
}
