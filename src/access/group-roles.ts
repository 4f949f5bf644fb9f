import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AccessRepository } from './access.repository.js';
import type { ApproverQuery, PersonAccount } from './access.repository.js';

export type { ApproverQuery, PersonAccount } from './access.repository.js';

/**
 * Keys of the working-group roles the permission rules name (the catalogue itself is `working_group_roles`,
 * owned by working-groups; these keys are seeded by its migration and never renamed).
 */
export const GROUP_ROLE = {
  teamLeader: 'team_leader',
  deputy: 'deputy',
  approvingLeader: 'approving_leader',
  spokesperson: 'spokesperson',
  pressLiaison: 'press_liaison',
} as const;

export { HOLDING_STATUSES } from './sql-fragments.js';

/** Who runs the group: add and remove members, change its deadlines. */
export const GROUP_MANAGER_ROLES: readonly string[] = [GROUP_ROLE.teamLeader, GROUP_ROLE.deputy];

/** Who may record a publication: they speak, or carry the text to the press. */
export const GROUP_PUBLISHER_ROLES: readonly string[] = [
  GROUP_ROLE.spokesperson,
  GROUP_ROLE.pressLiaison,
  GROUP_ROLE.teamLeader,
  GROUP_ROLE.deputy,
];

/** The leaders of the group who are warned about the legal clock. */
export const GROUP_LEADING_ROLES: readonly string[] = [
  GROUP_ROLE.teamLeader,
  GROUP_ROLE.deputy,
  GROUP_ROLE.approvingLeader,
  GROUP_ROLE.spokesperson,
];

export interface GroupRoleHeld {
  role: string;
  canEditStatements: boolean;
  canApprove: boolean;
  observer: boolean;
}

/** The roles people hold in an incident's working group, as the permission rules need them. */
@Injectable()
export class GroupRoles {
  constructor(private readonly repository: AccessRepository) {}

  /** The roles a person holds (accepted) in the incident's group, with what each may do. */
  held(incidentId: string, personId: string, manager?: EntityManager): Promise<GroupRoleHeld[]> {
    return this.repository.groupRolesHeld(incidentId, personId, manager);
  }

  /** Whether the person holds any role (invited or accepted) in the incident's group. */
  isMember(incidentId: string, personId: string, manager?: EntityManager): Promise<boolean> {
    return this.repository.isGroupMember(incidentId, personId, manager);
  }

  /**
   * The active accounts (active person) that may decide an approval stage of the incident: holders (accepted) of
   * one of the group roles, people of the responsible unit with one of the tags or positions, named people.
   */
  approvers(
    manager: EntityManager,
    incident: { id: string; responsibleOrgUnitId: string },
    q: ApproverQuery,
  ): Promise<PersonAccount[]> {
    return this.repository.approvers(manager, incident, q);
  }

  /** Active accounts of the group's leading roles (accepted) and the leaders of the responsible unit. */
  leadingAccounts(manager: EntityManager, incident: { id: string; responsibleOrgUnitId: string }) {
    return this.repository.groupOrUnitLeaders(manager, incident, GROUP_LEADING_ROLES);
  }

  /** The person who has held (accepted) the role in the incident's group longest, if any. */
  firstHolder(manager: EntityManager, incidentId: string, role: string): Promise<string | null> {
    return this.repository.firstHolder(manager, incidentId, role);
  }

  isManager(roles: GroupRoleHeld[]): boolean {
    return roles.some((r) => GROUP_MANAGER_ROLES.includes(r.role));
  }

  isApprover(roles: GroupRoleHeld[]): boolean {
    return roles.some((r) => r.canApprove);
  }

  isPublisher(roles: GroupRoleHeld[]): boolean {
    return roles.some((r) => GROUP_PUBLISHER_ROLES.includes(r.role));
  }
}
