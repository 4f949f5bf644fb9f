/**
 * npm run bench:report
 *
 * The review report of one incident with 100,000 mentions and 5,000 timeline events, and the yearly periodic
 * report of a province over 500 incidents, through the HTTP API of the built service (a child process, as in
 * production) on a fresh database (DATABASE_URL's server, or an embedded PostgreSQL). The data is written
 * straight into the tables (the write path is measured by the other benchmarks), shaped as the service writes
 * it. Each report is fetched once to warm up, then BENCH_RUNS times; the median is reported, with PDF times.
 * Goal: each report under 2 s. The last line is
 * {"bench":"report","reviewMs":N,"periodicMs":N}
 */
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { api, startBenchApp } from './support/bench-app.js';
import type { BenchApp } from './support/bench-app.js';
import { sql, startBenchDatabase } from './support/bench-database.js';

const env = (name: string, fallback: number) => {
  const v = process.env[name];
  return v === undefined ? fallback : Number(v);
};
const MENTIONS = Math.floor(env('BENCH_MENTIONS', 100_000));
const EVENTS = Math.floor(env('BENCH_EVENTS', 5_000));
const INCIDENTS = Math.floor(env('BENCH_INCIDENTS', 500));
const RUNS = Math.floor(env('BENCH_RUNS', 5));
const KEEP = process.env.BENCH_KEEP === '1';

const log = (...args: unknown[]) => console.log(...args);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

async function timed(app: BenchApp, token: string, url: string): Promise<{ ms: number; bytes: number }> {
  const t0 = performance.now();
  const res = await fetch(`${app.base}${url}`, { headers: { authorization: `Bearer ${token}` } });
  const body = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`GET ${url} → ${res.status} ${body.toString('utf8', 0, 300)}`);
  return { ms, bytes: body.length };
}

async function measure(app: BenchApp, token: string, label: string, url: string): Promise<number> {
  const warm = await timed(app, token, url);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await timed(app, token, url)).ms);
  const m = median(times);
  log(
    `  ${label.padEnd(34)} trung vị ${m.toFixed(0).padStart(5)} ms  (min ${Math.min(...times).toFixed(0)}, ` +
      `max ${Math.max(...times).toFixed(0)}, lần đầu ${warm.ms.toFixed(0)} ms, ${fmt(warm.bytes)} byte)`,
  );
  return m;
}

