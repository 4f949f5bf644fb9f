import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentEventsPublisher } from '../incidents/incident-events.publisher.js';
import type { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { IncidentStatus, SEVERITY_RANK, Severity } from '../incidents/incident-types.js';
import { JobsService } from '../jobs/jobs.service.js';
import { assemblyKey, WorkingGroupsRepository } from './working-groups.repository.js';
import { ACK_DEADLINE_JOB, ASSEMBLE_JOB } from './group-assembly.service.js';
import { InvitationsService } from './invitations.service.js';
import { WorkingGroupsService } from './working-groups.service.js';

/** Events that call for a working group: activation, or an incident detected (or raised) at L3 and above. */
export function activationOf(e: CommittedIncidentEvent): boolean {
  const p = e.payload;
  if (e.type === 'incident.status_changed') return p.to === IncidentStatus.Active;
  const severity = (
    e.type === 'incident.opened' ? p.severity : e.type === 'incident.severity_changed' ? p.to : null
  ) as Severity | null;
  return Boolean(severity && SEVERITY_RANK[severity] >= SEVERITY_RANK[Severity.L3]);
}

/**
 * Orchestration between incidents and working groups: a committed activation schedules the assembly as a
 * durable timer (so a crash after that commit still assembles, on any node); the timers' handlers assemble and
 * run acknowledgement deadlines.
 */
@Injectable()
export class WorkingGroupsFlow implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WorkingGroupsFlow.name);
  private unsubscribe?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: IncidentEventsPublisher,
    private readonly jobs: JobsService,
    private readonly timeline: IncidentTimeline,
    private readonly groups: WorkingGroupsService,
    private readonly invitations: InvitationsService,
    private readonly repository: WorkingGroupsRepository,
  ) {}

  onModuleInit() {
    this.jobs.register<{ incidentId: string; activatedAt: string }>(
      ASSEMBLE_JOB,
      async ({ manager, job, afterCommit }) => {
        const { events } = await this.groups.assembleWithin(
          manager,
          job.payload.incidentId,
          new Date(job.payload.activatedAt),
        );
        afterCommit(() => this.timeline.publish(events));
      },
    );
    this.jobs.register<{ memberId: string }>(ACK_DEADLINE_JOB, async ({ manager, job, afterCommit }) => {
      const events = await this.invitations.onAckDeadline(manager, job.payload.memberId);
      afterCommit(() => this.timeline.publish(events));
    });
    this.unsubscribe = this.events.subscribe((events) => this.onCommitted(events));
  }

  /**
   * Catch-up at boot: an activation whose node died between its commit and scheduling the assembly (the only
   * window the listener leaves) gets its group now.
   */
  async onApplicationBootstrap() {
    try {
      await this.dataSource.transaction(async (manager) => {
        for (const { id, since } of await this.repository.missingGroups(manager, 500)) {
          await this.scheduleAssembly(manager, id, new Date(since).toISOString());
        }
      });
    } catch (e) {
      this.logger.warn(`working group catch-up failed: ${(e as Error).message}`);
    }
  }

  onModuleDestroy() {
    this.unsubscribe?.();
  }

  /** One pending assembly per incident (the key); the handler does nothing for a group that exists. */
  private scheduleAssembly(manager: EntityManager, incidentId: string, activatedAt: string) {
    return this.jobs.schedule(manager, {
      kind: ASSEMBLE_JOB,
      dueAt: new Date(),
      payload: { incidentId, activatedAt },
      key: assemblyKey(incidentId),
    });
  }

  private async onCommitted(events: CommittedIncidentEvent[]) {
    for (const e of events.filter(activationOf)) {
      await this.dataSource.transaction((manager) =>
        this.scheduleAssembly(manager, e.incidentId, e.occurredAt),
      );
      this.logger.debug(`working group assembly scheduled for incident ${e.incidentId}`);
    }
  }
}
