import { Injectable } from '@nestjs/common';
import { IncidentVisibility } from '../access/incident-visibility.js';
import { OrgTree } from '../access/org-tree.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { PeopleService } from '../directory/people.service.js';
import { todayInVietnam } from '../directory/temporal.js';

/** Directory tags of the press office (văn phòng, trung tâm báo chí, liên lạc báo chí). */
export const PRESS_OFFICE_TAGS = ['press_office', 'press_liaison', 'spokesperson'];

/**
 * Who sees what on the press desk (src/access/README.md): a unit's requests by that unit and the units above it;
 * journalists' contacts (e-mail, phone, press card) only by the press office.
 */
@Injectable()
export class PressAccess {
  constructor(
    private readonly visibility: IncidentVisibility,
    private readonly tree: OrgTree,
    private readonly people: PeopleService,
  ) {}

  /** Units whose requests the user sees: null for everything (admins). */
  async visibleUnits(user: AuthUser): Promise<string[] | null> {
    const roots = await this.visibility.unitScope(user, 'incidents');
    if (roots === null) return null;
    return roots.length ? this.tree.subtree(roots) : [];
  }

  canSeeUnit(user: AuthUser, unitId: string): Promise<boolean> {
    return this.visibility.isUnitInScope(user, unitId, 'incidents');
  }

  async assertActsFor(user: AuthUser, unitId: string, message: string): Promise<void> {
    if (!user.roles.some((r) => [Role.Admin, Role.Leader, Role.Officer].includes(r)))
      throw new AppError(ErrorCode.FORBIDDEN, 'Vai trò của bạn chỉ được xem, không được thay đổi');
    await this.visibility.assertUnitInScope(user, unitId, message);
  }

  /**
   * The press office: admins, leaders, and people tagged for press work or holding a spokesperson designation
   * today (Nghị định 09/2017/NĐ-CP), with an active directory record.
   */
  async isPressOffice(user: AuthUser): Promise<boolean> {
    if (user.roles.includes(Role.Admin) || user.roles.includes(Role.Leader)) return true;
    if (!user.personId || !user.roles.includes(Role.Officer)) return false;
    const person = await this.people.get(user.personId).catch(() => null);
    if (!person?.active) return false;
    if (person.tags.some((t) => PRESS_OFFICE_TAGS.includes(t))) return true;
    const today = todayInVietnam();
    return person.designations.some(
      (d) => d.validFrom <= today && (d.validTo === null || d.validTo >= today),
    );
  }

  async assertPressOffice(user: AuthUser): Promise<void> {
    if (!(await this.isPressOffice(user)))
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Chỉ bộ phận báo chí (người phát ngôn, liên lạc báo chí, lãnh đạo) được sửa danh sách nhà báo',
      );
  }
}
