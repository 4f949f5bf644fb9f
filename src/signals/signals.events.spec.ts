import { NOTABLE_PER_TOPIC, selectNotable, SignalsEvents } from './signals.events.js';
import type { IngestedBatch, NotableMention } from './signals.events.js';
import { emptyBucket } from './topic-buckets.js';

const bucket = (topicId: string, minute: number, volume: number) => ({
  ...emptyBucket(topicId, new Date(Date.UTC(2025, 7, 12, 8, minute)), 300),
  volume,
});

let n = 0;
const notable = (topicId: string, reach: number, fakeNewsLabel: NotableMention['fakeNewsLabel'] = null) =>
  ({
    mentionId: `m${++n}`,
    topicId,
    matchedOn: 'keywords',
    sentiment: 'negative',
    sentimentScore: null,
    fakeNewsLabel,
    reach,
    followers: 0,
    verified: false,
    outlet: null,
    sourceType: 'social',
    url: null,
    occurredAt: new Date(0),
  }) satisfies NotableMention;

const batch = (over: Partial<IngestedBatch> = {}): IngestedBatch => ({
  sourceId: 's1',
  via: 'api',
  accepted: 1,
  topicBuckets: [],
  notable: [],
  ...over,
});

describe(SignalsEvents.name, () => {
  it('delivers to every listener in turn, and a failing listener does not stop the others', async () => {
    const events = new SignalsEvents();
    const calls: string[] = [];
    events.onIngested(async () => {
      calls.push('a');
    });
    events.onIngested(() => {
      throw new Error('boom');
    });
    const off = events.onIngested(() => {
      calls.push('c');
    });
    await events.emitIngested(batch());
    off();
    await events.emitIngested(batch());
    expect(calls).toEqual(['a', 'c', 'a']);
  });

  it('merges the batches of a source that commit while a delivery is running, and waits for them', async () => {
    const events = new SignalsEvents();
    const seen: IngestedBatch[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    events.onIngested(async (b) => {
      seen.push(b);
      if (seen.length === 1) await gate;
    });
    const first = events.emitIngested(batch({ topicBuckets: [bucket('t1', 0, 5)] }));
    let secondDone = false;
    const second = events
      .emitIngested(batch({ accepted: 2, topicBuckets: [bucket('t1', 0, 9), bucket('t2', 5, 1)] }))
      .then(() => (secondDone = true));
    const third = events.emitIngested(batch({ accepted: 3, topicBuckets: [bucket('t1', 0, 7)] }));
    const other = events.emitIngested(batch({ sourceId: 's2', accepted: 4 }));
    await Promise.resolve();
    expect(secondDone).toBe(false);
    release();
    await Promise.all([first, second, third, other]);
    expect(seen.map((b) => [b.sourceId, b.accepted])).toEqual([
      ['s1', 1],
      ['s1', 5],
      ['s2', 4],
    ]);
    // The merged delivery keeps the latest counters of each bucket.
    expect(seen[1].topicBuckets.map((b) => [b.topicId, b.volume])).toEqual([
      ['t1', 9],
      ['t2', 1],
    ]);
  });

  it('resolves at once when nobody listens', async () => {
    await expect(new SignalsEvents().emitIngested(batch())).resolves.toBeUndefined();
  });
});

describe('selectNotable', () => {
  it('puts false content first, then other labels, then reach; keeps a bounded number per topic', () => {
    const plain = notable('t1', 900);
    const big = notable('t1', 5000);
    const verified = notable('t1', 10, 'tin_xac_thuc');
    const fake = notable('t1', 1, 'tin_gia');
    expect(selectNotable([plain, verified, big, fake]).map((x) => x.mentionId)).toEqual([
      fake.mentionId,
      verified.mentionId,
      big.mentionId,
      plain.mentionId,
    ]);
    const many = Array.from({ length: NOTABLE_PER_TOPIC + 10 }, (_, i) => notable('t2', i));
    const kept = selectNotable([...many, notable('t3', 1)]);
    expect(kept.filter((x) => x.topicId === 't2')).toHaveLength(NOTABLE_PER_TOPIC);
    expect(kept.filter((x) => x.topicId === 't3')).toHaveLength(1);
    expect(kept[0].reach).toBe(NOTABLE_PER_TOPIC + 9);
  });
});
