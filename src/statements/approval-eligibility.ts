import { Injectable } from '@nestjs/common';
import { EntityManager, In, IsNull } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { formatVietnam } from '../common/dates.js';
import { fieldError, validationFailed } from '../common/validation.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import { ApprovalDecision } from './entities/approval-decision.entity.js';
import { ApprovalDelegation } from './entities/approval-delegation.entity.js';
import { ApprovalStage } from './entities/approval-stage.entity.js';
import { StageStatus } from './statement-types.js';
import { Approvers } from './approvers.js';

export interface Eligibility {
  countedForUserId: string;
  delegationId: string | null;
}

/** Who decides on a stage: its approvers, or a deputy under a valid delegation from one of them. */
@Injectable()
export class ApprovalEligibility {
  constructor(private readonly approvers: Approvers) {}

  /** The active stage this user decides on (the one named, or the only one they may decide). */
  async chooseStage(
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
      return { stage: named, who: await this.check(manager, user, incident, named) };
    }
    const mine: { stage: ApprovalStage; who: Eligibility }[] = [];
    let lastError: unknown = null;
    for (const s of active) {
      try {
        mine.push({ stage: s, who: await this.check(manager, user, incident, s) });
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
      throw validationFailed(
        [fieldError('stageKey', 'isIn', `stageKey: một trong ${mine.map((m) => m.stage.key).join(', ')}`)],
        'Bạn thuộc nhiều bước duyệt đang mở; hãy chọn bước (stageKey)',
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
  async check(
    manager: EntityManager,
    user: AuthUser,
    incident: Incident,
    stage: ApprovalStage,
  ): Promise<Eligibility> {
    const approvers = await this.approvers.of(manager, incident, stage.approvers);
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
}
