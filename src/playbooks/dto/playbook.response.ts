import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import {
  INCIDENT_CATEGORIES,
  PUBLICATION_CHANNELS,
  SEVERITIES,
  STATEMENT_TYPES,
} from '../../contracts/enums.js';
import type { IncidentCategory, PublicationChannel, Severity, StatementType } from '../../contracts/enums.js';
import type {
  AppliedPlaybook,
  IncidentSearchHit,
  Playbook,
  PlaybookApplication,
  PlaybookContent,
  PlaybookDetail,
  PlaybookOrigin,
  PlaybookProposal,
  PlaybookProposalStatus,
  PlaybookRoleRequirement,
  PlaybookSearchHit,
  PlaybookStage,
  PlaybookStatementTemplate,
  PlaybookSuggestion,
  PlaybookSuggestions,
  PlaybookSummary,
  PlaybookTask,
  PlaybookVersion,
  PlaybookVersionSummary,
  SearchResult,
} from '../../contracts/playbooks.js';
import { CandidateSourceDto } from '../../working-groups/dto/working-group.response.js';

const ORIGINS: PlaybookOrigin[] = ['shipped', 'created', 'proposal'];

export class PlaybookTriggersDto {
  @ApiProperty({ type: [String] }) keywords: string[];
  @ApiProperty({ type: [String], required: false }) topicKeys?: string[];
}

export class PlaybookTaskDto implements PlaybookTask {
  @ApiProperty() title: string;
  @ApiProperty({ required: false }) description?: string;
  @ApiProperty({ description: 'Hạn, tính bằng phút từ lúc phát hiện sự cố' }) dueAfterMinutes: number;
  @ApiProperty({ required: false, description: 'Vai trò trong Tổ công tác' }) role?: string;
}

export class PlaybookStageDto implements PlaybookStage {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [PlaybookTaskDto] }) tasks: PlaybookTaskDto[];
}

export class PlaybookRoleRequirementDto implements PlaybookRoleRequirement {
  @ApiProperty() role: string;
  @ApiProperty() count: number;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: [CandidateSourceDto], required: false }) sources?: CandidateSourceDto[];
  @ApiProperty() reason: string;
}

export class PlaybookStatementTemplateDto implements PlaybookStatementTemplate {
  @ApiProperty({ enum: STATEMENT_TYPES }) type: StatementType;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Markdown, với các chỗ {{…}} điền khi áp dụng' }) body: string;
  @ApiProperty({ enum: PUBLICATION_CHANNELS, isArray: true, required: false })
  channels?: PublicationChannel[];
}

export class PlaybookContentDto implements PlaybookContent {
  @ApiProperty() summary: string;
  @ApiProperty({ enum: INCIDENT_CATEGORIES, isArray: true }) categories: IncidentCategory[];
  @ApiProperty({ enum: SEVERITIES }) severityMin: Severity;
  @ApiProperty({ enum: SEVERITIES }) severityMax: Severity;
  @ApiProperty({ type: PlaybookTriggersDto }) triggers: PlaybookTriggersDto;
  @ApiProperty({ type: [PlaybookStageDto] }) stages: PlaybookStageDto[];
  @ApiProperty({ type: [PlaybookRoleRequirementDto] }) roleRequirements: PlaybookRoleRequirementDto[];
  @ApiProperty({ type: [PlaybookStatementTemplateDto] }) statementTemplates: PlaybookStatementTemplateDto[];
  @ApiProperty({ type: [String] }) holdingLines: string[];
  @ApiProperty({ type: [String] }) legalReferences: string[];
  @ApiProperty({ description: 'Markdown' }) guidanceMarkdown: string;
}

export class PlaybookResponseDto implements Playbook {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty() currentVersion: number;
  @NullableString({ format: 'uuid', description: 'Null: cẩm nang dùng chung' }) orgUnitId: string | null;
  @ApiProperty() shipped: boolean;
  @DateTimeString() updatedAt: string;
}

export class PlaybookSummaryDto extends PlaybookResponseDto implements PlaybookSummary {
  @ApiProperty() summary: string;
  @ApiProperty({ enum: INCIDENT_CATEGORIES, isArray: true }) categories: IncidentCategory[];
  @ApiProperty({ enum: SEVERITIES }) severityMin: Severity;
  @ApiProperty({ enum: SEVERITIES }) severityMax: Severity;
}

export class PlaybookListDto {
  @ApiProperty({ type: [PlaybookSummaryDto] }) items: PlaybookSummaryDto[];
}

export class PlaybookVersionSummaryDto implements PlaybookVersionSummary {
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ORIGINS }) origin: PlaybookOrigin;
  @NullableString({ format: 'uuid' }) proposalId: string | null;
  @DateTimeString() createdAt: string;
}

export class PlaybookVersionDto extends PlaybookVersionSummaryDto implements PlaybookVersion {
  @ApiProperty({ format: 'uuid' }) playbookId: string;
  @ApiProperty({ type: PlaybookContentDto }) content: PlaybookContentDto;
}

