import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { IsDateOnly, Trim } from '../../directory/dto/validators.js';

export class CreateRefusalGroundDto {
  @ApiProperty({ example: 'state_secret' })
  @Matches(/^[a-z][a-z0-9_]{1,59}$/, { message: 'key: chữ thường không dấu, chữ số và _' })
  @MaxLength(60)
  key: string;

  @ApiProperty({ example: 'Thông tin thuộc bí mật nhà nước' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  label: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  legalSource: string;

  @ApiProperty()
  @IsDateOnly()
  effectiveFrom: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateOnly()
  effectiveTo?: string;
}

export class UpdateRefusalGroundDto {
  @ApiProperty({ description: 'Ngày hết hiệu lực' })
  @IsDateOnly()
  effectiveTo: string;
}

export class RefusalGroundsQueryDto {
  @ApiPropertyOptional({ description: 'Căn cứ có hiệu lực vào ngày (YYYY-MM-DD); bỏ trống: tất cả' })
  @IsOptional()
  @IsDateOnly()
  on?: string;
}
