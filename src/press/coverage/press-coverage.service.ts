import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentVisibility } from '../../access/incident-visibility.js';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthUser } from '../../auth/decorators.js';
import { AppError, ErrorCode } from '../../common/app-error.js';
import { DetectionsService } from '../../detection/detections.service.js';
import type { CommittedIncidentEvent } from '../../incidents/incident-events.publisher.js';
import { IncidentTimeline } from '../../incidents/incident-timeline.js';
import { IncidentsService } from '../../incidents/incidents.service.js';
import { pressDue } from '../press-deadline.js';
import { PressOutletsService } from '../press-outlets.service.js';
import {
  CoverageOutcomeDto,
  CreateCoverageDto,
  ListCoverageQueryDto,
  RespondCoverageDto,
  VerifyCoverageDto,
} from './dto/press-coverage.dto.js';
import { PressCoverage } from './entities/press-coverage.entity.js';
import { PressCoverageRepository } from './press-coverage.repository.js';

/** The deadline rule of an answer to a press report (seeded as the unit's own rule, editable, dated). */
export const COVERAGE_RULE_KEY = 'press_coverage_response';

const field = (name: string, message: string) => [{ field: name, messages: [`${name}: ${message}`] }];

/**
 * Press reports to answer (báo nêu): logged with the outlet and the unit concerned, verified, answered (a written
 * answer, a correction or reply request under NĐ 09/2017 art. 4.6, or an incident opened through the manual
 * declaration), then closed with the outcome. Each step is one transaction with its audit record.
 */
