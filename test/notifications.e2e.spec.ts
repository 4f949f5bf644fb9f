import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Role } from '../src/auth/role.js';
import { loadConfig } from '../src/config/app-config.js';
import type { AppConfig } from '../src/config/app-config.js';
import { NotificationsRepository } from '../src/notifications/notifications.repository.js';
import { NotificationsService } from '../src/notifications/notifications.service.js';
import type { EnqueueNotification } from '../src/notifications/notifications.types.js';
import { makeOrgUnit, makePerson } from './support/factories.js';
import { firstAddress, startSmtpServer } from './support/smtp-server.js';
import { createTestApp, TestApp } from './support/test-app.js';
import { createTestDatabase, TestDatabase } from './support/test-database.js';

const defaults = loadConfig({ NODE_ENV: 'test' }, []);
const WEBHOOK_SECRET = 'whsec_cổng-tin-nhắn-thử-nghiệm-0123456789';
const SMTP_USER = 'ungpho';
const SMTP_PASS = 'mat-khau-smtp-thu';

async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false>, ms = 5000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: { id: string; notificationId: string; to: { phone: string }; subject: string; text: string };
  at: number;
}

/**
 * A real HTTP receiver on port 0 standing in for an SMS/Zalo gateway. Per phone number, a script of answers
 * (status codes, or a function that decides) is played before answering 200.
 */
