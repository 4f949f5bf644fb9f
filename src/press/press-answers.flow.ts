import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { IncidentEventsPublisher } from '../incidents/incident-events.publisher.js';
import type { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { todayInVietnam } from '../common/dates.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { StatementAccess } from '../statements/statement-access.js';
import { StatementPublicationsService } from '../statements/statement-publications.service.js';
import { PublicationChannel, StatementType } from '../statements/statement-types.js';
import { StatementsService } from '../statements/statements.service.js';
import { DraftAnswerDto, SendAnswerDto } from './dto/inquiry.dto.js';
import { PressInquiryQuestion } from './entities/press-inquiry-question.entity.js';
import type { PressInquiry } from './entities/press-inquiry.entity.js';
import { PressAccess } from './press-access.js';
import { PressInquiriesService } from './press-inquiries.service.js';
import { PressInquiryClock } from './press-inquiry-clock.js';
import { PressInquiryLog } from './press-inquiry-log.js';
import { InquiryStatus, OPEN_INQUIRY_STATUSES } from './press-inquiry-types.js';
import { PressRefusalGroundsService } from './press-refusal-grounds.service.js';

const fieldError = (field: string, message: string, details?: Record<string, unknown>) =>
  new AppError(ErrorCode.VALIDATION_FAILED, message, [
    { field, messages: [`${field}: ${message}`], ...details },
  ]);

const dateVi = (d: Date) => {
  const [y, m, day] = todayInVietnam(d).split('-');
  return `${day}/${m}/${y}`;
};

/**
 * The answer to a request: a written answer (trả lời báo chí) or a refusal on one of the law's grounds, drafted
 * as a statement of the linked incident, approved through the statements pipeline, then sent to the journalist
 * by e-mail (the outbox) with the approved version's SHA-256, and recorded as published to the press.
 */
@Injectable()
export class PressAnswersFlow implements OnModuleInit, OnModuleDestroy {
  private unsubscribe?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inquiries: PressInquiriesService,
    private readonly log: PressInquiryLog,
    private readonly clock: PressInquiryClock,
    private readonly access: PressAccess,
    private readonly grounds: PressRefusalGroundsService,
    private readonly statements: StatementsService,
    private readonly statementAccess: StatementAccess,
    private readonly publications: StatementPublicationsService,
    private readonly timeline: IncidentTimeline,
    private readonly events: IncidentEventsPublisher,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit() {
    this.unsubscribe = this.events.subscribe((events) => this.onCommitted(events));
  }

  onModuleDestroy() {
    this.unsubscribe?.();
  }

  async draft(user: AuthUser, id: string, dto: DraftAnswerDto) {
    const inquiry = await this.inquiries.visible(user, id);
    await this.access.assertActsFor(
      user,
      inquiry.orgUnitId,
      'Chỉ đơn vị được hỏi và cấp trên được soạn trả lời',
    );
    if (!inquiry.incidentId)
      throw fieldError(
        'incidentId',
        'gắn đề nghị với một sự cố đang mở (hoặc mở sự cố) trước khi soạn văn bản',
      );
    if (inquiry.statementId)
      throw new AppError(
        ErrorCode.CONFLICT,
        'Đề nghị đã có văn bản trả lời: tiếp tục soạn, trình duyệt văn bản đó',
      );
    const questions = await this.dataSource
      .getRepository(PressInquiryQuestion)
      .find({ where: { inquiryId: id }, order: { position: 'ASC' } });
    let body: string;
    let groundKey: string | null = null;
    if (dto.outcome === 'refusal') {
      if (!dto.refusalGroundKey)
        throw fieldError('refusalGroundKey', 'từ chối phải nêu căn cứ theo Luật Báo chí');
      const ground = await this.grounds.inForce(dto.refusalGroundKey, todayInVietnam());
      if (!ground)
        throw fieldError('refusalGroundKey', 'không phải căn cứ từ chối có hiệu lực hôm nay', {
          constraints: ['isRefusalGround'],
        });
      if (!dto.refusalReason?.trim()) throw fieldError('refusalReason', 'cần nêu lý do cụ thể khi từ chối');
      groundKey = ground.key;
      body = [
        `${inquiry.routing.unit.name} không cung cấp thông tin theo đề nghị ngày ${dateVi(inquiry.receivedAt)} về "${inquiry.subject}".`,
        `Căn cứ: ${ground.label} (${ground.legalSource}).`,
        `Lý do: ${dto.refusalReason.trim()}`,
      ].join('\n\n');
    } else {
      const missing = questions.filter((q) => !q.answer).map((q) => q.position);
      if (missing.length)
        throw fieldError('questions', `còn câu hỏi chưa có câu trả lời: ${missing.join(', ')}`, {
          constraints: ['allAnswered'],
        });
      body = questions
        .map((q) => `**Câu hỏi ${q.position}:** ${q.text}\n\n**Trả lời:** ${q.answer}`)
        .join('\n\n');
    }
    const title =
      dto.title ??
      (dto.outcome === 'refusal'
        ? `Trả lời ${inquiry.outlet?.name ?? 'cơ quan báo chí'}: không cung cấp thông tin về ${inquiry.subject}`
        : `Trả lời ${inquiry.outlet?.name ?? 'cơ quan báo chí'} về ${inquiry.subject}`
      ).slice(0, 500);
    const rights = await this.statementAccess.rights(user, inquiry.incidentId);
    this.statementAccess.assertCanEdit(rights);
    await this.timeline.change(inquiry.incidentId, async (change) => {
      const statement = await this.statements.createWithin(
        change,
        user.id,
        { type: StatementType.PressAnswer, title, body },
        undefined,
        { kind: 'press_inquiry', inquiryId: id },
      );
      await this.log.changeWithin(
        change.manager,
        id,
        async ({ inquiry: locked, emit }) => {
          if (!OPEN_INQUIRY_STATUSES.includes(locked.status) || locked.statementId)
            throw new AppError(ErrorCode.CONFLICT, 'Đề nghị đã kết thúc hoặc đã có văn bản trả lời');
          if (locked.status === InquiryStatus.Received) {
            locked.ownerUserId ??= user.id;
            emit('inquiry.assigned', { ownerUserId: locked.ownerUserId, ownerName: user.displayName });
          }
          locked.status = InquiryStatus.Drafting;
          locked.statementId = statement.id;
          locked.outcome = dto.outcome;
          locked.refusalGroundKey = groundKey;
          emit('inquiry.drafting', {
            statementId: statement.id,
            outcome: dto.outcome,
            refusalGroundKey: groundKey,
          });
        },
        user.id,
      );
    });
    return this.inquiries.get(user, id);
  }

  async send(user: AuthUser, id: string, dto: SendAnswerDto) {
    const inquiry = await this.inquiries.visible(user, id);
    await this.access.assertActsFor(
      user,
      inquiry.orgUnitId,
      'Chỉ đơn vị được hỏi và cấp trên được gửi trả lời',
    );
    if (!OPEN_INQUIRY_STATUSES.includes(inquiry.status))
      throw new AppError(ErrorCode.INVALID_TRANSITION, 'Đề nghị đã kết thúc: không gửi lại');
    if (!inquiry.statementId) throw fieldError('statementId', 'chưa có văn bản trả lời');
    const email = inquiry.journalist?.email;
    if (!email) throw fieldError('journalist.email', 'nhà báo chưa có địa chỉ thư điện tử trong danh sách');
    const version = await this.statements.version(user, inquiry.statementId, dto.versionNumber);
    // A send that stopped after recording the publication (before the request closed) is finished by sending again:
    // the same approved version already recorded for the press is not recorded twice.
    const recorded = (await this.publications.list(user, inquiry.statementId)).items.some(
      (p) =>
        p.channel === PublicationChannel.PressOutlets &&
        p.versionNumber === version.number &&
        p.sha256 === version.sha256 &&
        dto.sha256.toLowerCase() === version.sha256,
    );
    if (!recorded)
      await this.publications.publish(user, inquiry.statementId, {
        versionNumber: dto.versionNumber,
        sha256: dto.sha256,
        channel: PublicationChannel.PressOutlets,
        note: `Gửi ${inquiry.journalist!.fullName} (${inquiry.outlet?.name ?? ''}) qua thư điện tử`,
      });
    await this.log.change(
      id,
      async ({ manager, inquiry: locked, emit }) => {
        if (!OPEN_INQUIRY_STATUSES.includes(locked.status))
          throw new AppError(ErrorCode.INVALID_TRANSITION, 'Đề nghị đã kết thúc: không gửi lại');
        const refusal = locked.outcome === 'refusal';
        locked.status = refusal ? InquiryStatus.Declined : InquiryStatus.Answered;
        locked.closedAt = new Date();
        locked.sentVersionNumber = version.number;
        locked.sentSha256 = version.sha256;
        await this.clock.cancel(manager, locked.id);
        const queued = await this.notifications.enqueue(manager, {
          to: { email, name: inquiry.journalist!.fullName },
          channels: ['email'],
          kind: refusal ? 'press_inquiry.declined' : 'press_inquiry.answered',
          subject:
            `${refusal ? 'Trả lời (từ chối cung cấp thông tin)' : 'Trả lời báo chí'}: ${locked.subject}`.slice(
              0,
              300,
            ),
          text: this.mailText(locked, inquiry, version),
          data: {
            inquiryId: locked.id,
            statementId: locked.statementId,
            versionNumber: version.number,
            sha256: version.sha256,
          },
        });
        emit(refusal ? 'inquiry.declined' : 'inquiry.answered', {
          statementId: locked.statementId,
          versionNumber: version.number,
          sha256: version.sha256,
          refusalGroundKey: locked.refusalGroundKey,
          to: email,
          notificationId: queued.notificationId,
          onTime: locked.closedAt.getTime() <= locked.dueAt.getTime(),
        });
      },
      user.id,
    );
    return this.inquiries.get(user, id);
  }

  private mailText(
    locked: PressInquiry,
    inquiry: PressInquiry,
    version: { number: number; sha256: string; rendered: string },
  ): string {
    return [
      `Kính gửi ${inquiry.journalist!.fullName} (${inquiry.outlet?.name ?? 'cơ quan báo chí'}),`,
      `${locked.routing.unit.name} trả lời đề nghị cung cấp thông tin tiếp nhận ngày ${dateVi(locked.receivedAt)} về "${locked.subject}" như sau:`,
      version.rendered,
      `---\nVăn bản đã được phê duyệt, phiên bản ${version.number}. Mã SHA-256 của văn bản: ${version.sha256}`,
    ].join('\n\n');
  }

  /** Follows the answer's statement: submitted → in review; refused or sent back → drafting again. */
  private async onCommitted(events: CommittedIncidentEvent[]) {
    const moves = new Map<string, InquiryStatus>();
    for (const e of events) {
      const statementId = typeof e.payload.statementId === 'string' ? e.payload.statementId : null;
      if (!statementId) continue;
      if (e.type === 'statement.submitted') moves.set(statementId, InquiryStatus.InReview);
      if (e.type === 'statement.rejected' || e.type === 'statement.changes_requested')
        moves.set(statementId, InquiryStatus.Drafting);
    }
    if (!moves.size) return;
    for (const inquiry of await this.inquiries.findByStatement([...moves.keys()])) {
      const to = moves.get(inquiry.statementId!)!;
      await this.log.change(
        inquiry.id,
        async ({ inquiry: locked, emit }) => {
          const from = locked.status;
          if (from === to || !OPEN_INQUIRY_STATUSES.includes(from) || from === InquiryStatus.Received) return;
          locked.status = to;
          emit('inquiry.status_changed', { from, to, statementId: locked.statementId });
        },
        null,
      );
    }
  }
}
