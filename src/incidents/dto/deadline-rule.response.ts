import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableString } from '../../common/api-response.js';
import type { DeadlineRule } from '../../contracts/incidents.js';

/** A legal deadline rule with its legal source and its days in force. */
export class DeadlineRuleResponseDto implements DeadlineRule {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'initial_information' }) key: string;
  @ApiProperty() label: string;
  @ApiProperty() value: number;
  @ApiProperty({ enum: ['minutes', 'hours', 'days'] }) unit: 'minutes' | 'hours' | 'days';
  @ApiProperty({ description: 'Hành vi bắt đầu tính giờ (detected, takedown_requested, …)' }) anchor: string;
  @ApiProperty({ type: [String], description: 'Chỉ các loại sự cố này (rỗng: mọi loại)' })
  categories: string[];
  @NullableString({ description: 'Chỉ từ mức độ này trở lên (null: mọi mức)' }) minSeverity: string | null;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @NullableString({ format: 'date' }) effectiveTo: string | null;
  @ApiProperty({ description: 'Căn cứ pháp lý' }) legalSource: string;
  @ApiProperty({ type: [String], description: 'Đăng thông cáo thuộc các loại này thì dừng đồng hồ' })
  stoppedByStatementTypes: string[];
  @NullableString() note: string | null;
  @DateTimeString() createdAt: string;
  @DateTimeString() updatedAt: string;
}
