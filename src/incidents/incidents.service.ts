/**
 * IncidentsService: the incident aggregate's facade.
 * Long file: the facade seven other modules call (open, change, transition, links); a split moves every caller.
 */
import { toTimelineEvent } from './timeline-event.js';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, MoreThan } from 'typeorm';
import { IncidentVisibility } from '../access/incident-visibility.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import {
  CreateIncidentDto,
  EventsQueryDto,
  ListIncidentsQueryDto,
  TransitionDto,
  UpdateIncidentDto,
} from './dto/incident.dto.js';
import { DeadlineRule } from './entities/deadline-rule.entity.js';
import { IncidentEvent } from './entities/incident-event.entity.js';
import { IncidentMention } from './entities/incident-mention.entity.js';
import { IncidentTopic } from './entities/incident-topic.entity.js';
import { IncidentUnit } from './entities/incident-unit.entity.js';
import { IncidentUnits, snapshotOf } from './incident-units.js';
export { snapshotOf } from './incident-units.js';
import { Incident } from './entities/incident.entity.js';
import { allowedTargets, findTransition } from './incident-state-machine.js';
import { IncidentChange, IncidentTimeline } from './incident-timeline.js';
import {
  IncidentCategory,
  IncidentStatus,
  Severity,
  SEVERITY_RANK,
  STATUS_LABEL_VI,
} from './incident-types.js';
import { IncidentsRepository } from './incidents.repository.js';
import type { LastDetectionEvent } from './incidents.repository.js';
import { MentionPartitions } from '../signals/mention-partitions.js';
import { SignalsService } from '../signals/signals.service.js';
import { computeDeadlines } from './legal-clock.js';
import { fieldError, validationFailed } from '../common/validation.js';

/** Roles that may change an incident they can see; analysts and observers read. */
const WRITER_ROLES = [Role.Admin, Role.Leader, Role.Officer];

export interface OpenIncidentInput {
  title: string;
  summary?: string | null;
  category: IncidentCategory;
  severity: Severity;
  responsibleOrgUnitId: string;
  concernedOrgUnitIds?: string[];
  detectedAt?: Date;
  origin: 'detection' | 'manual';
  createdByUserId?: string | null;
  /** Extra payload for the `incident.opened` event (e.g. the detection that opened it). */
  openedPayload?: Record<string, unknown>;
}

/**
 * Runs inside a status change's transaction, after the new status is set and before its event: may refuse (throw,
 * nothing is written) or write rows of its own (e.g. the reports module requires a completed review to close and
 * files the case in the library on archiving).
 */
export type TransitionHook = (
  change: IncidentChange,
  from: IncidentStatus,
  to: IncidentStatus,
) => Promise<void>;

/**
 * The incident aggregate as other modules call it: access checks, queries, opening, changes, status transitions,
 * evidence links. Its units (incident-units.ts), SQL (incidents.repository.ts) and write path
 * (incident-timeline.ts) live apart.
 */
@Injectable()
export class IncidentsService implements OnModuleInit {
  private readonly transitionHooks: TransitionHook[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly timeline: IncidentTimeline,
    private readonly repository: IncidentsRepository,
    private readonly visibility: IncidentVisibility,
    private readonly signals: SignalsService,
    private readonly partitions: MentionPartitions,
    private readonly units: IncidentUnits,
  ) {}

  onModuleInit() {
    // Mention retention (signals) keeps the mentions linked here as evidence: it asks for them in its transaction.
    this.partitions.registerEvidence((manager) => this.repository.evidenceMentionIds(manager));
  }

  // ---- access -------------------------------------------------------------------------------------------

  /** The units under which a user sees incidents: null for admins (everything). See access/. */
  visibilityRoots(user: AuthUser): Promise<string[] | null> {
    return this.visibility.unitScope(user);
  }

  /** The one visibility rule (access/IncidentVisibility.canSee). */
  canSee(user: AuthUser, incident: Incident): Promise<boolean> {
    return this.visibility.canSee(user, incident);
  }

  /** Loads an incident the user may see; anyone else gets the same 404 as for a missing one. */
  async getVisible(user: AuthUser, id: string): Promise<Incident> {
    const incident = await this.dataSource.getRepository(Incident).findOneBy({ id });
    if (!incident || !(await this.canSee(user, incident))) throw AppError.notFound('sự cố', id);
    return incident;
  }

  /** Runs a change through the one write path after checking the user may see and change the incident. */
  async changeAs<T>(user: AuthUser, id: string, work: (change: IncidentChange) => Promise<T>): Promise<T> {
    // Checked before the transaction: it must not hold a connection while waiting for another one.
    await this.getVisible(user, id);
    this.assertWriter(user);
    return this.timeline.change(id, work);
  }

