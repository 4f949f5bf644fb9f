import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import { SEVERITIES, STATEMENT_TYPES } from '../../contracts/enums.js';
import type { Severity } from '../../contracts/enums.js';
import type {
  ApprovalDelegation,
  ApprovalItem,
  ApprovalPolicy,
  ApproverSpec,
  PreApprovedLine,
  StageSpec,
} from '../../contracts/statements.js';

export class ApprovalItemIncidentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: SEVERITIES }) severity: Severity;
}

export class ApprovalItemStageDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() step: number;
  @ApiProperty() quorum: number;
  @NullableDateTime() dueAt: string | null;
}

/** A stage waiting for the reader's decision (their own, or delegated to them). */
export class ApprovalItemDto implements ApprovalItem {
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty({ enum: STATEMENT_TYPES }) type: string;
  @ApiProperty() typeLabel: string;
  @ApiProperty({ type: ApprovalItemIncidentDto }) incident: ApprovalItemIncidentDto;
  @ApiProperty() versionNumber: number;
  @ApiProperty() sha256: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: ApprovalItemStageDto }) stage: ApprovalItemStageDto;
  @NullableString({ format: 'uuid', description: 'Người được duyệt thay (khi được ủy quyền)' })
  onBehalfOfUserId: string | null;
  @NullableString({ format: 'uuid' }) delegationId: string | null;
}

export class ApprovalInboxDto {
  @ApiProperty({ type: [ApprovalItemDto] }) items: ApprovalItemDto[];
}

export class ApprovalDelegationResponseDto implements ApprovalDelegation {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) delegatorUserId: string;
  @ApiProperty({ format: 'uuid' }) delegateUserId: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ description: 'Nội dung ủy quyền' }) matter: string;
  @DateTimeString() validFrom: string;
  @DateTimeString() validTo: string;
  @NullableDateTime() revokedAt: string | null;
  @ApiProperty({ description: 'Đang có hiệu lực' }) active: boolean;
}

export class ApprovalDelegationListDto {
  @ApiProperty({ type: [ApprovalDelegationResponseDto] }) items: ApprovalDelegationResponseDto[];
}

export class StageSpecDto implements StageSpec {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Các bước cùng số chạy song song' }) step: number;
  @ApiProperty() quorum: number;
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['group_role', 'unit_tag', 'unit_position', 'person'] },
        role: { type: 'string' },
        tag: { type: 'string' },
        position: { type: 'string' },
        personId: { type: 'string', format: 'uuid' },
      },
      required: ['kind'],
    },
  })
  approvers: ApproverSpec[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Số phút cho bước, theo mức độ sự cố',
  })
  slaMinutes: Record<string, number>;
}

export class ApprovalPolicyResponseDto implements ApprovalPolicy {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() key: string;
  @ApiProperty() version: number;
  @ApiProperty() name: string;
  @ApiProperty() priority: number;
  @ApiProperty({ enum: STATEMENT_TYPES, isArray: true }) statementTypes: string[];
  @NullableString({ enum: SEVERITIES }) minSeverity: string | null;
  @NullableString({ enum: SEVERITIES }) maxSeverity: string | null;
  @NullableString({ format: 'uuid' }) orgUnitId: string | null;
  @ApiProperty({ description: 'Thông tin ban đầu chỉ gồm câu được duyệt trước thì không qua chuỗi duyệt' })
  fastPath: boolean;
  @ApiProperty({ type: [StageSpecDto] }) stages: StageSpecDto[];
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @NullableString({ format: 'date' }) effectiveTo: string | null;
  @NullableString() legalBasis: string | null;
  @DateTimeString() createdAt: string;
}

export class ApprovalPolicyListDto {
  @ApiProperty({ type: [ApprovalPolicyResponseDto] }) items: ApprovalPolicyResponseDto[];
}

export class PreApprovedLineResponseDto implements PreApprovedLine {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty({ enum: STATEMENT_TYPES, isArray: true }) statementTypes: string[];
  @ApiProperty({ description: 'Căn cứ, người duyệt trước' }) source: string;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @NullableString({ format: 'date' }) effectiveTo: string | null;
  @DateTimeString() createdAt: string;
}

export class PreApprovedLineListDto {
  @ApiProperty({ type: [PreApprovedLineResponseDto] }) items: PreApprovedLineResponseDto[];
}
