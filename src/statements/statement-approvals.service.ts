import type { Page } from '../contracts/enums.js';
import type { ApprovalItem, DecisionResult } from '../contracts/statements.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { UsersService } from '../auth/users.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { fieldError, validationFailed } from '../common/validation.js';
import type { IncidentChange } from '../incidents/incident-timeline.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { ApprovalChains, decisionView } from './approval-chains.js';
import { ApprovalEligibility } from './approval-eligibility.js';
import { ApprovalPlanner } from './approval-plan.service.js';
import { DecisionDto } from './dto/statement.dto.js';
import { ApprovalDecision } from './entities/approval-decision.entity.js';
import { ApprovalStage } from './entities/approval-stage.entity.js';
import { StatementVersionReview } from './entities/statement-version-review.entity.js';
import { StatementVersion, VersionStatus } from './entities/statement-version.entity.js';
import { Statement } from './entities/statement.entity.js';
import { StatementDocs } from './statement-docs.js';
import {
  DecisionKind,
  STATEMENT_STATUS_LABEL_VI,
  STATEMENT_TYPE_LABEL_VI,
  StageStatus,
  StatementStatus,
} from './statement-types.js';
import { StatementsRepository } from './statements.repository.js';

/** Wrong step-up passwords tolerated per user and window (a stolen token must not become a password oracle). */
const STEP_UP_MAX_FAILURES = 5;
const STEP_UP_WINDOW_MS = 15 * 60_000;

/**
 * Approval decisions (ARCHITECTURE.md "Versions and approval"): decisions bound to the version's (number,
 * sha256) with the password re-entered to approve, quorums, the next step or the outcome, and each user's
 * inbox. The plan lives in `approval-plan.service.ts`, who may decide in `approval-eligibility.ts`, delegation
 * in `approval-delegations.service.ts`, the SLA timer in `approvals.flow.ts`.
 */
@Injectable()
export class StatementApprovalsService {
  private readonly stepUpFailures = new Map<string, number[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: IncidentTimeline,
    private readonly incidents: IncidentsService,
    private readonly repository: StatementsRepository,
    private readonly notifications: NotificationsService,
    private readonly docs: StatementDocs,
    private readonly users: UsersService,
    private readonly planner: ApprovalPlanner,
    private readonly eligibility: ApprovalEligibility,
    private readonly chains: ApprovalChains,
  ) {}

