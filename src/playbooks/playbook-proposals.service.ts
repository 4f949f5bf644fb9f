import type { PlaybookProposal as PlaybookProposalView } from '../contracts/playbooks.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { fieldError, validationFailed } from '../common/validation.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import type { DecideProposalDto, ListProposalsQueryDto, ProposePlaybookDto } from './dto/playbook.dto.js';
import { PlaybookProposal, ProposalStatus } from './entities/playbook-proposal.entity.js';
import { Playbook } from './entities/playbook.entity.js';
import type { PlaybookContent } from './playbook-content.js';
import { PlaybooksService } from './playbooks.service.js';

/** Lessons learned proposed from reviews as a new playbook version (or a new playbook), and their decision. */
@Injectable()
export class PlaybookProposalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly audit: AuditService,
    private readonly playbooks: PlaybooksService,
  ) {}

  /** Lessons learned proposed as a new version (or a new playbook); anyone who may change incidents proposes. */
  async propose(
    user: AuthUser,
    dto: ProposePlaybookDto,
    sourceIncidentId: string | null,
  ): Promise<PlaybookProposalView> {
    if (!user.roles.some((r) => [Role.Admin, Role.Leader, Role.Officer].includes(r))) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Vai trò của bạn không được đề xuất sửa cẩm nang');
    }
    await this.playbooks.checkContent(dto.content);
    let baseVersion: number | null = null;
    if (dto.playbookId) {
      baseVersion = (await this.playbooks.findPlaybook(dto.playbookId)).currentVersion;
    } else {
      if (!dto.newKey) {
        throw validationFailed(
          [fieldError('newKey', 'isDefined', 'newKey: bắt buộc khi không có playbookId')],
          'Cần chọn cẩm nang được sửa hoặc đặt mã cho cẩm nang mới',
        );
      }
      if (await this.dataSource.getRepository(Playbook).existsBy({ key: dto.newKey })) {
        throw new AppError(ErrorCode.CONFLICT, `Đã có cẩm nang với mã "${dto.newKey}"`, [
          fieldError('newKey', 'unique', 'newKey: đã tồn tại'),
        ]);
      }
    }
    const proposal = await this.dataSource.transaction(async (manager) => {
      const p = await manager.save(
        manager.create(PlaybookProposal, {
          playbookId: dto.playbookId ?? null,
          baseVersion,
          newKey: dto.playbookId ? null : dto.newKey!,
          title: dto.title,
          content: dto.content as PlaybookContent,
          rationale: dto.rationale,
          sourceIncidentId,
          status: ProposalStatus.Pending,
          proposedByUserId: user.id,
        }),
      );
      await this.audit.record(manager, {
        action: 'playbook.proposed',
        entityType: 'playbook_proposal',
        entityId: p.id,
        data: { playbookId: p.playbookId, baseVersion, newKey: p.newKey, sourceIncidentId },
      });
      return p;
    });
    return proposalView(proposal);
  }

  /**
   * Admins see every proposal; leaders those they may decide (playbooks of their units), those from incidents
   * they can see, and their own.
   */
  async listProposals(user: AuthUser, query: ListProposalsQueryDto): Promise<PlaybookProposalView[]> {
    const items = await this.dataSource.getRepository(PlaybookProposal).find({
      where: query.status ? { status: query.status as ProposalStatus } : {},
      order: { createdAt: 'DESC' },
      take: 500,
    });
    if (user.roles.includes(Role.Admin)) return items.slice(0, 200).map(proposalView);
    const out: PlaybookProposal[] = [];
    for (const p of items) {
      if (out.length >= 200) break;
      if (p.proposedByUserId === user.id || (await this.mayDecide(user, p))) {
        out.push(p);
        continue;
      }
      if (p.sourceIncidentId) {
        const visible = await this.incidents.getVisible(user, p.sourceIncidentId).then(
          () => true,
          () => false,
        );
        if (visible) out.push(p);
      }
    }
    return out.map(proposalView);
  }

  /** Who decides: admins; leaders for playbooks owned by their unit or a unit below it. */
  private async mayDecide(user: AuthUser, p: PlaybookProposal): Promise<boolean> {
    if (user.roles.includes(Role.Admin)) return true;
    if (!user.roles.includes(Role.Leader) || !p.playbookId) return false;
    const playbook = await this.dataSource.getRepository(Playbook).findOneBy({ id: p.playbookId });
    if (!playbook?.orgUnitId) return false;
    return this.incidents
      .assertUnitInScope(user, playbook.orgUnitId, '')
      .then(() => true)
      .catch(() => false);
  }

  /** An admin or a leader other than the proposer approves (a new version is written) or rejects. */
  async decide(user: AuthUser, proposalId: string, dto: DecideProposalDto): Promise<PlaybookProposalView> {
    if (!user.roles.some((r) => r === Role.Admin || r === Role.Leader)) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Chỉ quản trị viên hoặc lãnh đạo được duyệt đề xuất sửa cẩm nang',
      );
    }
    if (dto.decision === 'reject' && !dto.reason) {
      throw validationFailed(
        [fieldError('reason', 'isDefined', 'reason: bắt buộc khi từ chối')],
        'Cần nêu lý do khi không duyệt đề xuất',
      );
    }
    return this.dataSource.transaction(async (manager) => {
      const p = await manager.findOne(PlaybookProposal, {
        where: { id: proposalId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!p) throw AppError.notFound('đề xuất', proposalId);
      if (p.status !== ProposalStatus.Pending) {
        throw new AppError(ErrorCode.ALREADY_DECIDED, 'Đề xuất này đã được xử lý');
      }
      if (p.proposedByUserId === user.id) {
        throw new AppError(ErrorCode.FORBIDDEN, 'Người đề xuất không tự duyệt đề xuất của mình');
      }
      if (!(await this.mayDecide(user, p))) {
        throw new AppError(
          ErrorCode.FORBIDDEN,
          p.playbookId
            ? 'Chỉ quản trị viên hoặc lãnh đạo đơn vị sở hữu cẩm nang được duyệt đề xuất này'
            : 'Chỉ quản trị viên được duyệt đề xuất cẩm nang mới dùng chung',
        );
      }
      if (dto.decision === 'approve' && p.playbookId) {
        const current = await manager.findOneBy(Playbook, { id: p.playbookId });
        if (current && current.currentVersion !== p.baseVersion) {
          throw new AppError(
            ErrorCode.CONFLICT,
            `Đề xuất viết trên phiên bản ${p.baseVersion}, cẩm nang nay đã ở phiên bản ${current.currentVersion}; ` +
              'cần đề xuất lại trên phiên bản hiện hành',
            { baseVersion: p.baseVersion, currentVersion: current.currentVersion },
          );
        }
      }
      p.status = dto.decision === 'approve' ? ProposalStatus.Approved : ProposalStatus.Rejected;
      p.decidedByUserId = user.id;
      p.decidedAt = new Date();
      p.decisionReason = dto.reason ?? null;
      let playbookId = p.playbookId;
      if (dto.decision === 'approve') {
        if (playbookId) {
          const version = await this.playbooks.bumpVersion(manager, playbookId, p.title);
          await this.playbooks.insertVersion(
            manager,
            playbookId,
            version,
            p.title,
            p.content,
            'proposal',
            p.id,
            user.id,
          );
          p.resultingVersion = version;
        } else {
          if (await manager.existsBy(Playbook, { key: p.newKey! })) {
            throw new AppError(ErrorCode.CONFLICT, `Đã có cẩm nang với mã "${p.newKey}"`);
          }
          const created = await manager.save(
            manager.create(Playbook, {
              key: p.newKey!,
              title: p.title,
              currentVersion: 1,
              orgUnitId: null,
              shipped: false,
              createdByUserId: p.proposedByUserId,
            }),
          );
          playbookId = p.playbookId = created.id;
          await this.playbooks.insertVersion(
            manager,
            created.id,
            1,
            p.title,
            p.content,
            'proposal',
            p.id,
            user.id,
          );
          p.resultingVersion = 1;
        }
      }
      await manager.save(p);
      await this.audit.record(manager, {
        action: `playbook.proposal_${p.status}`,
        entityType: 'playbook_proposal',
        entityId: p.id,
        data: { playbookId, resultingVersion: p.resultingVersion, reason: p.decisionReason },
      });
      return proposalView(p);
    });
  }
}

function proposalView(p: PlaybookProposal): PlaybookProposalView {
  return {
    id: p.id,
    playbookId: p.playbookId,
    baseVersion: p.baseVersion,
    newKey: p.newKey,
    title: p.title,
    content: p.content,
    rationale: p.rationale,
    sourceIncidentId: p.sourceIncidentId,
    status: p.status,
    proposedByUserId: p.proposedByUserId,
    decidedByUserId: p.decidedByUserId,
    decidedAt: p.decidedAt?.toISOString() ?? null,
    decisionReason: p.decisionReason,
    resultingVersion: p.resultingVersion,
    createdAt: p.createdAt.toISOString(),
  };
}
