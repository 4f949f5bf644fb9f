import { Injectable, OnModuleInit } from '@nestjs/common';
import { ReportsRepository } from './reports.repository.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { User } from '../auth/entities/user.entity.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import type { IncidentChange } from '../incidents/incident-timeline.js';
import { CATEGORY_LABEL_VI, IncidentStatus, STATUS_LABEL_VI } from '../incidents/incident-types.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { OrgUnitsService } from '../directory/org-units.service.js';
import { DOCUMENT_TYPE_CODES, issuerCode } from '../documents/document-symbols.js';
import { DocumentRegisterService } from '../documents/register/document-register.service.js';
import type { ProposePlaybookDto } from '../playbooks/dto/playbook.dto.js';
import { PlaybookProposalsService } from '../playbooks/playbook-proposals.service.js';
import { PlaybooksService } from '../playbooks/playbooks.service.js';
import type { UpdateReviewDto } from './dto/report.dto.js';
import { IncidentReview } from './entities/incident-review.entity.js';
import { fieldError, validationFailed } from '../common/validation.js';

/** While the response runs or has just ended, the team writes its review; it is completed once resolved. */
const REVIEW_EDITABLE: IncidentStatus[] = [
  IncidentStatus.Active,
  IncidentStatus.Monitoring,
  IncidentStatus.Resolved,
];
const REVIEW_TEXT_FIELDS = ['wentWell', 'wentPoorly', 'causes', 'lessons', 'proposals'] as const;
/** What a completed review must say (DOMAIN.md report sections 8–9). */
const REQUIRED_TO_COMPLETE: { field: (typeof REVIEW_TEXT_FIELDS)[number]; label: string }[] = [
  { field: 'wentWell', label: 'những việc làm tốt' },
  { field: 'wentPoorly', label: 'tồn tại, hạn chế' },
  { field: 'lessons', label: 'bài học kinh nghiệm' },
];

/**
 * The post-incident review (rút kinh nghiệm) entered by the team, through the one write path; and the two
 * lifecycle rules that hang on it: closing needs a completed review, archiving files the case in the library.
 */
