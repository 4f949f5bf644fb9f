import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';

export class TopicWindowRangeDto {
  @ApiPropertyOptional({ description: 'Từ thời điểm (ISO 8601), mặc định 24 giờ trước `to`' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'Đến thời điểm (ISO 8601, không gồm), mặc định bây giờ' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}
