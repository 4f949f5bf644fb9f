import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../../common/api-response.js';
import type { CoverageEvidence, PressCoverage, PressCoverageList } from '../../../contracts/press.js';
import {
  COVERAGE_MEDIA,
  COVERAGE_STATUSES,
  OUTCOME_KINDS,
  RESPONSE_KINDS,
  VERIFICATION_STATUSES,
} from '../entities/press-coverage.entity.js';

export class CoverageEvidenceResponseDto implements CoverageEvidence {
  @ApiProperty({ enum: ['screenshot', 'archive', 'document', 'other'] }) kind: CoverageEvidence['kind'];
  @ApiProperty() url: string;
  @NullableString() note: string | null;
}

export class PressCoverageResponseDto implements PressCoverage {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'Đơn vị xác minh, trả lời' }) orgUnitId: string;
  @NullableString({ format: 'uuid' }) outletId: string | null;
  @ApiProperty({ description: 'Tên cơ quan báo chí khi ghi nhận' }) outletName: string;
  @ApiProperty({ enum: COVERAGE_MEDIA }) medium: PressCoverage['medium'];
  @ApiProperty() title: string;
  @NullableString() url: string | null;
  @DateTimeString() publishedAt: string;
  @DateTimeString({ description: 'Ngày cơ quan biết bài báo: hạn tính từ đây' }) receivedAt: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [CoverageEvidenceResponseDto] }) evidence: CoverageEvidenceResponseDto[];
  @NullableDateTime() dueAt: string | null;
  @NullableString({ format: 'uuid' }) deadlineRuleId: string | null;
  @ApiProperty({ enum: COVERAGE_STATUSES }) status: PressCoverage['status'];
  @ApiProperty({ enum: VERIFICATION_STATUSES }) verificationStatus: PressCoverage['verificationStatus'];
  @NullableString() verificationNotes: string | null;
  @NullableString({ format: 'uuid' }) verifiedByUserId: string | null;
  @NullableDateTime() verifiedAt: string | null;
  @NullableString({ enum: RESPONSE_KINDS }) responseKind: PressCoverage['responseKind'];
  @NullableString() responseText: string | null;
  @NullableString({ format: 'uuid' }) respondedByUserId: string | null;
  @NullableDateTime() respondedAt: string | null;
  @NullableString({ format: 'uuid' }) incidentId: string | null;
  @NullableString({ enum: OUTCOME_KINDS }) outcomeKind: PressCoverage['outcomeKind'];
  @NullableString() outcomeUrl: string | null;
  @NullableString() outcomeNotes: string | null;
  @NullableDateTime() outcomeAt: string | null;
  @ApiProperty({ format: 'uuid' }) createdByUserId: string;
  @DateTimeString() createdAt: string;
  @DateTimeString() updatedAt: string;
  @ApiProperty({ description: 'Quá hạn trả lời' }) overdue: boolean;
  @ApiProperty({ type: Boolean, nullable: true, description: 'Trả lời đúng hạn; trống khi chưa trả lời hoặc không có hạn' })
  answeredOnTime: boolean | null;
}

export class PressCoverageListResponseDto implements PressCoverageList {
  @ApiProperty({ type: [PressCoverageResponseDto] }) items: PressCoverageResponseDto[];
  @ApiProperty() total: number;
}
