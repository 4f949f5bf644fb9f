import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { IncidentEventsPublisher } from '../incidents/incident-events.publisher.js';
import type { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { IncidentStatus, OPEN_STATUSES } from '../incidents/incident-types.js';
import { JobsService } from '../jobs/jobs.service.js';
import { IncidentPlaybook } from './entities/incident-playbook.entity.js';
import { PlaybooksService } from './playbooks.service.js';

export const SUGGEST_JOB = 'playbooks.suggest';

/**
 * On activation, the best-matching playbooks are written on the timeline (`playbook.suggested`, with the
 * reasons) so the room shows them at once. A durable timer carries it, as for the working group: a crash after
 * the activation's commit still suggests, on any node, once.
 */
@Injectable()
export class PlaybooksFlow implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PlaybooksFlow.name);
  private unsubscribe?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: IncidentEventsPublisher,
    private readonly jobs: JobsService,
    private readonly timeline: IncidentTimeline,
    private readonly playbooks: PlaybooksService,
  ) {}

  onModuleInit() {
    this.jobs.register<{ incidentId: string }>(SUGGEST_JOB, async ({ manager, job, afterCommit }) => {
      const { events } = await this.timeline.changeWithin(manager, job.payload.incidentId, async (change) => {
        if (!OPEN_STATUSES.includes(change.incident.status)) return;
        if (await change.manager.existsBy(IncidentPlaybook, { incidentId: change.incident.id })) return;
        await this.playbooks.suggestWithin(change);
      });
      afterCommit(() => this.timeline.publish(events));
    });
    this.unsubscribe = this.events.subscribe((events) => this.onCommitted(events));
  }

  onModuleDestroy() {
    this.unsubscribe?.();
  }

  private async onCommitted(events: CommittedIncidentEvent[]) {
    for (const e of events) {
      if (e.type !== 'incident.status_changed' || e.payload.to !== IncidentStatus.Active) continue;
      await this.dataSource.transaction((manager) =>
        this.jobs.schedule(manager, {
          kind: SUGGEST_JOB,
          dueAt: new Date(),
          payload: { incidentId: e.incidentId },
          key: `playbooks-suggest:${e.incidentId}:${e.seq}`,
        }),
      );
      this.logger.debug(`playbook suggestions scheduled for incident ${e.incidentId}`);
    }
  }
}