  async decide(
    user: AuthUser,
    statementId: string,
    versionNumber: number,
    dto: DecisionDto,
  ): Promise<DecisionResult> {
    const statement = await this.dataSource.getRepository(Statement).findOneBy({ id: statementId });
    if (!statement) throw AppError.notFound('văn bản', statementId);
    const incident = await this.incidents.getVisible(user, statement.incidentId).catch((e: unknown) => {
      throw e instanceof AppError && e.code === ErrorCode.NOT_FOUND
        ? AppError.notFound('văn bản', statementId)
        : e;
    });
    if (dto.decision !== DecisionKind.Approve && !dto.reason) {
      throw validationFailed(
        [fieldError('reason', 'isDefined', 'reason: bắt buộc khi từ chối hoặc yêu cầu sửa')],
        'Cần nêu lý do khi từ chối hoặc yêu cầu sửa',
      );
    }
    // Ký duyệt: the password again (checked before any lock is taken: hashing is slow on purpose).
    if (dto.decision === DecisionKind.Approve) await this.stepUp(user, dto.password);
    const outcome = await this.timeline.change(incident.id, async (change) => {
      this.incidents.assertWritable(change.incident);
      const s = await change.manager.findOne(Statement, {
        where: { id: statementId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!s) throw AppError.notFound('văn bản', statementId);
      if (s.currentVersion !== versionNumber || s.status !== StatementStatus.InReview) {
        throw new AppError(
          ErrorCode.STATEMENT_VERSION_STALE,
          `Phiên bản ${versionNumber} không còn là phiên bản đang trình duyệt` +
            (s.currentVersion
              ? ` (phiên bản hiện tại: ${s.currentVersion}, trạng thái: ${STATEMENT_STATUS_LABEL_VI[s.status]})`
              : ''),
          { currentVersion: s.currentVersion || null, status: s.status },
        );
      }
      const version = await change.manager.findOneByOrFail(StatementVersion, {
        statementId,
        number: versionNumber,
      });
      if (version.sha256 !== dto.sha256.toLowerCase()) {
        throw new AppError(
          ErrorCode.STATEMENT_HASH_MISMATCH,
          'Mã băm không khớp với phiên bản đang trình: văn bản bạn xem không phải văn bản được trình duyệt',
          { expected: version.sha256 },
        );
      }
      const stages = await change.manager.find(ApprovalStage, { where: { versionId: version.id } });
      const { stage, who } = await this.eligibility.chooseStage(
        change.manager,
        user,
        change.incident,
        stages,
        dto.stageKey,
      );
      if (
        await change.manager.existsBy(ApprovalDecision, {
          stageId: stage.id,
          countedForUserId: who.countedForUserId,
        })
      ) {
        throw new AppError(
          ErrorCode.ALREADY_DECIDED,
          `Đã có quyết định cho bước "${stage.name}" của người này`,
        );
      }
      const decision = await change.manager.save(
        change.manager.create(ApprovalDecision, {
          statementId,
          versionId: version.id,
          versionNumber,
          stageId: stage.id,
          decision: dto.decision,
          sha256: version.sha256,
          reason: dto.reason ?? null,
          decidedByUserId: user.id,
          countedForUserId: who.countedForUserId,
          delegationId: who.delegationId,
          steppedUp: dto.decision === DecisionKind.Approve,
        }),
      );
      change.emit(
        'statement.decision_recorded',
        {
          statementId,
          versionNumber,
          sha256: version.sha256,
          stageKey: stage.key,
          decision: dto.decision,
          reason: dto.reason ?? null,
          decidedByUserId: user.id,
          onBehalfOfUserId: who.delegationId ? who.countedForUserId : null,
        },
        { type: 'statement_decision', id: decision.id },
      );
      if (dto.decision === DecisionKind.Approve) {
        await this.afterApproval(change, s, version, stages, stage);
      } else {
        await this.afterRefusal(change, s, version, stages, stage, dto);
      }
      return { statement: s, decision };
    });
    this.docs.announceStatus({
      statementId,
      incidentId: incident.id,
      status: outcome.statement.status,
      currentVersion: outcome.statement.currentVersion,
    });
    return {
      decision: decisionView(outcome.decision),
      statementStatus: outcome.statement.status,
      approval: await this.chains.chainOf(statementId, versionNumber),
    };
  }

  private async afterApproval(
    change: IncidentChange,
    statement: Statement,
    version: StatementVersion,
    stages: ApprovalStage[],
    stage: ApprovalStage,
  ) {
    const approvals = await change.manager.countBy(ApprovalDecision, {
      stageId: stage.id,
      decision: DecisionKind.Approve,
    });
    if (approvals < stage.quorum) return;
    stage.status = StageStatus.Approved;
    stage.resolvedAt = new Date();
    await change.manager.save(stage);
    // Its SLA timer is left to fire and find the stage closed: cancelling it here would wait for a timer being
    // fired right now, which itself waits for this incident's lock.
    change.emit(
      'statement.stage_approved',
      { statementId: statement.id, versionNumber: version.number, stageKey: stage.key, approvals },
      { type: 'statement_approval_stage', id: stage.id },
    );
    if (stages.some((s) => s.step === stage.step && s.status !== StageStatus.Approved)) return;
    const waiting = stages.filter((s) => s.status === StageStatus.Waiting);
    if (waiting.length) {
      await this.planner.openNextStep(
        change,
        statement,
        version,
        stages,
        Math.min(...waiting.map((s) => s.step)),
      );
      return;
    }
    await change.manager.update(
      StatementVersionReview,
      { versionId: version.id },
      { status: VersionStatus.Approved, decidedAt: new Date() },
    );
    statement.status = StatementStatus.Approved;
    await change.manager.save(statement);
    change.emit(
      'statement.approved',
      {
        statementId: statement.id,
        versionNumber: version.number,
        sha256: version.sha256,
        title: version.title,
      },
      { type: 'statement_version', id: version.id },
    );
    await this.tellSubmitter(
      change,
      statement,
      version,
      `Đã phê duyệt: ${version.title}`,
      'đã được phê duyệt',
    );
  }

  private async afterRefusal(
    change: IncidentChange,
    statement: Statement,
    version: StatementVersion,
    stages: ApprovalStage[],
    stage: ApprovalStage,
    dto: DecisionDto,
  ) {
    const now = new Date();
    for (const s of stages) {
      if (s.status !== StageStatus.Active && s.status !== StageStatus.Waiting) continue;
      s.status = s.id === stage.id ? StageStatus.Rejected : StageStatus.Cancelled;
      s.resolvedAt = now;
      await change.manager.save(s);
    }
    const rejected = dto.decision === DecisionKind.Reject;
    await change.manager.update(
      StatementVersionReview,
      { versionId: version.id },
      { status: rejected ? VersionStatus.Rejected : VersionStatus.ChangesRequested, decidedAt: now },
    );
    // The draft opens again for editing; the next submission makes a new version.
    statement.status = StatementStatus.Draft;
    await change.manager.save(statement);
    change.emit(
      rejected ? 'statement.rejected' : 'statement.changes_requested',
      { statementId: statement.id, versionNumber: version.number, stageKey: stage.key, reason: dto.reason },
      { type: 'statement_version', id: version.id },
    );
    await this.tellSubmitter(
      change,
      statement,
      version,
      `${rejected ? 'Bị từ chối' : 'Yêu cầu sửa'}: ${version.title}`,
      `${rejected ? 'bị từ chối' : 'được yêu cầu sửa'} ở bước "${stage.name}". Lý do: ${dto.reason}`,
    );
  }

  private async tellSubmitter(
    change: IncidentChange,
    statement: Statement,
    version: StatementVersion,
    subject: string,
    what: string,
  ) {
    if (!version.submittedByUserId) return;
    await this.notifications.enqueue(change.manager, {
      to: { userId: version.submittedByUserId },
      channels: ['in_app'],
      kind: 'statement.review_outcome',
      subject: subject.slice(0, 300),
      text: `Phiên bản ${version.number} của "${version.title}" ${what}.`,
      data: { incidentId: change.incident.id, statementId: statement.id, versionNumber: version.number },
    });
  }

  private async stepUp(user: AuthUser, password?: string) {
    const now = Date.now();
    const recent = (this.stepUpFailures.get(user.id) ?? []).filter((t) => now - t < STEP_UP_WINDOW_MS);
    if (recent.length >= STEP_UP_MAX_FAILURES) {
      throw new AppError(
        ErrorCode.RATE_LIMITED,
        `Nhập sai mật khẩu ký duyệt quá ${STEP_UP_MAX_FAILURES} lần; hãy thử lại sau 15 phút`,
      );
    }
    if (!password) {
      throw validationFailed(
        [fieldError('password', 'isDefined', 'password: bắt buộc khi phê duyệt')],
        'Phê duyệt cần nhập lại mật khẩu (ký duyệt)',
      );
    }
    if (!(await this.users.passwordMatches(user.id, password))) {
      this.stepUpFailures.set(user.id, [...recent, now]);
      throw new AppError(ErrorCode.STEP_UP_FAILED, 'Mật khẩu không đúng; chưa ký duyệt');
    }
    this.stepUpFailures.delete(user.id);
  }

  /** What waits for this user's decision: their own stages and those delegated to them. */
  async inbox(user: AuthUser): Promise<Page<ApprovalItem>> {
    const manager = this.dataSource.manager;
    const items: ApprovalItem[] = [];
    for (const row of await this.repository.activeStages(manager)) {
      const incident = await this.incidents.findWithin(manager, row.incident_id);
      if (!incident) continue;
      const stage = await manager.findOneByOrFail(ApprovalStage, { id: row.stage_id });
      const who = await this.eligibility.check(manager, user, incident, stage).catch(() => null);
      if (!who) continue;
      if (
        await manager.existsBy(ApprovalDecision, {
          stageId: stage.id,
          countedForUserId: who.countedForUserId,
        })
      ) {
        continue;
      }
      const version = await manager.findOneByOrFail(StatementVersion, { id: stage.versionId });
      const statement = await manager.findOneByOrFail(Statement, { id: stage.statementId });
      const full = await this.incidents.getVisible(user, row.incident_id).catch(() => null);
      if (!full) continue;
      items.push({
        statementId: statement.id,
        type: statement.type,
        typeLabel: STATEMENT_TYPE_LABEL_VI[statement.type],
        incident: { id: full.id, code: full.code, title: full.title, severity: full.severity },
        versionNumber: version.number,
        sha256: version.sha256,
        title: version.title,
        stage: {
          key: stage.key,
          name: stage.name,
          step: stage.step,
          quorum: stage.quorum,
          dueAt: stage.dueAt?.toISOString() ?? null,
        },
        onBehalfOfUserId: who.delegationId ? who.countedForUserId : null,
        delegationId: who.delegationId,
      });
    }
    return { items };
  }
}
