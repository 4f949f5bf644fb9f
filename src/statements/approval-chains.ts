import type { ApprovalChain, ApprovalStages, Decision } from '../contracts/statements.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApprovalDecision } from './entities/approval-decision.entity.js';
import { ApprovalStage } from './entities/approval-stage.entity.js';
import { StatementVersionReview } from './entities/statement-version-review.entity.js';
import { StatementVersion } from './entities/statement-version.entity.js';

/** What readers see of a version's approval chain: its stages in order, each with its decisions. */
@Injectable()
export class ApprovalChains {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async chainOf(statementId: string, versionNumber: number): Promise<ApprovalChain | null> {
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

  async chainView(stages: ApprovalStage[], decisions: ApprovalDecision[]): Promise<ApprovalStages> {
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
          activatedAt: s.activatedAt?.toISOString() ?? null,
          dueAt: s.dueAt?.toISOString() ?? null,
          resolvedAt: s.resolvedAt?.toISOString() ?? null,
          escalatedAt: s.escalatedAt?.toISOString() ?? null,
          decisions: decisions
            .filter((d) => d.stageId === s.id)
            .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
            .map(decisionView),
        })),
    };
  }
}

export function decisionView(d: ApprovalDecision): Decision {
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
    createdAt: d.createdAt.toISOString(),
  };
}
