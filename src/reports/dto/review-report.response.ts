import { ApiProperty } from '@nestjs/swagger';
import { DateTimeString, NullableDateTime, NullableString } from '../../common/api-response.js';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES, SEVERITIES } from '../../contracts/enums.js';
import type { IncidentCategory, IncidentStatus, Severity } from '../../contracts/enums.js';
import type {
  ReviewReport,
  ReviewReportActions,
  ReviewReportApprovals,
  ReviewReportApprovalStage,
  ReviewReportCorrection,
  ReviewReportDeadline,
  ReviewReportDecision,
  ReviewReportDetection,
  ReviewReportIncident,
  ReviewReportLateTask,
  ReviewReportMember,
  ReviewReportMetric,
  ReviewReportOutlet,
  ReviewReportPlaybook,
  ReviewReportPublication,
  ReviewReportRecovery,
  ReviewReportReview,
  ReviewReportSectionKey,
  ReviewReportSeriesBucket,
  ReviewReportSeverityChange,
  ReviewReportSpread,
  ReviewReportTimeline,
  ReviewReportTimelineItem,
} from '../../contracts/reports.js';
import { UnitSnapshotDto } from '../../incidents/dto/incident.response.js';
import { ReviewActionItemDto } from './review.response.js';

/** The review report of one incident as `GET /api/incidents/:id/report?format=json` sends it. */

export class ReviewReportIncidentDto implements ReviewReportIncident {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() title: string;
  @NullableString() summary: string | null;
  @ApiProperty({ enum: INCIDENT_CATEGORIES }) category: IncidentCategory;
  @ApiProperty({ enum: SEVERITIES }) severity: Severity;
  @ApiProperty({ enum: INCIDENT_STATUSES }) status: IncidentStatus;
  @ApiProperty({ description: 'detection or manual' }) origin: string;
  @DateTimeString() detectedAt: string;
  @ApiProperty({ type: UnitSnapshotDto }) responsibleUnit: UnitSnapshotDto;
  @NullableString({ description: 'The unit above the responsible one' }) parentUnitName: string | null;
  @NullableString({ description: 'Where the document is dated from (the province)' }) placeName:
    string | null;
  @ApiProperty({ type: [String] }) concernedUnits: string[];
  @ApiProperty() categoryLabel: string;
  @ApiProperty() severityLabel: string;
  @ApiProperty() statusLabel: string;
}

export class ReviewReportPlaybookDto implements ReviewReportPlaybook {
  @ApiProperty() key: string;
  @ApiProperty() title: string;
  @ApiProperty() version: number;
  @DateTimeString() appliedAt: string;
}

export class ReviewReportMemberDto implements ReviewReportMember {
  @ApiProperty() fullName: string;
  @NullableString() position: string | null;
  @NullableString() unitName: string | null;
  @ApiProperty() role: string;
  @ApiProperty() roleName: string;
  @ApiProperty() status: string;
  @DateTimeString() invitedAt: string;
  @NullableDateTime() respondedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) ackSeconds: number | null;
}

export class ReviewReportTimelineItemDto implements ReviewReportTimelineItem {
  @ApiProperty() seq: number;
  @DateTimeString() at: string;
  @ApiProperty() type: string;
  @ApiProperty({ description: 'The event in plain words' }) text: string;
}

export class ReviewReportTimelineDto implements ReviewReportTimeline {
  @ApiProperty() totalEvents: number;
  @ApiProperty() shown: number;
  @ApiProperty({ type: [ReviewReportTimelineItemDto] }) items: ReviewReportTimelineItemDto[];
}

export class ReviewReportOutletDto implements ReviewReportOutlet {
  @ApiProperty() outlet: string;
  @ApiProperty() mentions: number;
  @ApiProperty() reach: number;
  @ApiProperty() negative: number;
}

export class ReviewReportSeriesBucketDto implements ReviewReportSeriesBucket {
  @DateTimeString() start: string;
  @ApiProperty() volume: number;
  @ApiProperty() negative: number;
}

export class ReviewReportMarkerDto {
  @DateTimeString() at: string;
  @ApiProperty() label: string;
}

export class ReviewReportPeakDto {
  @DateTimeString() at: string;
  @ApiProperty() share: number;
  @ApiProperty() volume: number;
}

export class ReviewReportRecoveryDto implements ReviewReportRecovery {
  @ApiProperty({ type: Number, nullable: true }) baselineShare: number | null;
  @ApiProperty() threshold: number;
  @ApiProperty({ enum: ['baseline', 'fallback'] }) thresholdSource: 'baseline' | 'fallback';
  @NullableDateTime() afterPublicationAt: string | null;
  @NullableDateTime() recoveredAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) minutes: number | null;
}

