import type { Page } from '../contracts/enums.js';
import type {
  StatementDetail,
  Statement as StatementView,
  SubmitResult,
  Version,
  VersionDetail,
  VersionDiff,
} from '../contracts/statements.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { IncidentFactsService } from '../incidents/incident-facts.service.js';
import { fieldError, validationFailed } from '../common/validation.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import type { IncidentChange } from '../incidents/incident-timeline.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import {
  CorrectStatementDto,
  CreateStatementDto,
  SubmitStatementDto,
  UpdateStatementDto,
} from './dto/statement.dto.js';
import { ApprovalDecision } from './entities/approval-decision.entity.js';
import { ApprovalStage } from './entities/approval-stage.entity.js';
import { StatementPublication } from './entities/statement-publication.entity.js';
import { StatementVersionReview } from './entities/statement-version-review.entity.js';
import { StatementVersion, VersionStatus } from './entities/statement-version.entity.js';
import { Statement } from './entities/statement.entity.js';
import { StatementAccess } from './statement-access.js';
import { StatementsRepository } from './statements.repository.js';
import {
  publicationView,
  statementView,
  versionDiff,
  versionSummary,
  versionView,
} from './statement-views.js';
import { ApprovalChains } from './approval-chains.js';
import { ApprovalPlanner } from './approval-plan.service.js';
import { StatementDocs } from './statement-docs.js';
import { StatementDocumentsService } from './statement-documents.service.js';
import { StatementDocsRepository } from './statement-docs.repository.js';
import { docFromParts, draftText, initialState, renderCanonical, sha256Hex } from './statement-text.js';
import { STATEMENT_STATUS_LABEL_VI, STATEMENT_TYPE_LABEL_VI, StatementStatus } from './statement-types.js';

/**
 * Statements of an incident: creation, the draft's current text, submission (freeze → canonical text → immutable
 * version with its SHA-256 → approval chain), versions and their word diff, corrections. Every change goes
 * through the incident's one write path.
 */
