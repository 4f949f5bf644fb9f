import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { loadConfig } from '../src/config/app-config.js';
import type { AppConfig } from '../src/config/app-config.js';
import { JobsRepository } from '../src/jobs/jobs.repository.js';
import { JobsService } from '../src/jobs/jobs.service.js';
import { JobsWorker } from '../src/jobs/jobs.worker.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { createTestDatabase, TestDatabase } from './support/test-database.js';

const defaults = loadConfig({ NODE_ENV: 'test' }, []);

/** Retries every 100 ms, 3 attempts in all; a slow poll unless a test needs a fast one. */
function config(jobs: Partial<AppConfig['jobs']> = {}): Partial<AppConfig> {
  return { jobs: { ...defaults.jobs, pollIntervalMs: 2000, retryBaseMs: 100, maxAttempts: 3, ...jobs } };
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 5000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

interface JobRow {
  id: string;
  state: string;
  attempts: number;
  due_at: Date;
  fired_at: Date | null;
  fired_by: string | null;
  last_error: string | null;
}

/** One handler invocation, as seen by the test (including attempts whose effects were rolled back). */
interface Firing {
  jobId: string;
  node: string;
  attempt: number;
  at: number;
}

describe(`${JobsService.name} (e2e)`, () => {
  let db: TestDatabase;
  let a: TestApp;
  const firings: Firing[] = [];

  /**
   * `test.effect` writes a row through the job's transaction (after `sleepMs`); `test.flaky` writes one too,
   * then throws while `attempt <= failTimes`.
   */
  function install(t: TestApp, node: string) {
    const jobs = t.app.get(JobsService);
    jobs.register<{ sleepMs?: number }>('test.effect', async ({ manager, job }) => {
      firings.push({ jobId: job.id, node, attempt: job.attempt, at: Date.now() });
      if (job.payload.sleepMs) await sleep(job.payload.sleepMs);
      await manager.query('INSERT INTO test_job_effects (job_id, node) VALUES ($1, $2)', [job.id, node]);
    });
    jobs.register<{ failTimes: number }>('test.flaky', async ({ manager, job }) => {
      firings.push({ jobId: job.id, node, attempt: job.attempt, at: Date.now() });
      await manager.query('INSERT INTO test_job_effects (job_id, node) VALUES ($1, $2)', [job.id, node]);
      if (job.attempt <= job.payload.failTimes) throw new Error(`hỏng lần ${job.attempt}`);
    });
    // Re-arms itself under its own key until `left` reaches 0 (a reminder that repeats).
    jobs.register<{ left: number }>('test.repeat', async ({ manager, job }) => {
      firings.push({ jobId: job.id, node, attempt: job.attempt, at: Date.now() });
      if (job.payload.left > 0) {
        await jobs.schedule(manager, {
          kind: 'test.repeat',
          key: job.key!,
          dueAt: new Date(),
          payload: { left: job.payload.left - 1 },
        });
      }
    });
    return jobs;
  }

  const row = async (ds: DataSource, id: string): Promise<JobRow | undefined> =>
    (await ds.query('SELECT * FROM scheduled_jobs WHERE id = $1', [id]))[0];
  const effects = async (ds: DataSource, id: string): Promise<{ node: string }[]> =>
    ds.query('SELECT node FROM test_job_effects WHERE job_id = $1', [id]);
  const done = (ds: DataSource, id: string) =>
    waitFor(`timer ${id} done`, async () => {
      const r = await row(ds, id);
      return r?.state === 'done' && r;
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    a = await createTestApp(config(), { database: db });
    await a.dataSource.query('CREATE TABLE test_job_effects (job_id uuid NOT NULL, node text NOT NULL)');
    install(a, 'A');
  });
  afterAll(async () => {
    await a?.close().catch(() => undefined);
    await db?.drop();
  });

  it('fires at its due time, not before, with its effects committed with the done mark', async () => {
    const jobs = a.app.get(JobsService);
    // Let the worker fall into its 2 s sleep: only the wake-up on commit can make it fire on time.
    await sleep(150);
    const dueAt = new Date(Date.now() + 400);
    const ref = await a.dataSource.transaction((m) => jobs.schedule(m, { kind: 'test.effect', dueAt }));
    expect(ref).toMatchObject({ created: true, dueAt });

    await sleep(200);
    expect((await row(a.dataSource, ref.id))!.state).toBe('pending');
    expect(await effects(a.dataSource, ref.id)).toEqual([]);

    const fired = await done(a.dataSource, ref.id);
    expect(fired.fired_at!.getTime()).toBeGreaterThanOrEqual(dueAt.getTime());
    // Woken for it in-process: well before the next 2 s poll would have found it.
    expect(fired.fired_at!.getTime() - dueAt.getTime()).toBeLessThan(1000);
    expect(fired).toMatchObject({ attempts: 1, fired_by: a.app.get(JobsWorker).workerId, last_error: null });
    expect(await effects(a.dataSource, ref.id)).toEqual([{ node: 'A' }]);
  });

  it('never fires a timer scheduled in a transaction that rolled back', async () => {
    const jobs = a.app.get(JobsService);
    let rolledBack = '';
    await expect(
      a.dataSource.transaction(async (m) => {
        rolledBack = (await jobs.schedule(m, { kind: 'test.effect', dueAt: new Date() })).id;
        throw new Error('thao tác bị hủy');
      }),
    ).rejects.toThrow('thao tác bị hủy');
    // A timer committed after it fires: the worker has looked at the table since.
    const marker = await a.dataSource.transaction((m) =>
      jobs.schedule(m, { kind: 'test.effect', dueAt: new Date() }),
    );
    await done(a.dataSource, marker.id);
    expect(rolledBack).not.toBe('');
    expect(await row(a.dataSource, rolledBack)).toBeUndefined();
    expect(firings.some((f) => f.jobId === rolledBack)).toBe(false);
  });

  it('keeps one pending timer per key, replaces or cancels it on request', async () => {
    const jobs = a.app.get(JobsService);
    const later = new Date(Date.now() + 60_000);
    const key = `ack:${Date.now()}`;
    const first = await a.dataSource.transaction((m) =>
      jobs.schedule(m, { kind: 'test.effect', dueAt: later, key }),
    );
    const again = await a.dataSource.transaction((m) =>
      jobs.schedule(m, { kind: 'test.effect', dueAt: new Date(Date.now() + 90_000), key }),
    );
    expect(again).toEqual({ id: first.id, dueAt: later, created: false });
    // The worker sleeps until the next due time it reads here.
    const repository = a.app.get(JobsRepository);
    expect(await repository.nextDueInMs(['test.effect'])).toBeGreaterThan(55_000);
    expect(await repository.nextDueInMs(['test.flaky'])).toBeNull();

    const moved = new Date(Date.now() + 120_000);
    const replaced = await a.dataSource.transaction((m) =>
      jobs.schedule(m, { kind: 'test.effect', dueAt: moved, key, ifPending: 'replace', payload: { v: 2 } }),
    );
    expect(replaced).toEqual({ id: first.id, dueAt: moved, created: false });

    expect(await a.dataSource.transaction((m) => jobs.cancel(m, key))).toBe(true);
    expect(await a.dataSource.transaction((m) => jobs.cancel(m, key))).toBe(false);
    expect((await row(a.dataSource, first.id))!.state).toBe('cancelled');
    // The key is free again once nothing is pending under it.
    const fresh = await a.dataSource.transaction((m) =>
      jobs.schedule(m, { kind: 'test.effect', dueAt: later, key }),
    );
    expect(fresh.created).toBe(true);
    expect(fresh.id).not.toBe(first.id);
    await a.dataSource.transaction((m) => jobs.cancel(m, key));
    expect(await repository.nextDueInMs(['test.effect'])).toBeNull();

    await expect(jobs.schedule(a.dataSource.manager, { kind: 'test.effect', dueAt: later })).rejects.toThrow(
      /inside the transaction/,
    );
  });

  it('lets a handler schedule the next timer under its own key', async () => {
    const jobs = a.app.get(JobsService);
    const key = `reminder:${Date.now()}`;
    await a.dataSource.transaction((m) =>
      jobs.schedule(m, { kind: 'test.repeat', key, dueAt: new Date(), payload: { left: 2 } }),
    );
    const chain = await waitFor('three reminders', async () => {
      const rows: JobRow[] = await a.dataSource.query(
        `SELECT * FROM scheduled_jobs WHERE key = $1 ORDER BY created_at`,
        [key],
      );
      return rows.length === 3 && rows.every((r) => r.state === 'done') && rows;
    });
    expect(chain.map((r) => r.attempts)).toEqual([1, 1, 1]);
  });

  it('retries a failing handler with backoff, rolling back each failed attempt, then marks it failed', async () => {
    const jobs = a.app.get(JobsService);
    const [recovering, hopeless] = await a.dataSource.transaction(async (m) => [
      await jobs.schedule(m, { kind: 'test.flaky', dueAt: new Date(), payload: { failTimes: 1 } }),
      await jobs.schedule(m, { kind: 'test.flaky', dueAt: new Date(), payload: { failTimes: 99 } }),
    ]);

    const ok = await done(a.dataSource, recovering.id);
    expect(ok).toMatchObject({ attempts: 2, last_error: 'hỏng lần 1' });
    // The failed attempt's write was rolled back with it.
    expect(await effects(a.dataSource, recovering.id)).toHaveLength(1);

    const failed = await waitFor('timer failed', async () => {
      const r = await row(a.dataSource, hopeless.id);
      return r?.state === 'failed' && r;
    });
    expect(failed).toMatchObject({ attempts: 3, last_error: 'hỏng lần 3', fired_at: null });
    expect(await effects(a.dataSource, hopeless.id)).toEqual([]);
    const times = firings.filter((f) => f.jobId === hopeless.id).map((f) => f.at);
    expect(times).toHaveLength(3);
    // Backoff: 100 ms, then 200 ms (plus jitter) between attempts.
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(95);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(195);
    await sleep(300);
    expect(firings.filter((f) => f.jobId === hopeless.id)).toHaveLength(3);
  });

  it('fires each timer of a batch exactly once when two nodes share the database', async () => {
    const b = await createTestApp(config({ pollIntervalMs: 50 }), { database: db });
    try {
      install(b, 'B');
      const jobs = a.app.get(JobsService);
      const dueAt = new Date(Date.now() + 300);
      const refs = await a.dataSource.transaction(async (m) => {
        const list = [];
        for (let i = 0; i < 40; i++) {
          list.push(await jobs.schedule(m, { kind: 'test.effect', dueAt, payload: { sleepMs: 25 } }));
        }
        return list;
      });
      const ids = refs.map((r) => r.id);
      await waitFor('the batch', async () => {
        const [{ n }] = await a.dataSource.query(
          `SELECT count(*)::int AS n FROM scheduled_jobs WHERE id = ANY($1) AND state = 'done'`,
          [ids],
        );
        return n === ids.length;
      });
      const perJob = await a.dataSource.query(
        `SELECT job_id, count(*)::int AS n FROM test_job_effects WHERE job_id = ANY($1) GROUP BY job_id`,
        [ids],
      );
      expect(perJob).toHaveLength(ids.length);
      expect(perJob.every((r: { n: number }) => r.n === 1)).toBe(true);
      const batch = firings.filter((f) => ids.includes(f.jobId));
      expect(batch).toHaveLength(ids.length);
      // Both nodes took part (B polls every 50 ms; A alone would need 500 ms).
      expect(new Set(batch.map((f) => f.node))).toEqual(new Set(['A', 'B']));
    } finally {
      await b.close();
    }
  });

  it('lets a running handler finish on shutdown, and fires pending timers after a restart', async () => {
    const jobs = a.app.get(JobsService);
    const [slow, afterRestart] = await a.dataSource.transaction(async (m) => [
      await jobs.schedule(m, { kind: 'test.effect', dueAt: new Date(), payload: { sleepMs: 400 } }),
      await jobs.schedule(m, { kind: 'test.effect', dueAt: new Date(Date.now() + 800) }),
    ]);
    await waitFor('the slow handler to start', async () => firings.some((f) => f.jobId === slow.id));
    await a.close();
    // close() waited for the handler: its effects and the done mark committed.
    const probe = new DataSource({ type: 'postgres', url: db.url });
    await probe.initialize();
    try {
      expect(await row(probe, slow.id)).toMatchObject({ state: 'done', attempts: 1 });
      expect(await effects(probe, slow.id)).toEqual([{ node: 'A' }]);
      expect((await row(probe, afterRestart.id))!.state).toBe('pending');
    } finally {
      await probe.destroy();
    }

    const c = await createTestApp(config({ pollIntervalMs: 100 }), { database: db });
    try {
      install(c, 'C');
      const fired = await done(c.dataSource, afterRestart.id);
      expect(fired.fired_by).toBe(c.app.get(JobsWorker).workerId);
      expect(fired.fired_at!.getTime()).toBeGreaterThanOrEqual(afterRestart.dueAt.getTime());
      expect(await effects(c.dataSource, afterRestart.id)).toEqual([{ node: 'C' }]);
    } finally {
      await c.close();
    }
  });
});
