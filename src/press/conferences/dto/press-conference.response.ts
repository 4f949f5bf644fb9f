import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../../common/api-response.js';
import type {
  AnticipatedQuestion,
  CadenceDashboard,
  CadenceRow,
  CadenceRule,
  ConferenceAttendance,
  ConferenceCommitment,
  ConferenceQuestion,
  LineSource,
  PreparedLineSources,
  PressConference,
  PressConferenceDetail,
  PressConferenceList,
  StatementIssued,
} from '../../../contracts/press.js';
import { CONFERENCE_KINDS, CONFERENCE_STATUSES } from '../entities/press-conference.entity.js';

class LineSourceResponseDto implements LineSource {
  @ApiProperty({ enum: ['fact', 'statement'] }) kind: LineSource['kind'];
  @ApiProperty({ format: 'uuid' }) id: string;
}

class AnticipatedQuestionResponseDto implements AnticipatedQuestion {
  @ApiProperty() question: string;
  @ApiProperty({ description: 'Nội dung trả lời đã chuẩn bị' }) preparedLine: string;
  @ApiProperty({ type: [LineSourceResponseDto] }) sources: LineSourceResponseDto[];
}

class StatementIssuedResponseDto implements StatementIssued {
  @ApiProperty() title: string;
  @NullableString({ format: 'uuid' }) statementId: string | null;
}

class ConferenceAttendanceResponseDto implements ConferenceAttendance {
  @NullableString({ format: 'uuid' }) outletId: string | null;
  @ApiProperty() outletName: string;
}

export class PressConferenceResponseDto implements PressConference {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty({ enum: CONFERENCE_KINDS }) kind: PressConference['kind'];
  @ApiProperty() title: string;
  @DateTimeString() startsAt: string;
  @NullableDateTime() endsAt: string | null;
  @ApiProperty() place: string;
  @ApiProperty() chairName: string;
  @NullableString() chairPosition: string | null;
  @NullableString({ format: 'uuid' }) spokespersonDesignationId: string | null;
  @NullableString() spokespersonName: string | null;
  @NullableString() spokespersonPosition: string | null;
  @NullableString({ format: 'uuid' }) incidentId: string | null;
  @ApiProperty({ type: [String] }) agenda: string[];
  @ApiProperty({ type: [String], format: 'uuid' }) invitedOutletIds: string[];
  @ApiProperty({ type: [AnticipatedQuestionResponseDto] })
  anticipatedQuestions: AnticipatedQuestionResponseDto[];
  @ApiProperty({ type: [StatementIssuedResponseDto] }) statementsIssued: StatementIssuedResponseDto[];
  @ApiProperty({ enum: CONFERENCE_STATUSES }) status: PressConference['status'];
  @NullableDateTime() heldAt: string | null;
  @ApiProperty({ type: [ConferenceAttendanceResponseDto] }) attendance: ConferenceAttendanceResponseDto[];
  @NullableString() conclusion: string | null;
  @ApiProperty({ format: 'uuid' }) createdByUserId: string;
  @DateTimeString() createdAt: string;
  @DateTimeString() updatedAt: string;
}

export class PressConferenceListResponseDto implements PressConferenceList {
  @ApiProperty({ type: [PressConferenceResponseDto] }) items: PressConferenceResponseDto[];
  @ApiProperty() total: number;
}

class InvitedOutletResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @NullableString({ description: 'Trống khi cơ quan báo chí không còn trong danh sách' }) name: string | null;
}

export class ConferenceQuestionResponseDto implements ConferenceQuestion {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conferenceId: string;
  @ApiProperty() position: number;
  @NullableString({ format: 'uuid' }) journalistId: string | null;
  @ApiProperty({ description: 'Người hỏi' }) askedBy: string;
  @NullableString({ format: 'uuid' }) outletId: string | null;
  @NullableString() outletName: string | null;
  @ApiProperty() question: string;
  @NullableString() answer: string | null;
  @NullableString({ description: 'Người trả lời' }) answeredBy: string | null;
  @DateTimeString() createdAt: string;
}

export class ConferenceCommitmentResponseDto implements ConferenceCommitment {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) conferenceId: string;
  @NullableString({ format: 'uuid' }) questionId: string | null;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'uuid' }) ownerOrgUnitId: string;
  @NullableString() ownerOrgUnitName: string | null;
  @NullableString() ownerName: string | null;
  @DateTimeString() dueAt: string;
  @NullableDateTime() doneAt: string | null;
  @DateTimeString() createdAt: string;
  @ApiProperty() overdue: boolean;
}

export class PressConferenceDetailResponseDto
  extends PressConferenceResponseDto
  implements PressConferenceDetail
{
  @ApiProperty({ type: [InvitedOutletResponseDto] }) invitedOutlets: InvitedOutletResponseDto[];
  @ApiProperty({ type: [ConferenceQuestionResponseDto] }) questions: ConferenceQuestionResponseDto[];
  @ApiProperty({ type: [ConferenceCommitmentResponseDto] }) commitments: ConferenceCommitmentResponseDto[];
}

class FactSourceResponseDto {
  @ApiProperty({ enum: ['fact'] }) kind: 'fact';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() text: string;
  @ApiProperty() source: string;
}

class StatementSourceResponseDto {
  @ApiProperty({ enum: ['statement'] }) kind: 'statement';
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() typeLabel: string;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty() version: number;
  @ApiProperty() sha256: string;
}

export class PreparedLineSourcesResponseDto implements PreparedLineSources {
  @ApiProperty({ type: [FactSourceResponseDto] }) facts: FactSourceResponseDto[];
  @ApiProperty({ type: [StatementSourceResponseDto] }) statements: StatementSourceResponseDto[];
}

export class CadenceRuleResponseDto implements CadenceRule {
  @ApiProperty({ format: 'uuid' }) id: string;
  @NullableString({ format: 'uuid', description: 'Trống: mặc định cho mọi đơn vị' }) orgUnitId: string | null;
  @ApiProperty() intervalMonths: number;
  @ApiProperty({ format: 'date' }) effectiveFrom: string;
  @NullableString({ format: 'date' }) effectiveTo: string | null;
  @ApiProperty() legalSource: string;
  @NullableString() note: string | null;
  @DateTimeString() createdAt: string;
}

class CadenceRowRuleResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() intervalMonths: number;
  @ApiProperty() legalSource: string;
  @ApiProperty({ description: 'Quy định riêng của đơn vị' }) own: boolean;
}

class CadenceRowResponseDto implements CadenceRow {
  @ApiProperty({ format: 'uuid' }) orgUnitId: string;
  @ApiProperty() orgUnitName: string;
  @ApiProperty() unitType: string;
  @ApiProperty({ type: CadenceRowRuleResponseDto }) rule: CadenceRowRuleResponseDto;
  @NullableString({ format: 'date' }) lastHeldOn: string | null;
  @ApiProperty({ format: 'date' }) dueBy: string;
  @ApiProperty() late: boolean;
  @ApiProperty() daysLate: number;
}

export class CadenceDashboardResponseDto implements CadenceDashboard {
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ type: [CadenceRowResponseDto] }) units: CadenceRowResponseDto[];
  @ApiProperty() late: number;
}
