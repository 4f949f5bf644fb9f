import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableString } from '../../common/api-response.js';
import { INCIDENT_CATEGORIES, SEVERITIES } from '../../contracts/enums.js';
import type { IncidentCategory } from '../../contracts/enums.js';
import type {
  PeriodicReport,
  PeriodicReportCategoryRow,
  PeriodicReportCompliance,
  PeriodicReportIncident,
  PeriodicReportMetric,
  PeriodicReportPress,
  PeriodicReportRefusals,
  PeriodicReportSpokespersonChange,
  PeriodicReportStatementType,
  PeriodicReportUnit,
  SeverityCounts,
} from '../../contracts/periodic-report.js';

/** The periodic report of a unit as `GET /api/reports/periodic?format=json` sends it. */

export class SeverityCountsDto implements SeverityCounts {
  @ApiProperty() L1: number;
  @ApiProperty() L2: number;
  @ApiProperty() L3: number;
  @ApiProperty() L4: number;
}

export class PeriodicReportUnitDto implements PeriodicReportUnit {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() code: string;
  @ApiProperty() unitType: string;
  @NullableString() parentName: string | null;
  @NullableString({ description: 'Where the document is dated from (the province)' }) placeName:
    string | null;
}

export class PeriodicReportPeriodDto {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
}

export class PeriodicReportTotalsDto {
  @ApiProperty({ description: 'Incidents counted (dismissed ones apart)' }) incidents: number;
  @ApiProperty() dismissed: number;
  @ApiProperty({ type: SeverityCountsDto }) bySeverity: SeverityCountsDto;
}

export class PeriodicReportCategoryRowDto implements PeriodicReportCategoryRow {
  @ApiProperty({ enum: INCIDENT_CATEGORIES }) category: IncidentCategory;
  @ApiProperty() label: string;
  @ApiProperty({ type: SeverityCountsDto }) bySeverity: SeverityCountsDto;
  @ApiProperty() total: number;
}

export class PeriodicReportMetricDto implements PeriodicReportMetric {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: 'Incidents where the moment happened' }) incidents: number;
  @ApiProperty({ type: Number, nullable: true }) medianSeconds: number | null;
  @ApiProperty({ type: Number, nullable: true }) p90Seconds: number | null;
}

export class PeriodicReportComplianceDto implements PeriodicReportCompliance {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() met: number;
  @ApiProperty() missed: number;
  @ApiProperty() pending: number;
  @ApiProperty() notStarted: number;
  @ApiProperty() notRecorded: number;
  @ApiProperty({ type: Number, nullable: true }) rate: number | null;
}

export class PeriodicReportStatementTypeDto implements PeriodicReportStatementType {
  @ApiProperty() type: string;
  @ApiProperty() label: string;
  @ApiProperty() count: number;
}

export class PeriodicReportStatementsDto {
  @ApiProperty() published: number;
  @ApiProperty({ type: [PeriodicReportStatementTypeDto] }) byType: PeriodicReportStatementTypeDto[];
}

export class PeriodicReportRequiredConferencesDto {
  @ApiProperty() count: number;
  @ApiProperty() intervalMonths: number;
  @ApiProperty() legalSource: string;
}

export class PeriodicReportConferencesDto {
  @ApiProperty() held: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: 'Conferences held by kind (regular, thematic, emergency)',
  })
  byKind: Record<string, number>;
  @ApiProperty() ownRegularHeld: number;
  @ApiProperty({ type: PeriodicReportRequiredConferencesDto, nullable: true })
  required: PeriodicReportRequiredConferencesDto | null;
}

export class PeriodicReportCoverageByResponseDto {
  @ApiProperty() answer: number;
  @ApiProperty() correctionRequest: number;
  @ApiProperty() replyRequest: number;
  @ApiProperty() incident: number;
}

export class PeriodicReportCoverageDto {
  @ApiProperty() received: number;
  @ApiProperty() answered: number;
  @ApiProperty() answeredOnTime: number;
  @ApiProperty() answeredLate: number;
  @ApiProperty() open: number;
  @ApiProperty() overdue: number;
  @ApiProperty({ type: PeriodicReportCoverageByResponseDto }) byResponse: PeriodicReportCoverageByResponseDto;
  @ApiProperty() correctionsPublished: number;
}

export class PeriodicReportRefusalsDto implements PeriodicReportRefusals {
  @ApiProperty() ground: string;
  @ApiProperty() label: string;
  @ApiProperty() count: number;
}

export class PeriodicReportInquiriesDto {
  @ApiProperty() received: number;
  @ApiProperty() answered: number;
  @ApiProperty() answeredOnTime: number;
  @ApiProperty({ type: [PeriodicReportRefusalsDto] }) refusalsByGround: PeriodicReportRefusalsDto[];
}

export class PeriodicReportPressDto implements PeriodicReportPress {
  @ApiProperty({ type: PeriodicReportConferencesDto }) conferences: PeriodicReportConferencesDto;
  @ApiProperty({ type: PeriodicReportCoverageDto }) coverage: PeriodicReportCoverageDto;
  @ApiProperty({ type: PeriodicReportInquiriesDto }) inquiries: PeriodicReportInquiriesDto;
}

export class PeriodicReportSpokespersonChangeDto implements PeriodicReportSpokespersonChange {
  @ApiProperty() kind: string;
  @ApiProperty({ format: 'date' }) validFrom: string;
  @NullableString({ format: 'date' }) validTo: string | null;
  @NullableString() decisionRef: string | null;
  @NullableString() matter: string | null;
  @ApiProperty() fullName: string;
  @ApiProperty() position: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ enum: ['started', 'ended'] }) change: 'started' | 'ended';
}

export class PeriodicReportIncidentDto implements PeriodicReportIncident {
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: INCIDENT_CATEGORIES }) category: string;
  @ApiProperty() categoryLabel: string;
  @ApiProperty({ enum: SEVERITIES }) severity: string;
  @ApiProperty() status: string;
  @ApiProperty() statusLabel: string;
  @DateTimeString() detectedAt: string;
  @ApiProperty({ type: Number, nullable: true }) holdingStatementSeconds: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) initialInformationMet: boolean | null;
}

export class PeriodicReportDto implements PeriodicReport {
  @ApiProperty({ enum: ['periodic'] }) kind: 'periodic';
  @DateTimeString() generatedAt: string;
  @ApiProperty({ type: PeriodicReportUnitDto }) unit: PeriodicReportUnitDto;
  @ApiProperty({ type: PeriodicReportPeriodDto }) period: PeriodicReportPeriodDto;
  @ApiProperty({ type: PeriodicReportTotalsDto }) totals: PeriodicReportTotalsDto;
  @ApiProperty({ type: [PeriodicReportCategoryRowDto] }) byCategory: PeriodicReportCategoryRowDto[];
  @ApiProperty({ type: [PeriodicReportMetricDto] }) metrics: PeriodicReportMetricDto[];
  @ApiProperty({ type: [PeriodicReportComplianceDto] }) deadlineCompliance: PeriodicReportComplianceDto[];
  @ApiProperty({ type: PeriodicReportStatementsDto }) statements: PeriodicReportStatementsDto;
  @ApiProperty({ description: 'Press conferences that released statements (once per incident and day)' })
  pressConferences: number;
  @ApiProperty({ type: PeriodicReportPressDto }) press: PeriodicReportPressDto;
  @ApiProperty({ type: [PeriodicReportSpokespersonChangeDto] })
  spokespersonChanges: PeriodicReportSpokespersonChangeDto[];
  @ApiProperty({ type: [PeriodicReportIncidentDto] }) incidents: PeriodicReportIncidentDto[];
}
