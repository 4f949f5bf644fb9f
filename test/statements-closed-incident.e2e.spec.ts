import { randomUUID } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { StatementsGateway } from '../src/statements/statements.gateway.js';
import { DraftSessions } from './support/draft-sessions.js';
import { makePerson } from './support/factories.js';
import { makeStatementTeam } from './support/statement-team.js';
import type { StatementTeam } from './support/statement-team.js';
import { createTestApp } from './support/test-app.js';
import type { TestApp, TestUser } from './support/test-app.js';
import { RoomClient } from './support/ws-client.js';

/** A finished incident is read-only everywhere: its leftover drafts over Yjs, its room's chat and invitations. */
describe(`${StatementsGateway.name} on a closed or archived incident (e2e)`, () => {
  let t: TestApp;
  let team: StatementTeam;
  const sessions = new DraftSessions();
  const { sockets } = sessions;

  const open = (user: TestUser, statementId: string) => sessions.open(t.url, user, statementId);
  const storedBody = async (statementId: string) => {
    const res = await t.http().get(`/api/statements/${statementId}`).set(team.admin.auth).expect(200);
    return (res.body.draft as { body: string }).body;
  };
  const move = async (to: string) => {
    const res = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/transitions`)
      .set(team.admin.auth)
      .send({ to });
    expect({ status: res.status, body: res.body.status ?? res.body.code }).toEqual({ status: 201, body: to });
  };
  const lastSeq = async () =>
    Number(
      (await t.dataSource.query(`SELECT last_seq FROM incidents WHERE id = $1`, [team.incidentId]))[0]
        .last_seq,
    );

  beforeAll(async () => {
    t = await createTestApp();
    team = await makeStatementTeam(t);
  });
  afterAll(async () => {
    sessions.closeAll();
    await t?.close();
  });

  it('refuses draft updates once the incident is closed, then archived, with a clear ack error', async () => {
    const created = await t
      .http()
      .post(`/api/incidents/${team.incidentId}/statements`)
      .set(team.drafters[0].auth)
      .send({ type: 'press_release', title: 'Thông cáo báo chí', body: 'Dự thảo', channels: ['portal'] })
      .expect(201);
    const id: string = created.body.id;
    // A draft left open in an editor from before the closing (its socket thought it could edit).
    const leftOpen = await open(team.drafters[0], id);
    expect(leftOpen.opened).toMatchObject({ canEdit: true, incidentReadOnly: false });
    leftOpen.body.insert(leftOpen.body.length, ' trước khi đóng');
    await leftOpen.flushed();
    expect(leftOpen.refused).toEqual([]);
    expect(await storedBody(id)).toBe('Dự thảo trước khi đóng');

    for (const to of ['triaged', 'active', 'monitoring', 'resolved']) await move(to);
    await t
      .http()
      .put(`/api/incidents/${team.incidentId}/review`)
      .set(team.admin.auth)
      .send({ wentWell: 'Phản hồi kịp thời.', wentPoorly: 'Chậm xác minh.', lessons: 'Lập sẵn đầu mối.' })
      .expect(200);
    await t.http().post(`/api/incidents/${team.incidentId}/review/complete`).set(team.admin.auth).expect(201);
    await move('closed');

    const seqAtClose = await lastSeq();
    leftOpen.body.insert(0, 'Sửa sau khi đóng: ');
    await leftOpen.flushed();
    expect(leftOpen.refused.map((e) => e.code)).toEqual(['INCIDENT_READ_ONLY']);
    expect(leftOpen.refused[0].message).toContain('chỉ được xem');
    expect(await storedBody(id)).toBe('Dự thảo trước khi đóng');

    await move('archived');
    // Opened after archiving: read-only from the start, and a forged update is refused the same way.
    const late = await open(team.drafters[1], id);
    expect(late.opened).toMatchObject({ canEdit: false, incidentReadOnly: true });
    expect(late.body.toString()).toBe('Dự thảo trước khi đóng');
    const doc = new Y.Doc();
    doc.getText('body').insert(0, 'Sửa sau khi lưu trữ ');
    const encoder = encoding.createEncoder();
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
    const forged = await late.rawSync(encoding.toUint8Array(encoder));
    expect(!forged.ok && forged.error.code).toBe('INCIDENT_READ_ONLY');
    // The editor left open since before the closing is refused too (the check is made where the update is stored).
    leftOpen.body.insert(leftOpen.body.length, ' và sau khi lưu trữ');
    await leftOpen.flushed();
    // The closing reached the socket's cached right at once: refused as read-only (not relayed to anyone), not
    // sent to re-sync (re-syncing could not help); on re-opening, the draft is read-only.
    expect(leftOpen.refused.map((e) => e.code)).toEqual(['INCIDENT_READ_ONLY', 'INCIDENT_READ_ONLY']);
    const reopened = await open(team.drafters[0], id);
    expect(reopened.opened).toMatchObject({ canEdit: false, incidentReadOnly: true });
    expect(await storedBody(id)).toBe('Dự thảo trước khi đóng');
    // Nothing stored, nothing on the timeline but the archiving.
    const after: { type: string }[] = await t.dataSource.query(
      `SELECT type FROM incident_events WHERE incident_id = $1 AND seq > $2 ORDER BY seq`,
      [team.incidentId, seqAtClose],
    );
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((e) => e.type.startsWith('statement.'))).toEqual([]);
  }, 60_000);

  it('refuses chat, tasks and answering an invitation in a closed room', async () => {
    // (The incident was archived by the previous test.)
    const latecomer = await makePerson(t.dataSource, team.unitId, {
      fullName: `Người được mời ${randomUUID()}`,
    });
    const account = await t.createUser({ personId: latecomer.id });
    const [invitation] = await t.dataSource.query(
      `INSERT INTO working_group_members
         (incident_id, role, person_id, status, reason, pick, invited_at, ack_due_at)
       VALUES ($1, 'drafter', $2, 'invited', 'Mời trong kiểm thử', '{}'::jsonb, now(), now() + interval '1 hour')
       RETURNING id`,
      [team.incidentId, latecomer.id],
    );
    const room = await RoomClient.connect(t.url, account.accessToken);
    sockets.push(room);
    await room.join(team.incidentId);
    const accept = await room.request('invitation:accept', { invitationId: invitation.id });
    expect(!accept.ok && accept.error.code).toBe('INCIDENT_READ_ONLY');

    const member = await RoomClient.connect(t.url, team.drafters[0].accessToken);
    sockets.push(member);
    await member.join(team.incidentId);
    const chat = await member.request('chat:send', {
      incidentId: team.incidentId,
      clientId: randomUUID(),
      text: 'Còn ai ở đây không?',
    });
    expect(!chat.ok && chat.error.code).toBe('INCIDENT_READ_ONLY');
    const task = await member.request('task:create', {
      incidentId: team.incidentId,
      title: 'Việc sau khi đóng',
    });
    expect(!task.ok && task.error.code).toBe('INCIDENT_READ_ONLY');
  }, 30_000);
});
