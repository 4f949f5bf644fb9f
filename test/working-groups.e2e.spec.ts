import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { AuditService } from '../src/audit/audit.service.js';
import { hashPassword } from '../src/auth/password.js';
import { Role } from '../src/auth/role.js';
import { loadConfig } from '../src/config/app-config.js';
import type { AppConfig } from '../src/config/app-config.js';
import { DEMO_AUTHORIZED_MATTER, DEMO_PEOPLE } from '../src/demo/demo-province.data.js';
import { loadDemoProvince } from '../src/demo/demo-province.js';
import { todayInVietnam } from '../src/common/dates.js';
import { addDays } from '../src/directory/temporal.js';
import { verifySignature } from '../src/signals/webhook-signature.js';
import { WorkingGroupsService } from '../src/working-groups/working-groups.service.js';
import { startSmtpServer } from './support/smtp-server.js';
import { makeOrgUnit, makePerson } from './support/factories.js';
import { createTestApp, TestApp, TestUser } from './support/test-app.js';
import { createTestDatabase, TestDatabase } from './support/test-database.js';
import { RoomClient } from './support/ws-client.js';

const defaults = loadConfig({ NODE_ENV: 'test' }, []);
const WEBHOOK_SECRET = 'whsec_cổng-sms-tổ-công-tác-0123456789';
const DEMO_PASSWORD = 'mat-khau-demo-to-cong-tac';
/** The demo is built around this day: the authorised spokesperson's term runs 2025-12-18 … 2026-03-18. */
const DEMO_DAY = '2026-01-01';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { kind: string; to: { phone: string }; subject: string; text: string; data: Record<string, unknown> };
}

