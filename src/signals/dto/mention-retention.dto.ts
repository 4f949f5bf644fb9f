import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';

/** Longest span a policy may keep unlinked mentions (50 years). */
export const MAX_KEEP_MONTHS = 600;

/** A new dated retention policy: from `validFrom` (today or later) on, unlinked mentions are kept `keepMonths`. */
export class CreateMentionRetentionPolicyDto {
  @ApiProperty({ example: '2027-01-01', description: 'Ngày bắt đầu áp dụng (từ hôm nay trở đi, giờ UTC)' })
  @IsDateString({ strict: true }, { message: 'phải là ngày dạng YYYY-MM-DD' })
  validFrom: string;

  @ApiProperty({ example: 24, minimum: 1, maximum: MAX_KEEP_MONTHS })
  @IsInt({ message: 'phải là số tháng (số nguyên)' })
  @Min(1, { message: `phải từ 1 đến ${MAX_KEEP_MONTHS} tháng` })
  @Max(MAX_KEEP_MONTHS, { message: `phải từ 1 đến ${MAX_KEEP_MONTHS} tháng` })
  keepMonths: number;

  @ApiPropertyOptional({ nullable: true, maxLength: 500 })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString({ message: 'phải là chuỗi ký tự' })
  @MaxLength(500, { message: 'không quá 500 ký tự' })
  note?: string | null;
}
