import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { UsersService } from '../auth/users.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { todayInVietnam } from '../common/dates.js';
import type { OrgUnit } from '../directory/entities/org-unit.entity.js';
import { OrgUnitsService } from '../directory/org-units.service.js';
import { SpokespersonDesignationsService } from '../directory/spokesperson-designations.service.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import { IncidentFactsService } from '../incidents/incident-facts.service.js';
import { IncidentTasksService } from '../incidents/incident-tasks.service.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { ApprovalPlanner } from '../statements/approval-plan.service.js';
import type { CreateStatementDto } from '../statements/dto/statement.dto.js';
import { StatementsService } from '../statements/statements.service.js';
import { WorkingGroupsService } from '../working-groups/working-groups.service.js';
import type { PlaybookApplication } from '../contracts/playbooks.js';
import type { ApplyPlaybookDto } from './dto/playbook.dto.js';
import { PlaybookVersion } from './entities/playbook-version.entity.js';
import { PlaybookAccess } from './playbook-access.js';
import { PlaybookSuggestionsService } from './playbook-suggestions.service.js';
import { dateVi, fillPlaceholders, timeVi } from './placeholders.js';
import type { PlaceholderValues } from './placeholders.js';
import { PlaybooksRepository } from './playbooks.repository.js';
import { IncidentEventsPublisher } from '../incidents/incident-events.publisher.js';
import type { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { IncidentStatus, OPEN_STATUSES } from '../incidents/incident-types.js';
import { JobsService } from '../jobs/jobs.service.js';
import { IncidentPlaybook } from './entities/incident-playbook.entity.js';
import { PlaybooksService } from './playbooks.service.js';

/** Hours after "now" the templates announce for the next update. */
const NEXT_UPDATE_HOURS = 4;

export const SUGGEST_JOB = 'playbooks.suggest';

/**
 * Playbooks across modules. Applying a version to an incident writes tasks (incidents), role requirements
 * (working groups) and statement drafts (statements) in one change. On activation, the best-matching playbooks are written on the timeline (`playbook.suggested`, with the
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
    private readonly suggestions: PlaybookSuggestionsService,
    private readonly access: PlaybookAccess,
    private readonly incidents: IncidentsService,
    private readonly tasks: IncidentTasksService,
    private readonly facts: IncidentFactsService,
    private readonly statements: StatementsService,
    private readonly groups: WorkingGroupsService,
    private readonly speakers: SpokespersonDesignationsService,
    private readonly units: OrgUnitsService,
    private readonly planner: ApprovalPlanner,
    private readonly users: UsersService,
    private readonly repository: PlaybooksRepository,
  ) {}

  onModuleInit() {
    this.jobs.register<{ incidentId: string }>(SUGGEST_JOB, async ({ manager, job, afterCommit }) => {
      const { events } = await this.timeline.changeWithin(manager, job.payload.incidentId, async (change) => {
        if (!OPEN_STATUSES.includes(change.incident.status)) return;
        if (await change.manager.existsBy(IncidentPlaybook, { incidentId: change.incident.id })) return;
        await this.suggestions.suggestWithin(change);
      });
      afterCommit(() => this.timeline.publish(events));
    });
    this.unsubscribe = this.events.subscribe((events) => this.onCommitted(events));
    // The holding lines of an applied version count as pre-approved when an admin vouched for them: shipped
    // versions, or versions an admin wrote or approved (a leader's own playbook must not open the one-approver
    // path).
    this.planner.registerVouchedLines(async (manager, incidentId) => {
      const out: { id: string; text: string }[] = [];
      for (const p of await this.repository.appliedHoldingLines(manager, incidentId)) {
        const vouched =
          p.origin === 'shipped' ||
          (p.authorUserId !== null && (await this.users.hasRole(manager, p.authorUserId, Role.Admin)));
        if (!vouched) continue;
        (p.lines ?? []).forEach((text, i) =>
          out.push({ id: `playbook:${p.key}@${p.version}#${i + 1}`, text }),
        );
      }
      return out;
    });
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

  /**
   * Applies a playbook version to an incident in one transaction: its tasks (deadlines from detection, assigned
   * to the accepted holder of the task's role), its role requirements (invited at once if the group exists),
   * its statement drafts with the placeholders filled, and the pinned version. All or nothing.
   */
  async apply(
    user: AuthUser,
    incidentId: string,
    playbookId: string,
    dto: ApplyPlaybookDto,
  ): Promise<PlaybookApplication> {
    const incident = await this.incidents.getVisible(user, incidentId);
    await this.access.assertMayApply(user, incident);
    const playbook = await this.playbooks.findPlaybook(playbookId);
    const chain = await this.units.ancestry(incident.responsibleOrgUnitId);
    if (playbook.orgUnitId && !chain.some((u) => u.id === playbook.orgUnitId)) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Cẩm nang này của đơn vị khác: chỉ áp dụng cẩm nang dùng chung hoặc của đơn vị chủ trì và cấp trên',
      );
    }
    const number = dto.version ?? playbook.currentVersion;
    const version = await this.dataSource
      .getRepository(PlaybookVersion)
      .findOneBy({ playbookId, version: number });
    if (!version) throw AppError.notFound('phiên bản cẩm nang', `${playbookId}@${number}`);
    const values = await this.placeholderValues(incident, chain);
    const origin = `playbook:${playbook.key}@${version.version}`;
    const result = await this.incidents.changeAs(user, incidentId, async (change) => {
      this.incidents.assertWritable(change.incident);
      const pinned = await change.manager.findOneBy(IncidentPlaybook, { incidentId });
      if (pinned) {
        throw new AppError(
          ErrorCode.PLAYBOOK_ALREADY_APPLIED,
          `Sự cố đã áp dụng cẩm nang (phiên bản ${pinned.version}); mỗi sự cố áp dụng một cẩm nang`,
          { playbookId: pinned.playbookId, version: pinned.version },
        );
      }
      const content = version.content;
      const holders = await this.groups.acceptedMembers(change.manager, incidentId);
      const facts = await this.facts.verifiedWithin(change.manager, incidentId);
      const filled: PlaceholderValues = {
        ...values,
        su_kien_da_xac_minh: facts.length
          ? facts.map((f) => `- ${f.statement} (nguồn: ${f.source})`).join('\n')
          : null,
      };
      const taskIds: string[] = [];
      for (const stage of content.stages) {
        for (const t of stage.tasks) {
          const assignee = t.role ? holders.find((h) => h.role === t.role && h.userId)?.userId : undefined;
          const task = await this.tasks.createWithin(
            change,
            user.id,
            {
              title: t.title,
              description: [`Giai đoạn: ${stage.title}`, t.description].filter(Boolean).join('\n'),
              dueAt: new Date(
                change.incident.detectedAt.getTime() + t.dueAfterMinutes * 60_000,
              ).toISOString(),
              assigneeUserId: assignee ?? undefined,
            },
            { playbook: origin, stage: stage.key, role: t.role ?? null },
          );
          taskIds.push(task.id);
        }
      }
      const roles = await this.groups.addRoleRequirements(
        change,
        origin,
        content.roleRequirements.map((r) => ({
          role: r.role,
          count: r.count,
          required: r.required,
          sources: r.sources ?? [],
          reason: `Cẩm nang "${version.title}": ${r.reason}`,
        })),
      );
      const statementIds: string[] = [];
      const missing = new Set<string>();
      for (const template of content.statementTemplates) {
        const title = fillPlaceholders(template.title, filled);
        const body = fillPlaceholders(template.body, filled);
        [...title.missing, ...body.missing].forEach((m) => missing.add(m));
        const s = await this.statements.createWithin(
          change,
          user.id,
          {
            // The contract's value sets are the statements module's enums, as string unions.
            type: template.type as CreateStatementDto['type'],
            title: title.text.slice(0, 500),
            body: body.text,
            channels: template.channels as CreateStatementDto['channels'],
            citedFactIds: facts.map((f) => f.id),
          },
          undefined,
          { playbook: origin },
        );
        statementIds.push(s.id);
      }
      await change.manager.insert(IncidentPlaybook, {
        incidentId,
        playbookId,
        playbookVersionId: version.id,
        version: version.version,
        created: { taskIds, statementIds, roles: content.roleRequirements.map((r) => r.role) },
        appliedByUserId: user.id,
      });
      change.emit(
        'playbook.applied',
        {
          playbookId,
          key: playbook.key,
          version: version.version,
          title: version.title,
          tasks: taskIds.length,
          statements: statementIds.length,
          roles,
          missingPlaceholders: [...missing],
        },
        { type: 'playbook', id: playbookId },
      );
      return { taskIds, statementIds, roles, missingPlaceholders: [...missing] };
    });
    return {
      incidentId,
      playbook: { id: playbookId, key: playbook.key, version: version.version, title: version.title },
      ...result,
    };
  }

  /** Values of the template placeholders, from the incident and the directory as they are today. */
  private async placeholderValues(incident: Incident, chain: OrgUnit[]): Promise<PlaceholderValues> {
    const now = new Date();
    const parent = chain[1] ?? null;
    const place = this.units.placeNameOf(chain);
    const speakers = await this.speakers
      .speakersFor(incident.responsibleOrgUnitId, { on: todayInVietnam() })
      .catch(() => null);
    const speaker = speakers?.spokespersons[0]?.person ?? speakers?.heads[0] ?? null;
    return {
      don_vi: incident.responsibleUnitSnapshot.name,
      don_vi_cap_tren: parent?.name ?? null,
      nguoi_phat_ngon: speaker?.fullName ?? null,
      chuc_vu_nguoi_phat_ngon: speaker?.position ?? null,
      lien_he_nguoi_phat_ngon: speaker
        ? [speaker.phone && `điện thoại ${speaker.phone}`, speaker.email && `thư điện tử ${speaker.email}`]
            .filter(Boolean)
            .join(', ') || null
        : null,
      thoi_gian: timeVi(now),
      ngay: dateVi(now),
      dia_danh: place,
      // What a person declared reads well in a statement; what detection wrote (rule wording, figures, the
      // internal topic name) does not: the drafter fills those in plain words.
      su_co: incident.origin === 'manual' ? incident.title : null,
      ma_su_co: incident.code,
      tom_tat: incident.origin === 'manual' ? incident.summary : null,
      cap_nhat_tiep_theo: timeVi(new Date(now.getTime() + NEXT_UPDATE_HOURS * 3600_000)),
    };
  }
}
