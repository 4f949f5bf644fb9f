import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { JobsService } from '../jobs/jobs.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { APPROVAL_SLA_JOB } from './approval-plan.service.js';
import { ApprovalStage } from './entities/approval-stage.entity.js';
import { StatementVersion } from './entities/statement-version.entity.js';
import { Statement } from './entities/statement.entity.js';
import { StageStatus } from './statement-types.js';
import { Approvers } from './approvers.js';

/** The approval SLA timer's handler: an overdue stage escalates once, in the incident's timeline. */
@Injectable()
export class ApprovalsFlow implements OnModuleInit {
  constructor(
    private readonly timeline: IncidentTimeline,
    private readonly approvers: Approvers,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
  ) {}

  onModuleInit() {
    this.jobs.register<{ stageId: string }>(APPROVAL_SLA_JOB, async ({ manager, job, afterCommit }) => {
      const events = await this.onSlaDue(manager, job.payload.stageId);
      afterCommit(() => this.timeline.publish(events));
    });
  }

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
      const approvers = await this.approvers.of(manager, change.incident, stage.approvers);
      const heads = await this.approvers.unitHeads(manager, change.incident.responsibleOrgUnitId);
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
}
