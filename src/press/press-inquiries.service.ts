import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { UsersService } from '../auth/users.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import type { DeadlineRule } from '../incidents/entities/deadline-rule.entity.js';
import type { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { vietnamDate } from '../incidents/legal-clock.js';
import {
  AnswerQuestionDto,
  AssignInquiryDto,
  CreateInquiryDto,
  LinkIncidentDto,
  ListInquiriesQueryDto,
  TransferInquiryDto,
} from './dto/inquiry.dto.js';
import { PressInquiryEvent } from './entities/press-inquiry-event.entity.js';
import { PressInquiryQuestion } from './entities/press-inquiry-question.entity.js';
import { PressInquiry } from './entities/press-inquiry.entity.js';
import { PressAccess } from './press-access.js';
import { PressInquiryClock } from './press-inquiry-clock.js';
import { PressInquiryIncidents } from './press-inquiry-incidents.js';
import { PressInquiryLog } from './press-inquiry-log.js';
import type { InquiryChange } from './press-inquiry-log.js';
import {
  canTransition,
  INQUIRY_RULE_ANCHOR,
  INQUIRY_RULE_KEYS,
  INQUIRY_STATUS_LABEL_VI,
  InquiryStatus,
  OPEN_INQUIRY_STATUSES,
} from './press-inquiry-types.js';
import { inquiryView } from './press-inquiry.views.js';
import { PressOutletsService } from './press-outlets.service.js';
import { PressRouting } from './press-routing.js';
import { PressRepository } from './press.repository.js';

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

const fieldError = (field: string, message: string) =>
  new AppError(ErrorCode.VALIDATION_FAILED, message, [{ field, messages: [`${field}: ${message}`] }]);

/** The deadline rule of a request: the one of its key in force on the day of receipt (Vietnam time). */
export function inquiryRule(rules: DeadlineRule[], key: string, receivedAt: Date): DeadlineRule | undefined {
  const day = vietnamDate(receivedAt);
  return rules.find(
    (r) =>
      r.key === key &&
      r.anchor === INQUIRY_RULE_ANCHOR &&
      r.effectiveFrom <= day &&
      (r.effectiveTo === null || r.effectiveTo >= day),
  );
}

/** Requests for information from the press: logging, routing, deadline, assignment, questions, transfer. */
@Injectable()
export class PressInquiriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outlets: PressOutletsService,
    private readonly routing: PressRouting,
    private readonly access: PressAccess,
    private readonly log: PressInquiryLog,
    private readonly clock: PressInquiryClock,
    private readonly incidents: IncidentsService,
    private readonly incidentLinks: PressInquiryIncidents,
    private readonly users: UsersService,
    private readonly repository: PressRepository,
  ) {}

  async create(user: AuthUser, dto: CreateInquiryDto) {
    if (dto.incidentId && dto.openIncident)
      throw fieldError('openIncident', 'chọn gắn với sự cố đang mở hoặc mở sự cố mới, không cả hai');
    const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : new Date();
    if (receivedAt.getTime() > Date.now() + 60_000)
      throw fieldError('receivedAt', 'thời điểm tiếp nhận không thể ở tương lai');
    const journalist = await this.outlets.getJournalist(dto.journalistId).catch(() => {
      throw fieldError('journalistId', 'không có nhà báo này trong danh sách');
    });
    const on = vietnamDate(receivedAt);
    const routing = await this.routing.route({
      addressedOrgUnitId: dto.addressedOrgUnitId,
      capability: dto.capability,
      on,
    });
    await this.access.assertActsFor(
      user,
      routing.unit.id,
      `Đề nghị này thuộc ${routing.unit.name}: chỉ đơn vị đó và cấp trên được tiếp nhận, xử lý`,
    );
    const ruleKey = INQUIRY_RULE_KEYS[dto.channel];
    const rule = inquiryRule(await this.incidents.deadlineRules(), ruleKey, receivedAt);
    if (!rule)
      throw fieldError('receivedAt', `chưa có quy định thời hạn trả lời báo chí có hiệu lực vào ngày ${on}`);
    if (dto.incidentId) await this.incidentLinks.openIncidentOf(user, dto.incidentId);
    if (dto.openIncident) await this.incidentLinks.assertMayOpen(user, routing.unit.id);
    const dueAt = new Date(receivedAt.getTime() + rule.value * UNIT_MS[rule.unit]);

    let events: CommittedIncidentEvent[] = [];
    const id = await this.dataSource.transaction(async (manager) => {
      const inquiry = await manager.save(
        manager.create(PressInquiry, {
          channel: dto.channel,
          receivedAt,
          subject: dto.subject.normalize('NFC'),
          journalistId: journalist.id,
          outletId: journalist.outletId,
          addressedOrgUnitId: dto.addressedOrgUnitId ?? null,
          capability: dto.capability ?? null,
          orgUnitId: routing.unit.id,
          routing,
          spokespersonPersonId: routing.spokespersons[0]?.personId ?? null,
          ruleKey,
          ruleId: rule.id,
          dueAt,
          status: InquiryStatus.Received,
          createdByUserId: user.id,
        }),
      );
      await manager.save(
        dto.questions.map((text, i) =>
          manager.create(PressInquiryQuestion, {
            inquiryId: inquiry.id,
            position: i + 1,
            text: text.trim().normalize('NFC'),
          }),
        ),
      );
      const pending: { type: string; payload: Record<string, unknown> }[] = [
        {
          type: 'inquiry.received',
          payload: {
            channel: dto.channel,
            receivedAt: receivedAt.toISOString(),
            subject: inquiry.subject,
            journalistId: journalist.id,
            outletId: journalist.outletId,
            orgUnitId: routing.unit.id,
            routing: { reason: routing.reason, on, via: routing.via.map((v) => v.name) },
            dueAt: dueAt.toISOString(),
            rule: { key: rule.key, value: rule.value, unit: rule.unit, legalSource: rule.legalSource },
            questions: dto.questions.length,
          },
        },
      ];
      if (dto.incidentId) {
        events = await this.incidentLinks.attachWithin(manager, inquiry, dto.incidentId);
        pending.push({
          type: 'inquiry.incident_linked',
          payload: { incidentId: dto.incidentId, opened: false },
        });
      } else if (dto.openIncident) {
        const opened = await this.incidentLinks.openWithin(manager, user, inquiry, dto.openIncident);
        events = opened.events;
        pending.push({ type: 'inquiry.incident_linked', payload: { incidentId: opened.id, opened: true } });
      }
      await this.log.append(manager, inquiry, pending, user.id);
      await this.clock.schedule(manager, inquiry);
      return inquiry.id;
    });
    await this.incidentLinks.publish(events);
    return this.get(user, id);
  }

  async list(user: AuthUser, query: ListInquiriesQueryDto) {
    const units = await this.access.visibleUnits(user);
    const { items, total } = await this.repository.listInquiries({
      units,
      status: query.status,
      open: query.open,
      orgUnitId: query.orgUnitId,
      journalistId: query.journalistId,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    const contacts = await this.access.isPressOffice(user);
    return { items: items.map((i) => inquiryView(i, { contacts })), total };
  }

  async get(user: AuthUser, id: string) {
    const inquiry = await this.visible(user, id);
    const [questions, events] = await Promise.all([
      this.dataSource
        .getRepository(PressInquiryQuestion)
        .find({ where: { inquiryId: id }, order: { position: 'ASC' } }),
      this.dataSource
        .getRepository(PressInquiryEvent)
        .find({ where: { inquiryId: id }, order: { seq: 'ASC' } }),
    ]);
    const contacts = await this.access.isPressOffice(user);
    return { ...inquiryView(inquiry, { contacts }), questions, events };
  }

  /** Loads a request the user may see; anyone else gets the same 404 as for a missing one. */
  async visible(user: AuthUser, id: string): Promise<PressInquiry> {
    const inquiry = await this.dataSource
      .getRepository(PressInquiry)
      .findOne({ where: { id }, relations: { journalist: true, outlet: true } });
    if (!inquiry || !(await this.access.canSeeUnit(user, inquiry.orgUnitId)))
      throw AppError.notFound('đề nghị cung cấp thông tin', id);
    return inquiry;
  }

  /** A change by a user who acts for the request's unit, on an open request. */
  async changeAs<T>(user: AuthUser, id: string, work: (change: InquiryChange) => Promise<T>): Promise<T> {
    const inquiry = await this.visible(user, id);
    await this.access.assertActsFor(
      user,
      inquiry.orgUnitId,
      'Chỉ đơn vị được hỏi và cấp trên được xử lý đề nghị này',
    );
    return this.log.change(
      id,
      async (change) => {
        if (!OPEN_INQUIRY_STATUSES.includes(change.inquiry.status)) {
          throw new AppError(
            ErrorCode.INVALID_TRANSITION,
            `Đề nghị đã kết thúc (${INQUIRY_STATUS_LABEL_VI[change.inquiry.status]}): không thay đổi được nữa`,
          );
        }
        return work(change);
      },
      user.id,
    );
  }

  async assign(user: AuthUser, id: string, dto: AssignInquiryDto) {
    const owner = await this.users.get(dto.ownerUserId).catch(() => null);
    if (!owner?.active) throw fieldError('ownerUserId', 'không có tài khoản đang hoạt động này');
    await this.changeAs(user, id, async ({ inquiry, emit }) => {
      const to = inquiry.status === InquiryStatus.Received ? InquiryStatus.Assigned : inquiry.status;
      if (to !== inquiry.status && !canTransition(inquiry.status, to)) throw this.badTransition(inquiry, to);
      inquiry.ownerUserId = owner.id;
      inquiry.status = to;
      emit('inquiry.assigned', {
        ownerUserId: owner.id,
        ownerName: owner.displayName,
        note: dto.note ?? null,
      });
    });
    return this.get(user, id);
  }

  async answerQuestion(user: AuthUser, id: string, questionId: string, dto: AnswerQuestionDto) {
    await this.changeAs(user, id, async ({ manager, inquiry, emit }) => {
      const q = await manager.findOneBy(PressInquiryQuestion, { id: questionId, inquiryId: inquiry.id });
      if (!q) throw AppError.notFound('câu hỏi', questionId);
      if (inquiry.status === InquiryStatus.InReview)
        throw new AppError(
          ErrorCode.CONFLICT,
          'Văn bản trả lời đang trình duyệt: không sửa câu trả lời lúc này',
        );
      q.answer = dto.answer.trim() ? dto.answer.normalize('NFC') : null;
      q.answeredAt = q.answer ? new Date() : null;
      await manager.save(q);
      emit('inquiry.question_answered', {
        questionId: q.id,
        position: q.position,
        answered: Boolean(q.answer),
      });
    });
    return this.get(user, id);
  }

  /** Attaches the request to an open incident, or opens one from it. */
  async linkIncident(user: AuthUser, id: string, dto: LinkIncidentDto) {
    if (Boolean(dto.incidentId) === Boolean(dto.openIncident))
      throw fieldError('incidentId', 'cần đúng một trong incidentId (sự cố đang mở) hoặc openIncident');
    const inquiry = await this.visible(user, id);
    if (dto.incidentId) await this.incidentLinks.openIncidentOf(user, dto.incidentId);
    else await this.incidentLinks.assertMayOpen(user, inquiry.orgUnitId);
    let events: CommittedIncidentEvent[] = [];
    await this.changeAs(user, id, async ({ manager, inquiry: locked, emit }) => {
      if (locked.incidentId) throw fieldError('incidentId', 'đề nghị đã gắn với một sự cố');
      if (dto.incidentId) {
        events = await this.incidentLinks.attachWithin(manager, locked, dto.incidentId);
        emit('inquiry.incident_linked', { incidentId: dto.incidentId, opened: false });
      } else {
        const opened = await this.incidentLinks.openWithin(manager, user, locked, dto.openIncident!);
        events = opened.events;
        emit('inquiry.incident_linked', { incidentId: opened.id, opened: true });
      }
    });
    await this.incidentLinks.publish(events);
    return this.get(user, id);
  }

  /** Hands the request to another unit: this one ends `transferred`, a new one starts there, same clock. */
  async transfer(user: AuthUser, id: string, dto: TransferInquiryDto) {
    const source = await this.visible(user, id);
    const on = vietnamDate(new Date());
    const routing = await this.routing
      .route({ addressedOrgUnitId: dto.toOrgUnitId, on })
      .catch((e: unknown) => {
        if (e instanceof AppError && e.code === ErrorCode.VALIDATION_FAILED)
          throw fieldError('toOrgUnitId', 'không có đơn vị này, hoặc đơn vị không còn hoạt động');
        throw e;
      });
    if (routing.unit.id === source.orgUnitId) throw fieldError('toOrgUnitId', 'đề nghị đã thuộc đơn vị này');
    const newId = await this.changeAs(user, id, async ({ manager, inquiry, emit }) => {
      if (!canTransition(inquiry.status, InquiryStatus.Transferred))
        throw this.badTransition(inquiry, InquiryStatus.Transferred);
      const copy = await manager.save(
        manager.create(PressInquiry, {
          ...inquiry,
          id: undefined,
          orgUnitId: routing.unit.id,
          routing: { ...routing, reason: 'addressed' },
          spokespersonPersonId: routing.spokespersons[0]?.personId ?? null,
          status: InquiryStatus.Received,
          ownerUserId: null,
          incidentId: null,
          statementId: null,
          outcome: null,
          refusalGroundKey: null,
          warnedPercent: 0,
          lastSeq: 0,
          createdByUserId: user.id,
          createdAt: undefined,
          updatedAt: undefined,
        }),
      );
      const questions = await manager.findBy(PressInquiryQuestion, { inquiryId: inquiry.id });
      await manager.save(
        questions.map((q) =>
          manager.create(PressInquiryQuestion, { inquiryId: copy.id, position: q.position, text: q.text }),
        ),
      );
      await this.log.append(
        manager,
        copy,
        [{ type: 'inquiry.received', payload: { transferredFromInquiryId: inquiry.id, reason: dto.reason } }],
        user.id,
      );
      await this.clock.schedule(manager, copy);
      await this.clock.cancel(manager, inquiry.id);
      inquiry.status = InquiryStatus.Transferred;
      inquiry.transferredToOrgUnitId = routing.unit.id;
      inquiry.closedAt = new Date();
      emit('inquiry.transferred', {
        toOrgUnitId: routing.unit.id,
        toName: routing.unit.name,
        newInquiryId: copy.id,
        reason: dto.reason,
      });
      return copy.id;
    });
    return { transferred: await this.get(user, id), created: { id: newId } };
  }

  /** Journalists' history: their requests the user may see. */
  historyOf(user: AuthUser, journalistId: string, query: ListInquiriesQueryDto) {
    return this.list(user, { ...query, journalistId });
  }

  badTransition(inquiry: PressInquiry, to: InquiryStatus) {
    return new AppError(
      ErrorCode.INVALID_TRANSITION,
      `Không chuyển được từ "${INQUIRY_STATUS_LABEL_VI[inquiry.status]}" sang "${INQUIRY_STATUS_LABEL_VI[to]}"`,
      { from: inquiry.status, to },
    );
  }

  /** Statuses of the requests answered by these statements (for the answers flow). */
  findByStatement(statementIds: string[], manager: EntityManager = this.dataSource.manager) {
    if (!statementIds.length) return Promise.resolve([]);
    return manager.findBy(PressInquiry, { statementId: In(statementIds) });
  }
}
