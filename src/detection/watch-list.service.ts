import { IncidentVisibility } from '../access/incident-visibility.js';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { IncidentCategory, IncidentStatus, Severity } from '../incidents/incident-types.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { IN_APP_DELIVERY } from '../notifications/channels/in-app-delivery.js';
import type { InAppDelivery } from '../notifications/channels/in-app-delivery.js';
import { foldText } from '../common/text.js';
import type { Topic } from '../signals/entities/topic.entity.js';
import { TopicsService } from '../signals/topics.service.js';
import { DetectionSettingsService } from './detection-settings.service.js';
import { Finding, labelledFinding, severityFor } from './detection-rules.js';
import { DetectionRepository } from './detection.repository.js';
import { DismissWatchSignalDto, ListWatchSignalsQueryDto } from './dto/watch-signal.dto.js';
import { DetectionLabel } from './entities/detection-label.entity.js';
import { Detection, DetectionOutcome, DetectionRuleName } from './entities/detection.entity.js';
import { WatchSignal, WatchSignalStatus } from './entities/watch-signal.entity.js';
import { detectionRuleLabel } from './rule-labels.js';
import type { WatchSignal as WatchSignalView } from '../contracts/detection.js';

/** A dismissal reason that says "false alarm" (the console offers "Báo động nhầm"). */
export function isFalsePositiveReason(reason: string | null | undefined): boolean {
  if (!reason) return false;
  const f = foldText(reason);
  return f.startsWith('bao dong nham') || f.includes('false positive') || f === 'false_positive';
}

/** How long (stream time) a pending watch signal gathers the later findings of its topic and rule. */
export const WATCH_GATHER_HOURS = 24;

/**
 * Gathers a later finding into a watch signal (its window, the latest summary, the item that set it off, its
 * mentions); false when that window was already in it (a batch evaluated again).
 */
export function gather(signal: WatchSignal, f: Finding): boolean {
  const first = signal.windowStart.toISOString();
  const g = signal.evidence.gathered ?? { count: 1, windows: [first], latest: null!, items: [] };
  const window = f.windowStart.toISOString();
  if (g.windows.includes(window)) return false;
  g.count++;
  g.windows = [...g.windows, window].slice(-300);
  g.latest = { summary: f.evidence.summary, window: f.evidence.window };
  if (f.evidence.trigger) g.items = [...g.items, f.evidence.trigger].slice(-20);
  const strength = Math.max(signal.evidence.strength ?? 0, f.evidence.strength ?? 0);
  signal.evidence = { ...signal.evidence, gathered: g, strength };
  if (f.windowEnd > signal.windowEnd) signal.windowEnd = f.windowEnd;
  signal.mentionIds = [...new Set([...signal.mentionIds, ...f.mentionIds])].slice(0, 100);
  signal.summary = `${signal.evidence.summary}. Sau đó lặp lại ${g.count - 1} lần; lần gần nhất: ${g.latest.summary}`;
  return true;
}

const REASON_LABELS: Record<string, string> = {
  false_positive: 'Báo động nhầm',
  not_relevant: 'Không liên quan đến đơn vị',
  handled_elsewhere: 'Đã được xử lý ở nơi khác',
  other: 'Lý do khác',
};

/**
 * The unit's watch list (triage inbox): findings below the opening bar, pushed live to those who see the unit's
 * incidents; an officer opens an incident from one (its evidence carried over) or dismisses it with a reason.
 * Dismissals "false positive" (of a watch signal, or of an incident opened by detection) are kept as labels.
 */
