import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { FactStatus } from '../entities/incident-fact.entity.js';

export class CreateFactDto {
  @ApiProperty({
    example: 'Không có quyết định thu hồi đất nào được ban hành tại phường An Hòa trong năm 2026.',
  })
  @IsString()
  @MinLength(5)
  @MaxLength(5000)
  statement: string;

  @ApiProperty({ example: 'Văn bản số 112/UBND-TNMT ngày 20/11/2026 của UBND phường An Hòa' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  source: string;

  @ApiPropertyOptional({ enum: FactStatus, default: FactStatus.Unverified })
  @IsOptional()
  @IsEnum(FactStatus)
  status?: FactStatus;
}

export class UpdateFactDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(5000)
  statement?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  source?: string;

  @ApiPropertyOptional({ enum: FactStatus })
  @IsOptional()
  @IsEnum(FactStatus)
  status?: FactStatus;

  @ApiPropertyOptional({ description: 'Bắt buộc khi rút lại (retracted)' })
  @IsOptional()
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  retractionReason?: string;
}
