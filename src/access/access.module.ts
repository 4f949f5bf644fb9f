import { Global, Module } from '@nestjs/common';
import { AccessRepository } from './access.repository.js';
import { Accounts } from './accounts.js';
import { GroupRoles } from './group-roles.js';
import { IncidentVisibility } from './incident-visibility.js';
import { OrgTree } from './org-tree.js';

/**
 * Permissions: the org tree as the rules read it, who may see an incident or a unit's data, the roles held in a
 * working group. Global: every module asks it, none re-derives it (see README.md for the permission table).
 */
@Global()
@Module({
  providers: [AccessRepository, OrgTree, IncidentVisibility, GroupRoles, Accounts],
  exports: [OrgTree, IncidentVisibility, GroupRoles, Accounts],
})
export class AccessModule {}
