import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { todayInVietnam } from '../common/dates.js';
import type {
  GroupMember,
  WorkingGroup as WorkingGroupView,
  WorkingGroupRole as RoleView,
} from '../contracts/working-groups.js';
import { DirectoryOnDate } from '../directory/directory-on-date.repository.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { renderDecision } from './decision-document.js';
import { AssemblyRule } from './entities/assembly-rule.entity.js';
import {
  HOLDING_STATUSES,
  MemberStatus,
  WorkingGroupMember,
} from './entities/working-group-member.entity.js';
import { WorkingGroupRole } from './entities/working-group-role.entity.js';
import { WorkingGroup } from './entities/working-group.entity.js';
import { GroupAssembly } from './group-assembly.service.js';

/** What a reader sees of a working group: the group, one member, and the founding decision. */
@Injectable()
export class WorkingGroupViews {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly directory: DirectoryOnDate,
    private readonly assembly: GroupAssembly,
  ) {}

  async view(user: AuthUser, incidentId: string): Promise<WorkingGroupView> {
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
    const requirements = await this.assembly.requirements(manager, incident, rule);
    return {
      incidentId,
      formed: Boolean(group),
      rule: rule ? { id: rule.id, key: rule.key, version: rule.version, name: rule.name } : null,
      activatedAt: group?.activatedAt?.toISOString() ?? null,
      assembledAt: group?.assembledAt?.toISOString() ?? null,
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

  private presentMember(m: WorkingGroupMember, role?: RoleView): GroupMember {
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
      invitedAt: m.invitedAt.toISOString(),
      ackDueAt: m.ackDueAt.toISOString(),
      respondedAt: m.respondedAt?.toISOString() ?? null,
      ackSeconds: m.ackSeconds,
      declineReason: m.declineReason,
      assumedAt: m.assumedAt?.toISOString() ?? null,
      renouncedAt: m.renouncedAt?.toISOString() ?? null,
      endReason: m.endReason,
    };
  }

  async memberView(id: string): Promise<GroupMember> {
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
    const unitName = await this.directory.unitName(this.dataSource.manager, incident.responsibleOrgUnitId);
    return renderDecision(
      {
        incident,
        unitName: incident.responsibleUnitSnapshot?.name ?? unitName ?? '',
        members: view.members.filter((m) => (HOLDING_STATUSES as string[]).includes(m.status)),
        roles,
        today: todayInVietnam(),
      },
      format,
    );
  }
}
