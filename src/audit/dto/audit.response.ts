import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateTimeString, NullableString } from '../../common/api-response.js';
import type { AuditEntry, AuditPage, AuditVerification } from '../../contracts/audit.js';

/** One row of the hash-chained audit log. */
export class AuditEntryResponseDto implements AuditEntry {
  @ApiProperty({ description: 'Số thứ tự (bigint, dạng chuỗi)' }) id: string;
  @DateTimeString() occurredAt: string;
  @NullableString({ format: 'uuid' }) actorUserId: string | null;
  @ApiProperty() action: string;
  @ApiProperty() entityType: string;
  @NullableString() entityId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
  @NullableString() correlationId: string | null;
  @ApiProperty() prevHash: string;
  @ApiProperty() hash: string;
}

export class AuditPageResponseDto implements AuditPage {
  @ApiProperty({ type: [AuditEntryResponseDto] }) items: AuditEntryResponseDto[];
  @NullableString({ description: 'Truyền làm beforeId để lấy trang cũ hơn; null ở trang cuối' })
  nextBeforeId: string | null;
}

export class AuditVerificationResponseDto implements AuditVerification {
  @ApiProperty() ok: boolean;
  @ApiProperty() checked: number;
  @ApiPropertyOptional() firstBrokenId?: string;
  @ApiPropertyOptional() reason?: string;
}
