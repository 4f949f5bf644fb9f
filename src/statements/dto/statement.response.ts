import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import {
  APPROVAL_STAGE_STATUSES,
  DECISION_KINDS,
  PUBLICATION_CHANNELS,
  STATEMENT_STATUSES,
  STATEMENT_TYPES,
} from '../../contracts/enums.js';
import type { ApprovalStageStatus, DecisionKind, StatementStatus } from '../../contracts/enums.js';
import type {
  ApprovalChain,
  ApprovalStage,
  ApprovalStages,
  ApproverSpec,
  Decision,
  DecisionResult,
  Publication,
  Statement,
  StatementComment,
  StatementDetail,
  SubmitResult,
  Version,
  VersionDetail,
  VersionDiff,
  VersionDocument,
  VersionSummary,
  VersionText,
} from '../../contracts/statements.js';

/** A statement (its current state; the texts live in its versions and its draft). */
export class StatementResponseDto implements Statement {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ enum: STATEMENT_TYPES }) type: string;
  @ApiProperty() typeLabel: string;
  @ApiProperty({ enum: STATEMENT_STATUSES }) status: StatementStatus;
  @ApiProperty() statusLabel: string;
  @ApiProperty({ enum: PUBLICATION_CHANNELS, isArray: true }) channels: string[];
  @ApiProperty({ type: [String] }) citedFactIds: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'Null before the first submission' })
  currentVersion: number | null;
  @NullableString({ format: 'uuid' }) relatesToStatementId: string | null;
  @ApiProperty({ enum: ['corrects', 'withdraws'], nullable: true }) relation: 'corrects' | 'withdraws' | null;
  @NullableString({ format: 'uuid' }) createdByUserId: string | null;
  @NullableDateTime() publishedAt: string | null;
  @DateTimeString() createdAt: string;
  @DateTimeString() updatedAt: string;
}

export class StatementListDto {
  @ApiProperty({ type: [StatementResponseDto] }) items: StatementResponseDto[];
}

const STAGE_STATUSES = APPROVAL_STAGE_STATUSES;
const APPROVER_SPEC_SCHEMA = {
  type: 'object',
  description:
    'Ai được duyệt: { kind: "group_role", role } | { kind: "unit_tag", tag } | { kind: "unit_position", position } | { kind: "person", personId }',
  properties: {
    kind: { type: 'string', enum: ['group_role', 'unit_tag', 'unit_position', 'person'] },
    role: { type: 'string' },
    tag: { type: 'string' },
    position: { type: 'string' },
    personId: { type: 'string', format: 'uuid' },
  },
  required: ['kind'],
};

export class DecisionResponseDto implements Decision {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty({ enum: DECISION_KINDS }) decision: DecisionKind;
  @ApiProperty() sha256: string;
  @NullableString() reason: string | null;
  @ApiProperty({ format: 'uuid' }) decidedByUserId: string;
  @NullableString({ format: 'uuid', description: 'Người được duyệt thay (khi quyết định theo ủy quyền)' })
  onBehalfOfUserId: string | null;
  @NullableString({ format: 'uuid' }) delegationId: string | null;
  @ApiProperty({ description: 'Đã nhập lại mật khẩu khi phê duyệt' }) steppedUp: boolean;
  @DateTimeString() createdAt: string;
}

export class ApprovalStageDto implements ApprovalStage {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() step: number;
  @ApiProperty() quorum: number;
  @ApiProperty({ enum: STAGE_STATUSES }) status: ApprovalStageStatus;
  @ApiProperty({ type: 'array', items: APPROVER_SPEC_SCHEMA }) approvers: ApproverSpec[];
  @ApiProperty({ description: 'Số phút cho bước này theo mức độ sự cố' }) slaMinutes: number;
  @NullableDateTime() activatedAt: string | null;
  @NullableDateTime() dueAt: string | null;
  @NullableDateTime() resolvedAt: string | null;
  @NullableDateTime() escalatedAt: string | null;
  @ApiProperty({ type: [DecisionResponseDto] }) decisions: DecisionResponseDto[];
}

export class ApprovalStagesDto implements ApprovalStages {
  @ApiProperty({ type: [ApprovalStageDto] }) stages: ApprovalStageDto[];
}

export class ApprovalChainDto extends ApprovalStagesDto implements ApprovalChain {
  @ApiProperty() versionNumber: number;
  @ApiProperty() sha256: string;
  @NullableString() status: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Quy trình áp dụng khi trình' })
  policy: Record<string, unknown>;
}

export class VersionSummaryDto implements VersionSummary {
  @ApiProperty() number: number;
  @ApiProperty() sha256: string;
  @NullableString() status: string | null;
  @NullableString({ format: 'uuid' }) submittedByUserId: string | null;
  @DateTimeString() createdAt: string;
}

export class VersionDocumentDto implements VersionDocument {
  @ApiProperty({ description: 'Văn bản hành chính (HTML)' }) html: string;
  @ApiProperty() sha256: string;
  @ApiProperty() numberLine: string;
  @ApiProperty() placeDate: string;
  @NullableDateTime() issuedAt: string | null;
}

