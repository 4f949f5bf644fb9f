/**
 * npm run bench:detection — does detection open rooms for crises and not for noise?
 *
 * For each seed (BENCH_SEEDS, default "1,2,3"): a fresh database and the built service (as bench:ingest), four
 * watchlist topics, and a labelled fortnight (bench/detection-data.ts: BENCH_DAYS, default 14) replayed through
 * `POST /api/signals` in five-minute batches, oldest first, as a feed would. The fortnight ends now, so every
 * publication time is real; the bench widens `evaluationHorizonHours` to the replayed fortnight (live, only
 * the last day is evaluated) and sets `dismissalSuppressionHours` to 0 (suppression is counted in wall-clock
 * time, which a replay compresses into minutes), through the detection settings API like an administrator.
 * BENCH_SETTINGS (JSON) sets candidate thresholds the same way, to compare them with the defaults.
 *
 * The bench plays the duty officer: an incident opened outside a crisis is dismissed as a false alarm ("Báo
 * động nhầm") at the next check (every 15 stream minutes); an incident opened for a crisis is resolved two hours
 * after the crisis ends.
 *
 * In the same run, a plain market-style volume alert (last 5 minutes against the previous 12 hours, z ≥ 3) is
 * computed on the same counts; consecutive alerts within an hour count as one opening.
 *
 * Output, per seed: each labelled event with whether a room opened and the delay in stream minutes, for ungpho
 * and the baseline; openings outside crises per topic-day and per topic; precision, recall; the slow burns'
 * delays; detection.attached events per incident; watch signals per topic-day and by rule; the false openings
 * one by one (topic, time, rule); and each goal of issue 14 checked on this seed alone, per event and per topic
 * (every crisis opens a room in time, no benign event opens one, at most one false opening per topic per
 * fortnight, at most five detection.attached per incident), with what failed it. Ends with one JSON line:
 * {"bench":"detection","recall":…,"precision":…,"falseOpeningsPerTopicDay":…,"medianSpikeDelayMin":…,"baseline":{…},"seeds":[…]}
 * whose top-level figures are means over the seeds run; the pass criterion is `goalsMetEverySeed` (every goal
 * met on every seed), and each seed's entry carries its goals and its false openings per topic.
 */
import { randomBytes } from 'node:crypto';
import { api, startBenchApp } from './support/bench-app.js';
import { insertBenchUnits, sql, startBenchDatabase } from './support/bench-database.js';
import {
  BUCKET_MS,
  buildScenario,
  CRISIS_KINDS,
  EVENT_LABEL,
  marketAlerts,
  TOPICS,
  UNITS,
} from './detection-data.js';
import type { Scenario, ScenarioEvent } from './detection-data.js';

const SEEDS = (process.env.BENCH_SEEDS ?? '1,2,3').split(',').map(Number);
const DAYS = Number(process.env.BENCH_DAYS ?? 14);
const BACKGROUND = Number(process.env.BENCH_BACKGROUND ?? 2.5);
const CHECK_EVERY = 3; // buckets between officer checks (15 stream minutes)
const AFTER_EVENT_MS = 2 * 3_600_000; // an opening up to two hours after a crisis' end belongs to it
/** Goals of the issue: sharp spikes and fake news within 15 minutes of onset, slow burns within 3 hours. */
const GOAL_MIN: Record<string, number> = { sharp_spike: 15, fake_news: 15, slow_burn: 180 };
/** Goal of the issue, per topic: at most one false opening per fortnight (scaled to BENCH_DAYS). */
const GOAL_FALSE_PER_TOPIC = Math.max(1, Math.floor(DAYS / 14));
/** Goal of the issue, per incident: "a handful" of detection.attached over the fortnight. */
const GOAL_MAX_ATTACHED = 5;

const log = (...args: unknown[]) => console.log(...args);

interface Opening {
  topic: string;
  at: number;
  rule: string;
  incidentId: string | null;
}

