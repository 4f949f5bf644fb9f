/**
 * Working groups: the roles an incident needs, the people holding them, the role catalogue, the assembly rules
 * and people's availability. One shape on HTTP and on the `/rooms` socket (`invitation:accept`/`decline` answer
 * with a `GroupMember`).
 * Plain TypeScript shared by the service (response DTOs implement these) and the web console: no Nest or TypeORM
 * imports here.
 */

import type { MemberStatus, Severity } from './enums.js';

export interface GroupMemberPerson {
  id: string;
  fullName?: string;
  position?: string;
  orgUnit?: { id: string; code: string; name: string } | null;
}

/** Why this person was chosen: the rule (version) and rank that picked them, and the reason in Vietnamese. */
export interface GroupMemberPick {
  ruleId: string | null;
  ruleKey: string | null;
  ruleVersion: number | null;
  /** 1 = first choice for the role. */
  rank: number | null;
  reason: string;
}

/** A person in a role of an incident's working group (its id is the invitation's id). */
export interface GroupMember {
  id: string;
  invitationId: string;
  role: string;
  roleName: string;
  canEditStatements: boolean;
  canApprove: boolean;
  observer: boolean;
  status: MemberStatus;
  person: GroupMemberPerson;
  why: GroupMemberPick;
  /** The member this one replaces (decline, expiry, replacement, hand-over). */
  replacesMemberId: string | null;
  invitedAt: string;
  ackDueAt: string;
  respondedAt: string | null;
  ackSeconds: number | null;
  declineReason: string | null;
  assumedAt: string | null;
  renouncedAt: string | null;
  endReason: string | null;
}

export interface GroupRequirement {
  role: string;
  roleName: string;
  count: number;
  required: boolean;
  accepted: number;
  invited: number;
}

export interface WorkingGroup {
  incidentId: string;
  formed: boolean;
  rule: { id: string; key: string; version: number; name: string } | null;
  activatedAt: string | null;
  assembledAt: string | null;
  assembleSeconds: number | null;
  requirements: GroupRequirement[];
  members: GroupMember[];
}

/** A role of the catalogue (team leader, spokesperson, police liaison, …) and what it may do with statements. */
export interface WorkingGroupRole {
  key: string;
  nameVi: string;
  duties: string;
  canEditStatements: boolean;
  canApprove: boolean;
  observer: boolean;
  sortOrder: number;
}

/** Where candidates for a role come from (evaluated on the incident's date). */
export interface CandidateSource {
  from: 'responsible_unit' | 'capability' | 'unit' | 'designation';
  capability?: string;
  unitCode?: string;
  tags?: string[];
  position?: string;
}

export interface RoleRequirement {
  role: string;
  count: number;
  required: boolean;
  sources: CandidateSource[];
}

/** An assembly rule, one version of it (rules are never edited: a new version is added). */
export interface AssemblyRule {
  id: string;
  key: string;
  version: number;
  name: string;
  priority: number;
  categories: string[];
  minSeverity: string;
  orgUnitId: string | null;
  roles: RoleRequirement[];
  /** Seconds to acknowledge an invitation, by incident severity. */
  ackDeadlineSeconds: Record<Severity, number>;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalBasis: string | null;
  createdAt: string;
}

/** A dated on-duty or away status of a person (someone away is not invited). */
export interface PersonAvailability {
  id: string;
  personId: string;
  status: 'on_duty' | 'away';
  validFrom: string;
  validTo: string;
  note: string | null;
  createdAt: string;
}
