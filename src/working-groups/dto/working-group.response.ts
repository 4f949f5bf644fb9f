import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import { INCIDENT_CATEGORIES, MEMBER_STATUSES, SEVERITIES } from '../../contracts/enums.js';
import type { MemberStatus, Severity } from '../../contracts/enums.js';
import type {
  AssemblyRule,
  CandidateSource,
  GroupMember,
  GroupMemberPerson,
  GroupMemberPick,
  GroupRequirement,
  PersonAvailability,
  RoleRequirement,
  WorkingGroup,
  WorkingGroupRole,
} from '../../contracts/working-groups.js';

export class MemberUnitDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

export class GroupMemberPersonDto implements GroupMemberPerson {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ required: false }) fullName?: string;
  @ApiProperty({ required: false }) position?: string;
  @ApiProperty({ type: MemberUnitDto, nullable: true, required: false }) orgUnit?: MemberUnitDto | null;
}

export class GroupMemberPickDto implements GroupMemberPick {
  @NullableString({ format: 'uuid' }) ruleId: string | null;
  @NullableString() ruleKey: string | null;
  @ApiProperty({ type: Number, nullable: true }) ruleVersion: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '1: lựa chọn đầu tiên cho vai trò' })
  rank: number | null;
  @ApiProperty({ description: 'Lý do lựa chọn' }) reason: string;
}

/** A person in a role of the group; its id is the invitation's id. */
export class GroupMemberDto implements GroupMember {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) invitationId: string;
  @ApiProperty() role: string;
  @ApiProperty() roleName: string;
  @ApiProperty() canEditStatements: boolean;
  @ApiProperty() canApprove: boolean;
  @ApiProperty() observer: boolean;
  @ApiProperty({ enum: MEMBER_STATUSES }) status: MemberStatus;
  @ApiProperty({ type: GroupMemberPersonDto }) person: GroupMemberPersonDto;
  @ApiProperty({ type: GroupMemberPickDto }) why: GroupMemberPickDto;
  @NullableString({ format: 'uuid' }) replacesMemberId: string | null;
  @DateTimeString() invitedAt: string;
  @DateTimeString() ackDueAt: string;
  @NullableDateTime() respondedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) ackSeconds: number | null;
  @NullableString() declineReason: string | null;
  @NullableDateTime() assumedAt: string | null;
  @NullableDateTime() renouncedAt: string | null;
  @NullableString() endReason: string | null;
}

export class GroupRequirementDto implements GroupRequirement {
  @ApiProperty() role: string;
  @ApiProperty() roleName: string;
  @ApiProperty() count: number;
  @ApiProperty() required: boolean;
  @ApiProperty() accepted: number;
  @ApiProperty() invited: number;
}

export class GroupRuleRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() key: string;
  @ApiProperty() version: number;
  @ApiProperty() name: string;
}

/** An incident's working group: the roles it needs, the people invited and holding them. */
export class WorkingGroupResponseDto implements WorkingGroup {
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty() formed: boolean;
  @ApiProperty({ type: GroupRuleRefDto, nullable: true }) rule: GroupRuleRefDto | null;
  @NullableDateTime() activatedAt: string | null;
  @NullableDateTime() assembledAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) assembleSeconds: number | null;
  @ApiProperty({ type: [GroupRequirementDto] }) requirements: GroupRequirementDto[];
  @ApiProperty({ type: [GroupMemberDto] }) members: GroupMemberDto[];
}

export class WorkingGroupRoleDto implements WorkingGroupRole {
  @ApiProperty() key: string;
  @ApiProperty() nameVi: string;
  @ApiProperty() duties: string;
  @ApiProperty() canEditStatements: boolean;
  @ApiProperty() canApprove: boolean;
  @ApiProperty() observer: boolean;
  @ApiProperty() sortOrder: number;
}

export class CandidateSourceDto implements CandidateSource {
  @ApiProperty({ enum: ['responsible_unit', 'capability', 'unit', 'designation'] })
  from: 'responsible_unit' | 'capability' | 'unit' | 'designation';
  @ApiProperty({ required: false }) capability?: string;
  @ApiProperty({ required: false }) unitCode?: string;
  @ApiProperty({ type: [String], required: false }) tags?: string[];
  @ApiProperty({ required: false }) position?: string;
}

export class RoleRequirementDto implements RoleRequirement {
  @ApiProperty() role: string;
  @ApiProperty() count: number;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: [CandidateSourceDto] }) sources: CandidateSourceDto[];
}

export class AckDeadlinesDto implements Record<Severity, number> {
  @ApiProperty() L1: number;
  @ApiProperty() L2: number;
  @ApiProperty() L3: number;
  @ApiProperty() L4: number;
}

export class AssemblyRuleResponseDto implements AssemblyRule {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() key: string;
  @ApiProperty() version: number;
  @ApiProperty() name: string;
  @ApiProperty() priority: number;
  @ApiProperty({ enum: INCIDENT_CATEGORIES, isArray: true }) categories: string[];
  @ApiProperty({ enum: SEVERITIES }) minSeverity: string;
  @NullableString({ format: 'uuid' }) orgUnitId: string | null;
  @ApiProperty({ type: [RoleRequirementDto] }) roles: RoleRequirementDto[];
  @ApiProperty({ type: AckDeadlinesDto, description: 'Số giây để xác nhận lời mời, theo mức độ' })
  ackDeadlineSeconds: AckDeadlinesDto;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @NullableString({ format: 'date' }) effectiveTo: string | null;
  @NullableString() legalBasis: string | null;
  @DateTimeString() createdAt: string;
}

export class PersonAvailabilityResponseDto implements PersonAvailability {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty({ enum: ['on_duty', 'away'] }) status: 'on_duty' | 'away';
  @ApiProperty({ format: 'date' }) validFrom: string;
  @ApiProperty({ format: 'date' }) validTo: string;
  @NullableString() note: string | null;
  @DateTimeString() createdAt: string;
}
