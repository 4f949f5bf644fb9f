import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { todayInVietnam } from '../common/dates.js';
import { DirectoryOnDate } from '../directory/directory-on-date.repository.js';
import type { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import type { IncidentChange } from '../incidents/incident-timeline.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { OPEN_STATUSES } from '../incidents/incident-types.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { MemberStatus, WorkingGroupMember } from './entities/working-group-member.entity.js';
import { GroupAssembly, ackKey, secondsBetween } from './group-assembly.service.js';
import { escalationLetter } from './group-letters.js';
import { WorkingGroupViews } from './working-group-views.js';

/**
 * Invitations: the invited person's answer (accept, decline), and the acknowledgement deadline's timer handler
 * (the invitation expires, the next candidate is invited, the unit head is told).
 */
@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: IncidentTimeline,
    private readonly incidents: IncidentsService,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly directory: DirectoryOnDate,
    private readonly assembly: GroupAssembly,
    private readonly views: WorkingGroupViews,
  ) {}

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
      await this.assembly.checkAssembled(change);
    });
    return this.views.memberView(invitationId);
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
      const next = await this.assembly.replaceFromRule(change, member, 'thay người đã từ chối');
      if (!next) await this.escalate(change, member, 'declined', null);
    });
    return this.views.memberView(invitationId);
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
      const next = await this.assembly.replaceFromRule(change, current, 'thay người không xác nhận đúng hạn');
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
    const head = await this.directory.headOf(manager, incident.responsibleOrgUnitId, todayInVietnam());
    const person = await this.directory.person(manager, member.personId);
    const roleName = await this.assembly.roleName(manager, member.role);
    const next = nextMemberId ? await manager.findOneBy(WorkingGroupMember, { id: nextMemberId }) : null;
    const nextPerson = next ? await this.directory.person(manager, next.personId) : null;
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
    const headUser = await this.assembly.userOfPerson(manager, head.id);
    const to = await this.assembly.recipient(manager, head.id, headUser);
    if (!to) return;
    await this.notifications.enqueue(manager, {
      to,
      channels: ['in_app', 'email', 'webhook'],
      kind: 'working_group.escalation',
      ...escalationLetter({
        incident,
        headName: head.fullName,
        memberName: person?.fullName ?? '',
        roleName,
        cause,
        declineReason: member.declineReason,
        ackDueAt: member.ackDueAt,
        nextName: nextPerson?.fullName ?? null,
      }),
      data: { incidentId: incident.id, invitationId: member.id, role: member.role, cause },
    });
  }
}
