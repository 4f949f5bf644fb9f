import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { DesignationKind } from '../entities/spokesperson-designation.entity.js';
import { IsDateOnly, Trim } from './validators.js';
import { PageQueryDto } from '../../common/page-query.dto.js';

export class CreateDesignationDto {
  @ApiProperty()
  @IsUUID()
  personId: string;

  @ApiProperty({ description: 'Cơ quan mà người này phát ngôn thay' })
  @IsUUID()
  orgUnitId: string;

  @ApiProperty({ enum: DesignationKind })
  @IsEnum(DesignationKind)
  kind: DesignationKind;

  @ApiPropertyOptional({
    example: 'Thông tin về dịch sốt xuất huyết trên địa bàn tỉnh',
    description: 'Bắt buộc với người được ủy quyền: một vụ việc cụ thể',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  matter?: string | null;

  @ApiProperty({ example: '2025-03-10' })
  @IsDateOnly()
  validFrom: string;

  @ApiPropertyOptional({ nullable: true, description: 'Bắt buộc với người được ủy quyền' })
  @IsOptional()
  @IsDateOnly()
  validTo?: string | null;

  @ApiPropertyOptional({ default: false, description: 'Đã công bố tên, chức vụ, điện thoại, e-mail' })
  @IsOptional()
  @IsBoolean()
  published?: boolean;

  @ApiPropertyOptional({ example: '125/QĐ-UBND' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  decisionRef?: string | null;

  @ApiPropertyOptional({
    description: 'Người đứng đầu ký quyết định/văn bản ủy quyền; bắt buộc với người được ủy quyền',
  })
  @IsOptional()
  @IsUUID()
  grantedByPersonId?: string | null;
}

/** Ending, publishing and correcting a designation; who, for whom and since when never change. */
export class UpdateDesignationDto {
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsDateOnly()
  validTo?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  published?: boolean;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  decisionRef?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  matter?: string;
}

export class ListDesignationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  orgUnitId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ enum: DesignationKind })
  @IsOptional()
  @IsEnum(DesignationKind)
  kind?: DesignationKind;

  @ApiPropertyOptional({ description: 'Chỉ các chỉ định còn hiệu lực vào ngày này (bỏ trống: cả lịch sử)' })
  @IsOptional()
  @IsDateOnly()
  on?: string;

  @ApiPropertyOptional({ description: 'Lọc theo vụ việc được ủy quyền (không phân biệt dấu)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  matter?: string;
}

export class SpokespersonsQueryDto {
  @ApiPropertyOptional({ example: '2024-11-03', description: 'Mặc định: hôm nay (giờ Việt Nam)' })
  @IsOptional()
  @IsDateOnly()
  on?: string;

  @ApiPropertyOptional({ description: 'Lọc người được ủy quyền theo vụ việc (không phân biệt dấu)' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  matter?: string;
}