export class VersionTextDto extends VersionSummaryDto implements VersionText {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty() title: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'Văn bản chuẩn mà mã SHA-256 được tính trên đó' }) rendered: string;
  @ApiProperty({ type: [String] }) citedFactIds: string[];
  @ApiProperty({ type: 'object', additionalProperties: true }) policy: Record<string, unknown>;
}

export class VersionResponseDto extends VersionTextDto implements Version {
  @ApiProperty({ type: VersionDocumentDto }) document: VersionDocumentDto;
}

export class VersionListDto {
  @ApiProperty({ type: [VersionResponseDto] }) items: VersionResponseDto[];
}

export class VersionDetailDto extends VersionResponseDto implements VersionDetail {
  @ApiProperty({ type: ApprovalStagesDto }) approval: ApprovalStagesDto;
}

export class PublicationResponseDto implements Publication {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty() sha256: string;
  @ApiProperty({ enum: PUBLICATION_CHANNELS }) channel: string;
  @NullableString() url: string | null;
  @DateTimeString() publishedAt: string;
  @NullableString({ format: 'uuid' }) spokespersonPersonId: string | null;
  @NullableString() note: string | null;
  @ApiProperty({ format: 'uuid' }) recordedByUserId: string;
}

export class PublicationListDto {
  @ApiProperty({ type: [PublicationResponseDto] }) items: PublicationResponseDto[];
}

export class StatementDraftDto {
  @ApiProperty() title: string;
  @ApiProperty() body: string;
}

export class StatementRightsDto {
  @ApiProperty() canEdit: boolean;
  @ApiProperty() canComment: boolean;
  @ApiProperty() canPublish: boolean;
  @ApiProperty({ type: [String] }) groupRoles: string[];
}

export class StatementDetailDto extends StatementResponseDto implements StatementDetail {
  @ApiProperty({ type: StatementDraftDto }) draft: StatementDraftDto;
  @ApiProperty({ type: StatementRightsDto }) rights: StatementRightsDto;
  @ApiProperty({ type: [VersionSummaryDto] }) versions: VersionSummaryDto[];
  @ApiProperty({ type: ApprovalChainDto, nullable: true }) approval: ApprovalChainDto | null;
  @ApiProperty({ type: [PublicationResponseDto] }) publications: PublicationResponseDto[];
}

export class SubmitResultDto implements SubmitResult {
  @ApiProperty({ type: StatementResponseDto }) statement: StatementResponseDto;
  @ApiProperty({ type: VersionTextDto }) version: VersionTextDto;
  @ApiProperty({ type: ApprovalChainDto, nullable: true }) approval: ApprovalChainDto | null;
}

export class DecisionResultDto implements DecisionResult {
  @ApiProperty({ type: DecisionResponseDto }) decision: DecisionResponseDto;
  @ApiProperty({ enum: STATEMENT_STATUSES }) statementStatus: StatementStatus;
  @ApiProperty({ type: ApprovalChainDto, nullable: true }) approval: ApprovalChainDto | null;
}

export class VersionRefDto {
  @ApiProperty() number: number;
  @ApiProperty() sha256: string;
}

export class DiffPartDto {
  @ApiProperty({ enum: ['insert', 'delete', 'equal'] }) op: 'insert' | 'delete' | 'equal';
  @ApiProperty() text: string;
}

export class VersionDiffDto implements VersionDiff {
  @ApiProperty({ type: VersionRefDto }) from: VersionRefDto;
  @ApiProperty({ type: VersionRefDto }) to: VersionRefDto;
  @ApiProperty() insertedWords: number;
  @ApiProperty() deletedWords: number;
  @ApiProperty({ type: [DiffPartDto] }) parts: DiffPartDto[];
}

export class CommentRangeDto {
  @ApiProperty() index: number;
  @ApiProperty() length: number;
  @ApiProperty() text: string;
}

export class CommentAnchorDto {
  @ApiProperty({ description: 'Vị trí tương đối Yjs (base64)' }) start: string;
  @ApiProperty({ description: 'Vị trí tương đối Yjs (base64)' }) end: string;
}

export class StatementCommentDto implements StatementComment {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty({ enum: ['title', 'body'] }) field: 'title' | 'body';
  @ApiProperty() quote: string;
  @ApiProperty() body: string;
  @ApiProperty({ enum: ['open', 'resolved'] }) status: 'open' | 'resolved';
  @ApiProperty({ format: 'uuid' }) authorUserId: string;
  @NullableString({ format: 'uuid' }) resolvedByUserId: string | null;
  @NullableDateTime() resolvedAt: string | null;
  @DateTimeString() createdAt: string;
  @ApiProperty({ type: CommentRangeDto, nullable: true, description: 'Null: đoạn được bình luận đã bị xóa' })
  range: CommentRangeDto | null;
  @ApiProperty({ type: CommentAnchorDto }) anchor: CommentAnchorDto;
}

export class StatementCommentListDto {
  @ApiProperty({ type: [StatementCommentDto] }) items: StatementCommentDto[];
}
