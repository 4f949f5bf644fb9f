import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
  OnModuleInit,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { DeadlineRule } from '../incidents/entities/deadline-rule.entity.js';
import { IncidentEventsPublisher } from '../incidents/incident-events.publisher.js';
import { IncidentReads } from '../incidents/incident-reads.repository.js';
import type { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import type { IncidentChange } from '../incidents/incident-timeline.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { OPEN_STATUSES } from '../incidents/incident-types.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { computeDeadlines, rulesInForce } from '../incidents/legal-clock.js';
import { JobsService } from '../jobs/jobs.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { Statement } from './entities/statement.entity.js';
import { formatVietnam } from '../common/dates.js';
import { STATEMENT_TYPE_LABEL_VI } from './statement-types.js';
import { Approvers } from './approvers.js';

export const LEGAL_CLOCK_JOB = 'legal_clock.warning';
const CLOCK_EVENTS = ['legal_clock.warning', 'legal_clock.stopped'];
const warningKey = (incidentId: string, ruleKey: string, percent: number) =>
  `legal-clock:${incidentId}:${ruleKey}:${percent}`;

interface WarningPayload extends Record<string, unknown> {
  incidentId: string;
  ruleKey: string;
  percent: number;
}

/**
 * The legal clock made audible (DOMAIN.md: initial information within 24 hours, …): for each deadline that runs
 * from detection, durable timers at the configured shares (50 %, 80 %, 100 %) warn the room and the leaders;
 * the first publication of a statement the rule names stops it (`legal_clock.stopped`) and cancels the rest.
 */
@Injectable()
export class LegalClockFlow implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LegalClockFlow.name);
  private unsubscribe?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly events: IncidentEventsPublisher,
    private readonly timeline: IncidentTimeline,
    private readonly incidents: IncidentsService,
    private readonly jobs: JobsService,
    private readonly notifications: NotificationsService,
    private readonly reads: IncidentReads,
    private readonly approvers: Approvers,
  ) {}

  onModuleInit() {
    this.jobs.register<WarningPayload>(LEGAL_CLOCK_JOB, async ({ manager, job, afterCommit }) => {
      const events = await this.warn(manager, job.payload);
      afterCommit(() => this.timeline.publish(events));
    });
    this.unsubscribe = this.events.subscribe((events) => this.onCommitted(events));
  }

  /** Incidents opened while no node was listening (a crash between commit and scheduling) get their timers. */
  async onApplicationBootstrap() {
    for (const id of await this.reads.openIds(undefined, 1000)) {
      await this.schedule(id).catch((e: Error) => this.logger.warn(`legal clock of ${id}: ${e.message}`));
    }
  }

  onModuleDestroy() {
    this.unsubscribe?.();
  }

  private async onCommitted(events: CommittedIncidentEvent[]) {
    for (const e of events) {
      if (e.type === 'incident.opened' || e.type === 'incident.severity_changed')
        await this.schedule(e.incidentId);
    }
  }

  /**
   * Schedules the warnings of an incident's running clocks (idempotent: one pending timer per key, and a warning
   * already given is not given again). Shares already past collapse into one warning now: the highest.
   */
  async schedule(incidentId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const rules = await this.incidents.deadlineRules(manager);
      const incident = await this.incidents.findWithin(manager, incidentId);
      if (!incident || !OPEN_STATUSES.includes(incident.status)) return;
      const stopped = await this.stoppedClocks(manager, incidentId);
      const now = Date.now();
      for (const d of computeDeadlines(rulesInForce(rules, incident), incident)) {
        if (d.anchor !== 'detected' || !d.dueAt || stopped.has(d.key)) continue;
        const span = new Date(d.dueAt).getTime() - incident.detectedAt.getTime();
        const at = this.config.legalClock.warnPercents.map((percent) => ({
          percent,
          dueAt: new Date(incident.detectedAt.getTime() + (span * percent) / 100),
        }));
        const past = at.filter((w) => w.dueAt.getTime() <= now);
        const keep = [
          ...(past.length ? [past[past.length - 1]] : []),
          ...at.filter((w) => w.dueAt.getTime() > now),
        ];
        for (const w of keep) {
          await this.jobs.schedule(manager, {
            kind: LEGAL_CLOCK_JOB,
            dueAt: w.dueAt,
            payload: { incidentId, ruleKey: d.key, percent: w.percent },
            key: warningKey(incidentId, d.key, w.percent),
          });
        }
      }
    });
  }

  private async warn(manager: EntityManager, p: WarningPayload): Promise<CommittedIncidentEvent[]> {
    if (!(await this.incidents.findWithin(manager, p.incidentId))) return [];
    const rules = await this.incidents.deadlineRules(manager);
    const { events } = await this.timeline.changeWithin(manager, p.incidentId, async (change) => {
      // Checked under the incident's lock: a publication committed meanwhile has stopped the clock.
      const incident = change.incident;
      if (!OPEN_STATUSES.includes(incident.status)) return;
      const given = await this.reads.eventsOfTypes(manager, p.incidentId, CLOCK_EVENTS, p.ruleKey);
      if (given.some((e) => e.type === 'legal_clock.stopped')) return;
      if (given.some((e) => e.type === 'legal_clock.warning' && Number(e.payload.percent) === p.percent))
        return;
      const deadline = computeDeadlines(rulesInForce(rules, incident), incident).find(
        (d) => d.key === p.ruleKey,
      );
      if (!deadline?.dueAt) return;
      const dueAt = new Date(deadline.dueAt);
      const overdue = p.percent >= 100;
      change.emit('legal_clock.warning', {
        ruleKey: p.ruleKey,
        label: deadline.label,
        percent: p.percent,
        dueAt: deadline.dueAt,
        legalSource: deadline.rule.legalSource,
      });
      const to = await this.approvers.clockRecipients(manager, change.incident);
      if (to.length) {
        await this.notifications.enqueue(manager, {
          to: to.map((userId) => ({ userId })),
          channels: overdue ? ['in_app', 'email', 'webhook'] : ['in_app', 'email'],
          kind: 'legal_clock.warning',
          subject: (overdue
            ? `Đã hết thời hạn: ${deadline.label} (${incident.code})`
            : `Đã qua ${p.percent}% thời hạn: ${deadline.label} (${incident.code})`
          ).slice(0, 300),
          text:
            `Sự cố ${incident.code} "${incident.title}": ${deadline.label} — hạn ${formatVietnam(dueAt)} ` +
            `(${deadline.rule.legalSource}). ${overdue ? 'Đã quá hạn.' : `Đã qua ${p.percent}% thời gian.`}`,
          data: { incidentId: incident.id, ruleKey: p.ruleKey, percent: p.percent, dueAt: deadline.dueAt },
        });
      }
    });
    return events;
  }

  /** Inside a publication's change: the clocks this statement meets stop, their warnings are cancelled. */
  async stop(change: IncidentChange, rules: DeadlineRule[], statement: Statement, at: Date): Promise<void> {
    const stopped = await this.stoppedClocks(change.manager, change.incident.id);
    for (const d of computeDeadlines(rules, change.incident, at)) {
      if (stopped.has(d.key) || !d.dueAt) continue;
      change.emit('legal_clock.stopped', {
        ruleKey: d.key,
        label: d.label,
        statementId: statement.id,
        statementType: statement.type,
        statementTypeLabel: STATEMENT_TYPE_LABEL_VI[statement.type],
        stoppedAt: at.toISOString(),
        dueAt: d.dueAt,
        met: at.getTime() <= new Date(d.dueAt).getTime(),
      });
      // Its pending warnings are left to fire and find the clock stopped (cancelling them here could wait on
      // a warning being fired, which waits for this incident's lock).
    }
  }

  /** The rules whose clock a publication already stopped on this incident. */
  private async stoppedClocks(manager: EntityManager, incidentId: string): Promise<Set<string>> {
    const events = await this.reads.eventsOfTypes(manager, incidentId, ['legal_clock.stopped']);
    return new Set(events.map((e) => String(e.payload.ruleKey)));
  }
}
