import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { GROUP_MANAGER_ROLES } from '../access/group-roles.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { DirectoryOnDate } from '../directory/directory-on-date.repository.js';
import type { IncidentChange } from '../incidents/incident-timeline.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import type { Candidate } from './assembly.js';
import type { AddMemberDto, MemberChangeDto } from './dto/working-group.dto.js';
import {
  HOLDING_STATUSES,
  MemberStatus,
  WorkingGroupMember,
} from './entities/working-group-member.entity.js';
import { WorkingGroup } from './entities/working-group.entity.js';
import { GroupAssembly, ackKey } from './group-assembly.service.js';
import { GroupConfigurationService } from './group-configuration.service.js';
import { WorkingGroupViews } from './working-group-views.js';

export { ACK_DEADLINE_JOB, ASSEMBLE_JOB, ackKey } from './group-assembly.service.js';

/**
 * Working groups (Tổ công tác), the module's face to the others and to the group's managers: assembly on
 * demand, manual changes (add, remove, replace, hand over), who manages the group and who holds its roles.
 * The assembly itself lives in `group-assembly.service.ts`, answers and deadlines in `invitations.service.ts`,
 * what readers see in `working-group-views.ts`, the catalogue and rules in `group-configuration.service.ts`.
 * Every change is a timeline event through IncidentTimeline (the one write path); timers and notifications are
 * written in the same transaction.
 */
@Injectable()
export class WorkingGroupsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: IncidentTimeline,
    private readonly incidents: IncidentsService,
    private readonly jobs: JobsService,
    private readonly directory: DirectoryOnDate,
    private readonly assembly: GroupAssembly,
    private readonly views: WorkingGroupViews,
    private readonly configuration: GroupConfigurationService,
  ) {}

  /** Assembles the group of an incident inside a timer's transaction; nothing if it already has one. */
  assembleWithin(manager: EntityManager, incidentId: string, activatedAt: Date) {
    return this.timeline.changeWithin(manager, incidentId, (change) =>
      this.assembly.assemble(change, activatedAt),
    );
  }

  /** Manual assembly (admin or leader who may change the incident), e.g. for an L2 incident not yet active. */
  async assembleNow(user: AuthUser, incidentId: string) {
    await this.incidents.changeAs(user, incidentId, (change) => this.assembly.assemble(change, new Date()));
    return this.views.view(user, incidentId);
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
        userId: await this.assembly.userOfPerson(manager, m.personId),
      });
    }
    return out;
  }

  /** Roles an incident needs beyond its rule (an applied playbook), added inside the caller's change. */
  addRoleRequirements(...args: Parameters<GroupAssembly['addRoleRequirements']>) {
    return this.assembly.addRoleRequirements(...args);
  }

  /** Refuses role keys that are not in the catalogue, naming the field. */
  assertRolesExist(keys: { field: string; role: string }[]): Promise<void> {
    return this.configuration.assertRolesExist(keys);
  }

  // ---- manual changes (group leader or admin) ------------------------------------------------------------

  private async assertManager(user: AuthUser, incidentId: string) {
    await this.incidents.getVisible(user, incidentId);
    if (!(await this.isManager(user, incidentId))) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Chỉ tổ trưởng, tổ phó hoặc quản trị viên được thay đổi thành phần Tổ công tác',
      );
    }
  }

  private async manualCandidate(manager: EntityManager, personId: string, why: string): Promise<Candidate> {
    const person = await this.directory.person(manager, personId);
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
      await this.assembly.assertRole(manager, dto.role);
      await this.ensureGroup(manager, incidentId);
      await this.assertNotHolding(manager, incidentId, dto.personId);
      const why = `bổ sung bởi ${user.displayName}${dto.reason ? `: ${dto.reason}` : ''}`;
      const candidate = await this.manualCandidate(manager, dto.personId, why);
      await this.assembly.invite(change, null, dto.role, candidate, null);
    });
    return this.views.view(user, incidentId);
  }

  async removeMember(user: AuthUser, incidentId: string, memberId: string, reason: string) {
    await this.assertManager(user, incidentId);
    await this.timeline.change(incidentId, async (change) => {
      this.incidents.assertWritable(change.incident); // finished incidents are read-only
      const member = await this.holding(change.manager, incidentId, memberId);
      await this.end(change, member, MemberStatus.Removed, reason, 'working_group.member_removed');
    });
    return this.views.view(user, incidentId);
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
        candidate = await this.assembly.nextCandidate(change, member.role);
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
      await this.assembly.invite(
        change,
        await this.assembly.groupRule(manager, incidentId),
        member.role,
        candidate,
        member,
        dto.reason,
      );
    });
    return this.views.view(user, incidentId);
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
        userId: await this.assembly.userOfPerson(manager, member.personId),
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
}