@Injectable()
export class StatementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: IncidentTimeline,
    private readonly incidents: IncidentsService,
    private readonly access: StatementAccess,
    private readonly docs: StatementDocs,
    private readonly docsRepository: StatementDocsRepository,
    private readonly planner: ApprovalPlanner,
    private readonly chains: ApprovalChains,
    private readonly documents: StatementDocumentsService,
    private readonly facts: IncidentFactsService,
    private readonly repository: StatementsRepository,
  ) {}

  async list(user: AuthUser, incidentId: string): Promise<Page<StatementView>> {
    await this.incidents.getVisible(user, incidentId);
    const items = await this.dataSource
      .getRepository(Statement)
      .find({ where: { incidentId }, order: { createdAt: 'ASC' } });
    return { items: items.map(statementView) };
  }

  async create(
    user: AuthUser,
    incidentId: string,
    dto: CreateStatementDto,
    relatesTo?: Statement,
  ): Promise<StatementView> {
    await this.incidents.getVisible(user, incidentId);
    const rights = await this.access.rights(user, incidentId);
    this.access.assertCanEdit(rights);
    const statement = await this.timeline.change(incidentId, (change) =>
      this.createWithin(change, user.id, dto, relatesTo),
    );
    return statementView(statement);
  }

  /**
   * Creates a draft inside an open change (applying a playbook creates its drafts with its tasks, in one
   * transaction). The caller has checked the user's rights.
   */
  async createWithin(
    change: IncidentChange,
    userId: string,
    dto: CreateStatementDto,
    relatesTo?: Statement,
    origin?: Record<string, unknown>,
  ): Promise<Statement> {
    const incidentId = change.incident.id;
    this.incidents.assertWritable(change.incident);
    const cited = await this.checkFacts(change.manager, incidentId, dto.citedFactIds ?? []);
    const s = await change.manager.save(
      change.manager.create(Statement, {
        incidentId,
        type: dto.type,
        status: StatementStatus.Draft,
        channels: dto.channels ?? [],
        citedFactIds: cited,
        currentVersion: 0,
        relatesToStatementId: relatesTo?.id ?? null,
        relation: relatesTo ? ((dto as CorrectStatementDto).relation ?? null) : null,
        createdByUserId: userId,
      }),
    );
    await this.docsRepository.initialize(change.manager, s.id, initialState(dto.title, dto.body ?? ''), 1);
    change.emit(
      'statement.created',
      {
        statementId: s.id,
        type: s.type,
        typeLabel: STATEMENT_TYPE_LABEL_VI[s.type],
        title: dto.title.normalize('NFC'),
        relatesToStatementId: s.relatesToStatementId,
        relation: s.relation,
        ...(origin ? { origin } : {}),
      },
      { type: 'statement', id: s.id },
    );
    return s;
  }

  /** A correction or withdrawal is a new statement linked to the published one. */
  async correct(user: AuthUser, statementId: string, dto: CorrectStatementDto): Promise<StatementView> {
    const { statement } = await this.access.load(user, statementId);
    // Who may not write one learns nothing of the statement's state.
    this.access.assertCanEdit(await this.access.rights(user, statement.incidentId));
    if (statement.status !== StatementStatus.Published) {
      throw new AppError(
        ErrorCode.CONFLICT,
        'Chỉ cải chính hoặc thu hồi được văn bản đã công bố; văn bản chưa công bố thì sửa bản dự thảo',
      );
    }
    return this.create(
      user,
      statement.incidentId,
      {
        type: dto.type ?? statement.type,
        title: dto.title,
        body: dto.body,
        channels: statement.channels as CreateStatementDto['channels'],
        relation: dto.relation,
      } as CreateStatementDto & { relation: CorrectStatementDto['relation'] },
      statement,
    );
  }

  async get(user: AuthUser, statementId: string): Promise<StatementDetail> {
    const { statement, incident } = await this.access.load(user, statementId);
    const rights = await this.access.rights(user, incident.id);
    const [draft, versions, publications] = await Promise.all([
      this.currentText(statementId),
      this.repository.versionsOf(this.dataSource.manager, statementId),
      this.dataSource
        .getRepository(StatementPublication)
        .find({ where: { statementId }, order: { publishedAt: 'ASC' } }),
    ]);
    return {
      ...statementView(statement),
      draft,
      rights: {
        canEdit: rights.canEdit && statement.status === StatementStatus.Draft,
        canComment: rights.canComment,
        canPublish: rights.canPublish,
        groupRoles: rights.roles.map((r) => r.role),
      },
      versions: versions.map(({ version, review }) => versionSummary(version, review)),
      approval: statement.currentVersion
        ? await this.chains.chainOf(statementId, statement.currentVersion)
        : null,
      publications: publications.map(publicationView),
    };
  }

  async update(user: AuthUser, statementId: string, dto: UpdateStatementDto): Promise<StatementView> {
    const { statement, incident } = await this.access.load(user, statementId);
    this.access.assertCanEdit(await this.access.rights(user, incident.id));
    const updated = await this.timeline.change(incident.id, async (change) => {
      this.incidents.assertWritable(change.incident);
      const s = await this.lockDraft(change.manager, statement.id);
      const changes: Record<string, unknown> = {};
      if (dto.channels) changes.channels = s.channels = dto.channels;
      if (dto.citedFactIds) {
        changes.citedFactIds = s.citedFactIds = await this.checkFacts(
          change.manager,
          incident.id,
          dto.citedFactIds,
        );
      }
      await change.manager.save(s);
      change.emit('statement.updated', { statementId: s.id, changes }, { type: 'statement', id: s.id });
      return s;
    });
    return statementView(updated);
  }

  /**
   * Submits the draft: closes its gate on every node and waits until every change they relayed is stored,
   * locks the statement (appends in flight finish first; later ones find it frozen), renders the stored document, stores the immutable version with
   * its SHA-256 and opens the approval chain the policy gives.
   */
  async submit(user: AuthUser, statementId: string, dto: SubmitStatementDto): Promise<SubmitResult> {
    const { statement, incident } = await this.access.load(user, statementId);
    this.access.assertCanEdit(await this.access.rights(user, incident.id));
    // Every node stops relaying edits of it and stores what it relayed: the version holds all anyone saw.
    await this.docs.freeze(statementId);
    const result = await this.submitStored(user, statement, dto).catch((e: unknown) => {
      this.docs.reopen(statementId);
      throw e;
    });
    this.docs.announceStatus({
      statementId,
      incidentId: incident.id,
      status: result.statement.status,
      currentVersion: result.statement.currentVersion,
    });
    return {
      statement: statementView(result.statement),
      version: versionView(result.version, VersionStatus.InReview),
      approval: await this.chains.chainOf(statementId, result.version.number),
    };
  }

  /** The submission's transaction: the stored draft rendered into the version, the approval chain opened. */
  private submitStored(user: AuthUser, statement: Statement, dto: SubmitStatementDto) {
    return this.timeline.change(statement.incidentId, async (change) => {
      this.incidents.assertWritable(change.incident);
      const s = await this.lockDraft(change.manager, statement.id);
      const state = await this.docsRepository.load(s.id, change.manager);
      const doc = docFromParts(state.parts);
      const { title, body } = draftText(doc);
      doc.destroy();
      if (!title.trim() || !body.trim()) {
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'Tiêu đề và nội dung văn bản không được để trống', [
          {
            field: title.trim() ? 'body' : 'title',
            messages: ['không được để trống'],
            constraints: ['isNotEmpty'],
          },
        ]);
      }
      const rendered = renderCanonical(title, body);
      const sha256 = sha256Hex(rendered);
      const plan = await this.planner.plan(change.manager, change.incident, s, rendered);
      const number = s.currentVersion + 1;
      const version = await change.manager.save(
        change.manager.create(StatementVersion, {
          statementId: s.id,
          number,
          title: title.normalize('NFC').trim(),
          body: body.normalize('NFC'),
          rendered,
          sha256,
          citedFactIds: s.citedFactIds,
          policy: plan.snapshot,
          submittedByUserId: user.id,
        }),
      );
      await change.manager.insert(StatementVersionReview, {
        versionId: version.id,
        status: VersionStatus.InReview,
        decidedAt: null,
      });
      s.status = StatementStatus.InReview;
      s.currentVersion = number;
      await change.manager.save(s);
      change.emit(
        'statement.submitted',
        {
          statementId: s.id,
          versionNumber: number,
          sha256,
          title: version.title,
          note: dto.note ?? null,
          policy: plan.snapshot,
        },
        { type: 'statement_version', id: version.id },
      );
      await this.planner.openChain(change, s, version, plan);
      return { statement: s, version };
    });
  }

  /** Each version with its canonical text and hash (what approvals bind to) and its rendering as a document. */
  async versions(user: AuthUser, statementId: string): Promise<Page<Version>> {
    const { statement, incident } = await this.access.load(user, statementId);
    const list = await this.repository.versionsOf(this.dataSource.manager, statementId);
    const documents = await Promise.all(
      list.map(({ version }) => this.documents.renderingOf(statement, incident, version)),
    );
    return {
      items: list.map(({ version, review }, i) => ({
        ...versionView(version, review?.status ?? null),
        document: documents[i],
      })),
    };
  }

  async version(user: AuthUser, statementId: string, number: number): Promise<VersionDetail> {
    const { statement, incident } = await this.access.load(user, statementId);
    const version = await this.repository.versionOrFail(this.dataSource.manager, statementId, number);
    const review = await this.dataSource
      .getRepository(StatementVersionReview)
      .findOneBy({ versionId: version.id });
    const [stages, decisions] = await Promise.all([
      this.dataSource.getRepository(ApprovalStage).find({ where: { versionId: version.id } }),
      this.dataSource.getRepository(ApprovalDecision).find({ where: { versionId: version.id } }),
    ]);
    return {
      ...versionView(version, review?.status ?? null),
      document: await this.documents.renderingOf(statement, incident, version),
      approval: await this.chains.chainView(stages, decisions),
    };
  }

  /** Word-level diff between two versions' canonical texts. */
  async diff(user: AuthUser, statementId: string, from: number, to: number): Promise<VersionDiff> {
    await this.access.load(user, statementId);
    const [a, b] = await Promise.all([
      this.repository.versionOrFail(this.dataSource.manager, statementId, from),
      this.repository.versionOrFail(this.dataSource.manager, statementId, to),
    ]);
    return versionDiff(a, b);
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  /** The draft's text as stored (every acknowledged update is in the snapshot + log). */
  private async currentText(statementId: string): Promise<{ title: string; body: string }> {
    const state = await this.docsRepository.load(statementId);
    const doc = docFromParts(state.parts);
    try {
      return draftText(doc);
    } finally {
      doc.destroy();
    }
  }

  private async lockDraft(manager: EntityManager, statementId: string): Promise<Statement> {
    const s = await manager.findOne(Statement, {
      where: { id: statementId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!s) throw AppError.notFound('văn bản', statementId);
    if (s.status !== StatementStatus.Draft) {
      throw new AppError(
        ErrorCode.STATEMENT_NOT_DRAFT,
        `Văn bản đang ở trạng thái "${STATEMENT_STATUS_LABEL_VI[s.status]}", không phải dự thảo`,
      );
    }
    return s;
  }

  /** Statements cite verified facts of their own incident only. */
  private async checkFacts(manager: EntityManager, incidentId: string, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)];
    if (!unique.length) return [];
    const facts = await this.facts.verifiedWithin(manager, incidentId, unique);
    const bad = unique.filter((id) => !facts.some((f) => f.id === id));
    if (bad.length) {
      throw validationFailed(
        [
          fieldError(
            'citedFactIds',
            'verifiedFact',
            ...bad.map((id) => `citedFactIds: ${id} không phải sự kiện đã xác minh của sự cố`),
          ),
        ],
        'Chỉ được trích dẫn sự kiện đã xác minh của sự cố này',
      );
    }
    return unique;
  }
}