@Injectable()
export class WatchListService implements OnModuleInit {
  private readonly logger = new Logger(WatchListService.name);
  private delivery: InAppDelivery | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
    private readonly repository: DetectionRepository,
    private readonly incidents: IncidentsService,
    private readonly timeline: IncidentTimeline,
    private readonly settings: DetectionSettingsService,
    private readonly audit: AuditService,
    private readonly visibility: IncidentVisibility,
    private readonly topics: TopicsService,
  ) {}

  onModuleInit() {
    try {
      this.delivery = this.moduleRef.get<InAppDelivery>(IN_APP_DELIVERY, { strict: false });
    } catch {
      this.logger.log('no IN_APP_DELIVERY provider: watch signals are listed, not pushed live');
    }
    // A dismissal "Báo động nhầm" of an incident that detection opened is a label for the topic's precision.
    this.incidents.onTransition(async (change, _from, to) => {
      const { incident, manager } = change;
      if (to !== IncidentStatus.Dismissed || incident.origin !== 'detection') return;
      if (!isFalsePositiveReason(incident.dismissedReason)) return;
      const detections = await manager.getRepository(Detection).findBy({
        incidentId: incident.id,
        outcome: DetectionOutcome.Opened,
      });
      const topicId = detections.find((d) => d.topicId)?.topicId ?? null;
      await manager.save(
        manager.create(DetectionLabel, {
          topicId,
          orgUnitId: incident.responsibleOrgUnitId,
          incidentId: incident.id,
          watchSignalId: null,
          label: 'false_positive',
          findings: detections.map((d) => labelledFinding(d.rule, d.evidence)),
          reason: incident.dismissedReason!,
          createdByUserId: null,
        }),
      );
    });
  }

  /**
   * Stores the watch signals of a topic and pushes the new ones to the users who see its unit. One pending
   * signal per topic and rule gathers the findings of the next WATCH_GATHER_HOURS (stream time) instead of
   * new rows: the officer sees one line per concern, with how often it came back and the latest.
   */
  async record(topic: Topic, findings: { finding: Finding; title: string }[]): Promise<WatchSignal[]> {
    const inserted = await this.dataSource.transaction(async (manager) => {
      await this.repository.lockWatchList(manager, topic.id);
      const fresh = new Map<string, Partial<WatchSignal>>();
      for (const { finding: f, title } of findings) {
        const since = new Date(f.windowStart.getTime() - WATCH_GATHER_HOURS * 3_600_000);
        const pending = await this.repository.pendingSignal(manager, topic.id, f.rule, since);
        if (pending) {
          if (gather(pending, f)) await manager.save(pending);
          continue;
        }
        const row = fresh.get(f.rule);
        if (row) {
          gather(row as WatchSignal, f);
          continue;
        }
        fresh.set(f.rule, {
          topicId: topic.id,
          orgUnitId: topic.orgUnitId,
          rule: f.rule,
          category: (topic.category as string as IncidentCategory) ?? IncidentCategory.Other,
          windowStart: f.windowStart,
          windowEnd: f.windowEnd,
          title: title.slice(0, 300),
          summary: f.evidence.summary,
          evidence: f.evidence,
          mentionIds: f.mentionIds,
          status: WatchSignalStatus.Pending,
        });
      }
      return this.repository.insertWatchSignals(manager, [...fresh.values()]);
    });
    if (inserted.length && this.delivery) {
      const users = await this.visibility.unitDataReaders(topic.orgUnitId);
      for (const signal of inserted) {
        for (const userId of users) {
          await this.delivery
            .deliver(userId, {
              id: randomUUID(),
              notificationId: signal.id,
              kind: 'detection.watch_signal',
              subject: signal.title,
              text: signal.summary,
              data: { watchSignal: this.view(signal, topic.name) },
              createdAt: signal.createdAt.toISOString(),
            })
            .catch((e: Error) => this.logger.warn(`watch signal push failed: ${e.message}`));
        }
      }
    }
    return inserted;
  }

  async list(user: AuthUser, query: ListWatchSignalsQueryDto) {
    // Monitoring data: analysts read their units' watch list as leaders and officers do.
    const roots = await this.visibility.unitScope(user, 'unitData');
    const { items, total } = await this.repository.listWatchSignals({
      roots,
      status: query.status,
      topicId: query.topicId,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
    const names = await this.topics.namesOf(items.map((w) => w.topicId));
    return { items: items.map((w) => this.view(w, names.get(w.topicId) ?? '')), total };
  }

  /** What the console shows: no rule identifier without its Vietnamese label. */
  view(w: WatchSignal, topicName: string): WatchSignalView {
    return {
      id: w.id,
      topicId: w.topicId,
      topicName,
      orgUnitId: w.orgUnitId,
      rule: w.rule,
      ruleLabel: detectionRuleLabel(w.rule),
      category: w.category,
      title: w.title,
      summary: w.summary,
      window: { start: w.windowStart.toISOString(), end: w.windowEnd.toISOString() },
      evidence: w.evidence,
      status: w.status,
      incidentId: w.incidentId,
      dismissReason: w.dismissReason,
      dismissReasonLabel: w.dismissReason ? REASON_LABELS[w.dismissReason] : null,
      dismissNote: w.dismissNote,
      decidedAt: w.decidedAt?.toISOString() ?? null,
      createdAt: w.createdAt.toISOString(),
    };
  }

  /** The name of a watch signal's topic ('' when the signal does not exist). */
  private async topicNameOf(id: string): Promise<string> {
    const signal = await this.repository.watchSignal(id);
    if (!signal) return '';
    return (await this.topics.namesOf([signal.topicId])).get(signal.topicId) ?? '';
  }

  private async loadInScope(manager: EntityManager, user: AuthUser, id: string): Promise<WatchSignal> {
    const signal = await this.repository.lockedWatchSignal(manager, id);
    if (!signal) throw AppError.notFound('tín hiệu theo dõi', id);
    if (!(await this.visibility.isUnitInScope(user, signal.orgUnitId, 'incidents', manager))) {
      throw AppError.notFound('tín hiệu theo dõi', id);
    }
    if (signal.status !== WatchSignalStatus.Pending) {
      throw new AppError(
        ErrorCode.CONFLICT,
        signal.status === WatchSignalStatus.Opened
          ? 'Tín hiệu này đã được mở thành sự cố'
          : 'Tín hiệu này đã được bỏ qua',
        { status: signal.status, incidentId: signal.incidentId },
      );
    }
    return signal;
  }

  /**
   * Opens an incident from a watch signal in one step: the signal's evidence becomes the incident's first
   * detection (`detection.recorded`), its mentions and topic are linked. When the topic already has an open
   * incident, the signal joins it (`detection.attached`) instead of opening a second one.
   */
  async open(user: AuthUser, id: string) {
    let events: CommittedIncidentEvent[] = [];
    const topicName = await this.topicNameOf(id);
    const result = await this.dataSource.transaction(async (manager) => {
      const probe = await manager.findOneBy(WatchSignal, { id });
      if (probe) await this.repository.lockTopic(manager, probe.topicId);
      const signal = await this.loadInScope(manager, user, id);
      const { thresholds } = await this.settings.effective(signal.orgUnitId);
      const severity = severityFor(thresholds.severityRules, {
        category: signal.category,
        reach: signal.evidence.observed?.reach ?? 0,
        velocityPerHour: signal.evidence.observed?.velocityPerHour ?? 0,
        negativeShare: signal.evidence.negativeShare ?? 0,
        units: 1,
      });
      const detection = manager.create(Detection, {
        topicId: signal.topicId,
        orgUnitId: signal.orgUnitId,
        rule: signal.rule as DetectionRuleName,
        category: signal.category,
        severity,
        windowStart: signal.windowStart,
        windowEnd: signal.windowEnd,
        evidence: { ...signal.evidence, watchSignalId: signal.id } as Detection['evidence'],
        outcome: DetectionOutcome.Opened,
        incidentId: null,
        declaredByUserId: user.id,
      });
      const summary = {
        rule: signal.rule,
        severity,
        summary: signal.summary,
        window: { start: signal.windowStart.toISOString(), end: signal.windowEnd.toISOString() },
      };
      const open = await this.incidents.findOpenForTopic(manager, signal.topicId);
      let incidentId: string;
      if (open) {
        if (!(await this.incidents.canSee(user, open))) {
          throw new AppError(
            ErrorCode.FORBIDDEN,
            'Chủ đề này đang gắn với một sự cố mở của đơn vị khác; hãy báo cho đơn vị chủ trì sự cố đó',
          );
        }
        detection.outcome = DetectionOutcome.Attached;
        detection.incidentId = open.id;
        await manager.save(detection);
        const r = await this.timeline.changeWithin(manager, open.id, async (change) => {
          const linked = await this.incidents.linkMentions(manager, open.id, signal.mentionIds);
          change.emit('detection.attached', {
            detections: [{ id: detection.id, ...summary }],
            watchSignalId: signal.id,
            mentionsLinked: linked,
            topicId: signal.topicId,
          });
          this.incidents.raiseSeverity(change, severity, signal.summary);
          await manager.save(change.incident);
        });
        events = r.events;
        incidentId = open.id;
      } else {
        const r = await this.incidents.openWithin(
          manager,
          {
            title: signal.title,
            summary: signal.summary,
            category: signal.category,
            severity: severity ?? Severity.L1,
            responsibleOrgUnitId: signal.orgUnitId,
            origin: 'detection',
            createdByUserId: user.id,
            openedPayload: { rules: [signal.rule], topicId: signal.topicId, watchSignalId: signal.id },
          },
          async (change) => {
            await this.incidents.linkTopics(manager, change.incident.id, [signal.topicId]);
            const linked = await this.incidents.linkMentions(manager, change.incident.id, signal.mentionIds);
            detection.incidentId = change.incident.id;
            await manager.save(detection);
            change.emit('detection.recorded', {
              detections: [{ id: detection.id, ...summary }],
              watchSignalId: signal.id,
              mentionsLinked: linked,
              topicId: signal.topicId,
            });
          },
        );
        events = r.events;
        incidentId = r.value.id;
      }
      signal.status = WatchSignalStatus.Opened;
      signal.incidentId = incidentId;
      signal.decidedByUserId = user.id;
      signal.decidedAt = new Date();
      await manager.save(signal);
      await this.audit.record(manager, {
        action: 'watch_signal.opened',
        entityType: 'watch_signal',
        entityId: signal.id,
        data: { incidentId, detectionId: detection.id, attached: Boolean(open) },
      });
      return { signal, incidentId, detectionId: detection.id, attached: Boolean(open) };
    });
    await this.timeline.publish(events);
    return {
      incidentId: result.incidentId,
      detectionId: result.detectionId,
      attached: result.attached,
      watchSignal: this.view(result.signal, topicName),
    };
  }

  /** Dismisses a watch signal with a reason; "false_positive" is kept as a label for the topic's precision. */
  async dismiss(user: AuthUser, id: string, dto: DismissWatchSignalDto) {
    const topicName = await this.topicNameOf(id);
    const signal = await this.dataSource.transaction(async (manager) => {
      const signal = await this.loadInScope(manager, user, id);
      signal.status = WatchSignalStatus.Dismissed;
      signal.dismissReason = dto.reason;
      signal.dismissNote = dto.note ?? null;
      signal.decidedByUserId = user.id;
      signal.decidedAt = new Date();
      await manager.save(signal);
      if (dto.reason === 'false_positive') {
        await manager.save(
          manager.create(DetectionLabel, {
            topicId: signal.topicId,
            orgUnitId: signal.orgUnitId,
            incidentId: null,
            watchSignalId: signal.id,
            label: 'false_positive',
            findings: [labelledFinding(signal.rule, signal.evidence)],
            reason: dto.note ? `${REASON_LABELS[dto.reason]}: ${dto.note}` : REASON_LABELS[dto.reason],
            createdByUserId: user.id,
          }),
        );
      }
      await this.audit.record(manager, {
        action: 'watch_signal.dismissed',
        entityType: 'watch_signal',
        entityId: signal.id,
        data: { reason: dto.reason, note: dto.note ?? null },
      });
      return signal;
    });
    return this.view(signal, topicName);
  }
}
