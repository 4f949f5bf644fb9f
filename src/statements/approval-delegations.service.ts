import type { Page } from '../contracts/enums.js';
import type { ApprovalDelegation as ApprovalDelegationView } from '../contracts/statements.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import { GroupRoles } from '../access/group-roles.js';
import { IncidentVisibility } from '../access/incident-visibility.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { UsersService } from '../auth/users.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { formatVietnam } from '../common/dates.js';
import { fieldError, validationFailed } from '../common/validation.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { RoomAccess } from '../rooms/room-access.js';
import { DelegationDto } from './dto/approval.dto.js';
import { ApprovalDelegation } from './entities/approval-delegation.entity.js';

/** Longest delegation: an authorization is for one matter and a short period. */
const MAX_DELEGATION_DAYS = 90;

/** Delegation of the power to approve an incident's statements to a deputy, for one matter and a short time. */
@Injectable()
export class ApprovalDelegationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: IncidentTimeline,
    private readonly incidents: IncidentsService,
    private readonly notifications: NotificationsService,
    private readonly users: UsersService,
    private readonly roomAccess: RoomAccess,
    private readonly visibility: IncidentVisibility,
    private readonly groupRoles: GroupRoles,
  ) {}

  async delegate(user: AuthUser, dto: DelegationDto): Promise<ApprovalDelegationView> {
    const incident = await this.incidents.getVisible(user, dto.incidentId);
    this.incidents.assertWritable(incident);
    await this.assertMayApprove(user, incident);
    const validFrom = dto.validFrom ? new Date(dto.validFrom) : new Date();
    const validTo = new Date(dto.validTo);
    const field = (f: string, m: string) => validationFailed([fieldError(f, 'range', `${f}: ${m}`)], m);
    if (dto.delegateUserId === user.id) throw field('delegateUserId', 'không thể tự ủy quyền cho chính mình');
    if (validTo <= validFrom) throw field('validTo', 'phải sau thời điểm bắt đầu');
    if (validTo.getTime() <= Date.now()) throw field('validTo', 'đã qua');
    if (validTo.getTime() - validFrom.getTime() > MAX_DELEGATION_DAYS * 86_400_000) {
      throw field('validTo', `ủy quyền tối đa ${MAX_DELEGATION_DAYS} ngày`);
    }
    if (!(await this.users.isActive(dto.delegateUserId)))
      throw AppError.notFound('người được ủy quyền', dto.delegateUserId);
    // The deputy must be able to see the matter, or the delegation could never be used.
    if (!(await this.incidents.canSee(await this.roomAccess.currentUser(dto.delegateUserId), incident))) {
      throw new AppError(ErrorCode.DELEGATION_INVALID, 'Người được ủy quyền không được xem sự cố này', [
        fieldError(
          'delegateUserId',
          'canSee',
          'delegateUserId: không thuộc đơn vị chủ trì hay Tổ công tác của sự cố',
        ),
      ]);
    }
    return this.timeline.change(incident.id, async (change) => {
      // No sub-delegation: someone acting under a delegation for this matter may not pass it on.
      const received = await change.manager.find(ApprovalDelegation, {
        where: { delegateUserId: user.id, incidentId: incident.id, revokedAt: IsNull() },
      });
      if (received.some((d) => d.validTo.getTime() > Date.now())) {
        throw new AppError(
          ErrorCode.DELEGATION_INVALID,
          'Người được ủy quyền không được ủy quyền lại cho người khác (Nghị định 09/2017/NĐ-CP)',
        );
      }
      const d = await change.manager.save(
        change.manager.create(ApprovalDelegation, {
          delegatorUserId: user.id,
          delegateUserId: dto.delegateUserId,
          incidentId: incident.id,
          matter: dto.matter.normalize('NFC'),
          validFrom,
          validTo,
          revokedAt: null,
        }),
      );
      change.emit('approval.delegated', { ...delegationView(d) }, { type: 'approval_delegation', id: d.id });
      await this.notifications.enqueue(change.manager, {
        to: { userId: dto.delegateUserId },
        channels: ['in_app', 'email'],
        kind: 'statement.delegation_received',
        subject: `Ủy quyền duyệt thay: ${incident.code}`,
        text: `Bạn được ủy quyền duyệt thay về việc "${d.matter}" đến ${formatVietnam(validTo)}.`,
        data: { incidentId: incident.id, delegationId: d.id },
      });
      return delegationView(d);
    });
  }

  /**
   * Only someone who may approve the incident's statements may hand that power on: admins, holders of an
   * approving group role, leaders of the responsible unit or a unit above it, and a deputy under a delegation
   * (who is then refused below: no sub-delegation).
   */
  private async assertMayApprove(user: AuthUser, incident: Incident): Promise<void> {
    if (user.roles.includes(Role.Admin)) return;
    const roles = user.personId ? await this.groupRoles.held(incident.id, user.personId) : [];
    if (this.groupRoles.isApprover(roles)) return;
    if (
      user.roles.includes(Role.Leader) &&
      (await this.visibility.isUnitInScope(user, incident.responsibleOrgUnitId))
    )
      return;
    const received = await this.dataSource.getRepository(ApprovalDelegation).countBy({
      delegateUserId: user.id,
      incidentId: incident.id,
      revokedAt: IsNull(),
      validTo: MoreThan(new Date()),
    });
    if (received) return;
    throw new AppError(
      ErrorCode.FORBIDDEN,
      'Chỉ người có quyền phê duyệt văn bản của sự cố (lãnh đạo đơn vị chủ trì, lãnh đạo phê duyệt của Tổ công tác) mới được ủy quyền duyệt thay',
    );
  }

  async listDelegations(user: AuthUser): Promise<Page<ApprovalDelegationView>> {
    const rows = await this.dataSource.getRepository(ApprovalDelegation).find({
      where: [{ delegatorUserId: user.id }, { delegateUserId: user.id }],
      order: { createdAt: 'DESC' },
    });
    return { items: rows.map(delegationView) };
  }

  async revokeDelegation(user: AuthUser, id: string): Promise<ApprovalDelegationView> {
    const d = await this.dataSource.getRepository(ApprovalDelegation).findOneBy({ id });
    if (!d || (d.delegatorUserId !== user.id && d.delegateUserId !== user.id))
      throw AppError.notFound('ủy quyền', id);
    if (d.delegatorUserId !== user.id)
      throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ người ủy quyền được thu hồi');
    return this.timeline.change(d.incidentId, async (change) => {
      if (d.revokedAt) return delegationView(d);
      d.revokedAt = new Date();
      await change.manager.update(ApprovalDelegation, { id }, { revokedAt: d.revokedAt });
      change.emit(
        'approval.delegation_revoked',
        { ...delegationView(d) },
        { type: 'approval_delegation', id },
      );
      return delegationView(d);
    });
  }
}

function delegationView(d: ApprovalDelegation): ApprovalDelegationView {
  return {
    id: d.id,
    delegatorUserId: d.delegatorUserId,
    delegateUserId: d.delegateUserId,
    incidentId: d.incidentId,
    matter: d.matter,
    validFrom: d.validFrom.toISOString(),
    validTo: d.validTo.toISOString(),
    revokedAt: d.revokedAt?.toISOString() ?? null,
    active: !d.revokedAt && d.validFrom.getTime() <= Date.now() && Date.now() < d.validTo.getTime(),
  };
}
