import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { GroupRoles } from '../access/group-roles.js';
import type { GroupRoleHeld } from '../access/group-roles.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { Statement } from './entities/statement.entity.js';

export interface StatementRights {
  roles: GroupRoleHeld[];
  /** Co-draft: an editor's role in the working group (drafter, spokesperson, team leader, deputy), or admin. */
  canEdit: boolean;
  /** Comment on the draft: editors and reviewers (legal, approving leader). */
  canComment: boolean;
  canPublish: boolean;
}

/**
 * Who may do what with an incident's statements. Reading follows the incident's visibility; everything else
 * follows the roles the user's person holds (accepted) in the working group, as the role catalogue says.
 */
@Injectable()
export class StatementAccess {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly groupRoles: GroupRoles,
  ) {}

  /** The statement and its incident, when the user may see the incident; otherwise the same 404. */
  async load(user: AuthUser, statementId: string): Promise<{ statement: Statement; incident: Incident }> {
    const statement = await this.dataSource.getRepository(Statement).findOneBy({ id: statementId });
    if (!statement) throw AppError.notFound('văn bản', statementId);
    try {
      const incident = await this.incidents.getVisible(user, statement.incidentId);
      return { statement, incident };
    } catch (e) {
      if (e instanceof AppError && e.code === ErrorCode.NOT_FOUND)
        throw AppError.notFound('văn bản', statementId);
      throw e;
    }
  }

  async rights(user: AuthUser, incidentId: string, manager?: EntityManager): Promise<StatementRights> {
    const roles = user.personId ? await this.groupRoles.held(incidentId, user.personId, manager) : [];
    const admin = user.roles.includes(Role.Admin);
    const canEdit = admin || roles.some((r) => r.canEditStatements);
    return {
      roles,
      canEdit,
      canComment: canEdit || roles.some((r) => r.canApprove),
      canPublish: admin || this.groupRoles.isPublisher(roles),
    };
  }

  assertCanEdit(rights: StatementRights): void {
    if (!rights.canEdit) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Chỉ thành viên Tổ công tác có vai trò soạn thảo (tổ trưởng, tổ phó, người phát ngôn, chuyên viên soạn thảo) mới được sửa văn bản',
      );
    }
  }
}