  /** Admins, leaders and officers change what they see; analysts and observers read. */
  assertWriter(user: AuthUser): void {
    if (!user.roles.some((r) => WRITER_ROLES.includes(r))) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Vai trò của bạn chỉ được xem sự cố, không được thay đổi');
    }
  }

  /** Non-admins act only for their own unit and the units below it (access/IncidentVisibility). */
  assertUnitInScope(user: AuthUser, unitId: string, message: string): Promise<void> {
    return this.visibility.assertUnitInScope(user, unitId, message);
  }

  // ---- queries ------------------------------------------------------------------------------------------

  async list(user: AuthUser, query: ListIncidentsQueryDto) {
    const { items, total } = await this.repository.list({
      ...query,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
      visibleUnderUnitIds: await this.visibilityRoots(user),
      memberPersonId: user.personId,
    });
    return { items: await this.present(items), total };
  }

  async get(user: AuthUser, id: string) {
    const incident = await this.getVisible(user, id);
    const [units, topicLinks, mentionCount] = await Promise.all([
      this.dataSource.getRepository(IncidentUnit).findBy({ incidentId: id }),
      this.dataSource
        .getRepository(IncidentTopic)
        .find({ where: { incidentId: id }, relations: { topic: true } }),
      this.dataSource.getRepository(IncidentMention).countBy({ incidentId: id }),
    ]);
    return {
      ...(await this.present([incident]))[0],
      concernedUnits: units.map((u) => u.snapshot),
      topics: topicLinks.map((l) => ({ id: l.topicId, name: l.topic?.name ?? null, linkedAt: l.linkedAt })),
      mentionCount,
    };
  }

  /** The signals attached to an incident as evidence, widest reach first. */
  async mentions(user: AuthUser, id: string, query: { limit?: number; offset?: number }) {
    await this.getVisible(user, id);
    const links = await this.repository.mentionLinks(id);
    const page = await this.signals.mentionPage([...links.keys()], query.limit ?? 50, query.offset ?? 0);
    // reach is a bigint in the table: sent as the number the contract says (a count, well below 2^53).
    return {
      items: page.map((m) => ({
        ...m,
        reach: m.reach === null ? null : Number(m.reach),
        linkedAt: links.get(m.id)!,
      })),
      total: links.size,
    };
  }

  async events(user: AuthUser, id: string, query: EventsQueryDto) {
    const incident = await this.getVisible(user, id);
    const limit = query.limit ?? 200;
    const items = await this.dataSource.getRepository(IncidentEvent).find({
      where: { incidentId: id, seq: MoreThan(query.after ?? 0) },
      order: { seq: 'ASC' },
      take: limit,
    });
    return {
      items: items.map(toTimelineEvent),
      lastSeq: incident.lastSeq,
      hasMore: items.length === limit && items[items.length - 1].seq < incident.lastSeq,
    };
  }

  // ---- commands -----------------------------------------------------------------------------------------

  async create(user: AuthUser, dto: CreateIncidentDto) {
    if (!user.roles.some((r) => WRITER_ROLES.includes(r))) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Vai trò của bạn không được khai báo sự cố');
    }
    await this.assertUnitInScope(
      user,
      dto.responsibleOrgUnitId,
      'Chỉ được khai báo sự cố cho đơn vị mình hoặc đơn vị cấp dưới',
    );
    const incident = await this.open({
      ...dto,
      detectedAt: dto.detectedAt ? new Date(dto.detectedAt) : undefined,
      origin: 'manual',
      createdByUserId: user.id,
    });
    return this.get(user, incident.id);
  }

  /** Opens an incident (manual declaration or detection): the row, its units and `incident.opened`, atomically. */
  async open(input: OpenIncidentInput, extra?: (change: IncidentChange) => Promise<void>): Promise<Incident> {
    const [build, work] = this.opening(input, extra);
    return this.timeline.create(build, work);
  }

  /** The same, inside a caller's transaction (the caller publishes the events after its commit). */
  openWithin(
    manager: EntityManager,
    input: OpenIncidentInput,
    extra?: (change: IncidentChange) => Promise<void>,
  ) {
    const [build, work] = this.opening(input, extra);
    return this.timeline.createWithin(manager, build, work);
  }

  private opening(
    input: OpenIncidentInput,
    extra?: (change: IncidentChange) => Promise<void>,
  ): [(manager: EntityManager) => Promise<Incident>, (change: IncidentChange) => Promise<Incident>] {
    const detectedAt = input.detectedAt ?? new Date();
    if (detectedAt.getTime() > Date.now() + 60_000) {
      throw validationFailed(
        [fieldError('detectedAt', 'notFuture', 'detectedAt: không thể ở tương lai')],
        'Thời điểm phát hiện không thể ở tương lai',
      );
    }
    const build = async (manager: EntityManager) => {
      const unit = await this.units.activeUnit(
        manager,
        input.responsibleOrgUnitId,
        detectedAt,
        'responsibleOrgUnitId',
      );
      return manager.save(
        manager.create(Incident, {
          code: await this.repository.nextCode(manager, detectedAt),
          title: input.title,
          summary: input.summary ?? null,
          category: input.category,
          severity: input.severity,
          status: IncidentStatus.Detected,
          responsibleOrgUnitId: unit.id,
          responsibleUnitSnapshot: snapshotOf(unit),
          origin: input.origin,
          detectedAt,
          statusChangedAt: new Date(),
          createdByUserId: input.createdByUserId ?? null,
          lastSeq: 0,
        }),
      );
    };
    const work = async (change: IncidentChange) => {
      const { incident, manager } = change;
      const concerned = await this.units.replaceConcerned(manager, incident, input.concernedOrgUnitIds ?? []);
      change.emit('incident.opened', {
        code: incident.code,
        title: incident.title,
        category: incident.category,
        severity: incident.severity,
        origin: incident.origin,
        detectedAt: incident.detectedAt.toISOString(),
        responsibleUnit: incident.responsibleUnitSnapshot,
        concernedUnits: concerned,
        ...input.openedPayload,
      });
      if (extra) await extra(change);
      return incident;
    };
    return [build, work];
  }

  // ---- signals attached to incidents (used by detection) --------------------------------------------------

  /** An incident by id in the caller's transaction (no visibility check: the caller made it). */
  findWithin(manager: EntityManager, id: string): Promise<Incident | null> {
    return manager.findOneBy(Incident, { id });
  }

  /** The open incident (newest) that the topic belongs to, in the caller's transaction. */
  findOpenForTopic(manager: EntityManager, topicId: string): Promise<Incident | null> {
    return this.repository.openForTopic(manager, topicId);
  }

  /** The latest dismissal of an incident on this topic since `since`, if any. */
  findDismissedForTopic(manager: EntityManager, topicId: string, since: Date): Promise<Incident | null> {
    return this.repository.dismissedForTopic(manager, topicId, since);
  }

  linkTopics(manager: EntityManager, incidentId: string, topicIds: string[]): Promise<void> {
    return this.repository.linkTopics(manager, incidentId, topicIds);
  }

  /** Attaches mentions as evidence; returns how many were new to the incident. */
  linkMentions(manager: EntityManager, incidentId: string, mentionIds: string[]): Promise<number> {
    return this.repository.linkMentions(manager, incidentId, mentionIds);
  }

  /** The topic's last detection event on the incident's timeline, in the caller's transaction (coalescing). */
  lastDetectionEvent(
    manager: EntityManager,
    incidentId: string,
    topicId: string,
  ): Promise<LastDetectionEvent | null> {
    return this.repository.lastDetectionEvent(manager, incidentId, topicId);
  }

  async update(user: AuthUser, id: string, dto: UpdateIncidentDto) {
    if (dto.responsibleOrgUnitId) {
      // Re-homing needs authority over both units: a working-group member invited from another unit sees the
      // incident, but must not take it away from the unit that owns it.
      const current = await this.getVisible(user, id);
      if (dto.responsibleOrgUnitId !== current.responsibleOrgUnitId) {
        await this.assertUnitInScope(
          user,
          current.responsibleOrgUnitId,
          'Chỉ lãnh đạo, cán bộ của đơn vị chủ trì hoặc cấp trên được chuyển sự cố sang đơn vị khác',
        );
      }
      await this.assertUnitInScope(
        user,
        dto.responsibleOrgUnitId,
        'Chỉ được giao sự cố cho đơn vị mình hoặc đơn vị cấp dưới',
      );
    }
    await this.changeAs(user, id, async (change) => {
      const { incident, manager } = change;
      this.assertNotFinal(incident);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const key of ['title', 'summary', 'category'] as const) {
        if (dto[key] !== undefined && dto[key] !== incident[key]) {
          changes[key] = { from: incident[key], to: dto[key] };
          (incident as unknown as Record<string, unknown>)[key] = dto[key];
        }
      }
      if (dto.responsibleOrgUnitId && dto.responsibleOrgUnitId !== incident.responsibleOrgUnitId) {
        const unit = await this.units.activeUnit(
          manager,
          dto.responsibleOrgUnitId,
          new Date(),
          'responsibleOrgUnitId',
        );
        changes.responsibleUnit = { from: incident.responsibleUnitSnapshot, to: snapshotOf(unit) };
        incident.responsibleOrgUnitId = unit.id;
        incident.responsibleUnitSnapshot = snapshotOf(unit);
      }
      if (dto.severity && dto.severity !== incident.severity) {
        change.emit('incident.severity_changed', { from: incident.severity, to: dto.severity });
        incident.severity = dto.severity;
      }
      await manager.save(incident);
      if (dto.concernedOrgUnitIds) {
        const units = await this.units.replaceConcerned(manager, incident, dto.concernedOrgUnitIds);
        change.emit('incident.units_changed', { concernedUnits: units });
      }
      if (Object.keys(changes).length) change.emit('incident.updated', { changes });
    });
    return this.get(user, id);
  }

  /** Registers a guard or follow-up of status changes (see TransitionHook). */
  onTransition(hook: TransitionHook): void {
    this.transitionHooks.push(hook);
  }

  async transition(user: AuthUser, id: string, dto: TransitionDto) {
    await this.changeAs(user, id, async (change) => {
      const { incident, manager } = change;
      const rule = findTransition(incident.status, dto.to);
      if (!rule) {
        const allowed = allowedTargets(incident.status);
        throw new AppError(
          ErrorCode.INVALID_TRANSITION,
          `Không thể chuyển sự cố từ "${STATUS_LABEL_VI[incident.status]}" sang "${STATUS_LABEL_VI[dto.to]}"` +
            (allowed.length ? `; được phép: ${allowed.map((s) => STATUS_LABEL_VI[s]).join(', ')}` : ''),
          { from: incident.status, to: dto.to, allowed },
        );
      }
      if (rule.requiresReason && !dto.reason) {
        throw validationFailed(
          [fieldError('reason', 'isDefined', 'reason: bắt buộc khi bác bỏ hoặc mở lại sự cố')],
          'Cần ghi rõ lý do cho bước chuyển này',
        );
      }
      const from = incident.status;
      incident.status = dto.to;
      incident.statusChangedAt = new Date();
      // Detection reads dismissals (reason and time) to stay quiet on the same topics for a while.
      if (dto.to === IncidentStatus.Dismissed) incident.dismissedReason = dto.reason!;
      await manager.save(incident);
      for (const hook of this.transitionHooks) await hook(change, from, dto.to);
      change.emit('incident.status_changed', {
        from,
        to: dto.to,
        reason: dto.reason ?? null,
      });
    });
    return this.get(user, id);
  }

  /**
   * Raises severity from a later detection (never lowers it: lowering is a human decision). Used inside an
   * open change, so the caller's transaction and events stay one unit.
   */
  raiseSeverity(change: IncidentChange, to: Severity, reason: string): boolean {
    const { incident } = change;
    if (SEVERITY_RANK[to] <= SEVERITY_RANK[incident.severity]) return false;
    change.emit('incident.severity_changed', { from: incident.severity, to, reason });
    incident.severity = to;
    return true;
  }

  // ---- helpers ------------------------------------------------------------------------------------------

  private assertNotFinal(incident: Incident) {
    if (
      [IncidentStatus.Closed, IncidentStatus.Archived, IncidentStatus.Dismissed].includes(incident.status)
    ) {
      throw new AppError(
        ErrorCode.INCIDENT_READ_ONLY,
        `Sự cố ở trạng thái "${STATUS_LABEL_VI[incident.status]}" chỉ được xem, không được sửa`,
      );
    }
  }

  assertWritable(incident: Incident) {
    this.assertNotFinal(incident);
  }

  /**
   * Clocks stopped by the act that meets them (a `legal_clock.stopped` event: the first publication of a
   * statement that the rule names), per incident and rule key.
   */
  clockStops(incidentIds: string[]): Promise<Map<string, Record<string, Date>>> {
    return this.repository.clockStops(incidentIds);
  }

  /**
   * Starts of the deadlines that run from an act rather than from detection: `takedown_requested`, the first
   * publication of a takedown request (NĐ 147/2024: the platform removes within 24 hours of the request).
   */
  clockAnchors(incidentIds: string[]): Promise<Map<string, Record<string, Date>>> {
    return this.repository.clockAnchors(incidentIds);
  }

  /** Incidents as the API shows them: their deadlines now (rules, stops, anchors) and where they may move. */
  private async present(incidents: Incident[]) {
    const ids = incidents.map((i) => i.id);
    const [rules, stops, anchors] = await Promise.all([
      this.deadlineRules(),
      this.clockStops(ids),
      this.clockAnchors(ids),
    ]);
    const now = new Date();
    return incidents.map((incident) => ({
      ...incident,
      deadlines: computeDeadlines(rules, incident, now, anchors.get(incident.id), stops.get(incident.id)),
      allowedTransitions: allowedTargets(incident.status),
    }));
  }

  /** Every deadline rule (all dates): callers pick those in force with `rulesInForce`. */
  deadlineRules(manager: EntityManager = this.dataSource.manager): Promise<DeadlineRule[]> {
    return manager.getRepository(DeadlineRule).find({ order: { effectiveFrom: 'ASC' } });
  }
}
