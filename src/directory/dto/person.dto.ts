import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { NormalizeTags, TAG_MESSAGE, TAG_PATTERN, ToBoolean, Trim, TrimLower } from './validators.js';
import { PageQueryDto } from '../../common/page-query.dto.js';

export class CreatePersonDto {
  @ApiProperty({ example: 'Vũ Thị Hồng Nhung' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName: string;

  @ApiProperty({ example: 'Phó Giám đốc Sở Văn hóa, Thể thao và Du lịch' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  position: string;

  @ApiProperty()
  @IsUUID()
  orgUnitId: string;

  @ApiPropertyOptional({ example: '0297 3861 234' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @ApiPropertyOptional({
    example: 'nhung.vth@example.vn',
    description: 'Duy nhất trong danh bạ (không phân biệt hoa thường)',
  })
  @IsOptional()
  @TrimLower()
  @IsEmail()
  @MaxLength(255)
  email?: string | null;

  @ApiPropertyOptional({ example: ['head', 'press_liaison'], type: [String] })
  @IsOptional()
  @NormalizeTags()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(TAG_PATTERN, { each: true, message: TAG_MESSAGE })
  tags?: string[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdatePersonDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  position?: string;

  @ApiPropertyOptional({ description: 'Chuyển người sang đơn vị khác' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @TrimLower()
  @IsEmail()
  @MaxLength(255)
  email?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @NormalizeTags()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(TAG_PATTERN, { each: true, message: TAG_MESSAGE })
  tags?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ListPeopleQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional({ description: 'Với orgUnitId: gồm cả người của các đơn vị trực thuộc' })
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  includeSubunits?: boolean;

  @ApiPropertyOptional({ example: 'press_liaison' })
  @IsOptional()
  @TrimLower()
  @Matches(TAG_PATTERN, { message: TAG_MESSAGE })
  tag?: string;

  @ApiPropertyOptional({ description: 'Tìm theo họ tên, chức vụ hoặc e-mail; không phân biệt dấu' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  active?: boolean;
}