async function startGateway() {
  const requests: Received[] = [];
  const scripts = new Map<string, (number | (() => Promise<number>))[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw) as Received['body'];
      requests.push({ headers: req.headers, raw, body, at: Date.now() });
      const next = scripts.get(body.to.phone)?.shift() ?? 200;
      const status = typeof next === 'number' ? next : await next();
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(status === 200 ? 'đã nhận' : 'cổng tạm thời quá tải');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sms`,
    requests,
    scripts,
    to: (phone: string) => requests.filter((r) => r.body.to.phone === phone),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe(`${NotificationsService.name} (e2e)`, () => {
  let db: TestDatabase;
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let config: Partial<AppConfig>;
  let phoneCounter = 0;

  /** A user with a linked person who has a phone number (unless `phone: null`). */
  async function recipient(opts: { phone?: string | null; displayName?: string } = {}) {
    const unit = await makeOrgUnit(t.dataSource, { name: 'Sở Văn hóa, Thể thao và Du lịch' });
    const phone =
      opts.phone === undefined ? `+84 912 000 ${String(++phoneCounter).padStart(3, '0')}` : opts.phone;
    const person = await makePerson(t.dataSource, unit.id, { phone });
    const user = await t.createUser({ personId: person.id, displayName: opts.displayName });
    return { ...user, phone: phone! };
  }

  const enqueue = (app: TestApp, n: EnqueueNotification) =>
    app.dataSource.transaction((m) => app.app.get(NotificationsService).enqueue(m, n));

  const delivery = async (app: TestApp, id: string) =>
    (await app.dataSource.query('SELECT * FROM notification_deliveries WHERE id = $1', [id]))[0];

  const invitation = (subject = 'Quyết định thành lập Tổ công tác') => ({
    kind: 'working_group.invitation',
    subject,
    text:
      'Kính gửi đồng chí Trần Thị Hồng Nhung,\n' +
      'Đồng chí được phân công làm Người phát ngôn của Tổ công tác xử lý sự cố "Tin đồn ngộ độc thực phẩm".\n\n' +
      'Đề nghị đồng chí xác nhận tham gia trong vòng 10 phút. Trân trọng!',
    data: { incidentId: '7a0c1f7e-0000-4000-8000-000000000001' },
  });

  beforeAll(async () => {
    [smtp, gateway, db] = await Promise.all([
      startSmtpServer({ auth: { user: SMTP_USER, pass: SMTP_PASS } }),
      startGateway(),
      createTestDatabase(),
    ]);
    config = {
      jobs: { ...defaults.jobs, pollIntervalMs: 1000 },
      notifications: {
        smtp: { url: smtp.url, from: '"Ứng phó – Tỉnh An Hòa" <ungpho@anhoa.example.vn>' },
        webhook: { url: gateway.url, secret: WEBHOOK_SECRET, timeoutMs: 3000 },
        maxAttempts: 4,
        retryBaseMs: 100,
      },
    };
    t = await createTestApp(config, { database: db });
  });
  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await Promise.all([smtp?.close(), gateway?.close()]);
    await db?.drop();
  });

  it('e-mails a user over SMTP with the Vietnamese subject and body intact, text and HTML', async () => {
    const u = await recipient({ displayName: 'Trần Thị Hồng Nhung' });
    const n = invitation();
    const { notificationId, deliveries } = await enqueue(t, {
      ...n,
      to: { userId: u.user.id },
      channels: ['email'],
    });
    expect(deliveries).toEqual([
      expect.objectContaining({ channel: 'email', address: u.email, state: 'pending' }),
    ]);

    const [mail] = await waitFor(
      'the e-mail',
      async () => smtp.mailTo(u.email).length > 0 && smtp.mailTo(u.email),
    );
    expect(mail.subject).toBe('Quyết định thành lập Tổ công tác');
    expect(mail.text).toBe(n.text);
    expect(mail.html).toContain('<html lang="vi">');
    expect(mail.html).toContain('Đề nghị đồng chí xác nhận tham gia trong vòng 10 phút. Trân trọng!</p>');
    expect(firstAddress(mail.to)).toEqual({ address: u.email, name: 'Trần Thị Hồng Nhung' });
    expect(firstAddress(mail.from)).toEqual({
      address: 'ungpho@anhoa.example.vn',
      name: 'Ứng phó – Tỉnh An Hòa',
    });
    expect(mail.headers.get('x-ungpho-notification')).toBe(notificationId);
    expect(smtp.logins).toContain(SMTP_USER);

    const row = await waitFor('sent mark', async () => {
      const d = await delivery(t, deliveries[0].id);
      return d.state === 'sent' && d;
    });
    expect(row).toMatchObject({ attempts: 1, last_error: null });
    expect(row.sent_at).toBeInstanceOf(Date);
  });

  it('POSTs to the gateway with a signature verifiable with the shared secret', async () => {
    const u = await recipient();
    const n = invitation('Thông báo khẩn: triệu tập Tổ công tác');
    const { notificationId, deliveries } = await enqueue(t, {
      ...n,
      to: { userId: u.user.id },
      channels: ['webhook'],
    });

    const [req] = await waitFor(
      'the webhook',
      async () => gateway.to(u.phone).length > 0 && gateway.to(u.phone),
    );
    const timestamp = String(req.headers['x-ungpho-timestamp']);
    const expected = createHmac('sha256', WEBHOOK_SECRET).update(`${timestamp}.${req.raw}`).digest('hex');
    expect(req.headers['x-ungpho-signature']).toBe(`sha256=${expected}`);
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(req.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(req.headers['x-ungpho-delivery']).toBe(deliveries[0].id);
    expect(req.body).toMatchObject({
      id: deliveries[0].id,
      notificationId,
      kind: 'working_group.invitation',
      to: { userId: u.user.id, phone: u.phone },
      subject: 'Thông báo khẩn: triệu tập Tổ công tác',
      text: n.text,
      data: n.data,
    });
  });

  it('retries a failing gateway with exponential backoff: answered on the third attempt', async () => {
    const u = await recipient();
    let release!: () => void;
    const released = new Promise<number>((resolve) => (release = () => resolve(503)));
    gateway.scripts.set(u.phone, [503, () => released]);
    const { deliveries } = await enqueue(t, {
      ...invitation(),
      to: { userId: u.user.id },
      channels: ['webhook'],
    });
    const id = deliveries[0].id;

    // The second attempt is held at the gateway: the row shows the first failure and when it was retried.
    await waitFor('the second attempt', async () => gateway.to(u.phone).length === 2);
    const [first, second] = gateway.to(u.phone);
    const during = await delivery(t, id);
    expect(during).toMatchObject({ state: 'pending', attempts: 1 });
    expect(during.last_error).toMatch(/HTTP 503/);
    expect(during.next_attempt_at.getTime() - first.at).toBeGreaterThanOrEqual(90);
    expect(second.at - first.at).toBeGreaterThanOrEqual(95);
    release();

    const done = await waitFor('the delivery', async () => {
      const d = await delivery(t, id);
      return d.state === 'sent' && d;
    });
    const attempts = gateway.to(u.phone);
    expect(attempts).toHaveLength(3);
    expect(attempts[2].at - attempts[1].at).toBeGreaterThanOrEqual(195);
    expect(done).toMatchObject({ attempts: 3 });
    // Every attempt is signed afresh, and carries the same delivery id for the gateway to drop duplicates.
    expect(new Set(attempts.map((r) => r.headers['x-ungpho-delivery']))).toEqual(new Set([id]));
  });

  it('gives up after NOTIFY_MAX_ATTEMPTS failures and keeps the error', async () => {
    const u = await recipient();
    gateway.scripts.set(u.phone, [500, 500, 500, 500, 500]);
    const { deliveries } = await enqueue(t, {
      ...invitation(),
      to: { userId: u.user.id },
      channels: ['webhook'],
    });
    const failed = await waitFor('the failure', async () => {
      const d = await delivery(t, deliveries[0].id);
      return d.state === 'failed' && d;
    });
    expect(failed).toMatchObject({ attempts: 4, sent_at: null });
    expect(failed.last_error).toMatch(/HTTP 500: cổng tạm thời quá tải/);
    expect(gateway.to(u.phone)).toHaveLength(4);
  });

  it('never sends a notification enqueued in a transaction that rolled back', async () => {
    const u = await recipient();
    const svc = t.app.get(NotificationsService);
    let rolledBack = '';
    await expect(
      t.dataSource.transaction(async (m) => {
        const r = await svc.enqueue(m, {
          ...invitation('Thông báo bị hủy'),
          to: { userId: u.user.id },
          channels: ['email', 'webhook', 'in_app'],
        });
        rolledBack = r.notificationId;
        throw new Error('thao tác bị hủy');
      }),
    ).rejects.toThrow('thao tác bị hủy');
    // A notification committed afterwards arrives on both channels: the dispatcher has been through the outbox.
    await enqueue(t, {
      ...invitation('Thông báo thật'),
      to: { userId: u.user.id },
      channels: ['email', 'webhook'],
    });
    await waitFor('the later e-mail', async () => smtp.mailTo(u.email).length > 0);
    await waitFor('the later webhook', async () => gateway.to(u.phone).length > 0);
    await sleep(200);
    expect(smtp.mailTo(u.email).map((m) => m.subject)).toEqual(['Thông báo thật']);
    expect(gateway.to(u.phone).map((r) => r.body.subject)).toEqual(['Thông báo thật']);
    expect(
      await t.dataSource.query('SELECT 1 FROM notification_deliveries WHERE notification_id = $1', [
        rolledBack,
      ]),
    ).toEqual([]);
  });

  it('stores in-app notifications for their user, records skipped deliveries with the reason', async () => {
    const u = await recipient({ phone: null });
    const other = await recipient();
    const admin = await t.createUser({ roles: [Role.Admin] });
    const { deliveries } = await enqueue(t, {
      ...invitation('Lời mời tham gia Tổ công tác'),
      to: [{ userId: u.user.id }, { email: 'bao-chi@anhoa.example.vn', name: 'Phòng Báo chí' }],
      channels: ['in_app', 'webhook'],
    });
    expect(deliveries.map((d) => [d.channel, d.recipientUserId, d.state, d.reason])).toEqual([
      ['in_app', u.user.id, 'pending', null],
      ['webhook', u.user.id, 'skipped', 'người nhận chưa có số điện thoại'],
      ['in_app', null, 'skipped', 'người nhận không có tài khoản'],
      ['webhook', null, 'skipped', 'người nhận chưa có số điện thoại'],
    ]);
    await waitFor('the in-app delivery', async () => (await delivery(t, deliveries[0].id)).state === 'sent');
    // Nothing pending any more: the dispatcher sleeps a whole poll interval.
    expect(await t.app.get(NotificationsRepository).nextDueInMs()).toBeNull();

    const mine = await t.http().get('/api/me/notifications').set(u.auth);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      total: 1,
      items: [
        { id: deliveries[0].id, kind: 'working_group.invitation', subject: 'Lời mời tham gia Tổ công tác' },
      ],
    });
    expect((await t.http().get('/api/me/notifications').set(other.auth)).body).toEqual({
      items: [],
      total: 0,
    });

    const outbox = await t
      .http()
      .get('/api/notifications/outbox')
      .query({ state: 'skipped', recipientUserId: u.user.id })
      .set(admin.auth);
    expect(outbox.status).toBe(200);
    expect(outbox.body.items).toEqual([
      expect.objectContaining({
        id: deliveries[1].id,
        channel: 'webhook',
        state: 'skipped',
        lastError: 'người nhận chưa có số điện thoại',
        subject: 'Lời mời tham gia Tổ công tác',
      }),
    ]);
    expect((await t.http().get('/api/notifications/outbox').set(other.auth)).status).toBe(403);
    expect((await t.http().get('/api/notifications/outbox?state=lost').set(admin.auth)).status).toBe(400);
  });

  it('refuses an unknown recipient and enqueuing outside a transaction', async () => {
    const svc = t.app.get(NotificationsService);
    await expect(
      t.dataSource.transaction((m) =>
        svc.enqueue(m, {
          ...invitation(),
          to: { userId: '00000000-0000-4000-8000-000000000000' },
          channels: ['email'],
        }),
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      svc.enqueue(t.dataSource.manager, { ...invitation(), to: { email: 'a@b.vn' }, channels: ['email'] }),
    ).rejects.toThrow(/inside the transaction/);
  });

  it('sends what was committed while no dispatcher ran once a new instance starts', async () => {
    const u = await recipient();
    await t.close();
    const stopped = await createTestApp(
      { ...config, jobs: { ...config.jobs!, workerEnabled: false } },
      { database: db },
    );
    let id: string;
    try {
      ({
        deliveries: [{ id }],
      } = await enqueue(stopped, {
        ...invitation('Nhắc việc: xác nhận tham gia'),
        to: { userId: u.user.id },
        channels: ['email'],
      }));
      await sleep(300);
      expect(smtp.mailTo(u.email)).toEqual([]);
      expect((await delivery(stopped, id)).state).toBe('pending');
    } finally {
      await stopped.close();
    }

    t = await createTestApp(config, { database: db });
    const [mail] = await waitFor(
      'the e-mail',
      async () => smtp.mailTo(u.email).length > 0 && smtp.mailTo(u.email),
    );
    expect(mail.subject).toBe('Nhắc việc: xác nhận tham gia');
    // The dispatcher records the result after the SMTP server has the mail: wait for that commit.
    const sent = await waitFor('the delivery marked sent', async () => {
      const d = await delivery(t, id);
      return d.state === 'sent' && d;
    });
    expect(sent.state).toBe('sent');
    expect(smtp.mailTo(u.email)).toHaveLength(1);
  });
});