@Injectable()
export class PressCoverageService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outlets: PressOutletsService,
    private readonly visibility: IncidentVisibility,
    private readonly incidents: IncidentsService,
    private readonly detections: DetectionsService,
    private readonly timeline: IncidentTimeline,
    private readonly audit: AuditService,
    private readonly repository: PressCoverageRepository,
  ) {}

  async create(user: AuthUser, dto: CreateCoverageDto) {
    await this.visibility.assertUnitInScope(
      user,
      dto.orgUnitId,
      'Chỉ được ghi nhận báo nêu cho đơn vị mình hoặc đơn vị cấp dưới',
    );
    const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : new Date();
    const publishedAt = new Date(dto.publishedAt);
    if (publishedAt.getTime() > receivedAt.getTime() + 60_000) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        'Ngày đăng bài sau lúc tiếp nhận',
        field('publishedAt', 'không được sau lúc tiếp nhận (receivedAt)'),
      );
    }
    const coverage = await this.dataSource.transaction(async (manager) => {
      const outletName = dto.outletId
        ? ((await this.outlets.findByIds([dto.outletId], manager))[0]?.name ?? null)
        : (dto.outletName ?? null);
      if (dto.outletId && outletName === null) {
        throw new AppError(
          ErrorCode.VALIDATION_FAILED,
          'Không tìm thấy cơ quan báo chí',
          field('outletId', 'không có trong danh bạ báo chí'),
        );
      }
      const due = pressDue(await this.incidents.deadlineRules(manager), COVERAGE_RULE_KEY, receivedAt);
      const row = await manager.save(
        manager.create(PressCoverage, {
          orgUnitId: dto.orgUnitId,
          outletId: dto.outletId ?? null,
          outletName: outletName!,
          medium: dto.medium,
          title: dto.title,
          url: dto.url ?? null,
          publishedAt,
          receivedAt,
          summary: dto.summary,
          evidence: (dto.evidence ?? []).map((e) => ({ kind: e.kind, url: e.url, note: e.note ?? null })),
          dueAt: due?.dueAt ?? null,
          deadlineRuleId: due?.rule.id ?? null,
          createdByUserId: user.id,
        }),
      );
      await this.audit.record(manager, {
        action: 'press_coverage.created',
        entityType: 'press_coverage',
        entityId: row.id,
        data: { ...dto, dueAt: row.dueAt?.toISOString() ?? null },
      });
      return row;
    });
    return this.present(coverage);
  }

  async list(user: AuthUser, query: ListCoverageQueryDto) {
    const scope = await this.visibility.unitScope(user);
    const { items, total } = await this.repository.list({
      scope,
      orgUnitId: query.orgUnitId,
      status: query.status,
      overdue: query.overdue === 'true',
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    return { items: items.map((c) => this.present(c)), total };
  }

  async get(user: AuthUser, id: string) {
    return this.present(await this.visible(user, id));
  }

  async verify(user: AuthUser, id: string, dto: VerifyCoverageDto) {
    return this.change(user, id, 'press_coverage.verified', { ...dto }, async (c) => {
      if (c.status === 'closed')
        throw new AppError(ErrorCode.CONFLICT, 'Báo nêu đã đóng, không xác minh lại được');
      c.verificationStatus = dto.verificationStatus;
      c.verificationNotes = dto.notes;
      c.verifiedByUserId = user.id;
      c.verifiedAt = new Date();
      if (c.status === 'received') c.status = 'verified';
      return [];
    });
  }

  async respond(user: AuthUser, id: string, dto: RespondCoverageDto) {
    return this.change(user, id, 'press_coverage.responded', { ...dto }, async (c, manager) => {
      if (c.status === 'responded' || c.status === 'closed')
        throw new AppError(ErrorCode.CONFLICT, 'Báo nêu này đã được trả lời');
      if (dto.kind !== 'incident' && c.verificationStatus === 'pending') {
        throw new AppError(
          ErrorCode.CONFLICT,
          'Cần xác minh nội dung báo nêu trước khi trả lời cơ quan báo chí',
          field('kind', 'chỉ mở sự cố được khi chưa xác minh'),
        );
      }
      if (
        (dto.kind === 'correction_request' || dto.kind === 'reply_request') &&
        c.verificationStatus === 'accurate'
      ) {
        throw new AppError(
          ErrorCode.VALIDATION_FAILED,
          'Bài báo phản ánh đúng: không đề nghị cải chính hay đăng phản hồi',
          field('kind', 'chỉ dùng khi kết quả xác minh là sai hoặc sai một phần'),
        );
      }
      let events: CommittedIncidentEvent[] = [];
      if (dto.kind === 'incident') {
        const declaration = {
          title: dto.incident!.title ?? c.title.slice(0, 300),
          note: `Báo nêu: ${c.outletName} – “${c.title}”${c.url ? ` (${c.url})` : ''}. ${dto.text}`.slice(0, 5000),
          category: dto.incident!.category,
          severity: dto.incident!.severity,
          orgUnitId: c.orgUnitId,
          topicId: dto.incident!.topicId,
        };
        await this.detections.assertMayDeclare(user, declaration);
        const declared = await this.detections.declareWithin(manager, user, declaration);
        c.incidentId = declared.value.incidentId;
        events = declared.events;
      }
      c.responseKind = dto.kind;
      c.responseText = dto.text;
      c.respondedByUserId = user.id;
      c.respondedAt = new Date();
      c.status = 'responded';
      return events;
    });
  }

  async outcome(user: AuthUser, id: string, dto: CoverageOutcomeDto) {
    return this.change(user, id, 'press_coverage.outcome_recorded', { ...dto }, async (c) => {
      if (c.status !== 'responded') {
        throw new AppError(ErrorCode.CONFLICT, 'Chỉ ghi kết quả sau khi đã trả lời báo nêu');
      }
      if (dto.kind !== 'no_change' && !dto.url) {
        throw new AppError(
          ErrorCode.VALIDATION_FAILED,
          'Cần đường dẫn bài cải chính hoặc bài tiếp theo',
          field('url', 'bắt buộc với bài cải chính hoặc bài tiếp theo'),
        );
      }
      c.outcomeKind = dto.kind;
      c.outcomeUrl = dto.url ?? null;
      c.outcomeNotes = dto.notes ?? null;
      c.outcomeAt = dto.at ? new Date(dto.at) : new Date();
      c.status = 'closed';
      return [];
    });
  }

  /** A press report the user may see (its unit in scope), else 404: another unit's items are not revealed. */
  private async visible(user: AuthUser, id: string): Promise<PressCoverage> {
    const c = await this.dataSource.getRepository(PressCoverage).findOneBy({ id });
    if (!c || !(await this.visibility.isUnitInScope(user, c.orgUnitId))) throw AppError.notFound('báo nêu', id);
    return c;
  }

  /** One change: the row locked, the work, the audit record, one commit; the incident's events after it. */
  private async change(
    user: AuthUser,
    id: string,
    action: string,
    data: Record<string, unknown>,
    work: (c: PressCoverage, manager: EntityManager) => Promise<CommittedIncidentEvent[]>,
  ) {
    await this.visible(user, id);
    const { row, events } = await this.dataSource.transaction(async (manager) => {
      const c = await manager.findOne(PressCoverage, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!c) throw AppError.notFound('báo nêu', id);
      const events = await work(c, manager);
      await manager.save(c);
      await this.audit.record(manager, {
        action,
        entityType: 'press_coverage',
        entityId: id,
        data: { ...data, status: c.status },
      });
      return { row: c, events };
    });
    await this.timeline.publish(events);
    return this.present(row);
  }

  present(c: PressCoverage, now = new Date()) {
    const answeredAt = c.respondedAt;
    return {
      ...c,
      overdue: c.dueAt !== null && !answeredAt && c.dueAt.getTime() < now.getTime(),
      answeredOnTime: answeredAt && c.dueAt ? answeredAt.getTime() <= c.dueAt.getTime() : null,
    };
  }
}