@Injectable()
export class ReviewsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly playbooks: PlaybooksService,
    private readonly proposals: PlaybookProposalsService,
    private readonly units: OrgUnitsService,
    private readonly register: DocumentRegisterService,
    private readonly repository: ReportsRepository,
  ) {}

  onModuleInit() {
    this.incidents.onTransition(async (change, from, to) => {
      if (to === IncidentStatus.Closed) await this.assertCompleted(change);
      if (to === IncidentStatus.Archived) await this.fileInLibrary(change);
      // Reopened: the review written for the first phase must be looked at again before closing.
      if (
        to === IncidentStatus.Active &&
        (from === IncidentStatus.Resolved || from === IncidentStatus.Monitoring)
      ) {
        await this.reopenWithin(change, 'Sự cố được mở lại để xử lý tiếp');
      }
    });
  }

  async get(user: AuthUser, incidentId: string) {
    await this.incidents.getVisible(user, incidentId);
    const review = await this.dataSource.getRepository(IncidentReview).findOneBy({ incidentId });
    return this.view(incidentId, review);
  }

  async update(user: AuthUser, incidentId: string, dto: UpdateReviewDto) {
    const review = await this.incidents.changeAs(user, incidentId, async (change) => {
      this.assertEditable(change.incident);
      const review = await this.load(change.manager, incidentId);
      if (review.status === 'completed') {
        throw new AppError(
          ErrorCode.CONFLICT,
          'Báo cáo rút kinh nghiệm đã hoàn thành; cần mở lại báo cáo trước khi sửa',
        );
      }
      if (dto.actionItems) await this.checkOwners(change.manager, dto.actionItems);
      const changed: string[] = [];
      for (const f of REVIEW_TEXT_FIELDS) {
        const value = dto[f];
        if (value !== undefined && value.normalize('NFC') !== review[f]) {
          review[f] = value.normalize('NFC');
          changed.push(f);
        }
      }
      if (dto.actionItems) {
        review.actionItems = dto.actionItems.map((a) => ({
          title: a.title.normalize('NFC'),
          ownerUserId: a.ownerUserId ?? null,
          ownerName: a.ownerName.normalize('NFC'),
          dueDate: a.dueDate ?? null,
          status: a.status ?? 'open',
        }));
        changed.push('actionItems');
      }
      review.updatedByUserId = user.id;
      await change.manager.save(review);
      if (changed.length)
        change.emit('review.updated', { changed }, { type: 'incident_review', id: incidentId });
      return review;
    });
    return this.view(incidentId, review);
  }

  async complete(user: AuthUser, incidentId: string) {
    const review = await this.incidents.changeAs(user, incidentId, async (change) => {
      if (change.incident.status !== IncidentStatus.Resolved) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `Chỉ hoàn thành báo cáo rút kinh nghiệm khi sự cố đã giải quyết (hiện: "${STATUS_LABEL_VI[change.incident.status]}")`,
        );
      }
      const review = await this.load(change.manager, incidentId);
      if (review.status === 'completed') return review;
      const missing = REQUIRED_TO_COMPLETE.filter((r) => !review[r.field].trim());
      if (missing.length) {
        throw new AppError(
          ErrorCode.REVIEW_INCOMPLETE,
          `Báo cáo rút kinh nghiệm còn thiếu: ${missing.map((m) => m.label).join(', ')}`,
          missing.map((m) => fieldError(m.field, 'isDefined', `${m.field}: cần nhập ${m.label}`)),
        );
      }
      review.status = 'completed';
      review.completedAt = new Date();
      review.completedByUserId = user.id;
      await change.manager.save(review);
      // The review report is issued now: it takes its number in the responsible unit's register (once; a
      // review reopened and completed again keeps it).
      const unitId = change.incident.responsibleOrgUnitId;
      const [unit] = await this.units.ancestry(unitId);
      const issued = await this.register.issue(change.manager, {
        orgUnitId: unitId,
        typeCode: DOCUMENT_TYPE_CODES.report,
        issuerCode: issuerCode(unit ?? change.incident.responsibleUnitSnapshot),
        subjectKind: 'review_report',
        subjectId: incidentId,
        issuedAt: review.completedAt,
        issuedByUserId: user.id,
      });
      change.emit(
        'review.completed',
        { actionItems: review.actionItems.length, documentNumber: issued.number },
        { type: 'incident_review', id: incidentId },
      );
      return review;
    });
    return this.view(incidentId, review);
  }

  async reopen(user: AuthUser, incidentId: string, reason: string) {
    const review = await this.incidents.changeAs(user, incidentId, async (change) => {
      this.assertEditable(change.incident);
      const review = await this.reopenWithin(change, reason);
      if (!review) {
        throw new AppError(ErrorCode.CONFLICT, 'Báo cáo rút kinh nghiệm chưa hoàn thành, không cần mở lại');
      }
      return review;
    });
    return this.view(incidentId, review);
  }

  /** Back to draft inside the caller's change; null when it was not completed. */
  private async reopenWithin(change: IncidentChange, reason: string): Promise<IncidentReview | null> {
    const review = await change.manager.findOneBy(IncidentReview, { incidentId: change.incident.id });
    if (review?.status !== 'completed') return null;
    review.status = 'draft';
    review.completedAt = null;
    review.completedByUserId = null;
    await change.manager.save(review);
    change.emit('review.reopened', { reason }, { type: 'incident_review', id: change.incident.id });
    return review;
  }

  /** Lessons of this incident proposed as a playbook change; an admin or leader approves it later. */
  async proposePlaybook(user: AuthUser, incidentId: string, dto: ProposePlaybookDto) {
    await this.incidents.getVisible(user, incidentId);
    const review = await this.dataSource.getRepository(IncidentReview).findOneBy({ incidentId });
    if (!review) {
      throw new AppError(
        ErrorCode.REVIEW_REQUIRED,
        'Cần có báo cáo rút kinh nghiệm trước khi đề xuất sửa cẩm nang',
      );
    }
    return this.proposals.propose(user, dto, incidentId);
  }

  // ---- lifecycle hooks (inside the status change's transaction) --------------------------------------------

  private async assertCompleted(change: IncidentChange) {
    const review = await change.manager.findOneBy(IncidentReview, { incidentId: change.incident.id });
    if (review?.status !== 'completed') {
      throw new AppError(
        ErrorCode.REVIEW_REQUIRED,
        'Cần hoàn thành báo cáo rút kinh nghiệm trước khi đóng sự cố',
      );
    }
  }

  /** The library case: what happened, what was said (published texts) and what was learned. */
  private async fileInLibrary(change: IncidentChange) {
    const { manager, incident } = change;
    const review = await manager.findOneBy(IncidentReview, { incidentId: incident.id });
    const published = await this.repository.publishedTexts(manager, incident.id);
    const text = [
      `${incident.code}. ${CATEGORY_LABEL_VI[incident.category]}. Mức ${incident.severity}.`,
      `Đơn vị chủ trì: ${incident.responsibleUnitSnapshot.name}.`,
      incident.summary ?? '',
      ...published.map((s) => `${s.title}\n${s.body}`),
      review ? `Những việc làm tốt: ${review.wentWell}` : '',
      review ? `Tồn tại, hạn chế: ${review.wentPoorly}` : '',
      review?.causes ? `Nguyên nhân: ${review.causes}` : '',
      review ? `Bài học kinh nghiệm: ${review.lessons}` : '',
      review?.proposals ? `Đề xuất: ${review.proposals}` : '',
      ...(review?.actionItems ?? []).map((a) => `Việc cần làm: ${a.title} (${a.ownerName})`),
    ]
      .filter(Boolean)
      .join('\n\n');
    await this.playbooks.addLibraryCase(manager, incident, text);
    change.emit('library.case_filed', { code: incident.code }, { type: 'library_case', id: incident.id });
  }

  // ---- helpers -----------------------------------------------------------------------------------------------

  private assertEditable(incident: Incident) {
    if (!REVIEW_EDITABLE.includes(incident.status)) {
      const readOnly = [IncidentStatus.Closed, IncidentStatus.Archived, IncidentStatus.Dismissed].includes(
        incident.status,
      );
      throw new AppError(
        readOnly ? ErrorCode.INCIDENT_READ_ONLY : ErrorCode.CONFLICT,
        readOnly
          ? `Sự cố ở trạng thái "${STATUS_LABEL_VI[incident.status]}" chỉ được xem, không được sửa`
          : 'Báo cáo rút kinh nghiệm viết từ khi sự cố được kích hoạt xử lý',
      );
    }
  }

  private async load(manager: EntityManager, incidentId: string): Promise<IncidentReview> {
    return (
      (await manager.findOneBy(IncidentReview, { incidentId })) ??
      manager.create(IncidentReview, {
        incidentId,
        status: 'draft',
        wentWell: '',
        wentPoorly: '',
        causes: '',
        lessons: '',
        proposals: '',
        actionItems: [],
        completedAt: null,
        completedByUserId: null,
      })
    );
  }

  private async checkOwners(manager: EntityManager, items: { ownerUserId?: string }[]) {
    for (const [i, item] of items.entries()) {
      if (item.ownerUserId && !(await manager.existsBy(User, { id: item.ownerUserId }))) {
        throw validationFailed(
          [
            fieldError(
              `actionItems.${i}.ownerUserId`,
              'exists',
              `actionItems.${i}.ownerUserId: không tồn tại`,
            ),
          ],
          'Người phụ trách không có tài khoản trong hệ thống',
        );
      }
    }
  }

  private view(incidentId: string, r: IncidentReview | null) {
    return {
      incidentId,
      status: r?.status ?? 'draft',
      wentWell: r?.wentWell ?? '',
      wentPoorly: r?.wentPoorly ?? '',
      causes: r?.causes ?? '',
      lessons: r?.lessons ?? '',
      proposals: r?.proposals ?? '',
      actionItems: r?.actionItems ?? [],
      completedAt: r?.completedAt ?? null,
      completedByUserId: r?.completedByUserId ?? null,
      updatedAt: r?.updatedAt ?? null,
    };
  }
}
