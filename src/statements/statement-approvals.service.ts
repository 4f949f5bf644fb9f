import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull, MoreThan } from 'typeorm';
import { GroupRoles } from '../access/group-roles.js';
import { IncidentVisibility } from '../access/incident-visibility.js';
import { OrgTree } from '../access/org-tree.js';
import type { AuthUser } from '../auth/decorators.js';
import { verifyPassword } from '../auth/password.js';
import { Role } from '../auth/role.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import type { IncidentChange } from '../incidents/incident-timeline.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { vietnamDate } from '../incidents/legal-clock.js';
import { JobsService } from '../jobs/jobs.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { RoomAccess } from '../rooms/room-access.js';
import { applicablePolicies, matchPreApproved } from './approval-policy.js';
import { DecisionDto, DelegationDto } from './dto/statement.dto.js';
import { ApprovalDecision } from './entities/approval-decision.entity.js';
import { ApprovalDelegation } from './entities/approval-delegation.entity.js';
import { ApprovalPolicy } from './entities/approval-policy.entity.js';
import { ApprovalStage } from './entities/approval-stage.entity.js';
import { PreApprovedLine } from './entities/pre-approved-line.entity.js';
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
  StatementType,
} from './statement-types.js';
import type { StageSpec } from './statement-types.js';
import { StatementsRepository } from './statements.repository.js';

export const APPROVAL_SLA_JOB = 'statement.approval_sla';
const slaKey = (stageId: string) => `approval-sla:${stageId}`;

/** Wrong step-up passwords tolerated per user and window (a stolen token must not become a password oracle). */
const STEP_UP_MAX_FAILURES = 5;
const STEP_UP_WINDOW_MS = 15 * 60_000;

/** Longest delegation: an authorization is for one matter and a short period. */
const MAX_DELEGATION_DAYS = 90;

export interface ApprovalPlan {
  policy: ApprovalPolicy;
  stages: StageSpec[];
  /** What the version records of the policy (it may change later; the version keeps what applied). */
  snapshot: Record<string, unknown>;
}

interface Eligibility {
  countedForUserId: string;
  delegationId: string | null;
}

/**
 * Approval chains (ARCHITECTURE.md "Versions and approval"): the policy chosen at submission, its stages (steps
 * in order, stages of one step in parallel, a quorum each, an SLA that escalates), decisions bound to the
 * version's (number, sha256) with the password re-entered to approve, and delegation to a deputy for one matter.
 */
