import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '../../common/page-query.dto.js';
import { IsDateOnly, ToBoolean, Trim, TrimLower } from '../../directory/dto/validators.js';
import { OUTLET_TYPES } from '../entities/press-outlet.entity.js';
import type { OutletType } from '../entities/press-outlet.entity.js';

export class CreateOutletDto {
  @ApiProperty({ example: 'Báo An Hòa' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name: string;

  @ApiProperty({ enum: OUTLET_TYPES })
  @IsIn(OUTLET_TYPES)
  type: OutletType;

  @ApiPropertyOptional({ example: '123/GP-BVHTTDL' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  licenceNumber?: string;

  @ApiPropertyOptional({ example: 'Tỉnh ủy An Hòa' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(300)
  governingBody?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  address?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  phone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @TrimLower()
  @IsEmail()
  @MaxLength(255)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  website?: string;

  @ApiPropertyOptional({ description: 'Đơn vị quản lý danh sách (bỏ trống: danh sách chung của tỉnh)' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateOutletDto extends PartialType(CreateOutletDto) {}

export class ListOutletsQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: OUTLET_TYPES })
  @IsOptional()
  @IsIn(OUTLET_TYPES)
  type?: OutletType;

  @ApiPropertyOptional()
  @IsOptional()
  @ToBoolean()
  @IsBoolean()
  active?: boolean;
}

export class CreateJournalistDto {
  @ApiProperty({ example: 'Nguyễn Thị Thu Hà' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  fullName: string;

  @ApiProperty()
  @IsUUID()
  outletId: string;

  @ApiPropertyOptional({ description: 'Số thẻ nhà báo' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  pressCardNumber?: string;

  @ApiPropertyOptional({ description: 'Hạn thẻ nhà báo (YYYY-MM-DD)' })
  @IsOptional()
  @IsDateOnly()
  pressCardExpiresOn?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @TrimLower()
  @IsEmail()
  @MaxLength(255)
  email?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  phone?: string;

  @ApiPropertyOptional({ description: 'Lĩnh vực phụ trách', example: 'Y tế' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  beat?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateJournalistDto extends PartialType(CreateJournalistDto) {}

export class ListJournalistsQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  outletId?: string;
}