export class ReviewReportSpreadDto implements ReviewReportSpread {
  @ApiProperty({ enum: ['topics', 'evidence'] }) source: 'topics' | 'evidence';
  @ApiProperty() bucketMinutes: number;
  @ApiProperty() totalMentions: number;
  @ApiProperty() negativeMentions: number;
  @ApiProperty({ type: Number, nullable: true }) negativeShare: number | null;
  @ApiProperty() evidenceMentions: number;
  @ApiProperty({ type: [ReviewReportOutletDto] }) topOutlets: ReviewReportOutletDto[];
  @NullableDateTime() firstSignalAt: string | null;
  @ApiProperty({ type: [ReviewReportSeriesBucketDto] }) series: ReviewReportSeriesBucketDto[];
  @ApiProperty({ type: [ReviewReportMarkerDto] }) markers: ReviewReportMarkerDto[];
  @ApiProperty({ type: ReviewReportPeakDto, nullable: true }) peakNegative: ReviewReportPeakDto | null;
  @ApiProperty({ type: ReviewReportRecoveryDto }) recovery: ReviewReportRecoveryDto;
}

export class ReviewReportSeverityChangeDto implements ReviewReportSeverityChange {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty() reason: string;
  @DateTimeString() at: string;
}

export class ReviewReportDetectionDto implements ReviewReportDetection {
  @DateTimeString() at: string;
  @ApiProperty() rule: string;
  @ApiProperty() ruleLabel: string;
  @ApiProperty() severity: string;
  @ApiProperty() summary: string;
}

export class ReviewReportAssessmentDto {
  @ApiProperty({ type: [ReviewReportSeverityChangeDto] }) severityChanges: ReviewReportSeverityChangeDto[];
  @ApiProperty({ type: [ReviewReportDetectionDto] }) detections: ReviewReportDetectionDto[];
}

export class ReviewReportMetricDeadlineDto {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @NullableDateTime() dueAt: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) met: boolean | null;
}

export class ReviewReportMetricDto implements ReviewReportMetric {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: ['first_signal', 'detected'] }) from: 'first_signal' | 'detected';
  @NullableDateTime() startAt: string | null;
  @NullableDateTime() at: string | null;
  @ApiProperty({ type: Number, nullable: true }) seconds: number | null;
  @ApiProperty({ type: ReviewReportMetricDeadlineDto, nullable: true })
  deadline: ReviewReportMetricDeadlineDto | null;
}

export class ReviewReportApprovalStageDto implements ReviewReportApprovalStage {
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty() statementTitle: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty() stageKey: string;
  @ApiProperty() stageName: string;
  @NullableDateTime() openedAt: string | null;
  @NullableDateTime() closedAt: string | null;
  @ApiProperty({ type: Number, nullable: true }) seconds: number | null;
  @ApiProperty({ enum: ['approved', 'rejected', 'changes_requested', 'open', 'superseded'] })
  outcome: ReviewReportApprovalStage['outcome'];
  @ApiProperty() overdue: boolean;
}

export class ReviewReportDecisionDto implements ReviewReportDecision {
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty() statementTitle: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty() sha256: string;
  @ApiProperty() stageKey: string;
  @ApiProperty() decision: string;
  @NullableString() reason: string | null;
  @NullableString() decidedBy: string | null;
  @NullableString() onBehalfOf: string | null;
  @DateTimeString() at: string;
}

export class ReviewReportApprovalsDto implements ReviewReportApprovals {
  @ApiProperty() versions: number;
  @ApiProperty() rejections: number;
  @ApiProperty() changesRequested: number;
  @ApiProperty({ type: [ReviewReportApprovalStageDto] }) stages: ReviewReportApprovalStageDto[];
  @ApiProperty({ type: [ReviewReportDecisionDto] }) decisions: ReviewReportDecisionDto[];
}

export class ReviewReportLateTaskDto implements ReviewReportLateTask {
  @ApiProperty() title: string;
  @NullableDateTime() dueAt: string | null;
  @ApiProperty() status: string;
  @NullableDateTime() completedAt: string | null;
  @ApiProperty() lateSeconds: number;
}

export class ReviewReportTasksDto {
  @ApiProperty() total: number;
  @ApiProperty() done: number;
  @ApiProperty({ type: [ReviewReportLateTaskDto] }) late: ReviewReportLateTaskDto[];
}