interface Metrics {
  recall: number;
  precision: number;
  falseOpeningsPerTopicDay: number;
  falseOpenings: number;
  benignEventOpenings: number;
  openings: number;
  medianSpikeDelayMin: number | null;
  goalsMet: boolean;
  /** Each goal of the issue on this seed, with what failed it (per event, per topic). */
  goals: { name: string; met: boolean; failures: string[] }[];
  falseOpeningsPerTopic: Record<string, number>;
  perEvent: { id: string; kind: string; topic: string; opened: boolean; delayMin: number | null }[];
}

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const within = (ev: ScenarioEvent, o: Opening) =>
  o.topic === ev.topic && o.at > ev.onset && o.at <= ev.end + AFTER_EVENT_MS;

function score(sc: Scenario, openings: Opening[]): Metrics {
  const crises = sc.events.filter((e) => CRISIS_KINDS.includes(e.kind));
  const benign = sc.events.filter((e) => !CRISIS_KINDS.includes(e.kind));
  const perEvent = sc.events.map((ev) => {
    const first = openings.filter((o) => within(ev, o)).sort((a, b) => a.at - b.at)[0];
    return {
      id: ev.id,
      kind: ev.kind,
      topic: ev.topic,
      opened: Boolean(first),
      delayMin: first ? Math.round((first.at - ev.onset) / 60_000) : null,
    };
  });
  const inCrisis = openings.filter((o) => crises.some((ev) => within(ev, o)));
  const falseOpenings = openings.length - inCrisis.length;
  const benignEventOpenings = openings.filter((o) => benign.some((ev) => within(ev, o))).length;
  const detected = perEvent.filter((p) => CRISIS_KINDS.includes(p.kind as never) && p.opened).length;
  const spikeDelays = perEvent
    .filter((p) => p.kind === 'sharp_spike' && p.delayMin !== null)
    .map((p) => p.delayMin!);
  const topicDays = TOPICS.length * DAYS;
  const falseOpeningsPerTopic = Object.fromEntries(
    TOPICS.map((t) => [
      t.key,
      openings.filter((o) => o.topic === t.key && !crises.some((ev) => within(ev, o))).length,
    ]),
  );
  // Every goal is checked per event and per topic on this seed: no average over seeds or topics hides a miss.
  const goals = [
    {
      name: 'every crisis opens a room in time',
      failures: perEvent
        .filter(
          (p) => CRISIS_KINDS.includes(p.kind as never) && !(p.opened && p.delayMin! <= GOAL_MIN[p.kind]),
        )
        .map(
          (p) => `${p.id} (${p.topic}): ${p.opened ? `${p.delayMin} min > ${GOAL_MIN[p.kind]}` : 'no room'}`,
        ),
    },
    {
      name: 'no benign event opens a room',
      failures: perEvent
        .filter((p) => !CRISIS_KINDS.includes(p.kind as never) && p.opened)
        .map((p) => `${p.id} (${p.topic})`),
    },
    {
      name: `at most ${GOAL_FALSE_PER_TOPIC} false opening per topic`,
      failures: Object.entries(falseOpeningsPerTopic)
        .filter(([, n]) => n > GOAL_FALSE_PER_TOPIC)
        .map(([topic, n]) => `${topic}: ${n}`),
    },
  ].map((g) => ({ ...g, met: g.failures.length === 0 }));
  const goalsMet = goals.every((g) => g.met);
  return {
    recall: crises.length ? detected / crises.length : 1,
    precision: openings.length ? inCrisis.length / openings.length : 1,
    falseOpeningsPerTopicDay: falseOpenings / topicDays,
    falseOpenings,
    benignEventOpenings,
    openings: openings.length,
    medianSpikeDelayMin: median(spikeDelays),
    goalsMet,
    goals,
    falseOpeningsPerTopic,
    perEvent,
  };
}

const round = (n: number | null, d = 3) => (n === null ? null : Math.round(n * 10 ** d) / 10 ** d);

