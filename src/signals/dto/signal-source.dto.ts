import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { SignalSourceKind } from '../entities/signal-source.entity.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateSignalSourceDto {
  @ApiProperty({ example: 'SocialBeat – Trung tâm Báo chí tỉnh An Hòa' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: SignalSourceKind })
  @IsEnum(SignalSourceKind)
  kind: SignalSourceKind;

  @ApiPropertyOptional({ example: 'Hệ thống lắng nghe mạng xã hội của tỉnh, đẩy dữ liệu mỗi phút' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ description: 'Đơn vị vận hành nguồn' })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string | null;
}

export class UpdateSignalSourceDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsUUID()
  orgUnitId?: string | null;

  @ApiPropertyOptional({ description: 'false: từ chối mọi lô và webhook của nguồn' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
