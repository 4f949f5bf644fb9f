import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrgTree } from '../access/org-tree.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { formatVietnam, todayInVietnam } from '../common/dates.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import type { IncidentChange } from '../incidents/incident-timeline.js';
import { JobsService } from '../jobs/jobs.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { applicablePolicies, matchPreApproved } from './approval-policy.js';
import { ApprovalPolicy } from './entities/approval-policy.entity.js';
import { ApprovalStage } from './entities/approval-stage.entity.js';
import type { PreApprovedLine } from './entities/pre-approved-line.entity.js';
import { StatementVersion } from './entities/statement-version.entity.js';
import { Statement } from './entities/statement.entity.js';
import { STATEMENT_TYPE_LABEL_VI, StageStatus, StatementType } from './statement-types.js';
import type { StageSpec } from './statement-types.js';
import { Approvers } from './approvers.js';
import { StatementsRepository } from './statements.repository.js';

export const APPROVAL_SLA_JOB = 'statement.approval_sla';
export const slaKey = (stageId: string) => `approval-sla:${stageId}`;

export interface ApprovalPlan {
  policy: ApprovalPolicy;
  stages: StageSpec[];
  /** What the version records of the policy (it may change later; the version keeps what applied). */
  snapshot: Record<string, unknown>;
}

/** Holding lines vouched for by an admin that an incident carries (its applied playbook's), read in a change. */
export type VouchedHoldingLines = (
  manager: EntityManager,
  incidentId: string,
) => Promise<{ id: string; text: string }[]>;

/**
 * The approval plan of a submission: the policy that applies now (and its fast path for pre-approved lines),
 * its stages created with the version, each step opened with its SLA timer and the approvers told.
 */
@Injectable()
export class ApprovalPlanner {
  private vouchedLines?: VouchedHoldingLines;

  constructor(
    private readonly repository: StatementsRepository,
    private readonly approvers: Approvers,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly orgTree: OrgTree,
  ) {}

  /** Playbooks registers where an incident's vouched holding lines come from (at most one source). */
  registerVouchedLines(source: VouchedHoldingLines) {
    this.vouchedLines = source;
  }

  /** The policy that applies to a submission now, and whether the text takes its fast path. */
  async plan(
    manager: EntityManager,
    incident: Incident,
    statement: Statement,
    rendered: string,
  ): Promise<ApprovalPlan> {
    const day = todayInVietnam();
    // One after the other: they share the transaction's connection (concurrent queries on one pg client are
    // deprecated and only queue anyway).
    const policies = await manager.find(ApprovalPolicy);
    const lineage = await this.orgTree.ancestors(incident.responsibleOrgUnitId, manager);
    const lines =
      statement.type === StatementType.HoldingStatement
        ? await this.repository.preApprovedLines(manager, statement.type, day)
        : [];
    // The holding lines of the playbook version applied to the incident count as pre-approved when an admin
    // vouched for them (playbooks registers the source: it depends on statements, not the other way round).
    if (statement.type === StatementType.HoldingStatement && this.vouchedLines) {
      for (const l of await this.vouchedLines(manager, incident.id)) {
        lines.push({ id: l.id, text: l.text } as PreApprovedLine);
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
      const found = await this.approvers.of(change.manager, change.incident, spec.approvers);
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
      const approvers = await this.approvers.of(change.manager, change.incident, stage.approvers);
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

  /** Opens the next step of a chain after its previous step was approved. */
  openNextStep(...args: Parameters<ApprovalPlanner['openStep']>) {
    return this.openStep(...args);
  }
}
