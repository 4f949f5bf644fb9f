import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Capability } from '../entities/org-unit-capability.entity.js';
import { OrgUnitType } from '../entities/org-unit.entity.js';
import { SuccessionKind } from '../entities/org-unit-succession.entity.js';
import { CODE_MESSAGE, CODE_PATTERN, IsDateOnly, Trim, TrimLower } from './validators.js';
import { MAX_OFFSET } from '../../common/limits.js';

/** How to reach a unit: the same optional fields when creating, correcting or importing it. */
export class OrgUnitContactDto {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @TrimLower()
  @IsEmail()
  @MaxLength(255)
  email?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(255)
  website?: string | null;
}

export class CreateOrgUnitDto extends OrgUnitContactDto {
  @ApiProperty({ example: 'AH-SVHTTDL', description: 'Mã định danh chính thức' })
  @Trim()
  @IsString()
  @Matches(CODE_PATTERN, { message: CODE_MESSAGE })
  code: string;

  @ApiProperty({ example: 'Sở Văn hóa, Thể thao và Du lịch tỉnh An Hòa' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(255)
  name: string;

  @ApiPropertyOptional({ example: 'Sở VHTTDL' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  shortName?: string | null;

  @ApiProperty({ enum: OrgUnitType })
  @IsEnum(OrgUnitType)
  unitType: OrgUnitType;

  @ApiPropertyOptional({ description: 'Đơn vị cấp trên (phải có hiệu lực bao trùm đơn vị này)' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiProperty({ example: '2025-03-01' })
  @IsDateOnly()
  validFrom: string;

  @ApiPropertyOptional({ example: '2025-06-30', nullable: true, description: 'Ngày cuối cùng còn hiệu lực' })
  @IsOptional()
  @IsDateOnly()
  validTo?: string | null;
}

/**
 * Corrections and the end of a unit. A reorganisation never re-parents or re-codes a row: end it
 * (validTo) and create its successor, then link them with a succession.
 */
export class UpdateOrgUnitDto extends OrgUnitContactDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(255)
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  shortName?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description:
      'Ngày cuối cùng còn hiệu lực; null để mở lại. Khi kết thúc, các chức năng và chỉ định phát ngôn còn mở được kết thúc cùng ngày.',
  })
  @IsOptional()
  @IsDateOnly()
  validTo?: string | null;
}

export class OnDateQueryDto {
  @ApiPropertyOptional({
    example: '2024-11-03',
    description: 'Ngày tra cứu (mặc định: hôm nay, giờ Việt Nam)',
  })
  @IsOptional()
  @IsDateOnly()
  on?: string;
}

export class ListOrgUnitsQueryDto extends OnDateQueryDto {
  @ApiPropertyOptional({ enum: Capability, description: 'Chỉ các đơn vị giữ chức năng này vào ngày tra cứu' })
  @IsOptional()
  @IsEnum(Capability)
  capability?: Capability;

  @ApiPropertyOptional({ description: 'Chỉ các đơn vị thuộc cây của tỉnh này (kể cả cấp huyện cũ, cấp xã)' })
  @IsOptional()
  @IsUUID()
  provinceId?: string;

  @ApiPropertyOptional({ enum: OrgUnitType })
  @IsOptional()
  @IsEnum(OrgUnitType)
  type?: OrgUnitType;

  @ApiPropertyOptional({ description: 'Tìm theo tên, tên viết tắt hoặc mã; không phân biệt dấu' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Chỉ các đơn vị trực thuộc trực tiếp đơn vị này' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;
}

export class CreateCapabilityDto {
  @ApiProperty({ enum: Capability })
  @IsEnum(Capability)
  capability: Capability;

  @ApiProperty({ example: '2025-03-01' })
  @IsDateOnly()
  validFrom: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsDateOnly()
  validTo?: string | null;

  @ApiPropertyOptional({ example: 'Thông tư 10/2025/TT-BVHTTDL' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  legalBasis?: string | null;
}

export class UpdateCapabilityDto {
  @ApiPropertyOptional({ nullable: true, description: 'Ngày cuối cùng đơn vị giữ chức năng' })
  @IsOptional()
  @IsDateOnly()
  validTo?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  legalBasis?: string | null;
}

export class CreateSuccessionDto {
  @ApiProperty({ description: 'Đơn vị kế thừa' })
  @IsUUID()
  successorId: string;

  @ApiProperty({ enum: SuccessionKind })
  @IsEnum(SuccessionKind)
  kind: SuccessionKind;

  @ApiProperty({ example: '2025-07-01', description: 'Ngày đầu tiên đơn vị kế thừa đảm nhận' })
  @IsDateOnly()
  effectiveOn: string;

  @ApiPropertyOptional({ example: 'Nghị quyết 1234/NQ-UBTVQH15' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  note?: string | null;
}
