import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentVisibility } from '../access/incident-visibility.js';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { SignalsService } from '../signals/signals.service.js';
import { DetectionRepository } from './detection.repository.js';
import { DeclareDetectionDto, ListDetectionsQueryDto } from './dto/detection.dto.js';
import { Detection, DetectionOutcome, DetectionRuleName } from './entities/detection.entity.js';

@Injectable()
export class DetectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly timeline: IncidentTimeline,
    private readonly signals: SignalsService,
    private readonly visibility: IncidentVisibility,
    private readonly repository: DetectionRepository,
  ) {}

  async list(user: AuthUser, query: ListDetectionsQueryDto) {
    const scope = await this.visibility.unitScope(user, 'unitData');
    return this.repository.listDetections({
      scope,
      topicId: query.topicId,
      incidentId: query.incidentId,
      rule: query.rule,
      outcome: query.outcome,
      from: query.from,
      to: query.to,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  async get(user: AuthUser, id: string): Promise<Detection> {
    const d = await this.dataSource.getRepository(Detection).findOneBy({ id });
    if (!d || !(await this.visibility.isUnitInScope(user, d.orgUnitId, 'unitData')))
      throw AppError.notFound('lần phát hiện', id);
    return d;
  }

  /**
   * Manual declaration: recorded as a detection (rule `manual`, the officer's note as evidence) and, like the
   * automatic rules, attached to the topic's open incident when there is one, else opening a new incident.
   */
  async declare(user: AuthUser, dto: DeclareDetectionDto) {
    await this.assertMayDeclare(user, dto);
    let events: CommittedIncidentEvent[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const r = await this.declareWithin(manager, user, dto);
      events = r.events;
      return r.value;
    });
    await this.timeline.publish(events);
    return result;
  }

  /** Hands a declaration's events to the rooms: only after the caller's transaction committed. */
  publishDeclared(events: CommittedIncidentEvent[]): Promise<void> {
    return this.timeline.publish(events);
  }

  /**
   * The checks of a declaration that need no transaction: the unit in the user's scope (`incidents`), the topic
   * usable for it, the incident to attach to visible and open. Call before declareWithin.
   */
  async assertMayDeclare(user: AuthUser, dto: DeclareDetectionDto): Promise<void> {
    await this.incidents.assertUnitInScope(
      user,
      dto.orgUnitId,
      'Chỉ được khai báo sự cố cho đơn vị mình hoặc đơn vị cấp dưới',
    );
    if (dto.topicId)
      await this.visibility.assertTopicUsable(
        user,
        (await this.signals.getTopic(dto.topicId)).orgUnitId,
        dto.orgUnitId,
      );
    if (dto.incidentId) this.incidents.assertWritable(await this.incidents.getVisible(user, dto.incidentId));
  }

  /**
   * The declaration inside the caller's transaction (an officer's report stores its mention and itself in the
   * same one): attached to `incidentId` when given, else to the topic's open incident, else a new incident.
   * Publish the returned events after the commit.
   */
  async declareWithin(manager: EntityManager, user: AuthUser, dto: DeclareDetectionDto) {
    const now = new Date();
    const evidence = {
      rule: 'manual',
      summary: dto.note,
      window: { start: now.toISOString(), end: now.toISOString() },
      observed: { volume: dto.mentionIds?.length ?? 0, negative: 0, reach: 0, velocityPerHour: 0 },
      thresholds: {},
      declaredBy: { userId: user.id, displayName: user.displayName },
    };
    if (dto.topicId) await this.repository.lockTopic(manager, dto.topicId);
    const detection = manager.create(Detection, {
      topicId: dto.topicId ?? null,
      orgUnitId: dto.orgUnitId,
      rule: DetectionRuleName.Manual,
      category: dto.category,
      severity: dto.severity,
      windowStart: now,
      windowEnd: now,
      evidence,
      outcome: DetectionOutcome.Opened,
      incidentId: null,
      declaredByUserId: user.id,
    });
    const open = dto.incidentId
      ? await this.incidents.findWithin(manager, dto.incidentId)
      : dto.topicId
        ? await this.incidents.findOpenForTopic(manager, dto.topicId)
        : null;
    if (dto.incidentId && !open) throw AppError.notFound('sự cố', dto.incidentId);
    if (open && dto.incidentId) this.incidents.assertWritable(open);
    // Attaching changes that incident (evidence, severity): only for someone who may see and change it.
    if (open && !(await this.incidents.canSee(user, open))) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Chủ đề này đang gắn với một sự cố mở của đơn vị khác; hãy báo cho đơn vị chủ trì sự cố đó',
      );
    }
    if (open) {
      detection.outcome = DetectionOutcome.Attached;
      detection.incidentId = open.id;
      await manager.save(detection);
      const r = await this.timeline.changeWithin(manager, open.id, async (change) => {
        const linked = await this.incidents.linkMentions(manager, open.id, dto.mentionIds ?? []);
        change.emit('detection.attached', {
          detections: [{ id: detection.id, rule: 'manual', severity: dto.severity, summary: dto.note }],
          mentionsLinked: linked,
          topicId: dto.topicId,
        });
        this.incidents.raiseSeverity(change, dto.severity, dto.note);
        await manager.save(change.incident);
      });
      return { value: { outcome: detection.outcome, incidentId: open.id, detection }, events: r.events };
    }
    const r = await this.incidents.openWithin(
      manager,
      {
        title: dto.title,
        summary: dto.note,
        category: dto.category,
        severity: dto.severity,
        responsibleOrgUnitId: dto.orgUnitId,
        origin: 'manual',
        createdByUserId: user.id,
        openedPayload: { rules: ['manual'], topicId: dto.topicId ?? null },
      },
      async (change) => {
        if (dto.topicId) await this.incidents.linkTopics(manager, change.incident.id, [dto.topicId]);
        await this.incidents.linkMentions(manager, change.incident.id, dto.mentionIds ?? []);
        detection.incidentId = change.incident.id;
        await manager.save(detection);
        change.emit('detection.recorded', {
          detections: [{ id: detection.id, rule: 'manual', severity: dto.severity, summary: dto.note }],
        });
      },
    );
    return { value: { outcome: detection.outcome, incidentId: r.value.id, detection }, events: r.events };
  }
}
