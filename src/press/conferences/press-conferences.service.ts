import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentVisibility } from '../../access/incident-visibility.js';
import { AuditService } from '../../audit/audit.service.js';
import type { AuthUser } from '../../auth/decorators.js';
import { AppError, ErrorCode } from '../../common/app-error.js';
import { OrgUnitsService } from '../../directory/org-units.service.js';
import { SpokespersonDesignationsService } from '../../directory/spokesperson-designations.service.js';
import { todayInVietnam } from '../../common/dates.js';
import {
  AskedQuestionDto,
  CommitmentDto,
  CreateConferenceDto,
  HoldConferenceDto,
  ListConferencesQueryDto,
  UpdateConferenceDto,
} from './dto/press-conference.dto.js';
import { PressConferenceCommitment } from './entities/press-conference-commitment.entity.js';
import { PressConferenceQuestion } from './entities/press-conference-question.entity.js';
import { PressConference } from './entities/press-conference.entity.js';
import { PreparedLines } from './prepared-lines.js';
import { PressOutletsService } from '../press-outlets.service.js';
import { PressConferencesRepository } from './press-conferences.repository.js';

const invalid = (field: string, message: string, detail: string) =>
  new AppError(ErrorCode.VALIDATION_FAILED, message, [{ field, messages: [`${field}: ${detail}`] }]);

/**
 * Press conferences: planned (agenda, invited outlets, the spokesperson designated on the day, anticipated
 * questions with lines drawn from the linked incident's verified facts and approved statements), held (attendance,
 * questions asked and by whom, commitments with owners and due times, statements issued, the chair's conclusion).
 * Every write is one transaction with its audit record; a unit's conferences are seen by it and its ancestors.
 */
