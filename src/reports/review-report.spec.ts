import type { DeadlineRule } from '../incidents/entities/deadline-rule.entity.js';
import { IncidentCategory, IncidentStatus, Severity } from '../incidents/incident-types.js';
import { computeDeadlines } from '../incidents/legal-clock.js';
import { projectPeriodic, projectPress } from './periodic-report.js';
import type { TimelineEvent } from './response-metrics.js';
import { durationVi, quantile } from './response-metrics.js';
import { projectReview } from './review-report.js';
import type { ReviewInput, SeriesBucket } from './review-report.js';

// A scripted incident: every timestamp is known, so every figure of the report is known.
const T0 = new Date('2026-11-20T01:00:00Z'); // detected at 08:00 Vietnam time
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const rule = {
  id: 'r1',
  key: 'initial_information',
  label: 'Cung cấp thông tin ban đầu cho báo chí',
  value: 24,
  unit: 'hours',
  anchor: 'detected',
  categories: [],
  minSeverity: null,
  effectiveFrom: '2026-07-01',
  effectiveTo: null,
  legalSource: 'Luật Báo chí 2025',
  stoppedByStatementTypes: ['holding_statement'],
} as unknown as DeadlineRule;

let seq = 0;
const ev = (
  minutes: number,
  type: string,
  payload: Record<string, unknown> = {},
  actor = 'u-drafter',
): TimelineEvent => ({
  seq: ++seq,
  type,
  actorUserId: actor,
  payload,
  occurredAt: at(minutes),
});
const S = 'st-1';
const events: TimelineEvent[] = [
  ev(2, 'incident.opened', { origin: 'detection', severity: 'L2' }, ''),
  ev(3, 'detection.recorded', {
    detections: [{ rule: 'negative_share', severity: 'L2', summary: 'Tỷ lệ tiêu cực 62%' }],
  }),
  ev(5, 'working_group.formed', { invited: 6 }),
  ev(6, 'working_group.invitation_accepted', { role: 'drafter' }),
  ev(9, 'working_group.invitation_accepted', { role: 'team_leader' }),
  ev(15, 'working_group.assembled', { assembleSeconds: 600 }),
  ev(16, 'task.created', {
    task: {
      id: 'k1',
      title: 'Xác minh nguồn tin',
      dueAt: at(60).toISOString(),
      status: 'todo',
      completedAt: null,
    },
  }),
  ev(17, 'task.created', {
    task: {
      id: 'k2',
      title: 'Lập danh sách báo chí',
      dueAt: at(240).toISOString(),
      status: 'todo',
      completedAt: null,
    },
  }),
  ev(20, 'statement.created', { statementId: S, type: 'holding_statement', title: 'Thông tin ban đầu' }),
  ev(40, 'statement.submitted', { statementId: S, versionNumber: 1 }),
  ev(40, 'statement.stage_opened', {
    statementId: S,
    versionNumber: 1,
    stageKey: 'legal_review',
    stageName: 'Pháp chế rà soát',
  }),
  ev(40, 'statement.stage_opened', {
    statementId: S,
    versionNumber: 1,
    stageKey: 'team_leader',
    stageName: 'Tổ trưởng',
  }),
  ev(55, 'statement.stage_approved', { statementId: S, versionNumber: 1, stageKey: 'legal_review' }),
  ev(55, 'statement.decision_recorded', {
    statementId: S,
    versionNumber: 1,
    stageKey: 'legal_review',
    decision: 'approve',
    decidedByUserId: 'u-legal',
  }),
  ev(60, 'statement.decision_recorded', {
    statementId: S,
    versionNumber: 1,
    stageKey: 'team_leader',
    decision: 'request_changes',
    reason: 'Bổ sung số điện thoại',
    decidedByUserId: 'u-lead',
  }),
  ev(60, 'statement.changes_requested', {
    statementId: S,
    versionNumber: 1,
    stageKey: 'team_leader',
    reason: 'Bổ sung số điện thoại',
  }),
  ev(70, 'statement.submitted', { statementId: S, versionNumber: 2 }),
  ev(70, 'statement.stage_opened', {
    statementId: S,
    versionNumber: 2,
    stageKey: 'legal_review',
    stageName: 'Pháp chế rà soát',
  }),
  ev(70, 'statement.stage_opened', {
    statementId: S,
    versionNumber: 2,
    stageKey: 'team_leader',
    stageName: 'Tổ trưởng',
  }),
  ev(80, 'statement.stage_approved', { statementId: S, versionNumber: 2, stageKey: 'legal_review' }),
  ev(85, 'statement.stage_approved', { statementId: S, versionNumber: 2, stageKey: 'team_leader' }),
  ev(85, 'statement.stage_opened', {
    statementId: S,
    versionNumber: 2,
    stageKey: 'leader_approval',
    stageName: 'Lãnh đạo phê duyệt',
  }),
  ev(90, 'task.completed', {
    task: {
      id: 'k1',
      title: 'Xác minh nguồn tin',
      dueAt: at(60).toISOString(),
      status: 'done',
      completedAt: at(90).toISOString(),
    },
  }),
  ev(100, 'statement.stage_approved', { statementId: S, versionNumber: 2, stageKey: 'leader_approval' }),
  ev(100, 'statement.approved', {
    statementId: S,
    versionNumber: 2,
    sha256: 'a'.repeat(64),
    title: 'Thông tin ban đầu',
  }),
  ev(
    106,
    'statement.published',
    {
      statementId: S,
      type: 'holding_statement',
      versionNumber: 2,
      sha256: 'a'.repeat(64),
      title: 'Thông tin ban đầu',
      channel: 'portal',
      publishedAt: at(105).toISOString(),
      first: true,
    },
    'u-spokes',
  ),
  ev(106, 'legal_clock.stopped', { ruleKey: 'initial_information', stoppedAt: at(105).toISOString() }),
  ev(200, 'task.completed', {
    task: {
      id: 'k2',
      title: 'Lập danh sách báo chí',
      dueAt: at(240).toISOString(),
      status: 'done',
      completedAt: at(200).toISOString(),
    },
  }),
];

