import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Accounts } from '../access/accounts.js';
import type { SignerProfile } from '../access/accounts.js';
import { GROUP_ROLE, GroupRoles } from '../access/group-roles.js';
import type { PersonAccount } from '../access/group-roles.js';
import type { ApproverSpec } from './statement-types.js';
import { StatementsRepository } from './statements.repository.js';

export type ApproverUser = PersonAccount;

export interface VersionSigner extends SignerProfile {
  /** True when this person approved the version (rather than being the leader expected to). */
  approved: boolean;
}

/**
 * The people of an approval: who may decide a stage, who hears of an overdue stage or of the legal clock, who
 * signs a version. Who holds which role and who a person is are read through access/ (the statements module
 * reads no `users`, `people` or `working_group_members`).
 */
@Injectable()
export class Approvers {
  constructor(
    private readonly groupRoles: GroupRoles,
    private readonly accounts: Accounts,
    private readonly repository: StatementsRepository,
  ) {}

  /**
   * The active accounts that may decide a stage: holders (accepted) of a group role, people of the responsible
   * unit with a directory tag or position, or a named person.
   */
  of(
    manager: EntityManager,
    incident: { id: string; responsibleOrgUnitId: string },
    specs: ApproverSpec[],
  ): Promise<ApproverUser[]> {
    return this.groupRoles.approvers(manager, incident, {
      groupRoles: specs.flatMap((s) => (s.kind === 'group_role' ? [s.role] : [])),
      unitTags: specs.flatMap((s) => (s.kind === 'unit_tag' ? [s.tag] : [])),
      unitPositions: specs.flatMap((s) => (s.kind === 'unit_position' ? [s.position] : [])),
      personIds: specs.flatMap((s) => (s.kind === 'person' ? [s.personId] : [])),
    });
  }

  /** Leaders to warn about the legal clock: the group's leading roles, the unit's leaders. */
  clockRecipients(manager: EntityManager, incident: { id: string; responsibleOrgUnitId: string }) {
    return this.groupRoles.leadingAccounts(manager, incident);
  }

  /** People tagged `head` of the responsible unit who have an account (escalation of an overdue stage). */
  unitHeads(manager: EntityManager, orgUnitId: string): Promise<string[]> {
    return this.accounts.unitHeads(manager, orgUnitId);
  }

  /**
   * Who signs a version: whoever approved its last approval step (the earlier steps review, the last one signs);
   * until then the working group's approving leader (accepted); with the signer's own unit (for KT./TM./TL.).
   */
  async signerOf(
    manager: EntityManager,
    versionId: string,
    incidentId: string,
  ): Promise<VersionSigner | null> {
    const approverId = await this.repository.lastStepApprover(manager, versionId);
    const approved = approverId ? await this.accounts.signer(manager, { userId: approverId }) : null;
    if (approved) return { ...approved, approved: true };
    const personId = await this.groupRoles.firstHolder(manager, incidentId, GROUP_ROLE.approvingLeader);
    const expected = personId ? await this.accounts.signer(manager, { personId }) : null;
    return expected ? { ...expected, approved: false } : null;
  }
}
