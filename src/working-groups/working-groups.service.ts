import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { GROUP_MANAGER_ROLES } from '../access/group-roles.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { OrgUnit } from '../directory/entities/org-unit.entity.js';
import { Person } from '../directory/entities/person.entity.js';
import { todayInVietnam } from '../directory/temporal.js';
import type { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import type { IncidentChange } from '../incidents/incident-timeline.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { OPEN_STATUSES, SEVERITY_LABEL_VI } from '../incidents/incident-types.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { NotificationRecipient } from '../notifications/notifications.types.js';
import { chooseRule, mergeRequirements, rankCandidates, requirementsFor } from './assembly.js';
import type { AssemblyContext, Candidate } from './assembly.js';
import { renderDecision } from './decision-document.js';
import type {
  CreateAssemblyRuleDto,
  MemberChangeDto,
  AddMemberDto,
  AvailabilityDto,
} from './dto/working-group.dto.js';
import { AssemblyRule } from './entities/assembly-rule.entity.js';
import { IncidentRoleRequirement } from './entities/incident-role-requirement.entity.js';
import type { AckDeadlines, RoleRequirement } from './entities/assembly-rule.entity.js';
import { PersonAvailability } from './entities/person-availability.entity.js';
import {
  WorkingGroupMember,
  MemberStatus,
  HOLDING_STATUSES,
} from './entities/working-group-member.entity.js';
import { WorkingGroupRole } from './entities/working-group-role.entity.js';
import { WorkingGroup } from './entities/working-group.entity.js';
import { WorkingGroupsRepository } from './working-groups.repository.js';
import type { Incident } from '../incidents/entities/incident.entity.js';

export const ASSEMBLE_JOB = 'working_group.assemble';
export const ACK_DEADLINE_JOB = 'working_group.ack_deadline';
export const ackKey = (memberId: string) => `wg-ack:${memberId}`;

/** Used when a group has no rule (formed by hand before any rule matched). */
const DEFAULT_ACK: AckDeadlines = { L1: 3600, L2: 1800, L3: 600, L4: 300 };
const timeVi = (d: Date) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'medium',
  }).format(d);

const secondsBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/**
 * Working groups (Tổ công tác): assembly by rules, invitations and answers, acknowledgement deadlines and
 * escalation, manual changes. Every change is a timeline event through IncidentTimeline (the one write path);
 * timers and notifications are written in the same transaction.
 */