// Hourly buckets from 24 h before detection: a steady 10% negative, the spike, then the fall after the statement.
const hour = (h: number) => new Date(Date.UTC(2026, 10, 20, h));
const buckets: SeriesBucket[] = [];
for (let h = -23; h <= 6; h++) {
  const start = new Date(hour(0).getTime() + h * 3600_000);
  const spike: Record<number, [number, number]> = {
    0: [300, 180], // 07:00–08:00 VN: the spike, 60% negative
    1: [400, 260], // 65% (peak)
    2: [200, 110], // 55%: the statement at 02:45 UTC falls inside this bucket
    3: [100, 40], // 40%
    4: [50, 6], // 12% ≤ 10% baseline + 5 points: fallen back by 05:00
    5: [40, 4],
    6: [30, 3],
  };
  const [volume, negative] = spike[h] ?? [100, 10];
  buckets.push({ start, volume, negative });
}

const input: ReviewInput = {
  generatedAt: at(60 * 24 * 3),
  incident: {
    id: 'i1',
    code: 'SC-2026-0042',
    title: 'Tin giả về việc đóng cửa Bệnh viện đa khoa tỉnh',
    summary: null,
    category: IncidentCategory.FakeNews,
    severity: Severity.L2,
    status: IncidentStatus.Resolved,
    origin: 'detection',
    detectedAt: T0,
    responsibleUnit: { id: 'u1', code: 'SYT', name: 'Sở Y tế tỉnh An Hòa', unitType: 'department' },
    parentUnitName: 'Ủy ban nhân dân tỉnh An Hòa',
    placeName: 'An Hòa',
    concernedUnits: [],
  },
  events,
  firstSignalAt: at(-30),
  deadlines: computeDeadlines(
    [rule],
    { detectedAt: T0, category: IncidentCategory.FakeNews, severity: Severity.L2 },
    at(300),
    {},
    {
      initial_information: at(105),
    },
  ),
  series: { bucketMinutes: 60, buckets, source: 'topics' },
  recovery: { fallbackShare: 0.3, margin: 0.05, minBaselineVolume: 20, minBucketVolume: 5 },
  spread: { evidenceMentions: 10, topOutlets: [] },
  members: [],
  userNames: { 'u-legal': 'Trần Thị Pháp Chế', 'u-lead': 'Lê Văn Tổ Trưởng', 'u-spokes': 'Đỗ Thu Phát Ngôn' },
  review: null,
  playbook: null,
};