export class PlaybookDetailDto extends PlaybookResponseDto implements PlaybookDetail {
  @ApiProperty({ type: PlaybookVersionDto }) current: PlaybookVersionDto;
  @ApiProperty({ type: [PlaybookVersionSummaryDto] }) versions: PlaybookVersionSummaryDto[];
}

export class PlaybookSuggestionDto implements PlaybookSuggestion {
  @ApiProperty({ format: 'uuid' }) playbookId: string;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty() score: number;
  @ApiProperty({ type: [String] }) reasons: string[];
}

export class PlaybookSuggestionsDto implements PlaybookSuggestions {
  @ApiProperty({ type: [PlaybookSuggestionDto] }) items: PlaybookSuggestionDto[];
  @ApiProperty({ description: 'Người đọc có được áp dụng cẩm nang cho sự cố không' }) canApply: boolean;
}

export class AppliedPlaybookCreatedDto {
  @ApiProperty({ type: [String] }) taskIds: string[];
  @ApiProperty({ type: [String] }) statementIds: string[];
  @ApiProperty({ type: [String] }) roles: string[];
}

export class AppliedPlaybookDto implements AppliedPlaybook {
  @ApiProperty({ format: 'uuid' }) playbookId: string;
  @ApiProperty() key: string;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @DateTimeString() appliedAt: string;
  @NullableString({ format: 'uuid' }) appliedByUserId: string | null;
  @ApiProperty({ type: AppliedPlaybookCreatedDto }) created: AppliedPlaybookCreatedDto;
}

export class PlaybookRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() key: string;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
}

export class AddedRoleDto {
  @ApiProperty() role: string;
  @ApiProperty() invited: number;
  @ApiProperty() missing: number;
}

export class PlaybookApplicationDto implements PlaybookApplication {
  @ApiProperty({ format: 'uuid' }) incidentId: string;
  @ApiProperty({ type: PlaybookRefDto }) playbook: PlaybookRefDto;
  @ApiProperty({ type: [String] }) taskIds: string[];
  @ApiProperty({ type: [String] }) statementIds: string[];
  @ApiProperty({ type: [AddedRoleDto] }) roles: AddedRoleDto[];
  @ApiProperty({ type: [String] }) missingPlaceholders: string[];
}

export class PlaybookProposalDto implements PlaybookProposal {
  @ApiProperty({ format: 'uuid' }) id: string;
  @NullableString({ format: 'uuid', description: 'Null: đề xuất cẩm nang mới' }) playbookId: string | null;
  @ApiProperty({ type: Number, nullable: true }) baseVersion: number | null;
  @NullableString() newKey: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ type: PlaybookContentDto }) content: PlaybookContentDto;
  @ApiProperty() rationale: string;
  @NullableString({ format: 'uuid' }) sourceIncidentId: string | null;
  @ApiProperty({ enum: ['pending', 'approved', 'rejected'] }) status: PlaybookProposalStatus;
  @ApiProperty({ format: 'uuid' }) proposedByUserId: string;
  @NullableString({ format: 'uuid' }) decidedByUserId: string | null;
  @NullableDateTime() decidedAt: string | null;
  @NullableString() decisionReason: string | null;
  @ApiProperty({ type: Number, nullable: true }) resultingVersion: number | null;
  @DateTimeString() createdAt: string;
}

export class PlaybookSearchHitDto implements PlaybookSearchHit {
  @ApiProperty({ enum: ['playbook'] }) kind: 'playbook';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Tiêu đề, từ khớp trong <mark>' }) titleHtml: string;
  @ApiProperty({ description: 'Trích đoạn, từ khớp trong <mark>' }) snippetHtml: string;
  @ApiProperty() rank: number;
  @ApiProperty() version: number;
  @ApiProperty({ enum: INCIDENT_CATEGORIES, isArray: true }) categories: string[];
  @ApiProperty({ example: 'L2–L4' }) severity: string;
}

export class IncidentSearchHitDto implements IncidentSearchHit {
  @ApiProperty({ enum: ['incident'] }) kind: 'incident';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'Tiêu đề, từ khớp trong <mark>' }) titleHtml: string;
  @ApiProperty({ description: 'Trích đoạn, từ khớp trong <mark>' }) snippetHtml: string;
  @ApiProperty() rank: number;
  @ApiProperty() code: string;
  @ApiProperty({ enum: INCIDENT_CATEGORIES }) category: string;
  @ApiProperty({ enum: SEVERITIES }) severity: string;
  @NullableDateTime() archivedAt: string | null;
  @ApiProperty() responsibleUnitName: string;
  @ApiProperty() status: string;
}

@ApiExtraModels(PlaybookSearchHitDto, IncidentSearchHitDto)
export class SearchResultDto implements SearchResult {
  @ApiProperty() q: string;
  @ApiProperty({
    type: 'array',
    items: {
      oneOf: [{ $ref: getSchemaPath(PlaybookSearchHitDto) }, { $ref: getSchemaPath(IncidentSearchHitDto) }],
      discriminator: { propertyName: 'kind' },
    },
  })
  items: (PlaybookSearchHitDto | IncidentSearchHitDto)[];
}
