import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { AppError } from '../common/app-error.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { OrgUnitsService } from '../directory/org-units.service.js';
import { IncidentUnit } from '../incidents/entities/incident-unit.entity.js';
import { IncidentStatus } from '../incidents/incident-types.js';
import type { IncidentCategory, Severity } from '../incidents/incident-types.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { computeDeadlines } from '../incidents/legal-clock.js';
import { PlaybooksService } from '../playbooks/playbooks.service.js';
import type { PeriodicReportQueryDto, ReportFormat } from './dto/report.dto.js';
import { IncidentReview } from './entities/incident-review.entity.js';
import { projectPeriodic } from './periodic-report.js';
import type { PeriodicReport } from '../contracts/periodic-report.js';
import type { ReviewReport } from '../contracts/reports.js';
import { renderDocx } from '../documents/docx.js';
import { renderDocumentHtml } from '../documents/html.js';
import { renderMarkdown } from '../documents/markdown.js';
import type { OfficialDocument } from '../documents/official-document.js';
import { renderPdf } from '../documents/pdf.js';
import { DocumentRegisterService } from '../documents/register/document-register.service.js';
import { DOCUMENT_TYPE_CODES } from '../documents/document-symbols.js';
import { periodicDocument } from './periodic-document.js';
import type { ReportIssuer } from './report-issuer.js';
import { REVIEW_SECTIONS, reviewDocument } from './review-document.js';
import { PressCadenceService } from '../press/conferences/press-cadence.service.js';
import { ReportsRepository } from './reports.repository.js';
import { projectReview } from './review-report.js';
import type { ComputedReview } from './review-report.js';
import { fieldError, validationFailed } from '../common/validation.js';

/** A report in one format: the JSON answer typed by the contracts, the documents as text or bytes. */
export type RenderedReport =
  | { contentType: 'application/json'; filename: string; body: ReviewReport | PeriodicReport }
  | { contentType: string; filename: string; body: Buffer | string };

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3600_000;
/** Vietnam is UTC+7 all year: a local date D starts at D 00:00+07:00. */
const vnDayStart = (date: string) => new Date(`${date}T00:00:00+07:00`);
const MAX_PERIOD_DAYS = 732;
/** The statuses in which the response has ended: the series stops there. */
const ENDED = new Set<string>([
  IncidentStatus.Resolved,
  IncidentStatus.Closed,
  IncidentStatus.Archived,
  IncidentStatus.Dismissed,
]);
const SERIES_MAX_DAYS = 31;