describe('projectReview (scripted incident with known timestamps)', () => {
  const r = projectReview(input);
  const metric = (key: string) => r.metrics.find((m) => m.key === key)!;

  it('computes every response time from the timeline, against the legal deadline', () => {
    expect(metric('detect').seconds).toBe(30 * 60);
    expect(metric('openRoom').seconds).toBe(2 * 60);
    expect(metric('firstAck').seconds).toBe(6 * 60);
    expect(metric('assemble').seconds).toBe(15 * 60);
    expect(metric('firstApproval').seconds).toBe(100 * 60);
    // The publication's own time (02:45), not when it was recorded (02:46).
    expect(metric('holdingStatement').seconds).toBe(105 * 60);
    expect(metric('holdingStatement').deadline).toEqual({
      key: 'initial_information',
      label: 'Cung cấp thông tin ban đầu cho báo chí',
      dueAt: at(24 * 60).toISOString(),
      met: true,
    });
    expect(r.deadlines[0]).toMatchObject({ key: 'initial_information', met: true });
  });

  it('measures approval latency per stage, versions and refusals', () => {
    expect(r.approvals.versions).toBe(2);
    expect(r.approvals.rejections).toBe(0);
    expect(r.approvals.changesRequested).toBe(1);
    expect(r.approvals.stages.map((s) => [s.versionNumber, s.stageKey, s.seconds, s.outcome])).toEqual([
      [1, 'legal_review', 15 * 60, 'approved'],
      [1, 'team_leader', 20 * 60, 'changes_requested'],
      [2, 'legal_review', 10 * 60, 'approved'],
      [2, 'team_leader', 15 * 60, 'approved'],
      [2, 'leader_approval', 15 * 60, 'approved'],
    ]);
    expect(r.approvals.decisions.map((d) => [d.decidedBy, d.decision])).toEqual([
      ['Trần Thị Pháp Chế', 'approve'],
      ['Lê Văn Tổ Trưởng', 'request_changes'],
    ]);
  });

  it('finds the tasks done late', () => {
    expect(r.tasks).toMatchObject({ total: 2, done: 2 });
    expect(r.tasks.late).toEqual([
      expect.objectContaining({ title: 'Xác minh nguồn tin', lateSeconds: 30 * 60 }),
    ]);
  });

  it('measures how long negative share took to fall back after the statement', () => {
    expect(r.spread.totalMentions).toBe(23 * 100 + 300 + 400 + 200 + 100 + 50 + 40 + 30);
    expect(r.spread.peakNegative).toEqual({ at: hour(1).toISOString(), share: 0.65, volume: 400 });
    expect(r.spread.recovery.baselineShare).toBeCloseTo(0.1, 10);
    expect(r.spread.recovery.threshold).toBeCloseTo(0.15, 10);
    // Statement at 02:45; the 03:00 bucket is 40% negative, the 04:00 bucket 12%: fallen back by 05:00.
    expect(r.spread.recovery.recoveredAt).toBe(hour(5).toISOString());
    expect(r.spread.recovery.minutes).toBe(135);
    expect(r.spread.markers).toEqual([{ at: at(105).toISOString(), label: 'Thông tin ban đầu' }]);
    expect(r.actions.publications[0]).toMatchObject({
      sha256: 'a'.repeat(64),
      publishedBy: 'Đỗ Thu Phát Ngôn',
    });
  });
});

describe('initial information given by another statement type', () => {
  it('takes the moment from the legal clock: a press release on time meets the deadline', () => {
    const pressRelease = at(300);
    const r = projectReview({
      ...input,
      events: events.filter((e) => e.type !== 'statement.published' && e.type !== 'legal_clock.stopped'),
      deadlines: computeDeadlines(
        [rule],
        { detectedAt: T0, category: IncidentCategory.FakeNews, severity: Severity.L2 },
        at(600),
        {},
        { initial_information: pressRelease },
      ),
    });
    expect(r.metrics.find((m) => m.key === 'holdingStatement')).toMatchObject({
      at: pressRelease.toISOString(),
      seconds: 300 * 60,
      deadline: expect.objectContaining({ met: true }),
    });
  });
});

