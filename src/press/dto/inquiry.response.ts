import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import type {
  InquiryEvent,
  InquiryQuestion,
  InquiryRouting,
  InquiryTransfer,
  PressDashboard,
  PressInquiry,
  PressInquiryDetail,
  PressInquiryList,
  PressOverdueByUnit,
  PressResponseByUnit,
  RefusalGround,
  RefusalGroundList,
} from '../../contracts/press.js';
import { OUTLET_TYPES } from '../entities/press-outlet.entity.js';
import { INQUIRY_CHANNELS, InquiryStatus } from '../press-inquiry-types.js';
import { PressJournalistResponseDto } from './outlet.response.js';

class NamedRefResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

class RoutingStepResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Kiểu kế thừa' }) kind: string;
  @ApiProperty({ format: 'date' }) effectiveOn: string;
}

class RoutingSpokespersonResponseDto {
  @ApiProperty({ format: 'uuid' }) personId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() position: string;
}

export class InquiryRoutingResponseDto implements InquiryRouting {
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ enum: ['addressed', 'successor', 'capability'] }) reason: InquiryRouting['reason'];
  @ApiProperty({ type: NamedRefResponseDto, nullable: true }) addressed: NamedRefResponseDto | null;
  @ApiProperty({ type: [RoutingStepResponseDto] }) via: RoutingStepResponseDto[];
  @ApiProperty({ type: NamedRefResponseDto }) unit: NamedRefResponseDto;
  @ApiProperty({ type: [RoutingSpokespersonResponseDto] }) spokespersons: RoutingSpokespersonResponseDto[];
}

class InquiryOutletResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: OUTLET_TYPES }) type: PressInquiry['outlet']['type'];
}

export class PressInquiryResponseDto implements PressInquiry {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: INQUIRY_CHANNELS }) channel: string;
  @ApiProperty() channelLabel: string;
  @DateTimeString() receivedAt: string;
  @ApiProperty() subject: string;
  @ApiProperty({ type: PressJournalistResponseDto }) journalist: PressJournalistResponseDto;
  @ApiProperty({ type: InquiryOutletResponseDto }) outlet: InquiryOutletResponseDto;
  @NullableString({ format: 'uuid' }) addressedOrgUnitId: string | null;
  @NullableString() capability: string | null;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty() orgUnitName: string;
  @ApiProperty({ type: InquiryRoutingResponseDto }) routing: InquiryRoutingResponseDto;
  @NullableString({ format: 'uuid' }) spokespersonPersonId: string | null;
  @ApiProperty() ruleKey: string;
  @NullableString({ format: 'uuid' }) ruleId: string | null;
  @DateTimeString() dueAt: string;
  @ApiProperty() overdue: boolean;
  @NullableString({ format: 'uuid' }) ownerUserId: string | null;
  @ApiProperty({ enum: InquiryStatus }) status: PressInquiry['status'];
  @ApiProperty() statusLabel: string;
  @ApiProperty() open: boolean;
  @NullableString({ format: 'uuid' }) incidentId: string | null;
  @NullableString({ format: 'uuid' }) statementId: string | null;
  @NullableString({ enum: ['answer', 'refusal'] }) outcome: PressInquiry['outcome'];
  @NullableString() refusalGroundKey: string | null;
  @NullableString({ format: 'uuid' }) transferredToOrgUnitId: string | null;
  @NullableDateTime() closedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) sentVersionNumber: number | null;
  @NullableString() sentSha256: string | null;
  @ApiProperty({ description: 'Mức đã nhắc hạn cao nhất (50, 80, 100)' }) warnedPercent: number;
  @DateTimeString() createdAt: string;
}

export class InquiryQuestionResponseDto implements InquiryQuestion {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) inquiryId: string;
  @ApiProperty() position: number;
  @ApiProperty() text: string;
  @NullableString() answer: string | null;
  @NullableDateTime() answeredAt: string | null;
}

export class InquiryEventResponseDto implements InquiryEvent {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) inquiryId: string;
  @ApiProperty() seq: number;
  @ApiProperty() type: string;
  @NullableString({ format: 'uuid' }) actorUserId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @DateTimeString() occurredAt: string;
}

export class PressInquiryDetailResponseDto extends PressInquiryResponseDto implements PressInquiryDetail {
  @ApiProperty({ type: [InquiryQuestionResponseDto] }) questions: InquiryQuestionResponseDto[];
  @ApiProperty({ type: [InquiryEventResponseDto] }) events: InquiryEventResponseDto[];
}

export class PressInquiryListResponseDto implements PressInquiryList {
  @ApiProperty({ type: [PressInquiryResponseDto] }) items: PressInquiryResponseDto[];
  @ApiProperty() total: number;
}

class CreatedRefResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
}

export class InquiryTransferResponseDto implements InquiryTransfer {
  @ApiProperty({ type: PressInquiryDetailResponseDto, description: 'Đề nghị đã chuyển (đóng)' })
  transferred: PressInquiryDetailResponseDto;
  @ApiProperty({ type: CreatedRefResponseDto, description: 'Đề nghị mới ở đơn vị nhận' })
  created: CreatedRefResponseDto;
}

export class RefusalGroundResponseDto implements RefusalGround {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Căn cứ pháp lý' }) legalSource: string;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @NullableString({ format: 'date' }) effectiveTo: string | null;
}

export class RefusalGroundListResponseDto implements RefusalGroundList {
  @ApiProperty({ type: [RefusalGroundResponseDto] }) items: RefusalGroundResponseDto[];
}

class DashboardPeriodResponseDto {
  @DateTimeString() from: string;
  @DateTimeString() to: string;
}

class DashboardTotalsResponseDto {
  @ApiProperty() open: number;
  @ApiProperty() overdue: number;
  @ApiProperty() closed: number;
  @ApiProperty() onTime: number;
}

class PressOverdueByUnitResponseDto implements PressOverdueByUnit {
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty() orgUnitName: string;
  @ApiProperty() overdue: number;
  @DateTimeString() oldestDueAt: string;
}

class PressResponseByUnitResponseDto implements PressResponseByUnit {
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty() orgUnitName: string;
  @ApiProperty() answered: number;
  @ApiProperty() declined: number;
  @ApiProperty() onTime: number;
  @ApiProperty({ type: Number, nullable: true }) avgHours: number | null;
  @ApiProperty({ type: Number, nullable: true }) medianHours: number | null;
  @ApiProperty({ type: Number, nullable: true }) maxHours: number | null;
}

export class PressDashboardResponseDto implements PressDashboard {
  @DateTimeString() generatedAt: string;
  @ApiProperty({ type: DashboardPeriodResponseDto }) period: DashboardPeriodResponseDto;
  @ApiProperty({ type: DashboardTotalsResponseDto }) totals: DashboardTotalsResponseDto;
  @ApiProperty({ type: [PressInquiryResponseDto] }) open: PressInquiryResponseDto[];
  @ApiProperty({ type: [PressOverdueByUnitResponseDto] }) overdueByUnit: PressOverdueByUnitResponseDto[];
  @ApiProperty({ type: [PressResponseByUnitResponseDto] }) responseByUnit: PressResponseByUnitResponseDto[];
}
