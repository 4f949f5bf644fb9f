import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableString } from '../../common/api-response.js';
import type { OfficerReport, OfficerReportResult } from '../../contracts/officer-reports.js';

/** An officer's report of a mention (never the screenshot's bytes: see its evidence route). */
export class OfficerReportResponseDto implements OfficerReport {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty({ format: 'uuid' }) sourceId: string;
  @ApiProperty({ format: 'uuid' }) mentionId: string;
  @ApiProperty({ format: 'uuid' }) reportedByUserId: string;
  @NullableString() url: string | null;
  @NullableString() title: string | null;
  @NullableString() text: string | null;
  @ApiProperty() sourceType: string;
  @ApiProperty() sentiment: string;
  @NullableString() fakeNewsLabel: string | null;
  @NullableString() archiveUrl: string | null;
  @NullableString() note: string | null;
  @NullableString({ enum: ['image/png', 'image/jpeg', 'image/webp'] }) evidenceType: string | null;
  @ApiProperty({ type: Number, nullable: true }) evidenceSize: number | null;
  @NullableString() evidenceSha256: string | null;
  @NullableString({ format: 'uuid' }) incidentId: string | null;
  @DateTimeString() createdAt: string;
}

export class OfficerReportIncidentDto {
  @ApiProperty({ description: 'Kết quả: mở sự cố mới, gắn vào sự cố đang mở, …' }) outcome: string;
  @NullableString({ format: 'uuid' }) incidentId: string | null;
}

export class OfficerReportResultResponseDto implements OfficerReportResult {
  @ApiProperty({ type: OfficerReportResponseDto }) report: OfficerReportResponseDto;
  @ApiProperty({ format: 'uuid' }) mentionId: string;
  @ApiProperty({ description: 'Đề cập đã có (cùng đường dẫn hoặc nội dung)' }) duplicate: boolean;
  @ApiProperty({ type: OfficerReportIncidentDto, nullable: true }) incident: OfficerReportIncidentDto | null;
}