/** A real HTTP receiver standing in for the SMS/Zalo gateway. */
async function startGateway() {
  const requests: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      requests.push({ headers: req.headers, raw, body: JSON.parse(raw) as Received['body'] });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

interface MemberView {
  id: string;
  role: string;
  status: string;
  person: { id: string; fullName: string; orgUnit: { code: string; name: string } | null };
  why: { ruleKey: string | null; rank: number | null; reason: string };
  replacesMemberId: string | null;
  ackSeconds: number | null;
  declineReason: string | null;
}
interface GroupView {
  formed: boolean;
  rule: { key: string; version: number } | null;
  requirements: { role: string; required: boolean }[];
  members: MemberView[];
}

describe(`${WorkingGroupsService.name} (e2e)`, () => {
  let db: TestDatabase;
  let t: TestApp;
  let admin: TestUser;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let config: Partial<AppConfig>;

  const unitId = async (code: string, on = '2026-06-01'): Promise<string> =>
    (
      await t.dataSource.query(
        `SELECT id FROM org_units WHERE code = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to >= $2)`,
        [code, on],
      )
    )[0].id;

  const login = async (email: string) => {
    const res = await t.http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    return {
      accessToken: res.body.accessToken as string,
      auth: { Authorization: `Bearer ${res.body.accessToken}` },
    };
  };

  const declare = async (opts: {
    title: string;
    unit: string;
    detectedAt: string;
    category?: string;
    severity?: string;
  }): Promise<string> => {
    const res = await t
      .http()
      .post('/api/incidents')
      .set(admin.auth)
      .send({
        title: opts.title,
        category: opts.category ?? 'policy_backlash',
        severity: opts.severity ?? 'L3',
        responsibleOrgUnitId: await unitId(opts.unit, opts.detectedAt.slice(0, 10)),
        detectedAt: opts.detectedAt,
      });
    expect(res.status).toBe(201);
    return res.body.id;
  };

  const group = async (incidentId: string, app = t): Promise<GroupView> => {
    const res = await app.http().get(`/api/incidents/${incidentId}/working-group`).set(admin.auth);
    expect(res.status).toBe(200);
    return res.body;
  };

  /** The group once the assembly timer has run (a durable job after the activation commit). */
  const formed = (incidentId: string, app = t) =>
    waitFor(`group of ${incidentId}`, async () => {
      const g = await group(incidentId, app);
      return g.formed && g.members.length > 0 && g;
    });

  const holder = (g: GroupView, role: string) =>
    g.members.find((m) => m.role === role && ['invited', 'accepted'].includes(m.status));

  const eventsOf = async (
    incidentId: string,
    app = t,
  ): Promise<{ type: string; payload: Record<string, unknown> }[]> =>
    (await app.http().get(`/api/incidents/${incidentId}/events`).set(admin.auth)).body.items;

  beforeAll(async () => {
    [smtp, gateway, db] = await Promise.all([startSmtpServer(), startGateway(), createTestDatabase()]);
    config = {
      jwt: { ...defaults.jwt, secret: 'bi-mat-jwt-cua-to-cong-tac-0123456789abcdef' },
      jobs: { ...defaults.jobs, pollIntervalMs: 100 },
      notifications: {
        ...defaults.notifications,
        smtp: { url: smtp.url, from: '"Ứng phó – Tỉnh An Hòa" <ungpho@anhoa.example.vn>' },
        webhook: { url: gateway.url, secret: WEBHOOK_SECRET, timeoutMs: 3000 },
        maxAttempts: 4,
        retryBaseMs: 100,
      },
    };
    t = await createTestApp(config, { database: db });
    admin = await t.createUser({ roles: [Role.Admin] });
    await t.dataSource.transaction((manager) =>
      loadDemoProvince(manager, {
        hashPassword,
        demoPassword: DEMO_PASSWORD,
        audit: t.app.get(AuditService),
        today: DEMO_DAY,
      }),
    );
  });
  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await Promise.all([smtp?.close(), gateway?.close()]);
    await db?.drop();
  });

  it('has the role catalogue and the seeded rules', async () => {
    const roles = await t.http().get('/api/working-group-roles').set(admin.auth);
    expect(roles.body.map((r: { key: string }) => r.key)).toEqual([
      'team_leader',
      'deputy',
      'spokesperson',
      'drafter',
      'legal_reviewer',
      'monitoring_analyst',
      'press_liaison',
      'police_liaison',
      'party_propaganda_liaison',
      'approving_leader',
      'scribe',
    ]);
    const observer = roles.body.find((r: { key: string }) => r.key === 'party_propaganda_liaison');
    expect(observer).toMatchObject({
      nameVi: 'Ban Tuyên giáo và Dân vận (quan sát)',
      observer: true,
      canEditStatements: false,
      canApprove: false,
    });
    const rules = await t.http().get('/api/working-group-rules').set(admin.auth);
    expect(rules.body.map((r: { key: string }) => r.key).sort()).toEqual(['fake_news', 'general']);
  });

  it('picks press people from the former Sở TTTT in 2024 and from Sở VHTTDL in 2026, saying why', async () => {
    const before = await declare({
      title: 'Phản ứng về quy hoạch khu đô thị mới',
      unit: 'AH-UBND',
      detectedAt: '2024-11-03T02:00:00Z',
    });
    const g2024 = await formed(before);
    const after = await declare({
      title: 'Phản ứng về điều chỉnh giá vé xe buýt',
      unit: 'AH-UBND',
      detectedAt: '2026-02-01T02:00:00Z',
    });
    const g2026 = await formed(after);

    const press2024 = holder(g2024, 'press_liaison')!;
    expect(press2024.person.orgUnit?.code).toBe('AH-STTTT');
    expect(press2024.person.fullName).toBe('Văn Thị Hoa');
    expect(press2024.why.reason).toContain('press_state_management ngày 2024-11-03');
    expect(press2024.why.reason).toContain('Sở Thông tin và Truyền thông');
    const press2026 = holder(g2026, 'press_liaison')!;
    expect(press2026.person.orgUnit?.code).toBe('AH-SVHTTDL');
    expect(press2026.why).toMatchObject({ ruleKey: 'general', rank: 1 });
    expect(press2026.why.reason).toContain('Sở Văn hóa, Thể thao và Du lịch');

    for (const g of [g2024, g2026]) {
      expect(g.rule).toMatchObject({ key: 'general', version: 1 });
      expect(holder(g, 'spokesperson')?.person.fullName).toBe('Lê Quang Huy');
      expect(holder(g, 'monitoring_analyst')?.person.fullName).toBe('Tô Văn Nam');
      expect(holder(g, 'police_liaison')).toBeUndefined();
      expect(new Set(g.members.map((m) => m.person.id)).size).toBe(g.members.length);
    }
    // Load: the vice-chairwoman already leads the 2024 group (still open), so the 2026 group gets the next one.
    expect(holder(g2024, 'team_leader')?.person.fullName).toBe('Trần Thị Mai Phương');
    const leader2026 = holder(g2026, 'team_leader')!;
    expect(leader2026.person.fullName).toBe('Vũ Thị Hồng Nhung');
    expect(leader2026.why.reason).toContain('đang tham gia 0 sự cố khác');
    const types = (await eventsOf(after)).map((e) => e.type);
    expect(types).toContain('working_group.formed');
    expect(types.filter((x) => x === 'working_group.member_invited').length).toBe(g2026.members.length);
  });

  it('needs a police liaison from PA05 for fake news', async () => {
    const id = await declare({
      title: 'Tin giả về việc thu hồi đất',
      unit: 'AH-UBND',
      detectedAt: '2026-03-01T02:00:00Z',
      category: 'fake_news',
    });
    const g = await formed(id);
    expect(g.rule?.key).toBe('fake_news');
    expect(g.requirements.find((r) => r.role === 'police_liaison')?.required).toBe(true);
    expect(holder(g, 'police_liaison')?.person.orgUnit?.code).toBe('AH-CAT-PA05');
    expect(holder(g, 'party_propaganda_liaison')?.person.fullName).toBe('Quách Văn Bình');
  });

  it('uses an authorised spokesperson only for her matter, and never after her end date', async () => {
    const title = `Tin đồn sai về ${DEMO_AUTHORIZED_MATTER.toLowerCase().replace('thông tin về ', '')}`;
    const during = await declare({ title, unit: 'AH-UBND', detectedAt: '2026-02-10T02:00:00Z' });
    const expired = await declare({ title, unit: 'AH-UBND', detectedAt: '2026-11-20T02:00:00Z' });
    const gDuring = await formed(during);
    const gExpired = await formed(expired);
    const speaker = holder(gDuring, 'spokesperson')!;
    expect(speaker.person.fullName).toBe('La Thị Kim Oanh');
    expect(speaker.why.reason).toContain('ủy quyền phát ngôn');
    expect(holder(gExpired, 'spokesperson')?.person.fullName).toBe('Lê Quang Huy');
    expect(
      gExpired.members.some((m) => m.person.fullName === 'La Thị Kim Oanh' && m.role === 'spokesperson'),
    ).toBe(false);
  });

  it('e-mails and signs the invitation, and replaces a member who declines', async () => {
    const nam = await login(DEMO_PEOPLE.pressCentreAnalyst);
    const id = await declare({
      title: 'Phản ứng về thu phí đỗ xe',
      unit: 'AH-UBND',
      detectedAt: '2026-04-01T02:00:00Z',
    });
    const g = await formed(id);
    const invitation = holder(g, 'monitoring_analyst')!;
    expect(invitation.person.fullName).toBe('Tô Văn Nam');

    // The e-mail, over real SMTP, with the Vietnamese text intact.
    const mail = await waitFor('the invitation e-mail', async () =>
      smtp.mailTo(DEMO_PEOPLE.pressCentreAnalyst).find((m) => m.text?.includes(invitation.id)),
    );
    expect(mail.subject).toMatch(/^Mời tham gia Tổ công tác xử lý sự cố /);
    expect(mail.text).toContain('Kính gửi đồng chí Tô Văn Nam');
    expect(mail.text).toContain('với vai trò Giám sát dư luận');
    // The signed webhook (SMS/Zalo gateway) to his phone.
    const hook = await waitFor('the invitation webhook', async () =>
      gateway.requests.find((r) => r.body.data?.invitationId === invitation.id),
    );
    expect(hook.body.to.phone).toBe('0200 3800 625');
    expect(hook.body.text).toContain('Giám sát dư luận');
    const headers = {
      signature: hook.headers['x-ungpho-signature'],
      timestamp: hook.headers['x-ungpho-timestamp'],
    };
    const now = Math.floor(Date.now() / 1000);
    const raw = Buffer.from(hook.raw, 'utf8');
    expect(verifySignature(headers, raw, [WEBHOOK_SECRET], now)).toMatchObject({ ok: true });
    expect(verifySignature(headers, raw, ['sai-bi-mat-0123456789'], now)).toEqual({
      ok: false,
      problem: 'mismatch',
    });

    // Someone else may not answer his invitation.
    const other = await login(DEMO_PEOPLE.officeSpecialist);
    const stolen = await t.http().post(`/api/invitations/${invitation.id}/accept`).set(other.auth);
    expect(stolen.status).toBe(404);
    const noReason = await t.http().post(`/api/invitations/${invitation.id}/decline`).set(nam.auth).send({});
    expect(noReason.status).toBe(400);
    expect(noReason.body.details.map((d: { field: string }) => d.field)).toEqual(['reason']);

    const declined = await t
      .http()
      .post(`/api/invitations/${invitation.id}/decline`)
      .set(nam.auth)
      .send({ reason: 'Đang trực báo cáo dư luận cho sự cố khác' });
    expect(declined.status).toBe(201);
    expect(declined.body).toMatchObject({
      status: 'declined',
      declineReason: 'Đang trực báo cáo dư luận cho sự cố khác',
    });
    const again = await t.http().post(`/api/invitations/${invitation.id}/accept`).set(nam.auth);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('INVITATION_CLOSED');

    const after = await group(id);
    const replacement = holder(after, 'monitoring_analyst')!;
    expect(replacement.person.fullName).not.toBe('Tô Văn Nam');
    expect(replacement.replacesMemberId).toBe(invitation.id);
    expect(replacement.why.reason).toContain('thay người đã từ chối');
    const types = (await eventsOf(id)).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['working_group.invitation_declined', 'working_group.member_invited']);
  });

  it('lets a member accept over the websocket, and takes a removed member out of the room at once', async () => {
    const nam = await login(DEMO_PEOPLE.pressCentreAnalyst);
    const id = await declare({
      title: 'Phản ứng về lịch nghỉ lễ',
      unit: 'AH-UBND',
      detectedAt: '2026-05-01T02:00:00Z',
    });
    const g = await formed(id);
    const invitation = holder(g, 'monitoring_analyst')!;
    // An analyst sees the incident only as a member of its group: in its detail and in their list.
    expect((await t.http().get(`/api/incidents/${id}`).set(nam.auth)).status).toBe(200);
    const listed = async () =>
      (await t.http().get('/api/incidents').set(nam.auth)).body.items.map((i: { id: string }) => i.id);
    expect(await listed()).toContain(id);

    const client = await RoomClient.connect(t.url, nam.accessToken);
    try {
      const joined = await client.join(id);
      expect(joined.members.map((m) => m.displayName)).toContain('Tô Văn Nam');
      const accepted = await client.call('invitation:accept', { invitationId: invitation.id });
      expect(accepted).toMatchObject({ status: 'accepted', role: 'monitoring_analyst' });
      expect(accepted.ackSeconds).toEqual(expect.any(Number));
      await client.waitFor(
        () => client.events(id).some((e) => e.type === 'working_group.invitation_accepted'),
        'the acceptance event live',
      );
      const bad = await client.request('invitation:decline', { invitationId: invitation.id, extra: 1 });
      expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });

      const removed = await t
        .http()
        .delete(`/api/incidents/${id}/working-group/members/${invitation.id}`)
        .set(admin.auth)
        .send({ reason: 'Điều động sang nhiệm vụ khác' });
      expect(removed.status).toBe(200);
      expect(client.revoked).toEqual([expect.objectContaining({ incidentId: id, reason: 'access_changed' })]);
      await expect(client.join(id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await t.http().get(`/api/incidents/${id}`).set(nam.auth)).status).toBe(404);
      expect(await listed()).not.toContain(id);
      const history = (await group(id)).members.find((m) => m.id === invitation.id)!;
      expect(history).toMatchObject({ status: 'removed' });
    } finally {
      client.close();
    }

    const md = await t.http().get(`/api/incidents/${id}/working-group/decision?format=md`).set(admin.auth);
    expect(md.status).toBe(200);
    expect(md.headers['content-type']).toContain('text/markdown');
    expect(md.text).toContain('# QUYẾT ĐỊNH');
    expect(md.text).toContain('Chỉ thị số 07/CT-TTg');
    expect(md.text).toContain('Nghị định số 09/2017/NĐ-CP');
    expect(md.text).toContain('Trần Thị Mai Phương');
    expect(md.text).not.toContain('Tô Văn Nam');
    const html = await t
      .http()
      .get(`/api/incidents/${id}/working-group/decision?format=html`)
      .set(admin.auth);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.text).toContain('<html lang="vi">');
    expect(html.text).toContain('<h1>QUYẾT ĐỊNH</h1>');
    expect(html.text).toContain('<table>');
  });

  it('records time-to-assemble, hands a role over with its history, and lets only leaders change the group', async () => {
    const rule = await t
      .http()
      .post('/api/working-group-rules')
      .set(admin.auth)
      .send({
        key: 'home_affairs',
        name: 'Tổ công tác Sở Nội vụ',
        priority: 50,
        orgUnitId: await unitId('AH-SNV'),
        roles: [
          {
            role: 'press_liaison',
            count: 1,
            required: true,
            sources: [{ from: 'responsible_unit', tags: ['press_liaison'] }],
          },
          {
            role: 'scribe',
            count: 1,
            required: false,
            sources: [{ from: 'unit', unitCode: 'AH-VPUBND', tags: ['scribe'] }],
          },
        ],
        ackDeadlineSeconds: { L1: 600, L2: 600, L3: 600, L4: 600 },
        effectiveFrom: '2020-01-01',
      });
    expect(rule.status).toBe(201);
    const bad = (body: Record<string, unknown>) =>
      t
        .http()
        .post('/api/working-group-rules')
        .set(admin.auth)
        .send({
          key: 'broken',
          name: 'Quy tắc lỗi',
          roles: [
            { role: 'tong_bien_tap', count: 1, required: true, sources: [{ from: 'responsible_unit' }] },
          ],
          ackDeadlineSeconds: { L1: 600, L2: 600, L3: 600, L4: 600 },
          effectiveFrom: '2020-01-01',
          ...body,
        });
    const unknownRole = await bad({});
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.body.details.map((d: { field: string }) => d.field)).toEqual(['roles']);
    const unknownField = await bad({ severity: 'L9' });
    expect(unknownField.status).toBe(400);
    expect(unknownField.body.details.map((d: { field: string }) => d.field)).toEqual(['severity']);

    const id = await declare({
      title: 'Phản ánh về tuyển dụng viên chức',
      unit: 'AH-SNV',
      detectedAt: '2026-08-01T02:00:00Z',
    });
    const g = await formed(id);
    expect(g.rule).toMatchObject({ key: 'home_affairs', version: 1 });
    const liaison = holder(g, 'press_liaison')!;
    expect(liaison.person.fullName).toBe('Tạ Quang Vinh');
    expect(holder(g, 'scribe')?.why.reason).toContain('đơn vị được chỉ định AH-VPUBND');

    const vinh = await t.createUser({ roles: [Role.Observer], personId: liaison.person.id });
    const accepted = await t.http().post(`/api/invitations/${liaison.id}/accept`).set(vinh.auth);
    expect(accepted.status).toBe(201);
    const assembled = (await eventsOf(id)).find((e) => e.type === 'working_group.assembled');
    expect(assembled?.payload.assembleSeconds).toEqual(expect.any(Number));
    expect((await group(id)) as unknown).toMatchObject({ assembledAt: expect.any(String) });

    // A member who does not lead the group may not change it.
    const refused = await t
      .http()
      .delete(`/api/incidents/${id}/working-group/members/${holder(g, 'scribe')!.id}`)
      .set(vinh.auth)
      .send({ reason: 'Không cần thư ký' });
    expect(refused.status).toBe(403);

    const director = (
      await t.dataSource.query(`SELECT id FROM people WHERE email = $1`, [DEMO_PEOPLE.homeAffairsDirector])
    )[0].id;
    const handed = await t
      .http()
      .post(`/api/incidents/${id}/working-group/members/${liaison.id}/handover`)
      .set(admin.auth)
      .send({ personId: director, reason: 'Giám đốc Sở trực tiếp làm đầu mối báo chí' });
    expect(handed.status).toBe(201);
    const view: GroupView = handed.body;
    const old = view.members.find((m) => m.id === liaison.id) as MemberView & {
      renouncedAt: string;
      assumedAt: string;
    };
    expect(old).toMatchObject({
      status: 'handed_over',
      assumedAt: expect.any(String),
      renouncedAt: expect.any(String),
    });
    const successor = holder(view, 'press_liaison')!;
    expect(successor).toMatchObject({ replacesMemberId: liaison.id, status: 'invited' });
    expect(successor.person.fullName).toBe('Hồ Thị Thu');
    expect((await eventsOf(id)).map((e) => e.type)).toContain('working_group.role_handed_over');
    // Vinh no longer holds a role: as an observer he no longer sees the incident.
    expect((await t.http().get(`/api/incidents/${id}`).set(vinh.auth)).status).toBe(404);

    // Someone away is not invited: the only scribe of the rule's unit is on leave, so the role stays open.
    const scribe = holder(g, 'scribe')!.person.id;
    const today = todayInVietnam();
    // A leader of an unrelated unit may not mark people of this province as away.
    const elsewhere = await makeOrgUnit(t.dataSource, { name: 'Tỉnh khác' });
    const foreignLeader = await t.createUser({
      roles: [Role.Leader],
      personId: (await makePerson(t.dataSource, elsewhere.id)).id,
    });
    const foreign = await t
      .http()
      .post('/api/availability')
      .set(foreignLeader.auth)
      .send({ personId: scribe, status: 'away', validFrom: today, validTo: addDays(today, 1) });
    expect(foreign.status).toBe(403);
    const backwards = await t
      .http()
      .post('/api/availability')
      .set(admin.auth)
      .send({ personId: scribe, status: 'away', validFrom: today, validTo: addDays(today, -1) });
    expect(backwards.status).toBe(400);
    const away = await t
      .http()
      .post('/api/availability')
      .set(admin.auth)
      .send({
        personId: scribe,
        status: 'away',
        validFrom: addDays(today, -1),
        validTo: addDays(today, 2),
        note: 'Nghỉ phép',
      });
    expect(away.status).toBe(201);
    const later = await declare({
      title: 'Phản ánh về thi nâng ngạch',
      unit: 'AH-SNV',
      detectedAt: '2026-09-01T02:00:00Z',
    });
    const g2 = await formed(later);
    expect(holder(g2, 'scribe')).toBeUndefined();
    const formedEvent = (await eventsOf(later)).find((e) => e.type === 'working_group.formed')!;
    expect(formedEvent.payload.unfilled).toEqual([{ role: 'scribe', missing: 1 }]);
  });

  describe('acknowledgement deadlines', () => {
    /** A rule for the Sở Y tế with one role and short deadlines, so tests do not wait minutes. */
    beforeAll(async () => {
      const res = await t
        .http()
        .post('/api/working-group-rules')
        .set(admin.auth)
        .send({
          key: 'health_fast',
          name: 'Tổ công tác Sở Y tế (thời hạn ngắn để kiểm thử)',
          priority: 50,
          orgUnitId: await unitId('AH-SYT'),
          roles: [
            {
              role: 'legal_reviewer',
              count: 1,
              required: true,
              sources: [
                { from: 'responsible_unit', tags: ['legal'] },
                { from: 'capability', capability: 'legal_review', tags: ['legal'] },
              ],
            },
          ],
          ackDeadlineSeconds: { L1: 2, L2: 2, L3: 2, L4: 2 },
          effectiveFrom: '2020-01-01',
        });
      expect(res.status).toBe(201);
      expect(res.body.version).toBe(1);
    });

    const escalations = async (incidentId: string, app: TestApp) =>
      (await eventsOf(incidentId, app)).filter((e) => e.type === 'working_group.escalated');

    it('escalates an ignored invitation after the deadline, even across a restart', async () => {
      const id = await declare({
        title: 'Tin đồn thiếu thuốc tại bệnh viện tỉnh',
        unit: 'AH-SYT',
        detectedAt: '2026-06-01T02:00:00Z',
      });
      const g = await formed(id);
      const first = holder(g, 'legal_reviewer')!;
      // An activation whose node died before it scheduled the assembly (simulated: the status set in SQL).
      const orphan = await declare({
        title: 'Phản ánh về tiêm chủng',
        unit: 'AH-SYT',
        detectedAt: '2026-06-02T02:00:00Z',
        severity: 'L2',
      });
      await t.dataSource.query(`UPDATE incidents SET status = 'active' WHERE id = $1`, [orphan]);
      expect((await group(orphan)).formed).toBe(false);
      // The node stops before the deadline; another starts on the same database after it.
      await t.close();
      await sleep(2200);
      t = await createTestApp(config, { database: db });

      const [escalated] = await waitFor('the escalation', async () => {
        const list = await escalations(id, t);
        return list.length > 0 && list;
      });
      expect(escalated.payload).toMatchObject({
        memberId: first.id,
        cause: 'ack_deadline_passed',
        toName: 'Châu Minh Đức',
      });
      const after = await group(id);
      expect(after.members.find((m) => m.id === first.id)?.status).toBe('expired');
      const next = after.members.find((m) => m.replacesMemberId === first.id)!;
      expect(next.person.id).not.toBe(first.person.id);
      expect(next.why.reason).toContain('không xác nhận đúng hạn');
      // The head of the Sở Y tế (no account: his directory e-mail) is told, in Vietnamese.
      const mail = await waitFor('the escalation e-mail', async () =>
        smtp.mailTo(DEMO_PEOPLE.healthDirector).find((m) => m.text?.includes(first.person.fullName)),
      );
      expect(mail.subject).toContain('thiếu Pháp chế');
      expect(mail.text).toContain('Kính gửi đồng chí Châu Minh Đức');
      expect(mail.text).toContain(`Hệ thống đã mời đồng chí ${next.person.fullName} thay thế`);
      // The new node caught up with the orphaned activation at boot.
      expect((await formed(orphan)).rule?.key).toBe('health_fast');
    });

    it('fires an escalation exactly once when two worker nodes run', async () => {
      const b = await createTestApp(
        { ...config, jobs: { ...config.jobs!, pollIntervalMs: 20 } },
        { database: db },
      );
      try {
        const id = await declare({
          title: 'Phản ánh quá tải phòng khám',
          unit: 'AH-SYT',
          detectedAt: '2026-07-01T02:00:00Z',
        });
        const g = await formed(id);
        const first = holder(g, 'legal_reviewer')!;
        await waitFor(
          'both invitations expired',
          async () => (await group(id)).members.filter((m) => m.status === 'expired').length === 2,
        );
        await sleep(500);
        const list = await escalations(id, t);
        const perMember = new Map<string, number>();
        for (const e of list)
          perMember.set(e.payload.memberId as string, (perMember.get(e.payload.memberId as string) ?? 0) + 1);
        expect(perMember.get(first.id)).toBe(1);
        expect([...perMember.values()].every((n) => n === 1)).toBe(true);
        const expired = (await eventsOf(id, t)).filter((e) => e.type === 'working_group.invitation_expired');
        expect(expired.map((e) => e.payload.memberId).sort()).toEqual([...perMember.keys()].sort());
      } finally {
        await b.close();
      }
    });
  });
});
