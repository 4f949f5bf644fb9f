import type { Page } from '../contracts/enums.js';
import type { Publication } from '../contracts/statements.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { SpokespersonDesignationsService } from '../directory/spokesperson-designations.service.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { todayInVietnam } from '../common/dates.js';
import { rulesInForce } from '../incidents/legal-clock.js';
import { PublicationDto } from './dto/statement.dto.js';
import { StatementPublication } from './entities/statement-publication.entity.js';
import { StatementVersionReview } from './entities/statement-version-review.entity.js';
import { StatementVersion, VersionStatus } from './entities/statement-version.entity.js';
import { Statement } from './entities/statement.entity.js';
import { LegalClockFlow } from './legal-clock.flow.js';
import { StatementAccess } from './statement-access.js';
import { StatementDocs } from './statement-docs.js';
import { StatementDocumentsService } from './statement-documents.service.js';
import { CHANNEL_LABEL_VI, PublicationChannel, StatementStatus } from './statement-types.js';
import { publicationView } from './statement-views.js';

/**
 * Publication: each channel a version goes out on, refused unless that exact version (number and SHA-256) is
 * fully approved. The first publication of a statement the deadline rules name stops their clock (initial
 * information within 24 hours); a correction or withdrawal marks the statement it relates to.
 */