@Injectable()
export class WorkingGroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: IncidentTimeline,
    private readonly incidents: IncidentsService,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly repository: WorkingGroupsRepository,
  ) {}

  // ---- assembly -----------------------------------------------------------------------------------------

  /** Assembles the group of an incident inside a timer's transaction; nothing if it already has one. */
  assembleWithin(manager: EntityManager, incidentId: string, activatedAt: Date) {
    return this.timeline.changeWithin(manager, incidentId, (change) => this.assemble(change, activatedAt));
  }

  /** Manual assembly (admin or leader who may change the incident), e.g. for an L2 incident not yet active. */
  async assembleNow(user: AuthUser, incidentId: string) {
    await this.incidents.changeAs(user, incidentId, (change) => this.assemble(change, new Date()));
    return this.view(user, incidentId);
  }

  private async assemble(change: IncidentChange, activatedAt: Date): Promise<void> {
    const { manager, incident } = change;
    // A timer may fire after the incident was closed or dismissed: a finished incident gets no group.
    if (!OPEN_STATUSES.includes(incident.status)) return;
    if (await manager.existsBy(WorkingGroup, { incidentId: incident.id })) return;
    const ctx = await this.context(manager, incident);
    const rules = await manager.find(AssemblyRule);
    const rule = chooseRule(
      rules,
      { category: incident.category, severity: incident.severity, date: ctx.date },
      this.ancestors(ctx, incident.responsibleOrgUnitId),
    );
    await manager.insert(WorkingGroup, {
      incidentId: incident.id,
      ruleId: rule?.id ?? null,
      activatedAt,
      assembledAt: null,
      assembleSeconds: null,
    });
    const requirements = await this.requirements(manager, incident, rule);
    const picked = new Set<string>();
    const unfilled: { role: string; missing: number }[] = [];
    const invited: string[] = [];
    for (const req of requirements) {
      const candidates = rankCandidates(ctx, req, picked).slice(0, req.count);
      for (const c of candidates) {
        picked.add(c.person.id);
        invited.push(await this.invite(change, rule, req.role, c, null));
      }
      if (candidates.length < req.count)
        unfilled.push({ role: req.role, missing: req.count - candidates.length });
    }
    change.emit(
      'working_group.formed',
      {
        rule: rule ? { id: rule.id, key: rule.key, version: rule.version, name: rule.name } : null,
        date: ctx.date,
        activatedAt: activatedAt.toISOString(),
        invited: invited.length,
        unfilled,
      },
      { type: 'working_group', id: incident.id },
    );
  }

  /** The rule's requirements merged with the incident's own (an applied playbook's). */
  private async requirements(
    manager: EntityManager,
    incident: Incident,
    rule: AssemblyRule | null,
  ): Promise<RoleRequirement[]> {
    const extra = await manager.find(IncidentRoleRequirement, {
      where: { incidentId: incident.id },
      order: { createdAt: 'ASC' },
    });
    return mergeRequirements(
      rule ? requirementsFor(rule, incident.category) : [],
      extra.map((e) => ({ role: e.role, count: e.count, required: e.required, sources: e.sources })),
    );
  }

  /**
   * Adds roles an incident needs beyond its rule (an applied playbook), inside the caller's change. When the
   * group already exists, the missing members are invited at once; otherwise assembly will include them.
   */
  async addRoleRequirements(
    change: IncidentChange,
    origin: string,
    requirements: (RoleRequirement & { reason: string })[],
  ): Promise<{ role: string; invited: number; missing: number }[]> {
    const { manager, incident } = change;
    for (const r of requirements) await this.assertRole(manager, r.role);
    if (!requirements.length) return [];
    await manager
      .createQueryBuilder()
      .insert()
      .into(IncidentRoleRequirement)
      .values(
        requirements.map((r) => ({
          incidentId: incident.id,
          role: r.role,
          count: r.count,
          required: r.required,
          sources: r.sources,
          reason: r.reason,
          origin,
        })),
      )
      .orIgnore()
      .execute();
    const out: { role: string; invited: number; missing: number }[] = [];
    const group = await manager.findOneBy(WorkingGroup, { incidentId: incident.id });
    if (group && OPEN_STATUSES.includes(incident.status)) {
      const rule = await this.groupRule(manager, incident.id);
      const merged = await this.requirements(manager, incident, rule);
      const members = await manager.findBy(WorkingGroupMember, { incidentId: incident.id });
      const picked = new Set(
        members.filter((m) => HOLDING_STATUSES.includes(m.status)).map((m) => m.personId),
      );
      const ctx = await this.context(manager, incident);
      for (const r of requirements) {
        const req = merged.find((m) => m.role === r.role)!;
        const holding = members.filter(
          (m) => m.role === r.role && HOLDING_STATUSES.includes(m.status),
        ).length;
        const need = Math.max(0, req.count - holding);
        const candidates = rankCandidates(ctx, req, picked).slice(0, need);
        for (const c of candidates) {
          picked.add(c.person.id);
          await this.invite(change, rule, r.role, c, null, r.reason);
        }
        out.push({ role: r.role, invited: candidates.length, missing: need - candidates.length });
      }
    } else {
      for (const r of requirements) out.push({ role: r.role, invited: 0, missing: 0 });
    }
    change.emit(
      'working_group.requirements_added',
      {
        origin,
        roles: requirements.map((r) => ({
          role: r.role,
          count: r.count,
          required: r.required,
          reason: r.reason,
        })),
        invited: out,
      },
      { type: 'working_group', id: incident.id },
    );
    return out;
  }

  private async context(manager: EntityManager, incident: Incident): Promise<AssemblyContext> {
    const date = todayInVietnam(incident.detectedAt);
    const today = todayInVietnam();
    // One after the other: they share the transaction's connection (concurrent queries on one pg client are
    // deprecated and only queue anyway).
    const units = await this.repository.unitsOn(manager, date);
    const people = await this.repository.peopleOn(manager, date, today);
    const capabilityUnits = await this.repository.capabilityUnitsOn(manager, date);
    const designations = await this.repository.designationsOn(manager, incident.responsibleOrgUnitId, date);
    const away = await this.repository.awayOn(manager, today);
    const load = await this.repository.loadExcept(manager, incident.id);
    return {
      date,
      responsibleUnitId: incident.responsibleOrgUnitId,
      units,
      people,
      capabilityUnits,
      designations,
      incidentText: `${incident.title} ${incident.summary ?? ''}`,
      away,
      load,
    };
  }

  private ancestors(ctx: AssemblyContext, unitId: string): string[] {
    const out: string[] = [];
    for (
      let cur: string | null = unitId;
      cur && !out.includes(cur);
      cur = ctx.units.get(cur)?.parentId ?? null
    ) {
      out.push(cur);
    }
    return out;
  }

  /** Writes the invitation, its acknowledgement timer and its notification; returns the member id. */
  private async invite(
    change: IncidentChange,
    rule: AssemblyRule | null,
    role: string,
    candidate: Candidate,
    replaces: WorkingGroupMember | null,
    why?: string,
  ): Promise<string> {
    const { manager, incident } = change;
    const now = new Date();
    const ackSeconds =
      (rule?.ackDeadlineSeconds ?? DEFAULT_ACK)[incident.severity] ?? DEFAULT_ACK[incident.severity];
    const ackDueAt = new Date(now.getTime() + ackSeconds * 1000);
    const reason =
      (rule ? `Quy tắc "${rule.name}" (phiên bản ${rule.version}); ` : '') +
      `hạng ${candidate.rank}; ${why ? `${why}; ` : ''}${candidate.reason}`;
    const member = await manager.save(
      manager.create(WorkingGroupMember, {
        incidentId: incident.id,
        role,
        personId: candidate.person.id,
        status: MemberStatus.Invited,
        reason,
        pick: {
          ruleId: rule?.id ?? null,
          ruleKey: rule?.key ?? null,
          ruleVersion: rule?.version ?? null,
          rank: candidate.rank,
          source: candidate.source,
          load: candidate.load,
          distance: candidate.distance,
        },
        replacesMemberId: replaces?.id ?? null,
        invitedAt: now,
        ackDueAt,
        respondedAt: null,
        ackSeconds: null,
        declineReason: null,
        assumedAt: null,
        renouncedAt: null,
        endReason: null,
      }),
    );
    await this.jobs.schedule(manager, {
      kind: ACK_DEADLINE_JOB,
      dueAt: ackDueAt,
      payload: { memberId: member.id, incidentId: incident.id },
      key: ackKey(member.id),
    });
    const roleName = await this.roleName(manager, role);
    const userId = await this.repository.userOfPerson(manager, candidate.person.id);
    const to = await this.recipient(manager, candidate.person.id, userId);
    if (to) {
      await this.notifications.enqueue(manager, {
        to,
        channels: ['in_app', 'email', 'webhook'],
        kind: 'working_group.invitation',
        subject: `Mời tham gia Tổ công tác xử lý sự cố ${incident.code}`,
        text:
          `Kính gửi đồng chí ${candidate.person.fullName},\n` +
          `Đồng chí được mời tham gia Tổ công tác xử lý sự cố, khủng hoảng truyền thông "${incident.title}" ` +
          `(${incident.code}, mức ${SEVERITY_LABEL_VI[incident.severity]}) với vai trò ${roleName}.\n\n` +
          `Lý do lựa chọn: ${reason}.\n\n` +
          `Đề nghị đồng chí xác nhận tham gia hoặc từ chối (nêu rõ lý do) trước ${timeVi(ackDueAt)}. ` +
          `Quá thời hạn, hệ thống sẽ mời người khác và báo cáo lãnh đạo đơn vị.\n` +
          `Mã lời mời: ${member.id}`,
        data: { incidentId: incident.id, invitationId: member.id, role, ackDueAt: ackDueAt.toISOString() },
      });
    }
    change.emit(
      'working_group.member_invited',
      {
        memberId: member.id,
        role,
        personId: candidate.person.id,
        fullName: candidate.person.fullName,
        userId,
        rank: candidate.rank,
        reason,
        ackDueAt: ackDueAt.toISOString(),
        replacesMemberId: replaces?.id ?? null,
      },
      { type: 'working_group_member', id: member.id },
    );
    return member.id;
  }

  private async recipient(
    manager: EntityManager,
    personId: string,
    userId: string | null,
  ): Promise<NotificationRecipient | null> {
    if (userId) return { userId };
    const person = await manager.findOneBy(Person, { id: personId });
    if (!person?.email && !person?.phone) return null;
    return { email: person.email ?? undefined, phone: person.phone ?? undefined, name: person.fullName };
  }

  private async roleName(manager: EntityManager, key: string): Promise<string> {
    return (await manager.findOneBy(WorkingGroupRole, { key }))?.nameVi ?? key;
  }

  private async groupRule(manager: EntityManager, incidentId: string): Promise<AssemblyRule | null> {
    const group = await manager.findOneBy(WorkingGroup, { incidentId });
    return group?.ruleId ? manager.findOneBy(AssemblyRule, { id: group.ruleId }) : null;
  }

  /** The next candidate for a role: nobody who already holds a role or was already asked for this one. */
  private async nextCandidate(change: IncidentChange, role: string): Promise<Candidate | null> {
    const { manager, incident } = change;
    const rule = await this.groupRule(manager, incident.id);
    const req: RoleRequirement | undefined = (await this.requirements(manager, incident, rule)).find(
      (r) => r.role === role,
    );
    if (!req) return null;
    const members = await manager.findBy(WorkingGroupMember, { incidentId: incident.id });
    const exclude = new Set(
      members.filter((m) => m.role === role || HOLDING_STATUSES.includes(m.status)).map((m) => m.personId),
    );
    const ctx = await this.context(manager, incident);
    return rankCandidates(ctx, req, exclude)[0] ?? null;
  }

  /** Invites the next candidate for the role of a member who declined or let the deadline pass. */
  private async replaceFromRule(change: IncidentChange, member: WorkingGroupMember, why: string) {
    const next = await this.nextCandidate(change, member.role);
    if (!next) return null;
    const rule = await this.groupRule(change.manager, change.incident.id);
    return this.invite(change, rule, member.role, next, member, why);
  }

  // ---- answers ------------------------------------------------------------------------------------------

  private async invitationOf(user: AuthUser, invitationId: string): Promise<WorkingGroupMember> {
    const member = await this.dataSource.getRepository(WorkingGroupMember).findOneBy({ id: invitationId });
    if (!member || (member.personId !== user.personId && !user.roles.includes(Role.Admin))) {
      throw AppError.notFound('lời mời', invitationId);
    }
    if (member.personId !== user.personId) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ người được mời mới được trả lời lời mời');
    }
    return member;
  }

  async accept(user: AuthUser, invitationId: string) {
    const found = await this.invitationOf(user, invitationId);
    await this.timeline.change(found.incidentId, async (change) => {
      this.incidents.assertWritable(change.incident); // finished incidents are read-only
      const { manager } = change;
      const member = await this.pendingInvitation(manager, invitationId);
      const now = new Date();
      member.status = MemberStatus.Accepted;
      member.respondedAt = now;
      member.assumedAt = now;
      member.ackSeconds = secondsBetween(member.invitedAt, now);
      await manager.save(member);
      await this.jobs.cancel(manager, ackKey(member.id));
      change.emit(
        'working_group.invitation_accepted',
        { memberId: member.id, role: member.role, personId: member.personId, ackSeconds: member.ackSeconds },
        { type: 'working_group_member', id: member.id },
      );
      await this.checkAssembled(change);
    });
    return this.memberView(invitationId);
  }

  async decline(user: AuthUser, invitationId: string, reason: string) {
    const found = await this.invitationOf(user, invitationId);
    await this.timeline.change(found.incidentId, async (change) => {
      this.incidents.assertWritable(change.incident); // finished incidents are read-only
      const { manager } = change;
      const member = await this.pendingInvitation(manager, invitationId);
      const now = new Date();
      member.status = MemberStatus.Declined;
      member.respondedAt = now;
      member.ackSeconds = secondsBetween(member.invitedAt, now);
      member.declineReason = reason;
      member.endReason = reason;
      await manager.save(member);
      await this.jobs.cancel(manager, ackKey(member.id));
      change.emit(
        'working_group.invitation_declined',
        {
          memberId: member.id,
          role: member.role,
          personId: member.personId,
          reason,
          ackSeconds: member.ackSeconds,
        },
        { type: 'working_group_member', id: member.id },
      );
      const next = await this.replaceFromRule(change, member, 'thay người đã từ chối');
      if (!next) await this.escalate(change, member, 'declined', null);
    });
    return this.memberView(invitationId);
  }

  private async pendingInvitation(manager: EntityManager, id: string): Promise<WorkingGroupMember> {
    const member = await manager.findOneByOrFail(WorkingGroupMember, { id });
    if (member.status !== MemberStatus.Invited) {
      throw new AppError(
        ErrorCode.INVITATION_CLOSED,
        'Lời mời này đã được trả lời, đã hết hạn hoặc đã bị thu hồi',
        { status: member.status },
      );
    }
    return member;
  }

  /** Records time-to-assemble once every required role has its accepted members. */
  private async checkAssembled(change: IncidentChange) {
    const { manager, incident } = change;
    const group = await manager.findOneBy(WorkingGroup, { incidentId: incident.id });
    if (!group || group.assembledAt) return;
    const rule = group.ruleId ? await manager.findOneBy(AssemblyRule, { id: group.ruleId }) : null;
    const requirements = await this.requirements(manager, incident, rule);
    if (!rule && !requirements.length) return;
    const required = requirements.filter((r) => r.required);
    const accepted = await manager.findBy(WorkingGroupMember, {
      incidentId: incident.id,
      status: MemberStatus.Accepted,
    });
    const complete = required.every((r) => accepted.filter((m) => m.role === r.role).length >= r.count);
    if (!complete) return;
    group.assembledAt = new Date();
    group.assembleSeconds = secondsBetween(group.activatedAt, group.assembledAt);
    await manager.save(group);
    change.emit(
      'working_group.assembled',
      { assembleSeconds: group.assembleSeconds, activatedAt: group.activatedAt.toISOString() },
      { type: 'working_group', id: incident.id },
    );
  }

  // ---- deadlines and escalation (timer handler) --------------------------------------------------------

  /** The acknowledgement deadline of an invitation passed: invite the next candidate and alert the leader. */
  async onAckDeadline(manager: EntityManager, memberId: string): Promise<CommittedIncidentEvent[]> {
    const member = await manager.findOneBy(WorkingGroupMember, { id: memberId });
    if (!member) return [];
    const { events } = await this.timeline.changeWithin(manager, member.incidentId, async (change) => {
      const current = await manager.findOneByOrFail(WorkingGroupMember, { id: memberId });
      if (current.status !== MemberStatus.Invited) return;
      if (!OPEN_STATUSES.includes(change.incident.status)) return; // nothing to escalate on a finished incident
      current.status = MemberStatus.Expired;
      current.endReason = 'Quá hạn xác nhận';
      await manager.save(current);
      change.emit(
        'working_group.invitation_expired',
        {
          memberId,
          role: current.role,
          personId: current.personId,
          ackDueAt: current.ackDueAt.toISOString(),
        },
        { type: 'working_group_member', id: memberId },
      );
      const next = await this.replaceFromRule(change, current, 'thay người không xác nhận đúng hạn');
      await this.escalate(change, current, 'ack_deadline_passed', next);
    });
    return events;
  }

  private async escalate(
    change: IncidentChange,
    member: WorkingGroupMember,
    cause: 'ack_deadline_passed' | 'declined',
    nextMemberId: string | null,
  ) {
    const { manager, incident } = change;
    const head = await this.repository.headOf(manager, incident.responsibleOrgUnitId, todayInVietnam());
    const person = await manager.findOneBy(Person, { id: member.personId });
    const roleName = await this.roleName(manager, member.role);
    const next = nextMemberId ? await manager.findOneBy(WorkingGroupMember, { id: nextMemberId }) : null;
    const nextPerson = next ? await manager.findOneBy(Person, { id: next.personId }) : null;
    change.emit(
      'working_group.escalated',
      {
        memberId: member.id,
        role: member.role,
        cause,
        toPersonId: head?.id ?? null,
        toName: head?.fullName ?? null,
        nextMemberId,
      },
      { type: 'working_group_member', id: member.id },
    );
    if (!head) return;
    const headUser = await this.repository.userOfPerson(manager, head.id);
    const to = await this.recipient(manager, head.id, headUser);
    if (!to) return;
    const what =
      cause === 'declined'
        ? `đã từ chối vai trò ${roleName} (lý do: ${member.declineReason ?? 'không nêu'})`
        : `chưa xác nhận vai trò ${roleName} trước thời hạn ${timeVi(member.ackDueAt)}`;
    await this.notifications.enqueue(manager, {
      to,
      channels: ['in_app', 'email', 'webhook'],
      kind: 'working_group.escalation',
      subject: `Báo cáo: Tổ công tác sự cố ${incident.code} thiếu ${roleName}`,
      text:
        `Kính gửi đồng chí ${head.fullName},\n` +
        `Trong Tổ công tác xử lý sự cố "${incident.title}" (${incident.code}), đồng chí ${person?.fullName ?? ''} ${what}.\n` +
        (nextPerson
          ? `Hệ thống đã mời đồng chí ${nextPerson.fullName} thay thế.\n`
          : 'Không còn ứng viên phù hợp theo quy tắc; đề nghị đồng chí chỉ định người thay thế.\n') +
        'Trân trọng!',
      data: { incidentId: incident.id, invitationId: member.id, role: member.role, cause },
    });
  }

  // ---- manual changes (group leader or admin) ------------------------------------------------------------

  /** Refuses role keys that are not in the catalogue, naming the field (playbooks check theirs when written). */
  async assertRolesExist(keys: { field: string; role: string }[]): Promise<void> {
    const known = new Set((await this.dataSource.getRepository(WorkingGroupRole).find()).map((r) => r.key));
    const bad = keys.filter((k) => !known.has(k.role));
    if (bad.length) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        `Vai trò không có trong danh mục Tổ công tác: ${[...new Set(bad.map((b) => b.role))].join(', ')}`,
        bad.map((b) => ({
          field: b.field,
          messages: [`${b.field}: "${b.role}" không có trong danh mục vai trò`],
        })),
      );
    }
  }

  /** Whether the user may steer the group (and what it applies): an admin or its accepted tổ trưởng/tổ phó. */
  async isManager(user: AuthUser, incidentId: string): Promise<boolean> {
    if (user.roles.includes(Role.Admin)) return true;
    return user.personId
      ? this.dataSource.getRepository(WorkingGroupMember).existsBy({
          incidentId,
          personId: user.personId,
          status: MemberStatus.Accepted,
          role: In([...GROUP_MANAGER_ROLES]),
        })
      : false;
  }

  /** Accepted members and their accounts, read inside a change (task assignment by role). */
  async acceptedMembers(
    manager: EntityManager,
    incidentId: string,
  ): Promise<{ role: string; personId: string; userId: string | null }[]> {
    const members = await manager.find(WorkingGroupMember, {
      where: { incidentId, status: MemberStatus.Accepted },
      order: { assumedAt: 'ASC' },
    });
    const out = [];
    for (const m of members) {
      out.push({
        role: m.role,
        personId: m.personId,
        userId: await this.repository.userOfPerson(manager, m.personId),
      });
    }
    return out;
  }

  private async assertManager(user: AuthUser, incidentId: string) {
    await this.incidents.getVisible(user, incidentId);
    if (!(await this.isManager(user, incidentId))) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Chỉ tổ trưởng, tổ phó hoặc quản trị viên được thay đổi thành phần Tổ công tác',
      );
    }
  }

  private async assertRole(manager: EntityManager, role: string) {
    if (!(await manager.existsBy(WorkingGroupRole, { key: role }))) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, `Vai trò "${role}" không có trong danh mục`, [
        { field: 'role', messages: [`role: không có trong danh mục vai trò Tổ công tác`] },
      ]);
    }
  }

  private async manualCandidate(manager: EntityManager, personId: string, why: string): Promise<Candidate> {
    const person = await manager.findOneBy(Person, { id: personId });
    if (!person) throw AppError.notFound('người', personId);
    return {
      person: {
        id: person.id,
        fullName: person.fullName,
        position: person.position,
        orgUnitId: person.orgUnitId,
        tags: person.tags,
      },
      rank: 1,
      source: 'manual',
      load: 0,
      distance: 0,
      reason: why,
    };
  }

  async addMember(user: AuthUser, incidentId: string, dto: AddMemberDto) {
    await this.assertManager(user, incidentId);
    await this.timeline.change(incidentId, async (change) => {
      this.incidents.assertWritable(change.incident); // finished incidents are read-only
      const { manager } = change;
      await this.assertRole(manager, dto.role);
      await this.ensureGroup(manager, incidentId);
      await this.assertNotHolding(manager, incidentId, dto.personId);
      const why = `bổ sung bởi ${user.displayName}${dto.reason ? `: ${dto.reason}` : ''}`;
      await this.invite(change, null, dto.role, await this.manualCandidate(manager, dto.personId, why), null);
    });
    return this.view(user, incidentId);
  }

  async removeMember(user: AuthUser, incidentId: string, memberId: string, reason: string) {
    await this.assertManager(user, incidentId);
    await this.timeline.change(incidentId, async (change) => {
      this.incidents.assertWritable(change.incident); // finished incidents are read-only
      const member = await this.holding(change.manager, incidentId, memberId);
      await this.end(change, member, MemberStatus.Removed, reason, 'working_group.member_removed');
    });
    return this.view(user, incidentId);
  }

  /** Replace (a new person is invited) or hand over (the role passes, history kept on both rows). */
  async replaceMember(
    user: AuthUser,
    incidentId: string,
    memberId: string,
    dto: MemberChangeDto,
    kind: 'replace' | 'handover',
  ) {
    await this.assertManager(user, incidentId);
    await this.timeline.change(incidentId, async (change) => {
      this.incidents.assertWritable(change.incident); // finished incidents are read-only
      const { manager } = change;
      const member = await this.holding(manager, incidentId, memberId);
      let candidate: Candidate | null;
      if (dto.personId) {
        await this.assertNotHolding(manager, incidentId, dto.personId);
        const why = `${kind === 'handover' ? 'nhận bàn giao' : 'thay thế'} theo quyết định của ${user.displayName}`;
        candidate = await this.manualCandidate(manager, dto.personId, why);
      } else {
        candidate = await this.nextCandidate(change, member.role);
        if (!candidate) {
          throw new AppError(
            ErrorCode.CONFLICT,
            'Không còn ứng viên phù hợp cho vai trò này; hãy chỉ định người cụ thể',
          );
        }
      }
      await this.end(
        change,
        member,
        MemberStatus.HandedOver,
        dto.reason,
        kind === 'handover' ? 'working_group.role_handed_over' : 'working_group.member_replaced',
      );
      await this.invite(
        change,
        await this.groupRule(manager, incidentId),
        member.role,
        candidate,
        member,
        dto.reason,
      );
    });
    return this.view(user, incidentId);
  }

  private async end(
    change: IncidentChange,
    member: WorkingGroupMember,
    status: MemberStatus,
    reason: string,
    event: string,
  ) {
    const { manager } = change;
    const wasInvited = member.status === MemberStatus.Invited;
    member.status = status;
    member.renouncedAt = member.assumedAt ? new Date() : null;
    member.endReason = reason;
    await manager.save(member);
    if (wasInvited) await this.jobs.cancel(manager, ackKey(member.id));
    change.emit(
      event,
      {
        memberId: member.id,
        role: member.role,
        personId: member.personId,
        userId: await this.repository.userOfPerson(manager, member.personId),
        reason,
      },
      { type: 'working_group_member', id: member.id },
    );
  }

  private async holding(manager: EntityManager, incidentId: string, memberId: string) {
    const member = await manager.findOneBy(WorkingGroupMember, { id: memberId, incidentId });
    if (!member) throw AppError.notFound('thành viên Tổ công tác', memberId);
    if (!HOLDING_STATUSES.includes(member.status)) {
      throw new AppError(ErrorCode.CONFLICT, 'Thành viên này không còn giữ vai trò trong Tổ công tác');
    }
    return member;
  }

  private async assertNotHolding(manager: EntityManager, incidentId: string, personId: string) {
    if (await manager.existsBy(WorkingGroupMember, { incidentId, personId, status: In(HOLDING_STATUSES) })) {
      throw new AppError(ErrorCode.CONFLICT, 'Người này đã có vai trò trong Tổ công tác');
    }
  }

  private async ensureGroup(manager: EntityManager, incidentId: string) {
    if (await manager.existsBy(WorkingGroup, { incidentId })) return;
    await manager.insert(WorkingGroup, { incidentId, ruleId: null, activatedAt: new Date() });
  }

  // ---- views --------------------------------------------------------------------------------------------

  async view(user: AuthUser, incidentId: string) {
    const incident = await this.incidents.getVisible(user, incidentId);
    const manager = this.dataSource.manager;
    const group = await manager.findOneBy(WorkingGroup, { incidentId });
    const rule = group?.ruleId ? await manager.findOneBy(AssemblyRule, { id: group.ruleId }) : null;
    const roles = await manager.find(WorkingGroupRole, { order: { sortOrder: 'ASC' } });
    const byKey = new Map(roles.map((r) => [r.key, r]));
    const members = await manager.find(WorkingGroupMember, {
      where: { incidentId },
      relations: { person: { orgUnit: true } },
      order: { invitedAt: 'ASC' },
    });
    const requirements = await this.requirements(manager, incident, rule);
    return {
      incidentId,
      formed: Boolean(group),
      rule: rule ? { id: rule.id, key: rule.key, version: rule.version, name: rule.name } : null,
      activatedAt: group?.activatedAt ?? null,
      assembledAt: group?.assembledAt ?? null,
      assembleSeconds: group?.assembleSeconds ?? null,
      requirements: requirements.map((r) => ({
        role: r.role,
        roleName: byKey.get(r.role)?.nameVi ?? r.role,
        count: r.count,
        required: r.required,
        accepted: members.filter((m) => m.role === r.role && m.status === MemberStatus.Accepted).length,
        invited: members.filter((m) => m.role === r.role && m.status === MemberStatus.Invited).length,
      })),
      members: members.map((m) => this.presentMember(m, byKey.get(m.role))),
    };
  }

  private presentMember(m: WorkingGroupMember, role?: WorkingGroupRole) {
    return {
      id: m.id,
      invitationId: m.id,
      role: m.role,
      roleName: role?.nameVi ?? m.role,
      canEditStatements: role?.canEditStatements ?? false,
      canApprove: role?.canApprove ?? false,
      observer: role?.observer ?? false,
      status: m.status,
      person: m.person
        ? {
            id: m.person.id,
            fullName: m.person.fullName,
            position: m.person.position,
            orgUnit: m.person.orgUnit
              ? { id: m.person.orgUnit.id, code: m.person.orgUnit.code, name: m.person.orgUnit.name }
              : null,
          }
        : { id: m.personId },
      why: {
        ruleId: m.pick.ruleId,
        ruleKey: m.pick.ruleKey,
        ruleVersion: m.pick.ruleVersion,
        rank: m.pick.rank,
        reason: m.reason,
      },
      replacesMemberId: m.replacesMemberId,
      invitedAt: m.invitedAt,
      ackDueAt: m.ackDueAt,
      respondedAt: m.respondedAt,
      ackSeconds: m.ackSeconds,
      declineReason: m.declineReason,
      assumedAt: m.assumedAt,
      renouncedAt: m.renouncedAt,
      endReason: m.endReason,
    };
  }

  private async memberView(id: string) {
    const m = await this.dataSource.getRepository(WorkingGroupMember).findOneOrFail({
      where: { id },
      relations: { person: { orgUnit: true } },
    });
    const role = await this.dataSource.getRepository(WorkingGroupRole).findOneBy({ key: m.role });
    return this.presentMember(m, role ?? undefined);
  }

  async decision(user: AuthUser, incidentId: string, format: 'md' | 'html') {
    const view = await this.view(user, incidentId);
    const incident = await this.incidents.getVisible(user, incidentId);
    const roles = await this.dataSource.getRepository(WorkingGroupRole).find({ order: { sortOrder: 'ASC' } });
    const unit = await this.dataSource
      .getRepository(OrgUnit)
      .findOneBy({ id: incident.responsibleOrgUnitId });
    return renderDecision(
      {
        incident,
        unitName: incident.responsibleUnitSnapshot?.name ?? unit?.name ?? '',
        members: view.members.filter((m) => HOLDING_STATUSES.includes(m.status)),
        roles,
        today: todayInVietnam(),
      },
      format,
    );
  }

  // ---- configuration ------------------------------------------------------------------------------------

  listRoles() {
    return this.dataSource.getRepository(WorkingGroupRole).find({ order: { sortOrder: 'ASC' } });
  }

  listRules() {
    return this.dataSource.getRepository(AssemblyRule).find({ order: { key: 'ASC', version: 'DESC' } });
  }

  /** A new rule, or a new version of a rule (same key); earlier versions stay for the incidents they formed. */
  async createRule(dto: CreateAssemblyRuleDto) {
    return this.dataSource.transaction(async (manager) => {
      const known = new Set((await manager.find(WorkingGroupRole)).map((r) => r.key));
      const unknown = dto.roles.map((r) => r.role).filter((r) => !known.has(r));
      if (unknown.length) {
        throw new AppError(
          ErrorCode.VALIDATION_FAILED,
          `Vai trò không có trong danh mục: ${unknown.join(', ')}`,
          [{ field: 'roles', messages: [`roles: vai trò không có trong danh mục: ${unknown.join(', ')}`] }],
        );
      }
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`wg-rule:${dto.key}`]);
      const [{ max }] = await manager.query(
        'SELECT max(version) AS max FROM working_group_rules WHERE key = $1',
        [dto.key],
      );
      const rule = await manager.save(
        manager.create(AssemblyRule, {
          key: dto.key,
          version: Number(max ?? 0) + 1,
          name: dto.name,
          priority: dto.priority ?? 0,
          categories: dto.categories ?? [],
          minSeverity: dto.minSeverity ?? 'L1',
          orgUnitId: dto.orgUnitId ?? null,
          roles: dto.roles.map((r) => ({
            role: r.role,
            count: r.count,
            required: r.required,
            sources: r.sources,
          })),
          ackDeadlineSeconds: dto.ackDeadlineSeconds,
          effectiveFrom: dto.effectiveFrom,
          effectiveTo: dto.effectiveTo ?? null,
          legalBasis: dto.legalBasis ?? null,
        }),
      );
      await this.audit.record(manager, {
        action: 'working_group_rule.create',
        entityType: 'working_group_rule',
        entityId: rule.id,
        data: { key: rule.key, version: rule.version, name: rule.name },
      });
      return rule;
    });
  }

  async setAvailability(user: AuthUser, dto: AvailabilityDto) {
    const person = await this.dataSource.getRepository(Person).findOneBy({ id: dto.personId });
    if (!person) throw AppError.notFound('người', dto.personId);
    await this.incidents.assertUnitInScope(
      user,
      person.orgUnitId,
      'Chỉ được ghi trạng thái trực/vắng cho người của đơn vị mình hoặc đơn vị cấp dưới',
    );
    if (dto.validTo < dto.validFrom) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Ngày kết thúc phải sau ngày bắt đầu', [
        { field: 'validTo', messages: ['validTo: không được trước validFrom'] },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Person, { id: dto.personId })))
        throw AppError.notFound('người', dto.personId);
      const row = await manager.save(
        manager.create(PersonAvailability, {
          personId: dto.personId,
          status: dto.status,
          validFrom: dto.validFrom,
          validTo: dto.validTo,
          note: dto.note ?? null,
        }),
      );
      await this.audit.record(manager, {
        action: 'person_availability.create',
        entityType: 'person',
        entityId: dto.personId,
        data: { status: row.status, validFrom: row.validFrom, validTo: row.validTo },
      });
      return row;
    });
  }
}
