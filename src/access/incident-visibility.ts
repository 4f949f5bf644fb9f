import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { AccessRepository } from './access.repository.js';

/** Platform roles whose unit scope covers the incidents of their unit and the units below it. */
const INCIDENT_SCOPE_ROLES = [Role.Leader, Role.Officer];
/** Platform roles whose unit scope covers the monitoring data (topics, detections, signals) of their unit tree. */
const UNIT_DATA_SCOPE_ROLES = [Role.Leader, Role.Officer, Role.Analyst];

/**
 * Which scope a rule asks about: `incidents` (leaders, officers: incidents, reports, playbooks of a unit) or
 * `unitData` (also analysts: watch topics, detections, thresholds, signal pushes).
 */
export type ScopeKind = 'incidents' | 'unitData';

export { visibleIncidentSql } from './sql-fragments.js';

/**
 * The one visibility rule of incidents and of the data of a unit:
 * - admins see everything (scope null);
 * - leaders and officers (and, for monitoring data, analysts) linked to an active directory person see their
 *   person's unit and every unit below it; a deactivated person sees nothing of a unit;
 * - members of an incident's working group (invited or accepted) see that incident, whatever their role.
 */
@Injectable()
export class IncidentVisibility {
  constructor(private readonly repository: AccessRepository) {}

  /** The units under which the user acts: null for admins (everything), [] for no unit. */
  async unitScope(user: AuthUser, kind: ScopeKind = 'incidents', manager?: EntityManager) {
    if (user.roles.includes(Role.Admin)) return null;
    const roles = kind === 'incidents' ? INCIDENT_SCOPE_ROLES : UNIT_DATA_SCOPE_ROLES;
    if (!user.roles.some((r) => roles.includes(r)) || !user.personId) return [];
    const unitId = await this.repository.activePersonUnit(user.personId, manager);
    return unitId ? [unitId] : [];
  }

  /** Whether the unit lies in the user's scope. */
  async isUnitInScope(
    user: AuthUser,
    unitId: string,
    kind: ScopeKind = 'incidents',
    manager?: EntityManager,
  ) {
    const roots = await this.unitScope(user, kind, manager);
    if (roots === null) return true;
    for (const root of roots) {
      if (await this.repository.isWithin(unitId, root, manager)) return true;
    }
    return false;
  }

  /** The rows whose unit (null: a province-wide row, e.g. the default thresholds) lies in the user's scope. */
  async filterInScope<T>(user: AuthUser, rows: T[], unitOf: (row: T) => string | null, kind: ScopeKind) {
    const keep = await Promise.all(
      rows.map((r) => {
        const unitId = unitOf(r);
        return unitId === null ? true : this.isUnitInScope(user, unitId, kind);
      }),
    );
    return rows.filter((_, i) => keep[i]);
  }

  /** Non-admins act only for their own unit and the units below it. */
  async assertUnitInScope(
    user: AuthUser,
    unitId: string,
    message: string,
    kind: ScopeKind = 'incidents',
    manager?: EntityManager,
  ): Promise<void> {
    if (!(await this.isUnitInScope(user, unitId, kind, manager))) {
      throw new AppError(ErrorCode.FORBIDDEN, message);
    }
  }

  /**
   * A topic of `topicUnitId` may be tied to an incident of `incidentUnitId` (a manual declaration) only when the
   * user may act for the topic's unit and the incident's unit lies under it: otherwise the topic's own
   * detections would attach to an incident its unit cannot see.
   */
  async assertTopicUsable(user: AuthUser, topicUnitId: string, incidentUnitId: string): Promise<void> {
    const ok =
      (await this.isUnitInScope(user, topicUnitId)) &&
      (await this.repository.isWithin(incidentUnitId, topicUnitId));
    if (!ok) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Chủ đề này thuộc đơn vị khác, không dùng được cho sự cố này', [
        {
          field: 'topicId',
          messages: ['topicId: chủ đề không thuộc đơn vị chủ trì hay đơn vị cấp trên của nó'],
        },
      ]);
    }
  }

  /** Whether the user may see the incident. */
  async canSee(
    user: AuthUser,
    incident: { id: string; responsibleOrgUnitId: string },
    manager?: EntityManager,
  ): Promise<boolean> {
    if (await this.isUnitInScope(user, incident.responsibleOrgUnitId, 'incidents', manager)) return true;
    return user.personId ? this.repository.isGroupMember(incident.id, user.personId, manager) : false;
  }

  /** The active accounts who may open the incident's room (the rule of canSee, from the database's side). */
  roomMembers(incidentId: string, unitId: string) {
    return this.repository.roomMembers(incidentId, unitId);
  }

  /**
   * The active accounts who may see the incident now, plus those who could see it under `formerUnitId` (its
   * unit before a change: their lists must drop it).
   */
  /** Users who read a unit's monitoring data (its watch list, topics, detections): pushed live to them. */
  unitDataReaders(unitId: string) {
    return this.repository.unitDataReaders(unitId);
  }

  /** Active leaders of the unit and of the units above it: who an overdue request is escalated to. */
  unitLeaders(unitId: string) {
    return this.repository.unitLeaders(unitId);
  }

  watchers(incidentId: string, formerUnitId: string | null = null) {
    return this.repository.watchers(incidentId, formerUnitId);
  }
}
