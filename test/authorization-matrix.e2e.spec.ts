import { randomBytes, randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { connectSocket } from '../bench/support/fuzz-engine.js';
import {
  checkPermissionTable,
  expectedAnswer,
  HTTP_PERMISSIONS,
  SOCKET_PERMISSIONS,
} from '../src/access/permissions.js';
import type { Answer, Permission } from '../src/access/permissions.js';
import { Role } from '../src/auth/role.js';
import { SHIPPED_PLAYBOOKS } from '../src/playbooks/shipped/index.js';
import { makeOrgUnit, makePerson } from './support/factories.js';
import { registeredRoutes, registeredSocketCommands } from './support/registered-routes.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';

/** The callers: no token, then each platform role, acting for unit A (admins act everywhere). */
const CALLERS: (Role | null)[] = [null, Role.Admin, Role.Leader, Role.Officer, Role.Analyst, Role.Observer];

/** One unit's things, every route's path parameters filled from them. */
interface UnitData {
  unit: string;
  topic: string;
  source: string;
  incident: string;
  detection: string;
  statement: string;
  draft: string;
  comment: string;
  task: string;
  fact: string;
  /** Three members: one removed, one replaced, one handing over (the admin's requests succeed). */
  member: string;
  replaced: string;
  handedOver: string;
  invitation: string;
  playbook: string;
  watchSignal: string;
  delegation: string;
  proposal: string;
  /** An officer of the unit who is none of the callers: delegations go to them, proposals come from them. */
  deputy: string;
  /** The hash of the submitted statement's version 1. */
  sha256: string;
  /** A source of kind `feed`, one of its addresses, and one more for each role that may remove one. */
  feedSource: string;
  feed: string;
  removableFeeds: Partial<Record<Role, string>>;
  /** A file import uploaded to `source`. */
  importJob: string;
  /** An officer's report with a screenshot. */
  officerReport: string;
  /** The press desk: an outlet and a journalist (shared by every unit), a request linked to the incident. */
  outlet: string;
  journalist: string;
  inquiry: string;
  question: string;
  coverage: string;
  conference: string;
  commitment: string;
}

interface Outcome {
  key: string;
  caller: string;
  unit: 'own' | 'other';
  expected: Answer;
  actual: Answer;
  detail: string;
}

/** Every caller's password (a decision is signed by typing it again). */
const PASSWORD = `Mk-${randomBytes(9).toString('base64url')}`;

const tag = () => randomBytes(3).toString('hex');

/** A file as exported by a listening platform, and the columns it is mapped with. */
const IMPORT_CSV = 'Nội dung,Thời gian đăng,Sắc thái\nGiá điện tăng gấp đôi,01/12/2026 08:00,Tiêu cực\n';
const IMPORT_MAPPING = {
  columns: { text: 'Nội dung', publishedAt: 'Thời gian đăng', sentiment: 'Sắc thái' },
  dateFormat: 'dd/MM/yyyy HH:mm',
  utcOffset: '+07:00',
  defaultSourceType: 'social',
};
/** A 1×1 PNG, the screenshot of an officer's report. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function classifyStatus(status: number): Answer {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'hidden';
  return 'allow';
}

function classifyAck(ack: { ok: boolean; error?: { code: string } }): Answer {
  if (ack.ok) return 'allow';
  const code = ack.error!.code;
  if (code === 'UNAUTHENTICATED' || code === 'TOKEN_INVALID') return 'unauthenticated';
  if (code === 'FORBIDDEN') return 'forbidden';
  // A draft the caller could not open is out of reach as a missing one.
  if (code === 'NOT_FOUND' || code === 'ROOM_NOT_JOINED') return 'hidden';
  return 'allow';
}

/**
 * The authorization matrix: every registered HTTP route and `/rooms` command, asked by every platform role of the
 * owning unit and of another unit (and without a token), answered as `src/access/permissions.ts` says.
 */
describe('authorization matrix (e2e)', () => {
  let t: TestApp;
  const users = new Map<Role, TestUser>();
  let own: UnitData;
  let other: UnitData;
  let spareUser: string;
  let sparePerson: string;
  let province: string;
  /** A ground for refusing a press request, in force (its key drafts a refusal). */
  let ground: { id: string; key: string };
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    province = (await makeOrgUnit(ds, { name: `Tỉnh An Hòa ${tag()}`, unitType: 'province' as never })).id;
    const unitA = (await makeOrgUnit(ds, { name: `Sở Công Thương ${tag()}`, parentId: province })).id;
    const unitB = (await makeOrgUnit(ds, { name: `Sở Y tế ${tag()}`, parentId: province })).id;
    users.set(Role.Admin, await t.createUser({ roles: [Role.Admin], password: PASSWORD }));
    for (const role of [Role.Leader, Role.Officer, Role.Analyst, Role.Observer]) {
      const person = await makePerson(ds, unitA);
      users.set(role, await t.createUser({ roles: [role], personId: person.id, password: PASSWORD }));
    }
    const spare = await t.createUser({ roles: [Role.Observer] });
    spareUser = spare.user.id;
    sparePerson = (await makePerson(ds, province)).id;
    const groundKey = `bi_mat_${tag()}`;
    ground = {
      key: groundKey,
      id: await created('/api/press/refusal-grounds', {
        key: groundKey,
        label: 'Thông tin thuộc bí mật nhà nước',
        legalSource: 'Luật Báo chí 2016, Điều 38',
        effectiveFrom: '2020-01-01',
      }),
    };
    [own, other] = await Promise.all([seedUnit(unitA), seedUnit(unitB)]);
  }, 120_000);
  afterAll(() => t?.close());

  const admin = () => users.get(Role.Admin)!;
  async function call(method: string, url: string, as: TestUser | null, body?: unknown) {
    const req = t.http()[method.toLowerCase() as 'get'](url).timeout(30_000);
    if (as) req.set(as.auth);
    return body === undefined ? req : req.send(body as object);
  }
  async function created(url: string, body: object, field = 'id', as = admin()): Promise<string> {
    const res = await call('POST', url, as, body);
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return field
      .split('.')
      .reduce((o: Record<string, unknown>, k) => o[k] as never, res.body) as unknown as string;
  }

  async function joinGroup(incident: string, person: string, role: string, status: 'accepted' | 'invited') {
    const [{ id }] = await t.dataSource.query(
      `INSERT INTO working_group_members
         (incident_id, role, person_id, status, reason, pick, invited_at, ack_due_at, responded_at, assumed_at)
       VALUES ($1, $2, $3, $4::varchar, 'Phân công', '{}'::jsonb, now(), now() + interval '1 hour',
         CASE WHEN $4::text = 'accepted' THEN now() END, CASE WHEN $4::text = 'accepted' THEN now() END)
       RETURNING id`,
      [incident, role, person, status],
    );
    return id as string;
  }

  /** A unit with a topic, a source, a declared incident and everything inside it, made by an admin. */
  async function seedUnit(unit: string): Promise<UnitData> {
    const ds = t.dataSource;
    const topic = await created('/api/topics', {
      orgUnitId: unit,
      name: `Giá điện ${tag()}`,
      anyTerms: ['gia dien'],
    });
    const source = await created(
      '/api/signal-sources',
      { name: `Nguồn ${tag()}`, kind: 'social_listening', orgUnitId: unit },
      'source.id',
    );
    const declared = await call('POST', '/api/detections/manual', admin(), {
      title: `Phản ánh giá điện tăng ${tag()}`,
      note: 'Nhiều hộ dân phản ánh hóa đơn tăng gấp đôi',
      category: 'policy_backlash',
      severity: 'L2',
      orgUnitId: unit,
      topicId: topic,
    });
    expect(declared.status).toBe(201);
    const incident: string = declared.body.incidentId;
    const statement = await created(`/api/incidents/${incident}/statements`, {
      type: 'press_release',
      title: 'Thông cáo báo chí',
      body: 'Sở đang xác minh thông tin.',
    });
    const draft = await created(`/api/incidents/${incident}/statements`, {
      type: 'press_release',
      title: 'Dự thảo trả lời',
      body: 'Nội dung.',
    });
    // Approvers for the submission (accounts other than the callers: those hold no group role).
    await ds.query(
      `INSERT INTO working_groups (incident_id, rule_id, activated_at) VALUES ($1, NULL, now()) ON CONFLICT DO NOTHING`,
      [incident],
    );
    const holders = new Map<string, TestUser>();
    for (const role of ['legal_reviewer', 'team_leader', 'approving_leader', 'spokesperson']) {
      const person = (await makePerson(ds, unit, { tags: ['head'] })).id;
      holders.set(role, await t.createUser({ roles: [Role.Observer], personId: person }));
      await joinGroup(incident, person, role, 'accepted');
    }
    const approver = holders.get('approving_leader')!;
    // Delegations and invitations are addressed to people other than the callers.
    const deputy = await t.createUser({ roles: [Role.Officer], personId: (await makePerson(ds, unit)).id });
    const comment = await created(`/api/statements/${statement}/comments`, {
      field: 'body',
      index: 0,
      length: 3,
      body: 'Cần sửa câu đầu.',
    });
    await created(`/api/statements/${statement}/submit`, {}, 'status');
    const versions = await call('GET', `/api/statements/${statement}/versions`, admin());
    const sha256: string = versions.body.items[0].sha256;
    const task = await created(`/api/incidents/${incident}/tasks`, { title: 'Xác minh nguồn tin' });
    const fact = await created(`/api/incidents/${incident}/facts`, {
      statement: 'Giá điện không đổi từ tháng 3',
      source: 'Công ty Điện lực',
    });
    const memberPerson = (await makePerson(ds, unit)).id;
    const invitedPerson = (await makePerson(ds, unit)).id;
    const member = await joinGroup(incident, memberPerson, 'drafter', 'accepted');
    const replaced = await joinGroup(incident, (await makePerson(ds, unit)).id, 'drafter', 'accepted');
    const handedOver = await joinGroup(incident, (await makePerson(ds, unit)).id, 'drafter', 'accepted');
    const invitation = await joinGroup(incident, invitedPerson, 'monitoring_analyst', 'invited');
    const playbook = await created('/api/playbooks', {
      key: `don-vi-${tag()}`,
      title: `Cẩm nang của đơn vị ${tag()}`,
      orgUnitId: unit,
      content: SHIPPED_PLAYBOOKS[0].content,
    });
    const [{ id: watchSignal }] = await ds.query(
      `INSERT INTO watch_signals (topic_id, org_unit_id, rule, category, window_start, window_end, title, summary,
         evidence, mention_ids)
       VALUES ($1, $2, 'spike', 'policy_backlash', now() - interval '1 hour', now(), 'Tăng đột biến', 'Tóm tắt',
         '{}'::jsonb, '{}') RETURNING id`,
      [topic, unit],
    );
    const delegation = await created(
      '/api/approval-delegations',
      {
        delegateUserId: deputy.user.id,
        incidentId: incident,
        matter: 'Duyệt thông cáo khi vắng mặt',
        validTo: new Date(Date.now() + 86_400_000).toISOString(),
      },
      'id',
      approver,
    );
    const proposal = await created(`/api/playbook-proposals`, proposalBody(playbook), 'id', deputy);
    const newsroom = await seedNewsroom(unit, source, incident);
    return {
      ...newsroom,
      unit,
      topic,
      source,
      incident,
      detection: declared.body.detection.id,
      statement,
      draft,
      comment,
      task,
      fact,
      member,
      replaced,
      handedOver,
      invitation,
      playbook,
      watchSignal,
      delegation,
      proposal,
      deputy: deputy.user.id,
      sha256,
    };
  }

  /** The unit's feeds, file import, officer's report and press desk, made by an admin. */
  async function seedNewsroom(unit: string, source: string, incident: string) {
    const feedSource = await created(
      '/api/signal-sources',
      { name: `Báo chí RSS ${tag()}`, kind: 'feed', orgUnitId: unit },
      'source.id',
    );
    // Switched off: nothing is fetched while the matrix runs.
    const feedBody = (name: string) => ({
      sourceId: feedSource,
      url: `https://baoanhoa.example.vn/${name}-${tag()}.rss`,
      outletName: 'Báo An Hòa',
      outletType: 'online_news',
      intervalSeconds: 3600,
      active: false,
    });
    const feed = await created('/api/feeds', feedBody('thoi-su'));
    const removableFeeds: Partial<Record<Role, string>> = {};
    for (const role of [Role.Admin, Role.Leader, Role.Analyst])
      removableFeeds[role] = await created('/api/feeds', feedBody(`y-te-${role}`));
    const uploaded = await t
      .http()
      .post('/api/signal-imports')
      .set(admin().auth)
      .field('sourceId', source)
      .attach('file', Buffer.from(IMPORT_CSV), 'tin-bai.csv');
    if (uploaded.status !== 201)
      throw new Error(`upload: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
    const reported = await t
      .http()
      .post('/api/officer-reports')
      .set(admin().auth)
      .field('orgUnitId', unit)
      .field('text', 'Bài đăng nói sai về giá điện tháng này')
      .field('sentiment', 'negative')
      .attach('evidence', PNG, 'anh-chup.png');
    if (reported.status !== 201)
      throw new Error(`report: ${reported.status} ${JSON.stringify(reported.body)}`);
    const outlet = await created('/api/press/outlets', { name: `Báo An Hòa ${tag()}`, type: 'online' });
    const journalist = await created('/api/press/journalists', {
      fullName: 'Lý Thị Mai',
      outletId: outlet,
      email: `mai-${tag()}@baoanhoa.example.vn`,
    });
    const inquiry = await created('/api/press/inquiries', {
      channel: 'email',
      subject: 'Hóa đơn tiền điện tăng',
      questions: ['Vì sao hóa đơn tăng gấp đôi?'],
      journalistId: journalist,
      addressedOrgUnitId: unit,
      incidentId: incident,
    });
    const [{ id: question }] = await t.dataSource.query(
      'SELECT id FROM press_inquiry_questions WHERE inquiry_id = $1',
      [inquiry],
    );
    const coverage = await created('/api/press/coverage', {
      orgUnitId: unit,
      outletId: outlet,
      medium: 'online',
      title: 'Hóa đơn tiền điện tăng gấp đôi',
      publishedAt: new Date(Date.now() - 3_600_000).toISOString(),
      summary: 'Bài báo phản ánh hóa đơn tiền điện của nhiều hộ dân tăng gấp đôi.',
    });
    const conference = await created('/api/press/conferences', {
      orgUnitId: unit,
      kind: 'thematic',
      title: 'Họp báo về giá điện',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      place: 'Hội trường Sở',
      chairName: 'Phạm Minh',
    });
    const commitment = await created(
      `/api/press/conferences/${conference}/commitments`,
      {
        description: 'Gửi bảng giá điện mới cho các cơ quan báo chí',
        ownerOrgUnitId: unit,
        dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
      'commitments.0.id',
    );
    return {
      feedSource,
      feed,
      removableFeeds,
      importJob: uploaded.body.id as string,
      officerReport: reported.body.report.id as string,
      outlet,
      journalist,
      inquiry,
      question: question as string,
      coverage,
      conference,
      commitment,
    };
  }

  /** The route's path with its parameters filled from the unit's things (`unseeded` lists those that were not). */
  function fill(path: string, d: UnitData): { url: string; unseeded: string[] } {
    const unseeded: string[] = [];
    const byParam: Record<string, string | undefined> = {
      taskId: d.task,
      factId: d.fact,
      memberId: path.endsWith('/replace') ? d.replaced : path.endsWith('/handover') ? d.handedOver : d.member,
      commentId: d.comment,
      playbookId: d.playbook,
      questionId: d.question,
      commitmentId: d.commitment,
      topicId: d.topic,
      orgUnitId: d.unit,
      n: '1',
      version: '1',
    };
    const url = path.replace(/:(\w+)/g, (_m, name: string) => {
      if (name !== 'id') return byParam[name] ?? (unseeded.push(name), randomUUID());
      const id = idFor(path, d);
      if (!id) unseeded.push(name);
      return id ?? randomUUID();
    });
    return { url, unseeded };
  }

  function idFor(path: string, d: UnitData): string | undefined {
    const parts = path.split('/');
    // The press desk's things sit one level down (`/api/press/outlets/:id`…).
    const base = parts[2] === 'press' ? `press/${parts[3]}` : parts[2];
    const ids: Record<string, string | undefined> = {
      incidents: d.incident,
      statements: d.statement,
      topics: d.topic,
      'signal-sources': d.source,
      detections: d.detection,
      playbooks: d.playbook,
      'watch-signals': d.watchSignal,
      invitations: d.invitation,
      'approval-delegations': d.delegation,
      'playbook-proposals': d.proposal,
      'org-units': d.unit,
      users: spareUser,
      people: sparePerson,
      feeds: d.feed,
      'signal-imports': d.importJob,
      'officer-reports': d.officerReport,
      'press/outlets': d.outlet,
      'press/journalists': d.journalist,
      'press/inquiries': d.inquiry,
      'press/coverage': d.coverage,
      'press/conferences': d.conference,
      'press/refusal-grounds': ground.id,
    };
    return ids[base];
  }

  /** A body valid enough to reach the access check in the service (validation runs first). */
  function bodyFor(key: string, d: UnitData): object | undefined {
    const bodies: Record<string, object> = {
      'POST /api/signals': {
        sourceId: d.source,
        items: [
          {
            externalId: `m-${tag()}`,
            sourceType: 'social',
            text: 'Bàn chuyện giá điện',
            publishedAt: new Date().toISOString(),
            sentiment: 'neutral',
          },
        ],
      },
      'POST /api/topics': { orgUnitId: d.unit, name: `Chủ đề ${tag()}`, anyTerms: ['xang dau'] },
      'POST /api/topics/preview': { anyTerms: ['gia dien'] },
      'PATCH /api/topics/:id': { description: 'Theo dõi giá điện' },
      'POST /api/detections/manual': {
        title: `Khai báo ${tag()}`,
        note: 'Người dân phản ánh trên mạng',
        category: 'policy_backlash',
        severity: 'L1',
        orgUnitId: d.unit,
        topicId: d.topic,
      },
      'POST /api/watch-signals/:id/dismiss': { reason: 'not_relevant' },
      'POST /api/detection-quality/topics/:topicId/apply': { setting: 'spikeZ' },
      'POST /api/incidents/:id/review/reopen': { reason: 'Cần sửa lại nội dung' },
      'POST /api/incidents/:id/review/playbook-proposals': proposalBody(d.playbook),
      'POST /api/incidents': {
        title: `Sự cố ${tag()}`,
        category: 'policy_backlash',
        severity: 'L1',
        responsibleOrgUnitId: d.unit,
      },
      'PATCH /api/incidents/:id': { summary: 'Tóm tắt mới' },
      'POST /api/incidents/:id/transitions': { to: 'detected', reason: 'Thử chuyển lại' },
      'POST /api/incidents/:id/tasks': { title: 'Việc mới' },
      'PATCH /api/incidents/:id/tasks/:taskId': { title: 'Việc đã sửa' },
      'POST /api/incidents/:id/facts': { statement: 'Thông tin', source: 'Nguồn' },
      'PATCH /api/incidents/:id/facts/:factId': { statement: 'Thông tin đã sửa' },
      'POST /api/incidents/:id/working-group/members': { personId: sparePerson, role: 'drafter' },
      'DELETE /api/incidents/:id/working-group/members/:memberId': { reason: 'Thử' },
      'POST /api/incidents/:id/working-group/members/:memberId/replace': {
        personId: sparePerson,
        reason: 'Thử',
      },
      'POST /api/incidents/:id/working-group/members/:memberId/handover': {
        personId: sparePerson,
        reason: 'Thử',
      },
      'POST /api/invitations/:id/decline': { reason: 'Bận' },
      'POST /api/incidents/:id/statements': { type: 'press_release', title: 'Thông cáo mới' },
      'PATCH /api/statements/:id': { channels: [] },
      'POST /api/statements/:id/versions/:n/decisions': {
        decision: 'approve',
        sha256: d.sha256,
        password: PASSWORD,
      },
      'POST /api/statements/:id/publications': {
        versionNumber: 1,
        channel: 'portal',
        sha256: 'a'.repeat(64),
      },
      'POST /api/statements/:id/corrections': { relation: 'corrects', title: 'Đính chính' },
      'POST /api/statements/:id/comments': { field: 'body', index: 0, length: 3, body: 'Ý kiến' },
      'POST /api/approval-delegations': {
        delegateUserId: d.deputy,
        incidentId: d.incident,
        matter: 'Duyệt thay',
        validTo: new Date(Date.now() + 86_400_000).toISOString(),
      },
      'POST /api/playbooks': {
        key: `k-${tag()}`,
        title: `Cẩm nang ${tag()}`,
        orgUnitId: d.unit,
        content: SHIPPED_PLAYBOOKS[0].content,
      },
      'POST /api/playbooks/:id/versions': { content: SHIPPED_PLAYBOOKS[0].content },
      'POST /api/playbook-proposals/:id/decision': { decision: 'reject', reason: 'Chưa cần' },
      'POST /api/incidents/:id/playbooks/:playbookId/apply': {},
      'POST /api/feeds': {
        sourceId: d.feedSource,
        url: `https://baoanhoa.example.vn/kinh-te-${tag()}.rss`,
        outletName: 'Báo An Hòa',
        outletType: 'online_news',
        intervalSeconds: 3600,
        active: false,
      },
      'PATCH /api/feeds/:id': { outletName: 'Báo An Hòa điện tử' },
      // No file: the source is checked first (another unit's: 403), then the missing file (400).
      'POST /api/signal-imports': { sourceId: d.source },
      'PUT /api/signal-sources/:id/import-mapping': IMPORT_MAPPING,
      'POST /api/officer-reports': {
        orgUnitId: d.unit,
        text: 'Bài đăng nói sai về giá điện',
        sentiment: 'negative',
      },
      'POST /api/press/outlets': { name: `Tạp chí ${tag()}`, type: 'magazine' },
      'PATCH /api/press/outlets/:id': { website: 'https://baoanhoa.example.vn' },
      'POST /api/press/journalists': { fullName: 'Trần Văn Ký', outletId: d.outlet },
      'PATCH /api/press/journalists/:id': { beat: 'Năng lượng' },
      'POST /api/press/refusal-grounds': {
        key: `k_${tag()}`,
        label: 'Thông tin đang được điều tra',
        legalSource: 'Luật Báo chí 2016, Điều 38',
        effectiveFrom: '2020-01-01',
      },
      'PATCH /api/press/refusal-grounds/:id': { effectiveTo: '2099-12-31' },
      'POST /api/press/inquiries': {
        channel: 'phone',
        subject: 'Giá điện',
        questions: ['Khi nào điều chỉnh?'],
        journalistId: d.journalist,
        addressedOrgUnitId: d.unit,
      },
      'POST /api/press/inquiries/:id/assign': { ownerUserId: d.deputy },
      'PATCH /api/press/inquiries/:id/questions/:questionId': { answer: 'Giá điện không đổi từ tháng 3.' },
      'POST /api/press/inquiries/:id/incident': { incidentId: d.incident },
      'POST /api/press/inquiries/:id/transfer': {
        toOrgUnitId: province,
        reason: 'Thuộc thẩm quyền của tỉnh',
      },
      // A refusal reaches the editor's check (an answer would first need every question answered).
      'POST /api/press/inquiries/:id/answer': {
        outcome: 'refusal',
        refusalGroundKey: ground.key,
        refusalReason: 'Vụ việc đang được xác minh',
      },
      'POST /api/press/inquiries/:id/send': { versionNumber: 1, sha256: 'a'.repeat(64) },
      'POST /api/press/coverage': {
        orgUnitId: d.unit,
        outletId: d.outlet,
        medium: 'print',
        title: 'Giá điện tăng',
        publishedAt: new Date(Date.now() - 3_600_000).toISOString(),
        summary: 'Bài báo phản ánh giá điện tăng.',
      },
      'POST /api/press/coverage/:id/verification': {
        verificationStatus: 'partly_accurate',
        notes: 'Chỉ một số hộ bị tăng.',
      },
      'POST /api/press/coverage/:id/response': { kind: 'answer', text: 'Sở trả lời như sau.' },
      'POST /api/press/coverage/:id/outcome': { kind: 'no_change' },
      'POST /api/press/conferences': {
        orgUnitId: d.unit,
        kind: 'regular',
        title: 'Họp báo định kỳ',
        startsAt: new Date(Date.now() + 86_400_000).toISOString(),
        place: 'Hội trường',
        chairName: 'Phạm Minh',
      },
      'POST /api/press/conferences/cadence-rules': {
        orgUnitId: d.unit,
        intervalMonths: 3,
        effectiveFrom: '2030-01-01',
        legalSource: 'Quy chế phát ngôn của đơn vị',
      },
      'PATCH /api/press/conferences/:id': { place: 'Phòng họp số 2' },
      'POST /api/press/conferences/:id/questions': {
        askedBy: 'Trần Văn Ký',
        question: 'Giá điện có tăng nữa?',
      },
      'POST /api/press/conferences/:id/commitments': {
        description: 'Gửi số liệu',
        ownerOrgUnitId: d.unit,
        dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      },
    };
    return bodies[key];
  }

  function queryFor(key: string, d: UnitData): string {
    if (key === 'GET /api/reports/periodic') return `?orgUnitId=${d.unit}&from=2026-01-01&to=2026-02-01`;
    if (key === 'GET /api/search') return '?q=gia';
    if (key === 'GET /api/statements/:id/diff') return '?from=1&to=1';
    // The document's rendering is not what is asked here: the cheapest format.
    if (key === 'GET /api/statements/:id/versions/:n/document') return '?format=html';
    if (key === 'GET /api/press/conferences/:id/minutes') return '?format=html';
    return '';
  }

  /** The other unit's ids that a list answered to a unit-A caller must not contain. */
  const otherIds = () => [
    other.incident,
    other.topic,
    other.source,
    other.detection,
    other.watchSignal,
    other.feedSource,
    other.feed,
    other.importJob,
    other.officerReport,
    other.inquiry,
    other.coverage,
    other.conference,
  ];

  it('every registered route and socket command has an entry in the permission table, and no entry is stale', async () => {
    const routes = registeredRoutes(t.app).map((r) => `${r.method} ${r.path}`);
    const socket = await connectSocket(t.url, admin().accessToken);
    try {
      const commands = registeredSocketCommands(t.app);
      expect(routes.length).toBeGreaterThan(100);
      expect(commands).toEqual(expect.arrayContaining(['room:join', 'chat:send', 'yjs:sync']));
      expect(checkPermissionTable(routes, commands)).toEqual([]);
    } finally {
      socket.close();
    }
  });

  const shallow: string[] = [];
  const timings = new Map<string, number>();
  async function ask(
    key: string,
    perm: Permission,
    method: string,
    url: string,
    body: object | undefined,
    role: Role | null,
    unit: 'own' | 'other',
    unseeded: string[],
  ) {
    const begun = Date.now();
    const res = await call(method, url, role ? users.get(role)! : null, body).catch((e: Error) => {
      throw new Error(`${key} as ${role ?? 'anonymous'} (${unit}): ${e.message}`);
    });
    timings.set(key, Math.max(timings.get(key) ?? 0, Date.now() - begun));
    let actual = classifyStatus(res.status);
    const expected = expectedAnswer(perm, role, unit);
    // A thing no fixture exists for answers 404 past the guard: only the guard is checked then.
    if (unseeded.length && actual === 'hidden' && expected === 'allow') {
      shallow.push(`${key} (${unseeded.join(', ')})`);
      actual = 'allow';
    }
    let detail = `${res.status} ${JSON.stringify(res.body).slice(0, 160)}`;
    if (perm.scope === 'list' && role && role !== Role.Admin && res.status < 300) {
      // A list asked by unit A must not hold unit B's things.
      const leaked = otherIds().filter((id) => JSON.stringify(res.body).includes(id));
      outcomes.push({
        key,
        caller: role,
        unit: 'other',
        expected: 'hidden',
        actual: leaked.length ? 'allow' : 'hidden',
        detail: leaked.length ? `leaks ${leaked.join(', ')}` : detail,
      });
    }
    if (actual === 'allow' && expected !== 'allow' && res.status === 400)
      detail = `(400 hides the check) ${detail}`;
    outcomes.push({ key, caller: role ?? 'anonymous', unit, expected, actual, detail });
  }

  it('documents the response shapes of the typed routes (nullable strings as strings with nullable: true)', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    const schemas = doc.components.schemas;
    expect(schemas.IncidentResponseDto.properties.summary).toMatchObject({ type: 'string', nullable: true });
    expect(schemas.TaskResponseDto.properties.dueAt).toMatchObject({ type: 'string', nullable: true });
    expect(doc.paths['/api/incidents'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/IncidentPageDto',
    });
    expect(doc.paths['/api/topics/{id}'].get.responses['200'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/WatchTopicResponseDto',
    });
  });

  it('answers every route as the permission table says, for every role of the unit and of another unit', async () => {
    const started = Date.now();
    const routes = registeredRoutes(t.app);
    const asks: { role: Role | null; run: () => Promise<void> }[] = [];
    for (const { method, path } of routes) {
      const key = `${method} ${path}`;
      const perm = HTTP_PERMISSIONS[key];
      if (!perm) continue; // reported by the test above
      // A list is asked once (the other unit's rows must not be in it); a route of no unit is the same for both.
      const units: ('own' | 'other')[] = ['unit', 'incident', 'owner'].includes(perm.scope)
        ? ['own', 'other']
        : ['own'];
      for (const unit of units) {
        const d = unit === 'own' ? own : other;
        const { url: shared, unseeded } = fill(path, d);
        // A removal succeeds once: each role that may remove a feed removes its own.
        const urlOf = (role: Role | null) =>
          key === 'DELETE /api/feeds/:id' && role && d.removableFeeds[role]
            ? `/api/feeds/${d.removableFeeds[role]}`
            : shared;
        const body = bodyFor(key, d) ?? (method === 'GET' ? undefined : {});
        // Without a token every route but the public ones answers 401 (test/route-protection.e2e.spec.ts asks all).
        for (const role of unit === 'own' ? CALLERS : CALLERS.filter((r) => r !== null)) {
          asks.push({
            role,
            run: () => ask(key, perm, method, urlOf(role) + queryFor(key, d), body, role, unit, unseeded),
          });
        }
      }
    }
    // Admins last: their writes succeed and could change what the others meet (a removed member…).
    await pool(
      asks.filter((a) => a.role !== Role.Admin).map((a) => a.run),
      4,
    );
    await pool(
      asks.filter((a) => a.role === Role.Admin).map((a) => a.run),
      4,
    );
    const wrong = outcomes.filter((o) => o.expected !== o.actual);
    console.log(
      `[matrix] slowest: ${[...timings]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 5)
        .map(([k, ms]) => `${k} ${ms} ms`)
        .join('; ')}`,
    );
    console.log(
      `[matrix] HTTP: ${routes.length} routes × ${CALLERS.length} callers × own/other unit → ${outcomes.length} assertions ` +
        `in ${Date.now() - started} ms; ${new Set(shallow).size} routes checked at the guard only: ${[...new Set(shallow)].join('; ')}`,
    );
    expect(
      wrong.map((o) => `${o.key} as ${o.caller} (${o.unit}): expected ${o.expected}, got ${o.detail}`),
    ).toEqual([]);
  }, 300_000);

  it('answers every socket command as the permission table says, for every role of the unit and of another unit', async () => {
    const started = Date.now();
    const results: Outcome[] = [];
    const payloads = (d: UnitData): [string, Record<string, unknown>][] => [
      ['room:join', { incidentId: d.incident, afterSeq: 0 }],
      ['room:resync', { incidentId: d.incident, afterSeq: 0 }],
      ['typing:update', { incidentId: d.incident, typing: true }],
      ['chat:send', { incidentId: d.incident, clientId: randomUUID(), text: 'Đã nhận thông tin' }],
      ['task:create', { incidentId: d.incident, title: 'Việc qua phòng' }],
      ['task:update', { incidentId: d.incident, taskId: d.task, title: 'Việc đã sửa qua phòng' }],
      ['fact:create', { incidentId: d.incident, statement: 'Thông tin', source: 'Nguồn' }],
      ['fact:update', { incidentId: d.incident, factId: d.fact, statement: 'Thông tin đã sửa' }],
      ['statement:open', { statementId: d.draft }],
      ['yjs:sync', { statementId: d.draft, message: yjsUpdate() }],
      ['yjs:awareness', { statementId: d.draft, update: new Uint8Array([0]) }],
      ['statement:close', { statementId: d.draft }],
      ['room:leave', { incidentId: d.incident }],
      ['invitation:accept', { invitationId: d.invitation }],
      ['invitation:decline', { invitationId: d.invitation, reason: 'Bận' }],
    ];
    for (const role of CALLERS) {
      if (role === null) {
        const refused = await connectSocket(t.url, '').then(
          (s) => (s.close(), 'connected'),
          (e: { data?: { code: string } }) => e.data?.code,
        );
        for (const [command, perm] of Object.entries(SOCKET_PERMISSIONS)) {
          results.push({
            key: command,
            caller: 'anonymous',
            unit: 'own',
            expected: expectedAnswer(perm, null, 'own'),
            actual: refused === 'UNAUTHENTICATED' ? 'unauthenticated' : 'allow',
            detail: String(refused),
          });
        }
        continue;
      }
      const socket: Socket = await connectSocket(t.url, users.get(role)!.accessToken);
      try {
        for (const unit of ['other', 'own'] as const) {
          for (const [command, payload] of payloads(unit === 'own' ? own : other)) {
            const perm: Permission = SOCKET_PERMISSIONS[command];
            const ack = (await socket.timeout(5000).emitWithAck(command, payload)) as {
              ok: boolean;
              error?: { code: string };
            };
            results.push({
              key: command,
              caller: role,
              unit,
              expected: expectedAnswer(perm, role, unit),
              actual: classifyAck(ack),
              detail: JSON.stringify(ack).slice(0, 160),
            });
          }
        }
      } finally {
        socket.close();
      }
    }
    const wrong = results.filter((o) => o.expected !== o.actual);
    console.log(
      `[matrix] socket: ${Object.keys(SOCKET_PERMISSIONS).length} commands × ${CALLERS.length} callers × 2 units → ` +
        `${results.length} assertions in ${Date.now() - started} ms`,
    );
    expect(
      wrong.map((o) => `${o.key} as ${o.caller} (${o.unit}): expected ${o.expected}, got ${o.detail}`),
    ).toEqual([]);
  }, 120_000);
});

/** Runs the tasks, at most `width` at a time. */
async function pool(tasks: (() => Promise<void>)[], width: number) {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: width }, worker));
}

function proposalBody(playbookId: string) {
  return {
    playbookId,
    title: 'Bổ sung bước xác minh với công an',
    content: SHIPPED_PLAYBOOKS[0].content,
    rationale: 'Bài học từ sự cố: cần xác minh sớm hơn',
  };
}

/** A y-protocols update message that writes into the draft's body. */
function yjsUpdate(): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('body').insert(0, 'Thêm một câu. ');
  const encoder = encoding.createEncoder();
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}