/**
 * Reports are projections of the timeline: the review report of one incident and the periodic report of a
 * unit, each exported as JSON, Markdown, HTML or PDF from one document model.
 */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly incidents: IncidentsService,
    private readonly playbooks: PlaybooksService,
    private readonly units: OrgUnitsService,
    private readonly repository: ReportsRepository,
    private readonly register: DocumentRegisterService,
    private readonly cadence: PressCadenceService,
  ) {}

  async review(user: AuthUser, incidentId: string): Promise<ComputedReview> {
    const incident = await this.incidents.getVisible(user, incidentId);
    const now = new Date();
    const { seriesBucketMinutes, seriesLookbackHours, negativeRecoveryShare } = this.config.reports;
    const [events, topicBucketSeconds] = await Promise.all([
      this.repository.events(incidentId),
      this.repository.topicBucketSeconds(incidentId),
    ]);
    // Never finer than the topics' own buckets (a finer grid would show gaps and spikes that are not there).
    const bucketMinutes = Math.max(seriesBucketMinutes, Math.ceil(topicBucketSeconds / 60));
    const bucketMs = bucketMinutes * 60_000;
    // Buckets aligned on Vietnam time, so that a day-wide bucket is a Vietnamese day.
    const from = new Date(
      Math.floor((incident.detectedAt.getTime() - seriesLookbackHours * 3600_000 + VN_OFFSET_MS) / bucketMs) *
        bucketMs -
        VN_OFFSET_MS,
    );
    const endedAt = [...events]
      .reverse()
      .find((e) => e.type === 'incident.status_changed' && ENDED.has(String(e.payload.to)))?.occurredAt;
    const end = Math.min(
      (endedAt ?? now).getTime() + 6 * 3600_000,
      now.getTime() + bucketMs,
      from.getTime() + SERIES_MAX_DAYS * DAY_MS,
    );
    const to = new Date(from.getTime() + Math.ceil((end - from.getTime()) / bucketMs) * bucketMs);
    const actorIds = new Set<string>();
    for (const e of events) {
      if (e.actorUserId) actorIds.add(e.actorUserId);
      for (const k of ['decidedByUserId', 'onBehalfOfUserId']) {
        if (typeof e.payload[k] === 'string') actorIds.add(e.payload[k] as string);
      }
    }
    const [
      firstSignals,
      series,
      spread,
      members,
      userNames,
      units,
      rules,
      stops,
      anchors,
      review,
      playbook,
      chain,
    ] = await Promise.all([
      this.repository.firstSignals([incidentId]),
      this.repository.series(incidentId, from, to, bucketMinutes),
      this.repository.spread(incidentId),
      this.repository.members(incidentId),
      this.repository.userNames([...actorIds]),
      this.dataSource.getRepository(IncidentUnit).findBy({ incidentId }),
      this.incidents.deadlineRules(),
      this.incidents.clockStops([incidentId]),
      this.incidents.clockAnchors([incidentId]),
      this.dataSource.getRepository(IncidentReview).findOneBy({ incidentId }),
      this.playbooks.appliedOf(incidentId),
      this.units.ancestry(incident.responsibleOrgUnitId),
    ]);
    return projectReview({
      generatedAt: now,
      incident: {
        id: incident.id,
        code: incident.code,
        title: incident.title,
        summary: incident.summary,
        category: incident.category,
        severity: incident.severity,
        status: incident.status,
        origin: incident.origin,
        detectedAt: incident.detectedAt,
        responsibleUnit: incident.responsibleUnitSnapshot,
        parentUnitName: chain[1]?.name ?? null,
        placeName: this.units.placeNameOf(chain),
        concernedUnits: units.map((u) => u.snapshot.name),
      },
      events,
      firstSignalAt: firstSignals.get(incidentId) ?? null,
      deadlines: computeDeadlines(
        rules,
        incident,
        now,
        anchors.get(incidentId) ?? {},
        stops.get(incidentId) ?? {},
      ),
      series: { bucketMinutes, buckets: series.buckets, source: series.source },
      recovery: {
        fallbackShare: negativeRecoveryShare,
        margin: 0.05,
        minBaselineVolume: 20,
        minBucketVolume: 5,
      },
      spread,
      members,
      userNames,
      review: review
        ? {
            status: review.status,
            wentWell: review.wentWell,
            wentPoorly: review.wentPoorly,
            causes: review.causes,
            lessons: review.lessons,
            proposals: review.proposals,
            actionItems: review.actionItems,
            completedAt: review.completedAt,
          }
        : null,
      playbook: playbook
        ? {
            key: playbook.key,
            title: playbook.title,
            version: playbook.version,
            appliedAt: playbook.appliedAt,
          }
        : null,
    });
  }

  async periodic(user: AuthUser, query: PeriodicReportQueryDto): Promise<PeriodicReport> {
    if (query.from > query.to) {
      throw validationFailed(
        [fieldError('from', 'range', 'from: phải trước hoặc bằng to')],
        'Ngày bắt đầu sau ngày kết thúc',
      );
    }
    const from = vnDayStart(query.from);
    const to = new Date(vnDayStart(query.to).getTime() + DAY_MS);
    if (to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
      throw validationFailed(
        [fieldError('to', 'range', `to: kỳ báo cáo không quá ${MAX_PERIOD_DAYS} ngày`)],
        `Kỳ báo cáo dài tối đa ${MAX_PERIOD_DAYS} ngày`,
      );
    }
    const chain = await this.units.ancestry(query.orgUnitId);
    const unit = chain[0];
    if (!unit) throw AppError.notFound('đơn vị', query.orgUnitId);
    await this.incidents.assertUnitInScope(
      user,
      unit.id,
      'Chỉ được lập báo cáo cho đơn vị mình hoặc đơn vị cấp dưới',
    );
    const incidents = await this.repository.incidentsUnder(unit.id, from, to);
    const ids = incidents.map((i) => i.id);
    const now = new Date();
    const [milestones, firstSignals, rules, stops, anchors, publications, spokespersonChanges] =
      await Promise.all([
        this.repository.milestoneEvents(ids),
        this.repository.firstSignals(ids),
        this.incidents.deadlineRules(),
        this.incidents.clockStops(ids),
        this.incidents.clockAnchors(ids),
        this.repository.publications(ids),
        this.repository.designationChanges(unit.id, query.from, query.to),
      ]);
    const [conferencesHeld, conferencesRequired, coverage, inquiries] = await Promise.all([
      this.repository.pressConferencesHeld(unit.id, from, to),
      this.cadence.requiredFor(unit.id, query.from, query.to),
      this.repository.pressCoverage(unit.id, from, to),
      this.repository.pressInquiries(unit.id, from, to),
    ]);
    return projectPeriodic({
      generatedAt: now,
      unit: {
        id: unit.id,
        name: unit.name,
        code: unit.code,
        unitType: unit.unitType,
        parentName: chain[1]?.name ?? null,
        placeName: this.units.placeNameOf(chain),
      },
      from: query.from,
      to: query.to,
      incidents: incidents.map((i) => ({
        ...i,
        events: milestones.get(i.id) ?? [],
        firstSignalAt: firstSignals.get(i.id) ?? null,
        deadlines: computeDeadlines(
          rules,
          {
            detectedAt: i.detectedAt,
            category: i.category as IncidentCategory,
            severity: i.severity as Severity,
          },
          now,
          anchors.get(i.id) ?? {},
          stops.get(i.id) ?? {},
        ),
      })),
      publications,
      spokespersonChanges,
      press: { conferencesHeld, conferencesRequired, coverage, inquiries, generatedAt: now },
    });
  }

  /** One report in the asked format; PDF, DOCX and HTML are official documents (Nghị định 30/2020/NĐ-CP). */
  async render(
    report: ComputedReview | PeriodicReport,
    format: ReportFormat,
    basename: string,
  ): Promise<RenderedReport> {
    if (format === 'json') {
      // The review carries its section titles, so the console numbers its sections as the documents do.
      const body: ReviewReport | PeriodicReport =
        report.kind === 'review' ? { ...report, sections: REVIEW_SECTIONS } : report;
      return { contentType: 'application/json', filename: `${basename}.json`, body };
    }
    const doc: OfficialDocument =
      report.kind === 'review'
        ? reviewDocument(report, await this.issuerOf(report.incident.responsibleUnit.id, report.incident.id))
        : periodicDocument(report, await this.issuerOf(report.unit.id, null));
    switch (format) {
      case 'md':
        return {
          contentType: 'text/markdown; charset=utf-8',
          filename: `${basename}.md`,
          body: renderMarkdown(doc),
        };
      case 'html':
        return {
          contentType: 'text/html; charset=utf-8',
          filename: `${basename}.html`,
          body: renderDocumentHtml(doc),
        };
      case 'docx':
        return {
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          filename: `${basename}.docx`,
          body: await renderDocx(doc),
        };
      case 'pdf':
        return { contentType: 'application/pdf', filename: `${basename}.pdf`, body: await renderPdf(doc) };
    }
  }

  /**
   * The issuing unit of a report, the unit above it and, for a review report, the number it was issued under
   * (taken from the unit's register when the review was completed).
   */
  private async issuerOf(unitId: string, reviewOfIncidentId: string | null): Promise<ReportIssuer> {
    const chain = await this.units.ancestry(unitId);
    const unit = chain[0];
    if (!unit) throw AppError.notFound('đơn vị', unitId);
    const issued = reviewOfIncidentId
      ? await this.register.find('review_report', reviewOfIncidentId, DOCUMENT_TYPE_CODES.report)
      : null;
    return { unit, parent: chain[1] ?? null, placeName: this.units.placeNameOf(chain), issued };
  }
}