@Injectable()
export class StatementApprovalsService implements OnModuleInit {
  private readonly stepUpFailures = new Map<string, number[]>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: IncidentTimeline,
    private readonly incidents: IncidentsService,
    private readonly repository: StatementsRepository,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly docs: StatementDocs,
    private readonly roomAccess: RoomAccess,
    private readonly orgTree: OrgTree,
    private readonly visibility: IncidentVisibility,
    private readonly groupRoles: GroupRoles,
  ) {}

  onModuleInit() {
    this.jobs.register<{ stageId: string }>(APPROVAL_SLA_JOB, async ({ manager, job, afterCommit }) => {
      const events = await this.onSlaDue(manager, job.payload.stageId);
      afterCommit(() => this.timeline.publish(events));
    });
  }

  // ---- submission ------------------------------------------------------------------------------------------

  /** The policy that applies to a submission now, and whether the text takes its fast path. */
  async plan(
    manager: EntityManager,
    incident: Incident,
    statement: Statement,
    rendered: string,
  ): Promise<ApprovalPlan> {
    const day = vietnamDate(new Date());
    // One after the other: they share the transaction's connection (concurrent queries on one pg client are
    // deprecated and only queue anyway).
    const policies = await manager.find(ApprovalPolicy);
    const lineage = await this.orgTree.ancestors(incident.responsibleOrgUnitId, manager);
    const lines =
      statement.type === StatementType.HoldingStatement
        ? await manager
            .getRepository(PreApprovedLine)
            .createQueryBuilder('l')
            .where(':type = ANY(l.statement_types) OR cardinality(l.statement_types) = 0', {
              type: statement.type,
            })
            .andWhere('l.effective_from <= :day AND (l.effective_to IS NULL OR l.effective_to >= :day)', {
              day,
            })
            .getMany()
        : [];
    // The holding lines of the playbook version applied to the incident count as pre-approved when an admin
    // vouched for them, as for the pre-approved lines table: shipped versions, or versions an admin wrote or
    // approved (a leader's own playbook must not open the one-approver path).
    if (statement.type === StatementType.HoldingStatement) {
      const pinned: { key: string; version: number; lines: string[] | null }[] = await manager.query(
        `SELECT p.key, v.version, v.content->'holdingLines' AS lines
           FROM incident_playbooks ip
           JOIN playbook_versions v ON v.id = ip.playbook_version_id
           JOIN playbooks p ON p.id = ip.playbook_id
           LEFT JOIN users u ON u.id = v.created_by_user_id
          WHERE ip.incident_id = $1 AND (v.origin = 'shipped' OR 'admin' = ANY(u.roles))`,
        [incident.id],
      );
      for (const p of pinned) {
        (p.lines ?? []).forEach((text, i) =>
          lines.push({ id: `playbook:${p.key}@${p.version}#${i + 1}`, text } as PreApprovedLine),
        );
      }
    }
    const preApproved = matchPreApproved(rendered, lines);
    const [policy] = applicablePolicies(policies, {
      statementType: statement.type,
      severity: incident.severity,
      unitLineage: lineage,
      day,
      fastPathEligible: preApproved.eligible,
    });
    if (!policy) {
      throw new AppError(
        ErrorCode.CONFLICT,
        'Không có quy trình phê duyệt nào áp dụng cho văn bản này; quản trị viên cần khai báo quy trình',
      );
    }
    return {
      policy,
      stages: policy.stages,
      snapshot: {
        id: policy.id,
        key: policy.key,
        version: policy.version,
        name: policy.name,
        fastPath: policy.fastPath,
        preApprovedLineIds: policy.fastPath ? preApproved.matchedLineIds : [],
        stages: policy.stages,
      },
    };
  }

  /** Creates the version's stages and opens the first step. */
  async openChain(
    change: IncidentChange,
    statement: Statement,
    version: StatementVersion,
    plan: ApprovalPlan,
  ) {
    // A stage with fewer possible approvers than its quorum could never finish: say so now, not at the deadline.
    const unstaffed = [];
    for (const spec of plan.stages) {
      const found = await this.repository.approvers(change.manager, change.incident, spec.approvers);
      if (found.length < spec.quorum) unstaffed.push({ spec, found: found.length });
    }
    if (unstaffed.length) {
      throw new AppError(
        ErrorCode.CONFLICT,
        'Chưa đủ người duyệt cho quy trình: ' +
          unstaffed.map((u) => `"${u.spec.name}" cần ${u.spec.quorum}, có ${u.found}`).join('; ') +
          '. Hãy bổ sung thành viên Tổ công tác (hoặc quy trình) rồi trình lại',
        { stages: unstaffed.map((u) => ({ key: u.spec.key, quorum: u.spec.quorum, approvers: u.found })) },
      );
    }
    const rows = plan.stages.map((spec) =>
      change.manager.create(ApprovalStage, {
        statementId: statement.id,
        versionId: version.id,
        key: spec.key,
        name: spec.name,
        step: spec.step,
        quorum: spec.quorum,
        approvers: spec.approvers,
        status: StageStatus.Waiting,
        slaMinutes: spec.slaMinutes[change.incident.severity] ?? Math.min(...Object.values(spec.slaMinutes)),
        activatedAt: null,
        dueAt: null,
        resolvedAt: null,
        escalatedAt: null,
      }),
    );
    const stages = await change.manager.save(rows);
    await this.openStep(change, statement, version, stages, Math.min(...stages.map((s) => s.step)));
  }

  private async openStep(
    change: IncidentChange,
    statement: Statement,
    version: StatementVersion,
    stages: ApprovalStage[],
    step: number,
  ) {
    const now = new Date();
    for (const stage of stages.filter((s) => s.step === step)) {
      stage.status = StageStatus.Active;
      stage.activatedAt = now;
      stage.dueAt = new Date(now.getTime() + stage.slaMinutes * 60_000);
      await change.manager.save(stage);
      await this.jobs.schedule(change.manager, {
        kind: APPROVAL_SLA_JOB,
        dueAt: stage.dueAt,
        payload: { stageId: stage.id },
        key: slaKey(stage.id),
      });
      const approvers = await this.repository.approvers(change.manager, change.incident, stage.approvers);
      change.emit(
        'statement.stage_opened',
        {
          statementId: statement.id,
          versionNumber: version.number,
          sha256: version.sha256,
          stageKey: stage.key,
          stageName: stage.name,
          step: stage.step,
          quorum: stage.quorum,
          dueAt: stage.dueAt.toISOString(),
          approverUserIds: approvers.map((a) => a.userId),
        },
        { type: 'statement_approval_stage', id: stage.id },
      );
      if (approvers.length) {
        await this.notifications.enqueue(change.manager, {
          to: approvers.map((a) => ({ userId: a.userId })),
          channels: ['in_app', 'email'],
          kind: 'statement.approval_requested',
          subject: `Cần phê duyệt: ${STATEMENT_TYPE_LABEL_VI[statement.type]} – ${version.title}`.slice(
            0,
            300,
          ),
          text:
            `Sự cố ${change.incident.code}: "${version.title}" (phiên bản ${version.number}) đang chờ bước ` +
            `"${stage.name}". Hạn xử lý: ${formatVietnam(stage.dueAt)}.`,
          data: {
            incidentId: change.incident.id,
            statementId: statement.id,
            versionNumber: version.number,
            sha256: version.sha256,
            stageKey: stage.key,
            dueAt: stage.dueAt.toISOString(),
          },
        });
      }
    }
  }

  // ---- decisions -------------------------------------------------------------------------------------------

  async decide(user: AuthUser, statementId: string, versionNumber: number, dto: DecisionDto) {
    const statement = await this.dataSource.getRepository(Statement).findOneBy({ id: statementId });
    if (!statement) throw AppError.notFound('văn bản', statementId);
    const incident = await this.incidents.getVisible(user, statement.incidentId).catch((e: unknown) => {
      throw e instanceof AppError && e.code === ErrorCode.NOT_FOUND
        ? AppError.notFound('văn bản', statementId)
        : e;
    });
    if (dto.decision !== DecisionKind.Approve && !dto.reason) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Cần nêu lý do khi từ chối hoặc yêu cầu sửa', [
        {
          field: 'reason',
          messages: ['reason: bắt buộc khi từ chối hoặc yêu cầu sửa'],
          constraints: ['isDefined'],
        },
      ]);
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
      const { stage, who } = await this.chooseStage(
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
      approval: await this.chainOf(statementId, versionNumber),
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
      await this.openStep(change, statement, version, stages, Math.min(...waiting.map((s) => s.step)));
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

  /** The active stage this user decides on (the one named, or the only one they may decide). */
  private async chooseStage(
    manager: EntityManager,
    user: AuthUser,
    incident: Incident,
    stages: ApprovalStage[],
    stageKey?: string,
  ): Promise<{ stage: ApprovalStage; who: Eligibility }> {
    const active = stages.filter((s) => s.status === StageStatus.Active);
    if (stageKey) {
      const named = stages.find((s) => s.key === stageKey);
      if (!named) throw AppError.notFound('bước duyệt', stageKey);
      if (named.status !== StageStatus.Active) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `Bước "${named.name}" không đang mở (trạng thái: ${named.status})`,
        );
      }
      return { stage: named, who: await this.eligibility(manager, user, incident, named) };
    }
    const mine: { stage: ApprovalStage; who: Eligibility }[] = [];
    let lastError: unknown = null;
    for (const s of active) {
      try {
        mine.push({ stage: s, who: await this.eligibility(manager, user, incident, s) });
      } catch (e) {
        lastError = e;
      }
    }
    if (mine.length === 1) return mine[0];
    if (
      !mine.length &&
      (await manager.existsBy(ApprovalDecision, {
        stageId: In(stages.map((s) => s.id)),
        decidedByUserId: user.id,
      }))
    ) {
      throw new AppError(ErrorCode.ALREADY_DECIDED, 'Bạn đã có quyết định cho phiên bản này');
    }
    if (mine.length > 1) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        'Bạn thuộc nhiều bước duyệt đang mở; hãy chọn bước (stageKey)',
        [
          {
            field: 'stageKey',
            messages: [`stageKey: một trong ${mine.map((m) => m.stage.key).join(', ')}`],
            constraints: ['isIn'],
          },
        ],
      );
    }
    if (lastError instanceof AppError && lastError.code === ErrorCode.DELEGATION_INVALID) throw lastError;
    throw new AppError(
      ErrorCode.NOT_AN_APPROVER,
      active.length
        ? `Bạn không phải người duyệt của bước đang mở (${active.map((s) => s.name).join('; ')})`
        : 'Phiên bản này không có bước duyệt nào đang mở',
    );
  }

  /** Direct approver of the stage, or acting under a valid delegation from one (never a delegation of a delegation). */
  private async eligibility(
    manager: EntityManager,
    user: AuthUser,
    incident: Incident,
    stage: ApprovalStage,
  ): Promise<Eligibility> {
    const approvers = await this.repository.approvers(manager, incident, stage.approvers);
    const direct = new Set(approvers.map((a) => a.userId));
    if (direct.has(user.id)) return { countedForUserId: user.id, delegationId: null };
    const delegations = await manager.find(ApprovalDelegation, {
      where: { delegateUserId: user.id, incidentId: incident.id, revokedAt: IsNull() },
    });
    const now = Date.now();
    const fromApprovers = delegations.filter((d) => direct.has(d.delegatorUserId));
    const valid = fromApprovers.find((d) => d.validFrom.getTime() <= now && now < d.validTo.getTime());
    if (valid) return { countedForUserId: valid.delegatorUserId, delegationId: valid.id };
    if (fromApprovers.length) {
      const d = fromApprovers[0];
      throw new AppError(
        ErrorCode.DELEGATION_INVALID,
        d.validTo.getTime() <= now
          ? `Ủy quyền duyệt thay đã hết hạn lúc ${formatVietnam(d.validTo)}`
          : `Ủy quyền duyệt thay chỉ có hiệu lực từ ${formatVietnam(d.validFrom)}`,
      );
    }
    throw new AppError(ErrorCode.NOT_AN_APPROVER, `Bạn không phải người duyệt của bước "${stage.name}"`);
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
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Phê duyệt cần nhập lại mật khẩu (ký duyệt)', [
        { field: 'password', messages: ['password: bắt buộc khi phê duyệt'], constraints: ['isDefined'] },
      ]);
    }
    const [row]: { password_hash: string }[] = await this.dataSource.query(
      `SELECT password_hash FROM users WHERE id = $1 AND active`,
      [user.id],
    );
    if (!row || !(await verifyPassword(row.password_hash, password))) {
      this.stepUpFailures.set(user.id, [...recent, now]);
      throw new AppError(ErrorCode.STEP_UP_FAILED, 'Mật khẩu không đúng; chưa ký duyệt');
    }
    this.stepUpFailures.delete(user.id);
  }

  // ---- SLA ---------------------------------------------------------------------------------------------------

  /** An active stage passed its SLA: the room hears it, the approvers are reminded, the unit's head is told. */
  async onSlaDue(manager: EntityManager, stageId: string) {
    const found = await manager.findOneBy(ApprovalStage, { id: stageId });
    if (!found) return [];
    const statement = await manager.findOneByOrFail(Statement, { id: found.statementId });
    const version = await manager.findOneByOrFail(StatementVersion, { id: found.versionId });
    const { events } = await this.timeline.changeWithin(manager, statement.incidentId, async (change) => {
      // Re-read under the incident's lock: a decision committed meanwhile may have closed the stage.
      const stage = await manager.findOneByOrFail(ApprovalStage, { id: stageId });
      if (stage.status !== StageStatus.Active || stage.escalatedAt) return;
      stage.escalatedAt = new Date();
      await manager.update(ApprovalStage, { id: stageId }, { escalatedAt: stage.escalatedAt });
      const approvers = await this.repository.approvers(manager, change.incident, stage.approvers);
      const heads = await this.repository.unitHeads(manager, change.incident.responsibleOrgUnitId);
      change.emit(
        'statement.approval_overdue',
        {
          statementId: statement.id,
          versionNumber: version.number,
          stageKey: stage.key,
          stageName: stage.name,
          dueAt: stage.dueAt?.toISOString() ?? null,
          escalatedToUserIds: heads,
        },
        { type: 'statement_approval_stage', id: stage.id },
      );
      const to = [...new Set([...approvers.map((a) => a.userId), ...heads])];
      if (to.length) {
        await this.notifications.enqueue(manager, {
          to: to.map((userId) => ({ userId })),
          channels: ['in_app', 'email', 'webhook'],
          kind: 'statement.approval_overdue',
          subject: `Quá hạn phê duyệt: ${version.title}`.slice(0, 300),
          text:
            `Sự cố ${change.incident.code}: bước "${stage.name}" của "${version.title}" (phiên bản ` +
            `${version.number}) đã quá hạn ${stage.slaMinutes} phút mà chưa được xử lý.`,
          data: { incidentId: change.incident.id, statementId: statement.id, stageKey: stage.key },
        });
      }
    });
    return events;
  }

  // ---- views ------------------------------------------------------------------------------------------------

  async chainOf(statementId: string, versionNumber: number) {
    const version = await this.dataSource
      .getRepository(StatementVersion)
      .findOneBy({ statementId, number: versionNumber });
    if (!version) return null;
    const [review, stages, decisions] = await Promise.all([
      this.dataSource.getRepository(StatementVersionReview).findOneBy({ versionId: version.id }),
      this.dataSource.getRepository(ApprovalStage).find({ where: { versionId: version.id } }),
      this.dataSource.getRepository(ApprovalDecision).find({ where: { versionId: version.id } }),
    ]);
    return {
      versionNumber: version.number,
      sha256: version.sha256,
      status: review?.status ?? null,
      policy: version.policy,
      ...(await this.chainView(stages, decisions)),
    };
  }

  async chainView(stages: ApprovalStage[], decisions: ApprovalDecision[]) {
    return {
      stages: stages
        .sort((a, b) => a.step - b.step || a.key.localeCompare(b.key))
        .map((s) => ({
          key: s.key,
          name: s.name,
          step: s.step,
          quorum: s.quorum,
          status: s.status,
          approvers: s.approvers,
          slaMinutes: s.slaMinutes,
          activatedAt: s.activatedAt,
          dueAt: s.dueAt,
          resolvedAt: s.resolvedAt,
          escalatedAt: s.escalatedAt,
          decisions: decisions
            .filter((d) => d.stageId === s.id)
            .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
            .map(decisionView),
        })),
    };
  }

  /** What waits for this user's decision: their own stages and those delegated to them. */
  async inbox(user: AuthUser) {
    const manager = this.dataSource.manager;
    const items = [];
    for (const row of await this.repository.activeStages(manager)) {
      const incident = { id: row.incident_id, responsibleOrgUnitId: row.responsible_org_unit_id } as Incident;
      const stage = await manager.findOneByOrFail(ApprovalStage, { id: row.stage_id });
      const who = await this.eligibility(manager, user, incident, stage).catch(() => null);
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
        incident: full
          ? { id: full.id, code: full.code, title: full.title, severity: full.severity }
          : { id: row.incident_id },
        versionNumber: version.number,
        sha256: version.sha256,
        title: version.title,
        stage: {
          key: stage.key,
          name: stage.name,
          step: stage.step,
          quorum: stage.quorum,
          dueAt: stage.dueAt,
        },
        onBehalfOfUserId: who.delegationId ? who.countedForUserId : null,
        delegationId: who.delegationId,
      });
    }
    return { items };
  }

  // ---- delegation -------------------------------------------------------------------------------------------

  async delegate(user: AuthUser, dto: DelegationDto) {
    const incident = await this.incidents.getVisible(user, dto.incidentId);
    this.incidents.assertWritable(incident);
    await this.assertMayApprove(user, incident);
    const validFrom = dto.validFrom ? new Date(dto.validFrom) : new Date();
    const validTo = new Date(dto.validTo);
    const field = (f: string, m: string) =>
      new AppError(ErrorCode.VALIDATION_FAILED, m, [
        { field: f, messages: [`${f}: ${m}`], constraints: ['range'] },
      ]);
    if (dto.delegateUserId === user.id) throw field('delegateUserId', 'không thể tự ủy quyền cho chính mình');
    if (validTo <= validFrom) throw field('validTo', 'phải sau thời điểm bắt đầu');
    if (validTo.getTime() <= Date.now()) throw field('validTo', 'đã qua');
    if (validTo.getTime() - validFrom.getTime() > MAX_DELEGATION_DAYS * 86_400_000) {
      throw field('validTo', `ủy quyền tối đa ${MAX_DELEGATION_DAYS} ngày`);
    }
    const [delegate]: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM users WHERE id = $1 AND active`,
      [dto.delegateUserId],
    );
    if (!delegate) throw AppError.notFound('người được ủy quyền', dto.delegateUserId);
    // The deputy must be able to see the matter, or the delegation could never be used.
    if (!(await this.incidents.canSee(await this.roomAccess.currentUser(dto.delegateUserId), incident))) {
      throw new AppError(ErrorCode.DELEGATION_INVALID, 'Người được ủy quyền không được xem sự cố này', [
        {
          field: 'delegateUserId',
          messages: ['delegateUserId: không thuộc đơn vị chủ trì hay Tổ công tác của sự cố'],
          constraints: ['canSee'],
        },
      ]);
    }
    return this.timeline.change(incident.id, async (change) => {
      // No sub-delegation: someone acting under a delegation for this matter may not pass it on.
      const received = await change.manager.find(ApprovalDelegation, {
        where: { delegateUserId: user.id, incidentId: incident.id, revokedAt: IsNull() },
      });
      if (received.some((d) => d.validTo.getTime() > Date.now())) {
        throw new AppError(
          ErrorCode.DELEGATION_INVALID,
          'Người được ủy quyền không được ủy quyền lại cho người khác (Nghị định 09/2017/NĐ-CP)',
        );
      }
      const d = await change.manager.save(
        change.manager.create(ApprovalDelegation, {
          delegatorUserId: user.id,
          delegateUserId: dto.delegateUserId,
          incidentId: incident.id,
          matter: dto.matter.normalize('NFC'),
          validFrom,
          validTo,
          revokedAt: null,
        }),
      );
      change.emit('approval.delegated', delegationView(d), { type: 'approval_delegation', id: d.id });
      await this.notifications.enqueue(change.manager, {
        to: { userId: dto.delegateUserId },
        channels: ['in_app', 'email'],
        kind: 'statement.delegation_received',
        subject: `Ủy quyền duyệt thay: ${incident.code}`,
        text: `Bạn được ủy quyền duyệt thay về việc "${d.matter}" đến ${formatVietnam(validTo)}.`,
        data: { incidentId: incident.id, delegationId: d.id },
      });
      return delegationView(d);
    });
  }

  /**
   * Only someone who may approve the incident's statements may hand that power on: admins, holders of an
   * approving group role, leaders of the responsible unit or a unit above it, and a deputy under a delegation
   * (who is then refused below: no sub-delegation).
   */
  private async assertMayApprove(user: AuthUser, incident: Incident): Promise<void> {
    if (user.roles.includes(Role.Admin)) return;
    const roles = user.personId ? await this.groupRoles.held(incident.id, user.personId) : [];
    if (this.groupRoles.isApprover(roles)) return;
    if (
      user.roles.includes(Role.Leader) &&
      (await this.visibility.isUnitInScope(user, incident.responsibleOrgUnitId))
    )
      return;
    const received = await this.dataSource.getRepository(ApprovalDelegation).countBy({
      delegateUserId: user.id,
      incidentId: incident.id,
      revokedAt: IsNull(),
      validTo: MoreThan(new Date()),
    });
    if (received) return;
    throw new AppError(
      ErrorCode.FORBIDDEN,
      'Chỉ người có quyền phê duyệt văn bản của sự cố (lãnh đạo đơn vị chủ trì, lãnh đạo phê duyệt của Tổ công tác) mới được ủy quyền duyệt thay',
    );
  }

  async listDelegations(user: AuthUser) {
    const rows = await this.dataSource.getRepository(ApprovalDelegation).find({
      where: [{ delegatorUserId: user.id }, { delegateUserId: user.id }],
      order: { createdAt: 'DESC' },
    });
    return { items: rows.map(delegationView) };
  }

  async revokeDelegation(user: AuthUser, id: string) {
    const d = await this.dataSource.getRepository(ApprovalDelegation).findOneBy({ id });
    if (!d || (d.delegatorUserId !== user.id && d.delegateUserId !== user.id))
      throw AppError.notFound('ủy quyền', id);
    if (d.delegatorUserId !== user.id)
      throw new AppError(ErrorCode.FORBIDDEN, 'Chỉ người ủy quyền được thu hồi');
    return this.timeline.change(d.incidentId, async (change) => {
      if (d.revokedAt) return delegationView(d);
      d.revokedAt = new Date();
      await change.manager.update(ApprovalDelegation, { id }, { revokedAt: d.revokedAt });
      change.emit('approval.delegation_revoked', delegationView(d), { type: 'approval_delegation', id });
      return delegationView(d);
    });
  }
}

export function decisionView(d: ApprovalDecision) {
  return {
    id: d.id,
    versionNumber: d.versionNumber,
    decision: d.decision,
    sha256: d.sha256,
    reason: d.reason,
    decidedByUserId: d.decidedByUserId,
    onBehalfOfUserId: d.delegationId ? d.countedForUserId : null,
    delegationId: d.delegationId,
    steppedUp: d.steppedUp,
    createdAt: d.createdAt,
  };
}

function delegationView(d: ApprovalDelegation) {
  return {
    id: d.id,
    delegatorUserId: d.delegatorUserId,
    delegateUserId: d.delegateUserId,
    incidentId: d.incidentId,
    matter: d.matter,
    validFrom: d.validFrom.toISOString(),
    validTo: d.validTo.toISOString(),
    revokedAt: d.revokedAt?.toISOString() ?? null,
    active: !d.revokedAt && d.validFrom.getTime() <= Date.now() && Date.now() < d.validTo.getTime(),
  };
}

/** A time as people in Vietnam read it: 14:05 ngày 01/12/2026. */
export function formatVietnam(d: Date): string {
  const v = new Date(d.getTime() + 7 * 3_600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(v.getUTCHours())}:${p(v.getUTCMinutes())} ngày ${p(v.getUTCDate())}/${p(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
}