async function main() {
  log(
    `bench:report — báo cáo sự cố: ${fmt(MENTIONS)} tin, ${fmt(EVENTS)} sự kiện; báo cáo định kỳ: ${fmt(INCIDENTS)} sự cố; ` +
      `${RUNS} lần đo; node ${process.version}, ${cpus().length} lõi`,
  );
  const db = await startBenchDatabase('ungpho_report', { keep: KEEP, log });
  let app: BenchApp | undefined;
  try {
    const adminEmail = 'bench-admin@ungpho.local';
    const adminPassword = `Bench-${randomBytes(12).toString('base64url')}`;
    app = await startBenchApp(db.url, { adminEmail, adminPassword, env: { JOBS_WORKER_ENABLED: 'false' } });
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
    const q = (text: string, params: unknown[] = []) => sql(db.url, text, params);

    // Directory: a province and one of its departments.
    const [province] = await q(
      `INSERT INTO org_units (code, name, unit_type, valid_from) VALUES ('AH', 'Ủy ban nhân dân tỉnh An Hòa', 'province', '2025-07-01') RETURNING id`,
    );
    const [dept] = await q(
      `INSERT INTO org_units (code, name, unit_type, parent_id, valid_from) VALUES ('AH-SYT', 'Sở Y tế tỉnh An Hòa', 'department', $1, '2025-07-01') RETURNING id`,
      [province.id],
    );
    const snapshot = { id: dept.id, code: 'AH-SYT', name: 'Sở Y tế tỉnh An Hòa', unitType: 'department' };
    const source = await api<{ source: { id: string } }>(app.base, 'POST', '/api/signal-sources', token, {
      name: 'SocialBeat An Hòa (bench)',
      kind: 'social_listening',
      orgUnitId: dept.id,
    });
    const topic = await api<{ id: string }>(app.base, 'POST', '/api/topics', token, {
      orgUnitId: dept.id,
      name: 'Ngộ độc thực phẩm trường học',
      anyTerms: ['ngộ độc'],
    });

    // The incident under review: detected three days ago, its room opened through the API.
    const detectedAt = new Date(Math.floor((Date.now() - 3 * 86_400_000) / 3_600_000) * 3_600_000);
    const incident = await api<{ id: string }>(app.base, 'POST', '/api/incidents', token, {
      title: 'Tin sai sự thật về ngộ độc thực phẩm tại trường Tiểu học Hòa Bình',
      category: 'public_health',
      severity: 'L3',
      responsibleOrgUnitId: dept.id,
      detectedAt: detectedAt.toISOString(),
    });
    const t0 = performance.now();
    // 100,000 mentions over the 24 h before and 48 h after detection; negative share rises at detection and
    // falls after the statement (6 h after detection).
    await q(
      `INSERT INTO mentions (source_id, external_id, source_type, platform, outlet, url, title, text, content_hash,
                             published_at, collected_at, reach, sentiment, sentiment_origin, occurred_month)
       SELECT $1, 'b-' || g, 'social', 'facebook', 'Nhóm ' || (g % 40), 'https://example.vn/p/' || g,
              'Học sinh nghi ngộ độc sau bữa ăn bán trú ' || g, 'Nội dung đề cập số ' || g || ' về ngộ độc thực phẩm',
              md5(g::text) || md5((g * 7)::text), t, t + interval '1 minute', 100 + (g % 5000),
              (CASE WHEN t >= $3::timestamptz AND t < $3::timestamptz + interval '6 hours' AND g % 10 < 6 THEN 'negative'
                    WHEN t >= $3::timestamptz + interval '6 hours' AND g % 10 < 2 THEN 'negative'
                    WHEN t < $3::timestamptz AND g % 10 = 0 THEN 'negative'
                    ELSE 'neutral' END)::sentiment_label, 'source',
              date_trunc('month', t AT TIME ZONE 'UTC')::date
         FROM (SELECT g, $3::timestamptz - interval '24 hours' + (g * (72 * 3600.0 / $2)) * interval '1 second' AS t
                 FROM generate_series(1, $2::int) g) s`,
      [source.source.id, MENTIONS, detectedAt],
    );
    await q(
      `INSERT INTO mention_topics (mention_id, topic_id, matched_on, occurred_at, author, sentiment)
       SELECT id, $1, 'keywords', published_at, coalesce(outlet, platform, source_type::text), sentiment
         FROM mentions WHERE source_id = $2`,
      [topic.id, source.source.id],
    );
    await q(
      `INSERT INTO topic_buckets (topic_id, bucket_start, bucket_seconds, volume, negative_count, reach_sum)
       SELECT $1, date_bin('5 minutes', published_at, '2000-01-01'), 300, count(*),
              count(*) FILTER (WHERE sentiment = 'negative'), sum(reach)
         FROM mentions WHERE source_id = $2 GROUP BY 2`,
      [topic.id, source.source.id],
    );
    await q(`INSERT INTO incident_topics (incident_id, topic_id) VALUES ($1, $2)`, [incident.id, topic.id]);
    await q(
      `INSERT INTO incident_mentions (incident_id, mention_id) SELECT $1, id FROM mentions WHERE source_id = $2`,
      [incident.id, source.source.id],
    );

    // 5,000 timeline events: the response's milestones, then tasks, chat and fact events as the service writes them.
    const [{ last_seq: startSeq }] = await q(`SELECT last_seq FROM incidents WHERE id = $1`, [incident.id]);
    const sha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    const milestones: [number, string, Record<string, unknown>][] = [
      [5, 'working_group.formed', { invited: 12 }],
      [8, 'working_group.invitation_accepted', { role: 'team_leader' }],
      [40, 'working_group.assembled', { assembleSeconds: 2100 }],
      [60, 'statement.created', { statementId: 's1', type: 'holding_statement', title: 'Thông tin ban đầu' }],
      [120, 'statement.submitted', { statementId: 's1', versionNumber: 1 }],
      [
        120,
        'statement.stage_opened',
        { statementId: 's1', versionNumber: 1, stageKey: 'legal_review', stageName: 'Pháp chế rà soát' },
      ],
      [150, 'statement.stage_approved', { statementId: 's1', versionNumber: 1, stageKey: 'legal_review' }],
      [
        150,
        'statement.stage_opened',
        { statementId: 's1', versionNumber: 1, stageKey: 'leader_approval', stageName: 'Lãnh đạo phê duyệt' },
      ],
      [200, 'statement.stage_approved', { statementId: 's1', versionNumber: 1, stageKey: 'leader_approval' }],
      [
        200,
        'statement.approved',
        { statementId: 's1', versionNumber: 1, sha256: sha, title: 'Thông tin ban đầu' },
      ],
      [
        360,
        'statement.published',
        {
          statementId: 's1',
          type: 'holding_statement',
          versionNumber: 1,
          sha256: sha,
          title: 'Thông tin ban đầu',
          channel: 'portal',
          publishedAt: new Date(detectedAt.getTime() + 360 * 60_000).toISOString(),
          first: true,
        },
      ],
      [
        360,
        'legal_clock.stopped',
        {
          ruleKey: 'initial_information',
          label: 'Cung cấp thông tin ban đầu cho báo chí',
          stoppedAt: new Date(detectedAt.getTime() + 360 * 60_000).toISOString(),
        },
      ],
    ];
    await q(
      `INSERT INTO incident_events (incident_id, seq, type, payload, occurred_at)
       SELECT $1, $2::int + o, m->>'type', m->'payload', $3::timestamptz + ((m->>'minute')::int * interval '1 minute')
         FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS x(m, o)`,
      [
        incident.id,
        startSeq,
        detectedAt,
        JSON.stringify(milestones.map(([minute, type, payload]) => ({ minute, type, payload }))),
      ],
    );
    const filler = Math.max(0, EVENTS - Number(startSeq) - milestones.length);
    await q(
      `INSERT INTO incident_events (incident_id, seq, type, payload, occurred_at)
       SELECT $1, $2::int + g,
              (ARRAY['chat.posted', 'chat.posted', 'chat.posted', 'task.created', 'task.updated', 'fact.recorded'])[1 + g % 6],
              CASE WHEN g % 6 IN (3, 4) THEN jsonb_build_object('task', jsonb_build_object('id', 't' || (g / 6),
                     'title', 'Nhiệm vụ ' || (g / 6), 'dueAt', to_jsonb($3::timestamptz + (g / 6) * interval '10 minutes'),
                     'status', CASE WHEN g % 6 = 4 THEN 'done' ELSE 'todo' END,
                     'completedAt', CASE WHEN g % 6 = 4 THEN to_jsonb($3::timestamptz + (g / 6) * interval '11 minutes') END))
                   WHEN g % 6 = 5 THEN jsonb_build_object('fact', jsonb_build_object('statement', 'Sự kiện ' || g))
                   ELSE jsonb_build_object('messageId', g, 'text', 'Trao đổi trong phòng số ' || g) END,
              $3::timestamptz + interval '6 hours' + g * interval '30 seconds'
         FROM generate_series(1, $4::int) g`,
      [incident.id, Number(startSeq) + milestones.length, detectedAt, filler],
    );
    await q(
      `UPDATE incidents SET last_seq = (SELECT max(seq) FROM incident_events WHERE incident_id = $1) WHERE id = $1`,
      [incident.id],
    );

    // The year of the province: 500 incidents spread over it, with their milestones and evidence.
    const year = new Date().getUTCFullYear();
    const yearStart = new Date(`${year}-01-01T00:00:00+07:00`);
    await q(
      `INSERT INTO incidents (code, title, category, severity, status, responsible_org_unit_id, responsible_unit_snapshot,
                              origin, detected_at, status_changed_at, last_seq)
       SELECT 'BN-' || g, 'Sự cố truyền thông số ' || g,
              (ARRAY['fake_news','policy_backlash','accident_disaster','public_health','service_failure','misconduct_allegation','data_leak','other'])[1 + g % 8]::incident_category,
              (ARRAY['L1','L2','L2','L3','L4'])[1 + g % 5]::incident_severity,
              (CASE WHEN g % 25 = 0 THEN 'dismissed' ELSE 'closed' END)::incident_status, $1, $2::jsonb, 'detection',
              $3::timestamptz + (g * (330 * 86400.0 / $4)) * interval '1 second', now(), 6
         FROM generate_series(1, $4::int) g`,
      [dept.id, JSON.stringify(snapshot), yearStart, INCIDENTS],
    );
    await q(
      `INSERT INTO incident_events (incident_id, seq, type, payload, occurred_at)
       SELECT i.id, e.seq, e.type,
              CASE WHEN e.type = 'statement.published' THEN jsonb_build_object('type', 'holding_statement', 'channel',
                     CASE WHEN h % 7 = 0 THEN 'press_conference' ELSE 'portal' END, 'first', true,
                     'publishedAt', to_jsonb(i.detected_at + (e.minute + h % 1800) * interval '1 minute'))
                   WHEN e.type = 'legal_clock.stopped' THEN jsonb_build_object('ruleKey', 'initial_information',
                     'stoppedAt', to_jsonb(i.detected_at + (e.minute + h % 1800) * interval '1 minute'))
                   ELSE '{}'::jsonb END,
              i.detected_at + (e.minute + CASE WHEN e.type IN ('statement.published', 'legal_clock.stopped') THEN h % 1800 ELSE h % 60 END) * interval '1 minute'
         FROM (SELECT id, detected_at, abs(hashtext(id::text)) AS h FROM incidents WHERE code LIKE 'BN-%') i
        CROSS JOIN (VALUES (1, 'incident.opened', 1), (2, 'working_group.invitation_accepted', 10),
                           (3, 'working_group.assembled', 30), (4, 'statement.approved', 90),
                           (5, 'statement.published', 120), (6, 'legal_clock.stopped', 120)) AS e(seq, type, minute)`,
    );
    await q(
      `INSERT INTO incident_mentions (incident_id, mention_id)
       SELECT i.id, m.id FROM (SELECT id, row_number() OVER () AS r FROM incidents WHERE code LIKE 'BN-%') i
         JOIN LATERAL (SELECT id FROM mentions WHERE external_id IN (SELECT 'b-' || (i.r * 20 + k) FROM generate_series(1, 20) k)) m ON true`,
    );
    await q('ANALYZE');
    const [counts] = await q(
      `SELECT (SELECT count(*) FROM incident_mentions WHERE incident_id = $1)::int AS mentions,
              (SELECT count(*) FROM incident_events WHERE incident_id = $1)::int AS events,
              (SELECT count(*) FROM incidents)::int AS incidents,
              (SELECT count(*) FROM incident_events)::int AS all_events`,
      [incident.id],
    );
    log(
      `Dữ liệu: sự cố xem xét có ${fmt(counts.mentions as number)} tin, ${fmt(counts.events as number)} sự kiện; ` +
        `${fmt(counts.incidents as number)} sự cố, ${fmt(counts.all_events as number)} sự kiện trong cơ sở dữ liệu ` +
        `(nạp trong ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );

    log('Thời gian (HTTP, đo từ client):');
    const reviewMs = await measure(
      app,
      token,
      'báo cáo sự cố (JSON)',
      `/api/incidents/${incident.id}/report`,
    );
    await measure(app, token, 'báo cáo sự cố (PDF)', `/api/incidents/${incident.id}/report?format=pdf`);
    await measure(app, token, 'báo cáo sự cố (HTML)', `/api/incidents/${incident.id}/report?format=html`);
    const period = `orgUnitId=${province.id}&from=${year}-01-01&to=${year}-12-31`;
    const periodicMs = await measure(
      app,
      token,
      `báo cáo định kỳ năm ${year} (JSON)`,
      `/api/reports/periodic?${period}`,
    );
    await measure(
      app,
      token,
      `báo cáo định kỳ năm ${year} (PDF)`,
      `/api/reports/periodic?${period}&format=pdf`,
    );
    const periodic = await api<{ totals: { incidents: number; dismissed: number } }>(
      app.base,
      'GET',
      `/api/reports/periodic?${period}`,
      token,
    );
    log(`Báo cáo định kỳ: ${periodic.totals.incidents} sự cố, ${periodic.totals.dismissed} báo động nhầm`);
    log(`Mục tiêu: mỗi báo cáo dưới 2000 ms — ${reviewMs < 2000 && periodicMs < 2000 ? 'ĐẠT' : 'CHƯA ĐẠT'}`);
    log(
      JSON.stringify({ bench: 'report', reviewMs: Math.round(reviewMs), periodicMs: Math.round(periodicMs) }),
    );
  } finally {
    await app?.stop();
    await db.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
