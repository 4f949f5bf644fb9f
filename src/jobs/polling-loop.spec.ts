import { setTimeout as sleep } from 'node:timers/promises';
import { PollingLoop } from './polling-loop.js';

/** An in-memory "table" of items with due times, worked on by the loop under test. */
function harness(opts: { intervalMs?: number; lanes?: number; workMs?: number } = {}) {
  const due: number[] = [];
  const processed: number[] = [];
  let active = 0;
  let maxActive = 0;
  const loop = new PollingLoop({
    name: 'test',
    intervalMs: opts.intervalMs ?? 10_000,
    lanes: opts.lanes ?? 1,
    logger: { warn: () => undefined },
    async runOne() {
      const i = due.findIndex((at) => at <= Date.now());
      if (i < 0) return false;
      const [at] = due.splice(i, 1);
      active++;
      maxActive = Math.max(maxActive, active);
      await sleep(opts.workMs ?? 0);
      active--;
      processed.push(at);
      return true;
    },
    async nextDueInMs() {
      return due.length ? Math.min(...due) - Date.now() : null;
    },
  });
  return { loop, due, processed, maxActive: () => maxActive };
}

describe(PollingLoop.name, () => {
  it('drains what is due with several lanes at once', async () => {
    const h = harness({ lanes: 3, workMs: 20 });
    h.due.push(...Array.from({ length: 9 }, () => Date.now()));
    h.loop.start();
    await sleep(150);
    await h.loop.stop();
    expect(h.processed).toHaveLength(9);
    expect(h.maxActive()).toBe(3);
  });

  it('sleeps until the next known due time rather than the whole interval', async () => {
    const h = harness();
    h.due.push(Date.now() + 100);
    h.loop.start();
    await sleep(60);
    expect(h.processed).toHaveLength(0);
    await sleep(120);
    expect(h.processed).toHaveLength(1);
    await h.loop.stop();
  });

  it('wakes up for an item added while it sleeps, and for one added during a round', async () => {
    const h = harness({ workMs: 50 });
    h.loop.start();
    await sleep(20);
    h.due.push(Date.now());
    h.loop.wake();
    await sleep(10);
    // The round is busy with the first item: this one is picked up by the round that follows.
    h.due.push(Date.now());
    h.loop.wake();
    await sleep(150);
    expect(h.processed).toHaveLength(2);
    await h.loop.stop();
  });

  it('stop() waits for the item in flight and claims nothing more', async () => {
    const h = harness({ workMs: 80 });
    h.due.push(Date.now(), Date.now());
    h.loop.start();
    await sleep(20);
    await h.loop.stop();
    expect(h.processed).toHaveLength(1);
    h.loop.wake();
    await sleep(100);
    expect(h.processed).toHaveLength(1);
  });
});