@Injectable()
export class StatementPublicationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: IncidentTimeline,
    private readonly incidents: IncidentsService,
    private readonly access: StatementAccess,
    private readonly docs: StatementDocs,
    private readonly clock: LegalClockFlow,
    private readonly designations: SpokespersonDesignationsService,
    private readonly documents: StatementDocumentsService,
  ) {}

  async publish(user: AuthUser, statementId: string, dto: PublicationDto): Promise<Publication> {
    const { incident } = await this.access.load(user, statementId);
    const rights = await this.access.rights(user, incident.id);
    if (!rights.canPublish) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Chỉ người phát ngôn, liên lạc báo chí, tổ trưởng hoặc tổ phó của Tổ công tác mới ghi nhận công bố',
      );
    }
    // The publication time is the time it is recorded: the legal clock computes `met` from it, so a time the
    // client states may only confirm "now" (a clock skew of a minute), never move it. A publication recorded late
    // is late; what really happened earlier goes in the note, and a wrong record is followed by a new one.
    const publishedAt = new Date();
    if (dto.publishedAt && Math.abs(new Date(dto.publishedAt).getTime() - publishedAt.getTime()) > 60_000) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        'Thời điểm công bố là thời điểm ghi nhận: không ghi lùi hay ghi trước thời điểm công bố',
        [
          {
            field: 'publishedAt',
            messages: ['publishedAt: phải là thời điểm hiện tại (bỏ trống để dùng thời điểm ghi nhận)'],
            constraints: ['recordedNow'],
          },
        ],
      );
    }
    if (dto.spokespersonPersonId)
      await this.assertSpeaker(incident.responsibleOrgUnitId, dto.spokespersonPersonId, publishedAt);
    const rules = await this.incidents.deadlineRules();
    const result = await this.timeline.change(incident.id, async (change) => {
      this.incidents.assertWritable(change.incident);
      const s = await change.manager.findOne(Statement, {
        where: { id: statementId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!s) throw AppError.notFound('văn bản', statementId);
      if (s.status !== StatementStatus.Approved && s.status !== StatementStatus.Published) {
        throw new AppError(
          ErrorCode.STATEMENT_NOT_APPROVED,
          'Văn bản chưa được phê duyệt đầy đủ: chỉ công bố đúng phiên bản đã được phê duyệt',
          { status: s.status },
        );
      }
      if (dto.versionNumber !== s.currentVersion) {
        throw new AppError(
          ErrorCode.STATEMENT_VERSION_STALE,
          `Phiên bản ${dto.versionNumber} không phải phiên bản đã được phê duyệt (${s.currentVersion})`,
          {
            currentVersion: s.currentVersion,
          },
        );
      }
      const version = await change.manager.findOneByOrFail(StatementVersion, {
        statementId,
        number: dto.versionNumber,
      });
      const review = await change.manager.findOneBy(StatementVersionReview, { versionId: version.id });
      if (review?.status !== VersionStatus.Approved) {
        throw new AppError(ErrorCode.STATEMENT_NOT_APPROVED, 'Phiên bản này chưa được phê duyệt');
      }
      if (version.sha256 !== dto.sha256.toLowerCase()) {
        throw new AppError(
          ErrorCode.STATEMENT_HASH_MISMATCH,
          'Mã băm không khớp với phiên bản đã phê duyệt: không công bố văn bản khác với văn bản đã duyệt',
          { expected: version.sha256 },
        );
      }
      const publication = await change.manager.save(
        change.manager.create(StatementPublication, {
          statementId,
          versionId: version.id,
          versionNumber: version.number,
          sha256: version.sha256,
          channel: dto.channel,
          url: dto.url ?? null,
          publishedAt,
          spokespersonPersonId: dto.spokespersonPersonId ?? null,
          note: dto.note ?? null,
          recordedByUserId: user.id,
        }),
      );
      const first = s.status === StatementStatus.Approved;
      // Issued: the version takes its number in the unit's register (its first publication's date).
      const issued = await this.documents.issueWithin(
        change.manager,
        s,
        change.incident,
        version,
        publishedAt,
        user.id,
      );
      if (first) {
        s.status = StatementStatus.Published;
        s.publishedAt = publishedAt;
        await change.manager.save(s);
      }
      change.emit(
        'statement.published',
        {
          statementId,
          type: s.type,
          versionNumber: version.number,
          sha256: version.sha256,
          title: version.title,
          channel: dto.channel,
          channelLabel: CHANNEL_LABEL_VI[dto.channel as PublicationChannel],
          url: dto.url ?? null,
          publishedAt: publishedAt.toISOString(),
          first,
          documentNumber: issued.number,
        },
        { type: 'statement_publication', id: publication.id },
      );
      if (first && s.relatesToStatementId && s.relation) {
        const old = await change.manager.findOne(Statement, {
          where: { id: s.relatesToStatementId },
          lock: { mode: 'pessimistic_write' },
        });
        if (old && old.status === StatementStatus.Published) {
          old.status = s.relation === 'corrects' ? StatementStatus.Corrected : StatementStatus.Withdrawn;
          await change.manager.save(old);
          change.emit(
            s.relation === 'corrects' ? 'statement.corrected' : 'statement.withdrawn',
            { statementId: old.id, byStatementId: s.id },
            { type: 'statement', id: old.id },
          );
        }
      }
      if (first) {
        const stoppable = rulesInForce(rules, change.incident).filter((r) =>
          r.stoppedByStatementTypes.includes(s.type),
        );
        await this.clock.stop(change, stoppable, s, publishedAt);
      }
      return { statement: s, publication, related: s.relatesToStatementId };
    });
    this.docs.announceStatus({
      statementId,
      incidentId: incident.id,
      status: result.statement.status,
      currentVersion: result.statement.currentVersion,
    });
    return publicationView(result.publication);
  }

  async list(user: AuthUser, statementId: string): Promise<Page<Publication>> {
    await this.access.load(user, statementId);
    const rows = await this.dataSource
      .getRepository(StatementPublication)
      .find({ where: { statementId }, order: { publishedAt: 'ASC' } });
    return { items: rows.map(publicationView) };
  }

  /** NĐ 09/2017: the head, a designated spokesperson, or a person authorised in writing on that date. */
  private async assertSpeaker(orgUnitId: string, personId: string, at: Date) {
    const speakers = await this.designations.speakersFor(orgUnitId, { on: todayInVietnam(at) });
    const ids = new Set([
      ...speakers.heads.map((p) => p.id),
      ...speakers.spokespersons.map((s) => s.person.id),
      ...speakers.authorized.map((s) => s.person.id),
    ]);
    if (!ids.has(personId)) {
      throw new AppError(
        ErrorCode.DESIGNATION_INVALID,
        'Người này không phải người đứng đầu, người phát ngôn hay người được ủy quyền phát ngôn của đơn vị vào ngày công bố',
        [
          {
            field: 'spokespersonPersonId',
            messages: ['spokespersonPersonId: không có quyền phát ngôn cho đơn vị vào ngày công bố'],
            constraints: ['designation'],
          },
        ],
      );
    }
  }
}