@Injectable()
export class PressConferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PressConferencesRepository,
    private readonly outlets: PressOutletsService,
    private readonly visibility: IncidentVisibility,
    private readonly units: OrgUnitsService,
    private readonly designations: SpokespersonDesignationsService,
    private readonly lines: PreparedLines,
    private readonly audit: AuditService,
  ) {}

  async create(user: AuthUser, dto: CreateConferenceDto) {
    await this.visibility.assertUnitInScope(
      user,
      dto.orgUnitId,
      'Chỉ được tổ chức họp báo cho đơn vị mình hoặc đơn vị cấp dưới',
    );
    const draft = this.dataSource.manager.create(PressConference, {
      orgUnitId: dto.orgUnitId,
      kind: dto.kind,
      title: dto.title,
      startsAt: new Date(dto.startsAt),
      place: dto.place,
      chairName: dto.chairName,
      createdByUserId: user.id,
    });
    await this.applyPlan(user, draft, dto);
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await manager.save(draft);
      await this.audit.record(manager, {
        action: 'press_conference.created',
        entityType: 'press_conference',
        entityId: row.id,
        data: { ...dto },
      });
      return row;
    });
    return this.get(user, saved.id);
  }

  async update(user: AuthUser, id: string, dto: UpdateConferenceDto) {
    return this.change(user, id, 'press_conference.updated', { ...dto }, async (c) => {
      if (c.status !== 'planned')
        throw new AppError(ErrorCode.CONFLICT, 'Chỉ sửa kế hoạch của cuộc họp báo chưa diễn ra');
      if (dto.title !== undefined) c.title = dto.title;
      if (dto.startsAt !== undefined) c.startsAt = new Date(dto.startsAt);
      if (dto.place !== undefined) c.place = dto.place;
      if (dto.chairName !== undefined) c.chairName = dto.chairName;
      await this.applyPlan(user, c, dto);
    });
  }

  async hold(user: AuthUser, id: string, dto: HoldConferenceDto) {
    return this.change(user, id, 'press_conference.held', { ...dto }, async (c, manager) => {
      if (c.status !== 'planned')
        throw new AppError(ErrorCode.CONFLICT, 'Cuộc họp báo này đã diễn ra hoặc đã hủy');
      c.heldAt = dto.heldAt ? new Date(dto.heldAt) : c.startsAt;
      if (dto.endsAt) c.endsAt = new Date(dto.endsAt);
      if (c.endsAt && c.endsAt < c.heldAt)
        throw invalid('endsAt', 'Giờ kết thúc trước giờ bắt đầu', 'phải sau heldAt');
      const ids = (dto.attendance ?? []).flatMap((a) => (a.outletId ? [a.outletId] : []));
      const names = await this.outletNamesOrFail(ids, 'attendance', manager);
      c.attendance = (dto.attendance ?? []).map((a) => ({
        outletId: a.outletId ?? null,
        outletName: a.outletId ? names.get(a.outletId)! : a.outletName!,
      }));
      if (dto.statementsIssued?.some((s) => s.statementId)) {
        const known = c.incidentId ? await this.lines.statementIds(user, c.incidentId) : new Set<string>();
        const stray = dto.statementsIssued.find((s) => s.statementId && !known.has(s.statementId));
        if (stray)
          throw invalid(
            'statementsIssued',
            'Văn bản không thuộc sự cố gắn với cuộc họp báo',
            `${stray.statementId} không thuộc sự cố liên quan`,
          );
      }
      c.statementsIssued = (dto.statementsIssued ?? []).map((s) => ({
        title: s.title,
        statementId: s.statementId ?? null,
      }));
      c.conclusion = dto.conclusion ?? null;
      c.status = 'held';
    });
  }

  async addQuestion(user: AuthUser, id: string, dto: AskedQuestionDto) {
    return this.change(user, id, 'press_conference.question_recorded', { ...dto }, async (c, manager) => {
      if (c.status === 'cancelled') throw new AppError(ErrorCode.CONFLICT, 'Cuộc họp báo đã hủy');
      let askedBy = dto.askedBy ?? null;
      let outletId = dto.outletId ?? null;
      let outletName = dto.outletName ?? null;
      if (dto.journalistId) {
        const j = await this.outlets.getJournalist(dto.journalistId, manager).catch(() => null);
        if (!j) throw invalid('journalistId', 'Không tìm thấy nhà báo', 'không có trong danh bạ báo chí');
        askedBy = askedBy ?? j.fullName;
        outletId = j.outletId;
        outletName = j.outlet?.name ?? null;
      } else if (outletId) {
        outletName = (await this.outletNamesOrFail([outletId], 'outletId', manager)).get(outletId)!;
      }
      const next = await this.repository.nextQuestionPosition(c.id, manager);
      await manager.save(
        manager.create(PressConferenceQuestion, {
          conferenceId: c.id,
          position: next,
          journalistId: dto.journalistId ?? null,
          askedBy: askedBy!,
          outletId,
          outletName,
          question: dto.question,
          answer: dto.answer ?? null,
          answeredBy: dto.answeredBy ?? null,
        }),
      );
    });
  }

  async addCommitment(user: AuthUser, id: string, dto: CommitmentDto) {
    return this.change(user, id, 'press_conference.commitment_added', { ...dto }, async (c, manager) => {
      if (c.status === 'cancelled') throw new AppError(ErrorCode.CONFLICT, 'Cuộc họp báo đã hủy');
      if (!(await this.units.byIds([dto.ownerOrgUnitId], manager)).length)
        throw invalid('ownerOrgUnitId', 'Không tìm thấy đơn vị thực hiện', 'không có trong danh bạ');
      if (
        dto.questionId &&
        !(await manager.findOneBy(PressConferenceQuestion, { id: dto.questionId, conferenceId: c.id }))
      )
        throw invalid('questionId', 'Câu hỏi không thuộc cuộc họp báo này', 'không thuộc cuộc họp báo');
      const dueAt = new Date(dto.dueAt);
      if (dueAt < (c.heldAt ?? c.startsAt))
        throw invalid('dueAt', 'Hạn thực hiện trước ngày họp báo', 'phải sau thời điểm họp báo');
      await manager.save(
        manager.create(PressConferenceCommitment, {
          conferenceId: c.id,
          questionId: dto.questionId ?? null,
          description: dto.description,
          ownerOrgUnitId: dto.ownerOrgUnitId,
          ownerName: dto.ownerName ?? null,
          dueAt,
        }),
      );
    });
  }

  async completeCommitment(user: AuthUser, id: string, commitmentId: string) {
    return this.change(user, id, 'press_conference.commitment_done', { commitmentId }, async (c, manager) => {
      const x = await manager.findOneBy(PressConferenceCommitment, { id: commitmentId, conferenceId: c.id });
      if (!x) throw AppError.notFound('cam kết', commitmentId);
      if (x.doneAt) throw new AppError(ErrorCode.CONFLICT, 'Cam kết này đã hoàn thành');
      x.doneAt = new Date();
      await manager.save(x);
    });
  }

  async list(user: AuthUser, query: ListConferencesQueryDto) {
    const scope = await this.visibility.unitScope(user);
    return this.repository.list({ scope, orgUnitId: query.orgUnitId, status: query.status });
  }

  async get(user: AuthUser, id: string) {
    const c = await this.visible(user, id);
    const [questions, commitments, outlets] = await Promise.all([
      this.dataSource
        .getRepository(PressConferenceQuestion)
        .find({ where: { conferenceId: id }, order: { position: 'ASC' } }),
      this.dataSource
        .getRepository(PressConferenceCommitment)
        .find({ where: { conferenceId: id }, order: { dueAt: 'ASC' } }),
      this.outletNames(c.invitedOutletIds),
    ]);
    const unitNames = new Map(
      (await this.units.byIds([...new Set(commitments.map((x) => x.ownerOrgUnitId))])).map((u) => [
        u.id,
        u.name,
      ]),
    );
    const now = Date.now();
    return {
      ...c,
      invitedOutlets: c.invitedOutletIds.map((o) => ({ id: o, name: outlets.get(o) ?? null })),
      questions,
      commitments: commitments.map((x) => ({
        ...x,
        ownerOrgUnitName: unitNames.get(x.ownerOrgUnitId) ?? null,
        overdue: !x.doneAt && x.dueAt.getTime() < now,
      })),
    };
  }

  /** The verified facts and approved statements of the linked incident, to prepare lines from. */
  async preparedLineSources(user: AuthUser, id: string) {
    const c = await this.visible(user, id);
    return c.incidentId ? this.lines.sources(user, c.incidentId) : { facts: [], statements: [] };
  }

  /** A conference the user may see (its unit in scope), else 404. */
  async visible(user: AuthUser, id: string): Promise<PressConference> {
    const c = await this.dataSource.getRepository(PressConference).findOneBy({ id });
    if (!c || !(await this.visibility.isUnitInScope(user, c.orgUnitId)))
      throw AppError.notFound('cuộc họp báo', id);
    return c;
  }

  /** Spokesperson, incident, agenda, invitations and anticipated questions of a plan, checked. */
  private async applyPlan(user: AuthUser, c: PressConference, dto: UpdateConferenceDto) {
    if (dto.endsAt !== undefined) c.endsAt = new Date(dto.endsAt);
    if (c.endsAt && c.endsAt < c.startsAt)
      throw invalid('endsAt', 'Giờ kết thúc trước giờ bắt đầu', 'phải sau startsAt');
    if (dto.chairPosition !== undefined) c.chairPosition = dto.chairPosition;
    if (dto.agenda !== undefined) c.agenda = dto.agenda;
    if (dto.incidentId !== undefined) {
      await this.lines.assertIncidentVisible(user, dto.incidentId);
      c.incidentId = dto.incidentId;
    }
    if (dto.spokespersonDesignationId !== undefined || dto.startsAt !== undefined) {
      const designationId = dto.spokespersonDesignationId ?? c.spokespersonDesignationId;
      if (designationId) {
        const on = todayInVietnam(c.startsAt);
        const speakers = await this.designations.speakersFor(c.orgUnitId, { on });
        const speaker = [...speakers.spokespersons, ...speakers.authorized].find(
          (s) => s.designationId === designationId,
        );
        if (!speaker)
          throw invalid(
            'spokespersonDesignationId',
            'Người này không được giao nhiệm vụ phát ngôn của đơn vị vào ngày họp báo',
            `không có quyết định phát ngôn của đơn vị còn hiệu lực ngày ${on}`,
          );
        c.spokespersonDesignationId = designationId;
        c.spokespersonName = speaker.person.fullName;
        c.spokespersonPosition = speaker.person.position;
      }
    }
    if (dto.invitedOutletIds !== undefined) {
      await this.outletNamesOrFail(dto.invitedOutletIds, 'invitedOutletIds');
      c.invitedOutletIds = dto.invitedOutletIds;
    }
    if (dto.anticipatedQuestions !== undefined) {
      c.anticipatedQuestions = await this.lines.prepare(user, c.incidentId, dto.anticipatedQuestions);
    }
  }

  private async outletNames(ids: string[], manager?: EntityManager): Promise<Map<string, string>> {
    return new Map((await this.outlets.findByIds(ids, manager)).map((o) => [o.id, o.name]));
  }

  private async outletNamesOrFail(ids: string[], field: string, manager?: EntityManager) {
    const names = await this.outletNames(ids, manager);
    const missing = ids.filter((o) => !names.has(o));
    if (missing.length)
      throw invalid(
        field,
        'Không tìm thấy cơ quan báo chí',
        `không có trong danh bạ báo chí: ${missing.join(', ')}`,
      );
    return names;
  }

  /** One change: the conference locked, the work, the audit record, one commit. */
  private async change(
    user: AuthUser,
    id: string,
    action: string,
    data: Record<string, unknown>,
    work: (c: PressConference, manager: EntityManager) => Promise<void>,
  ) {
    await this.visible(user, id);
    await this.dataSource.transaction(async (manager) => {
      const c = await manager.findOne(PressConference, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!c) throw AppError.notFound('cuộc họp báo', id);
      await work(c, manager);
      await manager.save(c);
      await this.audit.record(manager, { action, entityType: 'press_conference', entityId: id, data });
    });
    return this.get(user, id);
  }
}