async function runSeed(seed: number) {
  const t0 = Date.now();
  const db = await startBenchDatabase('ungpho_bench_det', { log: () => undefined });
  const adminEmail = 'bench-admin@ungpho.local';
  const adminPassword = `Bench-${randomBytes(12).toString('base64url')}`;
  const app = await startBenchApp(db.url, { adminEmail, adminPassword });
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
    const unitIds = await insertBenchUnits(db.url, UNITS);
    const source = await api<{ source: { id: string } }>(app.base, 'POST', '/api/signal-sources', token, {
      name: 'SocialBeat An Hòa (bench)',
      kind: 'social_listening',
    });
    const topicIds = new Map<string, string>();
    const topicKeys = new Map<string, string>();
    for (const t of TOPICS) {
      const created = await api<{ id: string }>(app.base, 'POST', '/api/topics', token, {
        orgUnitId: unitIds.get(t.unit),
        name: t.name,
        category: t.category,
        anyTerms: t.anyTerms,
        unitNames: t.unitNames,
      });
      topicIds.set(t.key, created.id);
      topicKeys.set(created.id, t.key);
    }
    // Bench-only settings (see the header): the replayed fortnight is evaluated, suppression is off.
    await api(app.base, 'PUT', '/api/detection-settings/default', token, {
      evaluationHorizonHours: DAYS * 24 + 48,
      dismissalSuppressionHours: 0,
      // Candidate thresholds to compare with the defaults, e.g. BENCH_SETTINGS='{"trendSignificance":3}'.
      ...(JSON.parse(process.env.BENCH_SETTINGS ?? '{}') as Record<string, unknown>),
    });

    // The fortnight ends at the last midnight, Vietnam time: every run lays the same items on the same clock
    // (the diurnal shape and the events depend on the time of day), so runs compare.
    const end = Math.floor((Date.now() + 7 * 3_600_000) / 86_400_000) * 86_400_000 - 7 * 3_600_000;
    const sc = buildScenario(seed, end, DAYS, BACKGROUND);
    const openings: Opening[] = [];
    const seen = new Set<string>();
    const toResolve: { incidentId: string; at: number }[] = [];
    let items = 0;
    const transition = (id: string, to: string, reason?: string) =>
      api(app.base, 'POST', `/api/incidents/${id}/transitions`, token, { to, ...(reason ? { reason } : {}) });

    const officer = async (now: number) => {
      const rows = await sql<{
        id: string;
        topic_id: string;
        rule: string;
        window_end: Date;
        incident_id: string;
      }>(
        db.url,
        `SELECT id, topic_id, rule::text, window_end, incident_id FROM detections WHERE outcome = 'opened' ORDER BY created_at`,
      );
      const fresh = new Map<string, Opening>();
      for (const r of rows) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        if (fresh.has(r.incident_id)) continue;
        fresh.set(r.incident_id, {
          topic: topicKeys.get(r.topic_id)!,
          at: new Date(r.window_end).getTime(),
          rule: r.rule,
          incidentId: r.incident_id,
        });
      }
      for (const o of fresh.values()) {
        openings.push(o);
        const crisis = sc.events.find((ev) => CRISIS_KINDS.includes(ev.kind) && within(ev, o));
        if (crisis) toResolve.push({ incidentId: o.incidentId!, at: crisis.end + AFTER_EVENT_MS });
        else await transition(o.incidentId!, 'dismissed', 'Báo động nhầm: không phải khủng hoảng');
      }
      for (const r of toResolve.filter((x) => x.at <= now)) {
        toResolve.splice(toResolve.indexOf(r), 1);
        await transition(r.incidentId, 'active');
        await transition(r.incidentId, 'resolved');
      }
    };

    for (let i = 0; i < sc.buckets; i++) {
      const batch = sc.bucket(i);
      items += batch.length;
      for (let k = 0; k < batch.length; k += 5000) {
        const res = await api<{ rejected: unknown[] }>(app.base, 'POST', '/api/signals', token, {
          sourceId: source.source.id,
          items: batch.slice(k, k + 5000),
        });
        if (res.rejected.length)
          throw new Error(`Lô bị từ chối: ${JSON.stringify(res.rejected.slice(0, 3))}`);
      }
      if (i % CHECK_EVERY === CHECK_EVERY - 1) await officer(sc.start + (i + 1) * BUCKET_MS);
    }
    await officer(Infinity);

    const attached = await sql<{ incident_id: string; n: number }>(
      db.url,
      `SELECT i.id AS incident_id, count(e.*) FILTER (WHERE e.type = 'detection.attached')::int AS n
       FROM incidents i LEFT JOIN incident_events e ON e.incident_id = i.id GROUP BY i.id`,
    );
    const watch = await sql<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM watch_signals`)
      .then((rows) => rows[0])
      .catch(() => ({ n: null })); // before the watch list existed
    const watchByRule = await sql<{ rule: string; n: number }>(
      db.url,
      `SELECT rule, count(*)::int AS n FROM watch_signals GROUP BY rule ORDER BY rule`,
    ).catch(() => []);
    const [detections] = await sql<{ n: number }>(db.url, `SELECT count(*)::int AS n FROM detections`);
    const ungpho = score(sc, openings);
    const market: Opening[] = [];
    for (const t of TOPICS)
      for (const at of marketAlerts(sc.volumes.get(t.key)!, sc.start))
        market.push({ topic: t.key, at, rule: 'market_z3', incidentId: null });
    const baseline = score(sc, market);
    return {
      seed,
      seconds: Math.round((Date.now() - t0) / 1000),
      items,
      sc,
      ungpho,
      baseline,
      openings,
      detections: detections.n,
      watchSignals: watch.n,
      watchByRule,
      attachedPerIncident: attached.map((a) => a.n),
    };
  } finally {
    await app.stop();
    await db.stop();
  }
}

/** Delays (minutes) of the slow burns' rooms, in event order; null when none opened. */
function slowBurnDelays(r: { sc: Scenario; ungpho: Metrics }): (number | null)[] {
  return r.sc.events
    .map((ev, k) => (ev.kind === 'slow_burn' ? r.ungpho.perEvent[k].delayMin : undefined))
    .filter((d): d is number | null => d !== undefined);
}

async function main() {
  log(
    `bench:detection — ${SEEDS.length} hạt giống, ${DAYS} ngày, ${TOPICS.length} chủ đề, nền ${BACKGROUND} đề cập/5 phút/chủ đề; node ${process.version}`,
  );
  const results: Awaited<ReturnType<typeof runSeed>>[] = [];
  for (const seed of SEEDS) {
    const r = await runSeed(seed);
    results.push(r);
    // The quiet-room goal is ungpho's alone (the market alert opens no room to attach to).
    const noisy = r.attachedPerIncident.filter((n) => n > GOAL_MAX_ATTACHED);
    r.ungpho.goals.push({
      name: `at most ${GOAL_MAX_ATTACHED} detection.attached per incident`,
      met: noisy.length === 0,
      failures: noisy.length ? [`${noisy.length} incident(s), up to ${Math.max(...noisy)}`] : [],
    });
    r.ungpho.goalsMet = r.ungpho.goals.every((g) => g.met);
    const fmtDelay = (p: { opened: boolean; delayMin: number | null }) =>
      p.opened ? `mở phòng sau ${p.delayMin} phút` : 'không mở phòng';
    log('');
    log(`— Hạt giống ${seed}: ${r.items.toLocaleString('en-US')} đề cập, ${r.sc.buckets} lô, ${r.seconds} s`);
    for (let k = 0; k < r.sc.events.length; k++) {
      const ev = r.sc.events[k];
      const u = r.ungpho.perEvent[k];
      const b = r.baseline.perEvent[k];
      const crisis = CRISIS_KINDS.includes(ev.kind);
      log(
        `  ${crisis ? 'KHỦNG HOẢNG' : 'không phải '} ${EVENT_LABEL[ev.kind].padEnd(30)} ${ev.topic.padEnd(6)} ` +
          `${new Date(ev.onset).toISOString().slice(5, 16)}  ungpho: ${fmtDelay(u).padEnd(22)} mốc thị trường: ${fmtDelay(b)}`,
      );
    }
    const line = (name: string, m: Metrics) =>
      `  ${name}: recall ${round(m.recall, 2)}, precision ${round(m.precision, 2)}, mở phòng ${m.openings} ` +
      `(ngoài khủng hoảng ${m.falseOpenings}, trong đó ${m.benignEventOpenings} vì sự kiện không phải khủng hoảng), ` +
      `${round(m.falseOpeningsPerTopicDay, 3)} lần mở sai/chủ đề/ngày, trễ trung vị đột biến ${m.medianSpikeDelayMin ?? '—'} phút, ` +
      `đạt mục tiêu: ${m.goalsMet ? 'có' : 'không'}`;
    log(line('ungpho', r.ungpho));
    log(line('mốc thị trường (5 phút so với 12 giờ, z ≥ 3)', r.baseline));
    const att = r.attachedPerIncident;
    log(
      `  ungpho: ${r.detections} lần phát hiện, ${r.watchSignals ?? '—'} tín hiệu theo dõi, ` +
        `detection.attached mỗi sự cố: tối đa ${att.length ? Math.max(...att) : 0}, trung bình ${att.length ? round(att.reduce((a, b) => a + b, 0) / att.length, 1) : 0}`,
    );
    log(
      `  tín hiệu theo dõi mỗi chủ đề mỗi ngày: ${round((r.watchSignals ?? 0) / (TOPICS.length * DAYS), 2)} ` +
        `(${r.watchByRule.map((w) => `${w.rule} ${w.n}`).join(', ')})`,
    );
    log(`  tiêu cực âm ỉ: mở phòng sau ${slowBurnDelays(r).join(', ')} phút`);
    const fo = r.openings.filter(
      (o) => !r.sc.events.some((ev) => CRISIS_KINDS.includes(ev.kind) && within(ev, o)),
    );
    const perTopic = TOPICS.map((t) => fo.filter((o) => o.topic === t.key).length);
    log(`  mở sai theo chủ đề: ${TOPICS.map((t, k) => `${t.key} ${perTopic[k]}`).join(', ')}`);
    const byRule = new Map<string, number>();
    for (const o of fo) byRule.set(o.rule, (byRule.get(o.rule) ?? 0) + 1);
    if (fo.length) log(`  mở sai theo quy tắc: ${[...byRule].map(([k, v]) => `${k} ${v}`).join(', ')}`);
    for (const o of fo) log(`    mở sai: ${o.topic} ${new Date(o.at).toISOString().slice(5, 16)} ${o.rule}`);
    log(`  mục tiêu (hạt giống ${seed}, từng sự kiện, từng chủ đề):`);
    for (const g of r.ungpho.goals)
      log(
        `    ${g.met ? 'ĐẠT     ' : 'KHÔNG ĐẠT'} ${g.name}${g.failures.length ? `: ${g.failures.join('; ')}` : ''}`,
      );
  }
  const avg = (f: (m: Metrics) => number | null, which: 'ungpho' | 'baseline') => {
    const xs = results.map((r) => f(r[which])).filter((x): x is number => x !== null);
    return xs.length ? round(xs.reduce((a, b) => a + b, 0) / xs.length) : null;
  };
  const summary = (which: 'ungpho' | 'baseline') => ({
    recall: avg((m) => m.recall, which),
    precision: avg((m) => m.precision, which),
    falseOpeningsPerTopicDay: avg((m) => m.falseOpeningsPerTopicDay, which),
    medianSpikeDelayMin: avg((m) => m.medianSpikeDelayMin, which),
    goalsMetEverySeed: results.every((r) => r[which].goalsMet),
  });
  const u = summary('ungpho');
  log('');
  log(
    JSON.stringify({
      bench: 'detection',
      ...u,
      maxAttachedPerIncident: Math.max(0, ...results.flatMap((r) => r.attachedPerIncident)),
      baseline: summary('baseline'),
      seeds: results.map((r) => ({
        seed: r.seed,
        recall: round(r.ungpho.recall),
        precision: round(r.ungpho.precision),
        falseOpeningsPerTopicDay: round(r.ungpho.falseOpeningsPerTopicDay),
        medianSpikeDelayMin: r.ungpho.medianSpikeDelayMin,
        slowBurnDelaysMin: slowBurnDelays(r),
        falseOpenings: r.ungpho.falseOpenings,
        maxAttached: Math.max(0, ...r.attachedPerIncident),
        watchSignalsPerTopicDay: round((r.watchSignals ?? 0) / (TOPICS.length * DAYS), 2),
        goalsMet: r.ungpho.goalsMet,
        falseOpeningsPerTopic: r.ungpho.falseOpeningsPerTopic,
        goals: Object.fromEntries(r.ungpho.goals.map((g) => [g.name, g.met ? 'met' : g.failures])),
        baseline: {
          recall: round(r.baseline.recall),
          precision: round(r.baseline.precision),
          falseOpeningsPerTopicDay: round(r.baseline.falseOpeningsPerTopicDay),
          medianSpikeDelayMin: r.baseline.medianSpikeDelayMin,
        },
      })),
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