export class ReviewReportPublicationDto implements ReviewReportPublication {
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty() type: string;
  @ApiProperty() typeLabel: string;
  @ApiProperty() title: string;
  @ApiProperty() versionNumber: number;
  @ApiProperty() sha256: string;
  @ApiProperty() channel: string;
  @ApiProperty() channelLabel: string;
  @NullableString() url: string | null;
  @DateTimeString() publishedAt: string;
  @NullableString() publishedBy: string | null;
}

export class ReviewReportCorrectionDto implements ReviewReportCorrection {
  @ApiProperty({ enum: ['corrected', 'withdrawn'] }) kind: 'corrected' | 'withdrawn';
  @ApiProperty({ format: 'uuid' }) statementId: string;
  @ApiProperty() title: string;
  @ApiProperty() byStatementId: string;
  @DateTimeString() at: string;
}

export class ReviewReportActionsDto implements ReviewReportActions {
  @ApiProperty({ type: [ReviewReportPublicationDto] }) publications: ReviewReportPublicationDto[];
  @ApiProperty({ type: [ReviewReportCorrectionDto] }) corrections: ReviewReportCorrectionDto[];
  @ApiProperty({ type: [ReviewReportPublicationDto] }) takedownRequests: ReviewReportPublicationDto[];
  @ApiProperty({ type: [ReviewReportPublicationDto] }) correctionRequests: ReviewReportPublicationDto[];
  @ApiProperty() pressConferences: number;
}

export class ReviewReportDeadlineDto implements ReviewReportDeadline {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @NullableDateTime() dueAt: string | null;
  @NullableDateTime() stoppedAt: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) met: boolean | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty() legalSource: string;
}

export class ReviewReportReviewDto implements ReviewReportReview {
  @ApiProperty({ enum: ['draft', 'completed'] }) status: 'draft' | 'completed';
  @ApiProperty() wentWell: string;
  @ApiProperty() wentPoorly: string;
  @ApiProperty() causes: string;
  @ApiProperty() lessons: string;
  @ApiProperty() proposals: string;
  @ApiProperty({ type: [ReviewActionItemDto] }) actionItems: ReviewActionItemDto[];
  @NullableDateTime() completedAt: string | null;
}

export class ReviewReportSectionsDto implements Record<ReviewReportSectionKey, string> {
  @ApiProperty() general: string;
  @ApiProperty() timeline: string;
  @ApiProperty() spread: string;
  @ApiProperty() assessment: string;
  @ApiProperty() actions: string;
  @ApiProperty() results: string;
  @ApiProperty() deadlines: string;
  @ApiProperty() shortcomings: string;
  @ApiProperty() lessons: string;
  @ApiProperty() proposals: string;
  @ApiProperty() annex: string;
}

export class ReviewReportDto implements ReviewReport {
  @ApiProperty({ enum: ['review'] }) kind: 'review';
  @DateTimeString() generatedAt: string;
  @ApiProperty({ type: ReviewReportIncidentDto }) incident: ReviewReportIncidentDto;
  @ApiProperty({ type: ReviewReportPlaybookDto, nullable: true }) playbook: ReviewReportPlaybookDto | null;
  @ApiProperty({ type: [ReviewReportMemberDto] }) team: ReviewReportMemberDto[];
  @ApiProperty({ type: ReviewReportTimelineDto }) timeline: ReviewReportTimelineDto;
  @ApiProperty({ type: ReviewReportSpreadDto }) spread: ReviewReportSpreadDto;
  @ApiProperty({ type: ReviewReportAssessmentDto }) assessment: ReviewReportAssessmentDto;
  @ApiProperty({ type: [ReviewReportMetricDto] }) metrics: ReviewReportMetricDto[];
  @ApiProperty({ type: ReviewReportApprovalsDto }) approvals: ReviewReportApprovalsDto;
  @ApiProperty({ type: ReviewReportTasksDto }) tasks: ReviewReportTasksDto;
  @ApiProperty({ type: ReviewReportActionsDto }) actions: ReviewReportActionsDto;
  @ApiProperty({ type: [ReviewReportDeadlineDto] }) deadlines: ReviewReportDeadlineDto[];
  @ApiProperty({ type: ReviewReportReviewDto, nullable: true }) review: ReviewReportReviewDto | null;
  @ApiProperty({ type: ReviewReportSectionsDto }) sections: ReviewReportSectionsDto;
}
