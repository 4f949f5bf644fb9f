import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { IncidentVisibility } from '../access/incident-visibility.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { DetectionsService } from '../detection/detections.service.js';
import { OrgUnitsService } from '../directory/org-units.service.js';
import { IncidentCategory, Severity } from '../incidents/incident-types.js';
import { SignalsBulkIngest } from '../signals/bulk-ingest.js';
import { SignalSourcesService } from '../signals/signal-sources.service.js';
import { CreateOfficerReportDto } from './dto/officer-report.dto.js';
import { OfficerReport } from './entities/officer-report.entity.js';
import { screenshotType } from './evidence-type.js';
import { OfficerReportsRepository } from './officer-reports.repository.js';

export interface EvidenceFile {
  buffer: Buffer;
  size: number;
  originalname: string;
}

/** Form fields by the mention field the ingest validator names. */
const FORM_FIELD: Record<string, string> = { evidenceUrl: 'archiveUrl' };

const invalid = (field: string, message: string) =>
  new AppError(ErrorCode.VALIDATION_FAILED, `Dữ liệu không hợp lệ: ${field}`, [
    { field, messages: [`${field}: ${message}`], constraints: [] },
  ]);

/**
 * Officers' reports (báo cáo thủ công): a mention seen by an officer, with evidence, stored through signals'
 * ingest path into the unit's manual source, and — at once, in the same transaction — an incident opened or
 * joined through detection's manual declaration. Nothing is half-written: a refused mention, a refused
 * declaration or a database error leaves no report, no mention, no incident.
 */
