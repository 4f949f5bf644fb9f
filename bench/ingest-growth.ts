/**
 * The growth run of bench:ingest: BENCH_GROWTH_MENTIONS mentions of the previous months loaded by COPY straight
 * into their month partitions (as years of a feed would have left them), and a timed retention pass.
 */
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
    yield copyLine([
      `${hex(at.getTime(), 12).slice(0, 8)}-${hex(at.getTime(), 12).slice(8)}-7000-8000-${hex(i, 12)}`,
      topics[i % topics.length],
      'keywords',
      at.toISOString(),
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

/** Loads the stored mentions of the growth run; returns their months, oldest first. */
export async function preloadGrowth(url: string, sourceId: string, topics: string[]): Promise<string[]> {
  const total = envInt('BENCH_GROWTH_MENTIONS', 10_000_000);
  const monthsCount = envInt('BENCH_GROWTH_MONTHS', 10);
  const now = new Date();
  const months = Array.from({ length: monthsCount }, (_, k) => monthStart(now, k - monthsCount));
  const ds = createDataSource(url);
  await ds.initialize();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const t0 = performance.now();
  try {
    const repository = new MentionPartitionsRepository();
    await ds.transaction(async (m) => {
      for (const month of months) await repository.create(m, month);
    });
    const per = Math.ceil(total / months.length);
    for (const [k, month] of months.entries()) {
      const count = Math.min(per, total - k * per);
      const p = partitionOf(month);
      await pipeline(
        chunked(monthLines(month, k * per, count, sourceId)),
        c.query(pgCopyStreams.from(`COPY "${p.mentions}" (${MENTION_COLUMNS}) FROM STDIN`)),
      );
      await pipeline(
        chunked(linkLines(month, k * per, count, topics)),
        c.query(
          pgCopyStreams.from(`COPY "${p.links}" (mention_id, topic_id, matched_on, occurred_at) FROM STDIN`),
        ),
      );
      log(`  nạp sẵn ${month}: ${fmt(count)} đề cập (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    await c.query('ANALYZE mentions');
    await c.query('ANALYZE mention_topics');
    await c.query('CHECKPOINT').catch(() => undefined);
  } finally {
    await c.end();
    await ds.destroy();
  }
  log(
    `Đã nạp sẵn ${fmt(total)} đề cập của ${months.length} tháng bằng COPY trong ${((performance.now() - t0) / 1000).toFixed(0)} s`,
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
