import { Injectable } from '@nestjs/common';
import { IncidentVisibility } from '../access/incident-visibility.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import { WorkingGroupsService } from '../working-groups/working-groups.service.js';

/** Who may apply a playbook to an incident (the permission table in src/access/README.md). */
@Injectable()
export class PlaybookAccess {
  constructor(
    private readonly groups: WorkingGroupsService,
    private readonly visibility: IncidentVisibility,
  ) {}

  /** Applying: admins, leaders over the responsible unit, and the group's accepted tổ trưởng/tổ phó. */
  async assertMayApply(user: AuthUser, incident: Incident) {
    if (await this.groups.isManager(user, incident.id)) return;
    if (
      user.roles.includes(Role.Leader) &&
      (await this.visibility.isUnitInScope(user, incident.responsibleOrgUnitId))
    )
      return;
    throw new AppError(
      ErrorCode.FORBIDDEN,
      'Chỉ tổ trưởng, tổ phó, lãnh đạo đơn vị chủ trì hoặc quản trị viên được áp dụng cẩm nang',
    );
  }
}
