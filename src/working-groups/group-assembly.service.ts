import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UsersService } from '../auth/users.service.js';
import { todayInVietnam } from '../common/dates.js';
import { fieldError, validationFailed } from '../common/validation.js';
import { DirectoryOnDate } from '../directory/directory-on-date.repository.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import type { IncidentChange } from '../incidents/incident-timeline.js';
import { OPEN_STATUSES } from '../incidents/incident-types.js';
import { JobsService } from '../jobs/jobs.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { NotificationRecipient } from '../notifications/notifications.types.js';
import { chooseRule, mergeRequirements, rankCandidates, requirementsFor } from './assembly.js';
import type { AssemblyContext, Candidate } from './assembly.js';
import { AssemblyRule } from './entities/assembly-rule.entity.js';
import type { AckDeadlines, RoleRequirement } from './entities/assembly-rule.entity.js';
import { IncidentRoleRequirement } from './entities/incident-role-requirement.entity.js';
import {
  HOLDING_STATUSES,
  MemberStatus,
  WorkingGroupMember,
} from './entities/working-group-member.entity.js';
import { WorkingGroupRole } from './entities/working-group-role.entity.js';
import { WorkingGroup } from './entities/working-group.entity.js';
import { invitationLetter } from './group-letters.js';
import { WorkingGroupsRepository } from './working-groups.repository.js';

export const ASSEMBLE_JOB = 'working_group.assemble';
export const ACK_DEADLINE_JOB = 'working_group.ack_deadline';
export const ackKey = (memberId: string) => `wg-ack:${memberId}`;

/** Used when a group has no rule (formed by hand before any rule matched). */
const DEFAULT_ACK: AckDeadlines = { L1: 3600, L2: 1800, L3: 600, L4: 300 };

export const secondsBetween = (from: Date, to: Date) =>
  Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/**
 * Assembly of a working group: the rule and the requirements, the directory as it was on the incident's date,
 * the candidates, and the invitation (member row, acknowledgement timer, letter, timeline event) — all inside
 * the caller's incident change.
 */
@Injectable()
export class GroupAssembly {
  constructor(
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly directory: DirectoryOnDate,
    private readonly users: UsersService,
    private readonly repository: WorkingGroupsRepository,
  ) {}

  async assemble(change: IncidentChange, activatedAt: Date): Promise<void> {
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
  async requirements(
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
    await this.repository.insertRoleRequirements(
      manager,
      requirements.map((r) => ({
        incidentId: incident.id,
        role: r.role,
        count: r.count,
        required: r.required,
        sources: r.sources,
        reason: r.reason,
        origin,
      })),
    );
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
    const units = await this.directory.unitsOn(manager, date);
    const people = await this.directory.peopleOn(manager, date, today);
    const capabilityUnits = await this.directory.capabilityUnitsOn(manager, date);
    const designations = await this.directory.designationsOn(manager, incident.responsibleOrgUnitId, date);
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
  async invite(
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
    const userId = await this.userOfPerson(manager, candidate.person.id);
    const to = await this.recipient(manager, candidate.person.id, userId);
    if (to) {
      await this.notifications.enqueue(manager, {
        to,
        channels: ['in_app', 'email', 'webhook'],
        kind: 'working_group.invitation',
        ...invitationLetter({
          incident,
          fullName: candidate.person.fullName,
          roleName,
          reason,
          ackDueAt,
          invitationId: member.id,
        }),
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

  /** The active account of a person, if any. */
  userOfPerson(manager: EntityManager, personId: string): Promise<string | null> {
    return this.users.activeUserOfPerson(manager, personId);
  }

  /** Where a letter to a person goes: the account, else the directory's e-mail or phone. */
  async recipient(
    manager: EntityManager,
    personId: string,
    userId: string | null,
  ): Promise<NotificationRecipient | null> {
    if (userId) return { userId };
    const person = await this.directory.person(manager, personId);
    if (!person?.email && !person?.phone) return null;
    return { email: person.email ?? undefined, phone: person.phone ?? undefined, name: person.fullName };
  }

  async roleName(manager: EntityManager, key: string): Promise<string> {
    return (await manager.findOneBy(WorkingGroupRole, { key }))?.nameVi ?? key;
  }

  async groupRule(manager: EntityManager, incidentId: string): Promise<AssemblyRule | null> {
    const group = await manager.findOneBy(WorkingGroup, { incidentId });
    return group?.ruleId ? manager.findOneBy(AssemblyRule, { id: group.ruleId }) : null;
  }

  /** The next candidate for a role: nobody who already holds a role or was already asked for this one. */
  async nextCandidate(change: IncidentChange, role: string): Promise<Candidate | null> {
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
  async replaceFromRule(change: IncidentChange, member: WorkingGroupMember, why: string) {
    const next = await this.nextCandidate(change, member.role);
    if (!next) return null;
    const rule = await this.groupRule(change.manager, change.incident.id);
    return this.invite(change, rule, member.role, next, member, why);
  }

  /** Records time-to-assemble once every required role has its accepted members. */
  async checkAssembled(change: IncidentChange) {
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

  async assertRole(manager: EntityManager, role: string) {
    if (!(await manager.existsBy(WorkingGroupRole, { key: role }))) {
      throw validationFailed(
        [fieldError('role', 'knownRole', 'role: không có trong danh mục vai trò Tổ công tác')],
        `Vai trò "${role}" không có trong danh mục`,
      );
    }
  }
}