describe('projectPeriodic', () => {
  it('counts by category and severity, and gives median and p90 of the response times', () => {
    const mk = (
      i: number,
      category: IncidentCategory,
      severity: Severity,
      holdingMinutes: number | null,
      status = 'closed',
    ) => {
      const d = new Date(T0.getTime() + i * 86_400_000);
      const evs: TimelineEvent[] = [
        {
          seq: 1,
          type: 'incident.opened',
          actorUserId: null,
          payload: {},
          occurredAt: new Date(d.getTime() + 60_000),
        },
      ];
      if (holdingMinutes !== null) {
        evs.push({
          seq: 2,
          type: 'statement.published',
          actorUserId: null,
          payload: {
            type: 'holding_statement',
            publishedAt: new Date(d.getTime() + holdingMinutes * 60_000).toISOString(),
          },
          occurredAt: new Date(d.getTime() + holdingMinutes * 60_000),
        });
      }
      return {
        id: `i${i}`,
        code: `SC-${i}`,
        title: `Sự cố ${i}`,
        category,
        severity,
        status,
        detectedAt: d,
        events: evs,
        firstSignalAt: null,
        deadlines: computeDeadlines(
          [rule],
          { detectedAt: d, category, severity },
          at(60 * 24 * 30),
          {},
          holdingMinutes === null
            ? {}
            : { initial_information: new Date(d.getTime() + holdingMinutes * 60_000) },
        ),
      };
    };
    const r = projectPeriodic({
      generatedAt: at(60 * 24 * 30),
      unit: {
        id: 'u1',
        name: 'Sở Y tế tỉnh An Hòa',
        code: 'SYT',
        unitType: 'department',
        parentName: null,
        placeName: 'An Hòa',
      },
      from: '2026-01-01',
      to: '2026-12-10',
      incidents: [
        mk(0, IncidentCategory.FakeNews, Severity.L2, 60),
        mk(1, IncidentCategory.FakeNews, Severity.L3, 120),
        mk(2, IncidentCategory.PublicHealth, Severity.L2, 180),
        mk(3, IncidentCategory.PublicHealth, Severity.L1, 240),
        mk(4, IncidentCategory.PolicyBacklash, Severity.L2, 25 * 60),
        mk(5, IncidentCategory.FakeNews, Severity.L1, null, 'dismissed'),
      ],
      publications: [],
      spokespersonChanges: [],
      press: {
        conferencesHeld: { byKind: {}, ownRegular: 0 },
        conferencesRequired: null,
        coverage: [],
        inquiries: { received: 0, answered: 0, answeredOnTime: 0, refusalsByGround: [] },
        generatedAt: at(60 * 24 * 30),
      },
    });
    expect(r.totals).toEqual({ incidents: 5, dismissed: 1, bySeverity: { L1: 1, L2: 3, L3: 1, L4: 0 } });
    expect(r.byCategory.find((c) => c.category === 'fake_news')).toMatchObject({
      total: 2,
      bySeverity: { L2: 1, L3: 1 },
    });
    const holding = r.metrics.find((m) => m.key === 'holdingStatement')!;
    // 60, 120, 180, 240, 1500 minutes: median 180 min; p90 = 240 + 0.6 × (1500 − 240) = 996 min.
    expect(holding).toMatchObject({ incidents: 5, medianSeconds: 180 * 60, p90Seconds: 996 * 60 });
    expect(r.deadlineCompliance).toEqual([
      expect.objectContaining({ key: 'initial_information', met: 4, missed: 1, pending: 0, rate: 0.8 }),
    ]);
  });

  it('counts the press desk’s conferences against the cadence and its press reports by answer', () => {
    const d = (iso: string) => new Date(iso);
    const press = projectPress({
      conferencesHeld: { byKind: { regular: 3, emergency: 1 }, ownRegular: 2 },
      conferencesRequired: { count: 4, intervalMonths: 3, legalSource: 'NĐ 09/2017' },
      coverage: [
        {
          status: 'closed',
          dueAt: d('2026-03-03'),
          respondedAt: d('2026-03-02'),
          responseKind: 'correction_request',
          outcomeKind: 'correction_published',
        },
        {
          status: 'responded',
          dueAt: d('2026-05-03'),
          respondedAt: d('2026-05-04'),
          responseKind: 'incident',
          outcomeKind: null,
        },
        {
          status: 'received',
          dueAt: d('2026-06-03'),
          respondedAt: null,
          responseKind: null,
          outcomeKind: null,
        },
        {
          status: 'received',
          dueAt: d('2026-12-30'),
          respondedAt: null,
          responseKind: null,
          outcomeKind: null,
        },
      ],
      inquiries: {
        received: 3,
        answered: 1,
        answeredOnTime: 1,
        refusalsByGround: [{ ground: 'state_secret', label: 'Bí mật nhà nước', count: 1 }],
      },
      generatedAt: d('2026-12-10'),
    });
    expect(press.conferences).toMatchObject({ held: 4, ownRegularHeld: 2, required: { count: 4 } });
    expect(press.coverage).toMatchObject({
      received: 4,
      answered: 2,
      answeredOnTime: 1,
      answeredLate: 1,
      open: 2,
      overdue: 1,
      byResponse: { correctionRequest: 1, incident: 1, answer: 0, replyRequest: 0 },
      correctionsPublished: 1,
    });
    expect(press.inquiries.refusalsByGround).toEqual([
      { ground: 'state_secret', label: 'Bí mật nhà nước', count: 1 },
    ]);
  });

  it('quantiles and durations read as expected', () => {
    expect(quantile([], 0.5)).toBeNull();
    expect(quantile([5], 0.9)).toBe(5);
    expect(durationVi(3725)).toBe('1 giờ 2 phút');
    expect(durationVi(45)).toBe('45 giây');
    expect(durationVi(90061)).toBe('1 ngày 1 giờ 1 phút');
  });
});