@Injectable()
export class OfficerReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visibility: IncidentVisibility,
    private readonly audit: AuditService,
    private readonly sources: SignalSourcesService,
    private readonly bulk: SignalsBulkIngest,
    private readonly detections: DetectionsService,
    private readonly orgUnits: OrgUnitsService,
    private readonly repository: OfficerReportsRepository,
  ) {}

  async create(user: AuthUser, dto: CreateOfficerReportDto, file?: EvidenceFile) {
    await this.visibility.assertUnitInScope(
      user,
      dto.orgUnitId,
      'Chỉ được báo cáo cho đơn vị mình hoặc đơn vị cấp dưới',
    );
    if (!dto.url && !dto.text && !dto.title) throw invalid('text', 'cần đường dẫn hoặc nội dung bài viết');
    const action = dto.action ?? 'none';
    if (action === 'attach' && !dto.incidentId) throw invalid('incidentId', 'cần chọn sự cố để gắn vào');
    if (action === 'open' && !dto.note)
      throw invalid('note', 'cần ghi chú vì sao mở sự cố (ít nhất 10 ký tự)');
    if (action === 'open' && dto.note && dto.note.length < 10)
      throw invalid('note', 'cần ít nhất 10 ký tự khi mở sự cố');
    let evidence: { bytes: Buffer; type: string; sha256: string } | null = null;
    if (file) {
      const type = screenshotType(file.buffer);
      if (!type)
        throw invalid('evidence', 'ảnh chụp phải là PNG, JPEG hoặc WebP (kiểm tra theo nội dung tệp)');
      evidence = { bytes: file.buffer, type, sha256: createHash('sha256').update(file.buffer).digest('hex') };
    }
    const unit = await this.orgUnits.get(dto.orgUnitId);
    const summary = dto.title ?? (dto.text ? dto.text.slice(0, 120) : dto.url!);
    const declaration =
      action === 'none'
        ? null
        : {
            title: (dto.incidentTitle ?? summary).slice(0, 300).padEnd(5, '.'),
            note: dto.note ?? summary,
            category:
              dto.category ?? (dto.fakeNewsLabel ? IncidentCategory.FakeNews : IncidentCategory.Other),
            severity: dto.severity ?? Severity.L2,
            orgUnitId: dto.orgUnitId,
            topicId: action === 'open' ? dto.topicId : undefined,
            incidentId: action === 'attach' ? dto.incidentId : undefined,
          };
    if (declaration) await this.detections.assertMayDeclare(user, declaration);

    const item: Record<string, unknown> = {
      sourceType: dto.sourceType ?? 'social',
      title: dto.title ?? (dto.text ? null : dto.url),
      text: dto.text ?? null,
      url: dto.url ?? null,
      outlet: dto.outlet ?? null,
      publishedAt: dto.publishedAt ?? null,
      sentiment: dto.sentiment,
      fakeNewsLabel: dto.fakeNewsLabel ?? null,
      evidenceUrl: dto.archiveUrl ?? null,
    };
    const outcome = await this.dataSource.transaction(async (manager) => {
      const sourceId = await this.sources.manualSourceFor(manager, dto.orgUnitId, unit.name);
      const session = await this.bulk.begin(manager, sourceId, 'report');
      const written = await session.add([item], { resolveDuplicates: true });
      const refused = written.rejected[0];
      if (refused) {
        const field = FORM_FIELD[refused.field ?? ''] ?? refused.field ?? 'text';
        throw invalid(field, refused.reason.replace(/^items\[\d+\](\.\w+)?: /, ''));
      }
      const mentionId = written.ids[0]!;
      const report = await manager.save(
        manager.create(OfficerReport, {
          orgUnitId: dto.orgUnitId,
          sourceId,
          mentionId,
          reportedByUserId: user.id,
          url: dto.url ?? null,
          title: dto.title ?? null,
          text: dto.text ?? null,
          sourceType: String(item.sourceType),
          sentiment: dto.sentiment,
          fakeNewsLabel: dto.fakeNewsLabel ?? null,
          archiveUrl: dto.archiveUrl ?? null,
          note: dto.note ?? null,
          evidenceType: evidence?.type ?? null,
          evidenceSize: evidence?.bytes.length ?? null,
          evidenceSha256: evidence?.sha256 ?? null,
          evidence: evidence?.bytes ?? null,
          incidentId: null,
        }),
      );
      await session.finish({ officerReportId: report.id });
      let declared: Awaited<ReturnType<DetectionsService['declareWithin']>> | null = null;
      if (declaration) {
        declared = await this.detections.declareWithin(manager, user, {
          ...declaration,
          mentionIds: [mentionId],
        });
        report.incidentId = declared.value.incidentId;
        await manager.update(OfficerReport, report.id, { incidentId: report.incidentId });
      }
      await this.audit.record(manager, {
        action: 'officer_report.created',
        entityType: 'officer_report',
        entityId: report.id,
        data: {
          orgUnitId: dto.orgUnitId,
          mentionId,
          duplicate: !written.accepted,
          evidence: evidence
            ? { type: evidence.type, size: evidence.bytes.length, sha256: evidence.sha256 }
            : null,
          action,
          incidentId: report.incidentId,
        },
      });
      return { report, session, declared, duplicate: !written.accepted };
    });
    await outcome.session.announce();
    if (outcome.declared) await this.detections.publishDeclared(outcome.declared.events);
    const { evidence: _bytes, ...report } = outcome.report;
    return {
      report,
      mentionId: report.mentionId,
      duplicate: outcome.duplicate,
      incident: outcome.declared
        ? { outcome: outcome.declared.value.outcome, incidentId: outcome.declared.value.incidentId }
        : null,
    };
  }

  /** The reports of the units in the user's scope (monitoring data), newest first. */
  async list(user: AuthUser, orgUnitId?: string): Promise<OfficerReport[]> {
    const scope = await this.visibility.unitScope(user, 'unitData');
    return this.repository.list(scope, orgUnitId);
  }

  async get(user: AuthUser, id: string): Promise<OfficerReport> {
    const report = await this.dataSource.getRepository(OfficerReport).findOneBy({ id });
    if (!report || !(await this.visibility.isUnitInScope(user, report.orgUnitId, 'unitData')))
      throw AppError.notFound('báo cáo', id);
    return report;
  }

  /** The screenshot, for those who may see the report only. */
  async evidence(user: AuthUser, id: string): Promise<{ type: string; bytes: Buffer }> {
    await this.get(user, id);
    const row = await this.repository.withEvidence(id);
    if (!row?.evidence || !row.evidenceType) throw AppError.notFound('ảnh bằng chứng của báo cáo', id);
    return { type: row.evidenceType, bytes: row.evidence };
  }
}
