import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import type { OrgUnit } from '../directory/entities/org-unit.entity.js';
import { OrgUnitsService } from '../directory/org-units.service.js';
import { SpokespersonDesignationsService } from '../directory/spokesperson-designations.service.js';
import { todayInVietnam } from '../directory/temporal.js';
import { FactStatus, IncidentFact } from '../incidents/entities/incident-fact.entity.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import { IncidentTasksService } from '../incidents/incident-tasks.service.js';
import type { IncidentChange } from '../incidents/incident-timeline.js';
import { SEVERITY_RANK, STATUS_LABEL_VI } from '../incidents/incident-types.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { StatementsService } from '../statements/statements.service.js';
import { WorkingGroupsService } from '../working-groups/working-groups.service.js';
import type {
  ApplyPlaybookDto,
  CreatePlaybookDto,
  CreatePlaybookVersionDto,
  DecideProposalDto,
  ListPlaybooksQueryDto,
  ListProposalsQueryDto,
  ProposePlaybookDto,
  SearchQueryDto,
} from './dto/playbook.dto.js';
import { IncidentPlaybook } from './entities/incident-playbook.entity.js';
import { LibraryCase } from './entities/library-case.entity.js';
import { PlaybookProposal, ProposalStatus } from './entities/playbook-proposal.entity.js';
import { PlaybookVersion } from './entities/playbook-version.entity.js';
import { Playbook } from './entities/playbook.entity.js';
import type { PlaybookContent } from './playbook-content.js';
import { matchPlaybook } from './playbook-matching.js';
import { dateVi, fillPlaceholders, timeVi } from './placeholders.js';
import type { PlaceholderValues } from './placeholders.js';
import { MARK_START, MARK_STOP, PlaybooksRepository } from './playbooks.repository.js';
import { SHIPPED_PLAYBOOKS } from './shipped/index.js';
import { escapeHtml } from '../common/html.js';

/** Suggestions shown on activation: at most this many, best first. */
const MAX_SUGGESTIONS = 5;
/** Hours after "now" the templates announce for the next update. */
const NEXT_UPDATE_HOURS = 4;

/** The searchable text of a playbook version: everything a person would look for, in one string. */
export function playbookSearchText(content: PlaybookContent): string {
  return [
    content.summary,
    content.triggers.keywords.join(', '),
    ...content.stages.flatMap((s) => [s.title, ...s.tasks.map((t) => `${t.title}. ${t.description ?? ''}`)]),
    ...content.statementTemplates.map((t) => t.title),
    ...content.holdingLines,
    ...content.legalReferences,
    content.guidanceMarkdown,
  ]
    .join('\n')
    .normalize('NFC');
}

/** ts_headline output → HTML with <mark>: the text is escaped, only our marks become tags. */
export function markedToHtml(marked: string): string {
  return escapeHtml(marked).split(MARK_START).join('<mark>').split(MARK_STOP).join('</mark>');
}

/**
 * Playbooks (cẩm nang): versions, shipped playbooks, suggestions, applying to an incident (tasks, roles, drafts
 * in one transaction through the one write path), proposals from reviews, and search over playbooks and the
 * library of archived incidents.
 */
@Injectable()
export class PlaybooksService implements OnApplicationBootstrap {
  private readonly logger = new Logger(PlaybooksService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly tasks: IncidentTasksService,
    private readonly statements: StatementsService,
    private readonly groups: WorkingGroupsService,
    private readonly speakers: SpokespersonDesignationsService,
    private readonly units: OrgUnitsService,
    private readonly audit: AuditService,
    private readonly repository: PlaybooksRepository,
  ) {}

  /** Installs the shipped playbooks that are missing (by key); never touches existing ones. */
  async onApplicationBootstrap() {
    try {
      for (const shipped of SHIPPED_PLAYBOOKS) {
        await this.dataSource.transaction(async (manager) => {
          const inserted: { id: string }[] = await manager.query(
            `INSERT INTO playbooks (key, title, current_version, shipped) VALUES ($1, $2, 1, true)
             ON CONFLICT (key) DO NOTHING RETURNING id`,
            [shipped.key, shipped.title],
          );
          if (!inserted.length) return;
          await this.insertVersion(
            manager,
            inserted[0].id,
            1,
            shipped.title,
            shipped.content,
            'shipped',
            null,
            null,
          );
        });
      }
    } catch (e) {
      this.logger.warn(`installing shipped playbooks failed: ${(e as Error).message}`);
    }
  }

  // ---- reading --------------------------------------------------------------------------------------------

  async list(query: ListPlaybooksQueryDto) {
    const qb = this.dataSource
      .getRepository(PlaybookVersion)
      .createQueryBuilder('v')
      .innerJoin(Playbook, 'p', 'p.id = v.playbookId AND p.currentVersion = v.version')
      .orderBy('v.title', 'ASC');
    if (query.category) qb.andWhere(':category = ANY(v.categories)', { category: query.category });
    const versions = await qb.getMany();
    const playbooks = await this.dataSource.getRepository(Playbook).find();
    const byId = new Map(playbooks.map((p) => [p.id, p]));
    return {
      items: versions.map((v) => ({
        ...this.playbookView(byId.get(v.playbookId)!),
        summary: v.content.summary,
        categories: v.categories,
        severityMin: v.severityMin,
        severityMax: v.severityMax,
      })),
    };
  }

  async get(id: string) {
    const playbook = await this.findPlaybook(id);
    const versions = await this.dataSource
      .getRepository(PlaybookVersion)
      .find({ where: { playbookId: id }, order: { version: 'ASC' } });
    const current = versions.find((v) => v.version === playbook.currentVersion)!;
    return {
      ...this.playbookView(playbook),
      current: this.versionView(current),
      versions: versions.map((v) => ({
        version: v.version,
        title: v.title,
        origin: v.origin,
        proposalId: v.proposalId,
        createdAt: v.createdAt,
      })),
    };
  }

  async getVersion(id: string, version: number) {
    await this.findPlaybook(id);
    const v = await this.dataSource.getRepository(PlaybookVersion).findOneBy({ playbookId: id, version });
    if (!v) throw AppError.notFound('phiên bản cẩm nang', `${id}@${version}`);
    return this.versionView(v);
  }

  // ---- writing (admins; leaders for their own units) --------------------------------------------------------

  async create(user: AuthUser, dto: CreatePlaybookDto) {
    await this.assertMayOwn(user, dto.orgUnitId ?? null);
    await this.checkContent(dto.content);
    const id = await this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(Playbook, { key: dto.key })) {
        throw new AppError(ErrorCode.CONFLICT, `Đã có cẩm nang với mã "${dto.key}"`, [
          { field: 'key', messages: ['key: đã tồn tại'] },
        ]);
      }
      const p = await manager.save(
        manager.create(Playbook, {
          key: dto.key,
          title: dto.title,
          currentVersion: 1,
          orgUnitId: dto.orgUnitId ?? null,
          shipped: false,
          createdByUserId: user.id,
        }),
      );
      await this.insertVersion(manager, p.id, 1, dto.title, dto.content, 'created', null, user.id);
      await this.audit.record(manager, {
        action: 'playbook.created',
        entityType: 'playbook',
        entityId: p.id,
        data: { key: dto.key, version: 1 },
      });
      return p.id;
    });
    return this.get(id);
  }

  async addVersion(user: AuthUser, id: string, dto: CreatePlaybookVersionDto) {
    const playbook = await this.findPlaybook(id);
    await this.assertMayOwn(user, playbook.orgUnitId);
    await this.checkContent(dto.content);
    await this.dataSource.transaction(async (manager) => {
      const version = await this.bumpVersion(manager, id, dto.title);
      await this.insertVersion(
        manager,
        id,
        version,
        dto.title ?? playbook.title,
        dto.content,
        'created',
        null,
        user.id,
      );
      await this.audit.record(manager, {
        action: 'playbook.version_added',
        entityType: 'playbook',
        entityId: id,
        data: { version },
      });
    });
    return this.get(id);
  }

  // ---- proposals from reviews ----------------------------------------------------------------------------

  /** Lessons learned proposed as a new version (or a new playbook); anyone who may change incidents proposes. */
  async propose(user: AuthUser, dto: ProposePlaybookDto, sourceIncidentId: string | null) {
    if (!user.roles.some((r) => [Role.Admin, Role.Leader, Role.Officer].includes(r))) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Vai trò của bạn không được đề xuất sửa cẩm nang');
    }
    await this.checkContent(dto.content);
    let baseVersion: number | null = null;
    if (dto.playbookId) {
      baseVersion = (await this.findPlaybook(dto.playbookId)).currentVersion;
    } else {
      if (!dto.newKey) {
        throw new AppError(
          ErrorCode.VALIDATION_FAILED,
          'Cần chọn cẩm nang được sửa hoặc đặt mã cho cẩm nang mới',
          [{ field: 'newKey', messages: ['newKey: bắt buộc khi không có playbookId'] }],
        );
      }
      if (await this.dataSource.getRepository(Playbook).existsBy({ key: dto.newKey })) {
        throw new AppError(ErrorCode.CONFLICT, `Đã có cẩm nang với mã "${dto.newKey}"`, [
          { field: 'newKey', messages: ['newKey: đã tồn tại'] },
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
    return proposal;
  }

  /**
   * Admins see every proposal; leaders those they may decide (playbooks of their units), those from incidents
   * they can see, and their own.
   */
  async listProposals(user: AuthUser, query: ListProposalsQueryDto) {
    const items = await this.dataSource.getRepository(PlaybookProposal).find({
      where: query.status ? { status: query.status as ProposalStatus } : {},
      order: { createdAt: 'DESC' },
      take: 500,
    });
    if (user.roles.includes(Role.Admin)) return items.slice(0, 200);
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
    return out;
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
  async decide(user: AuthUser, proposalId: string, dto: DecideProposalDto) {
    if (!user.roles.some((r) => r === Role.Admin || r === Role.Leader)) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Chỉ quản trị viên hoặc lãnh đạo được duyệt đề xuất sửa cẩm nang',
      );
    }
    if (dto.decision === 'reject' && !dto.reason) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Cần nêu lý do khi không duyệt đề xuất', [
        { field: 'reason', messages: ['reason: bắt buộc khi từ chối'] },
      ]);
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
          const version = await this.bumpVersion(manager, playbookId, p.title);
          await this.insertVersion(
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
          await this.insertVersion(manager, created.id, 1, p.title, p.content, 'proposal', p.id, user.id);
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
      return p;
    });
  }

  // ---- suggestions and applying -----------------------------------------------------------------------------

  /** The suggestions, and whether this user may apply one (the console shows the button only then). */
  async suggestions(user: AuthUser, incidentId: string) {
    const incident = await this.incidents.getVisible(user, incidentId);
    const canApply = await this.assertMayApply(user, incident).then(
      () => true,
      () => false,
    );
    return { items: await this.suggest(this.dataSource.manager, incident), canApply };
  }

  /** The best-matching playbooks for an incident, with the reasons (also written on activation). */
  async suggest(manager: EntityManager, incident: Incident) {
    const input = await this.repository.matchText(incident.id, manager);
    const owners = await this.ownersFor(incident, manager);
    const versions = await manager
      .getRepository(PlaybookVersion)
      .createQueryBuilder('v')
      .innerJoin(Playbook, 'p', 'p.id = v.playbookId AND p.currentVersion = v.version')
      .where('(p.orgUnitId IS NULL OR p.orgUnitId IN (:...owners))', { owners })
      .getMany();
    return versions
      .map((v) => ({
        v,
        match: matchPlaybook(v.content, {
          category: incident.category,
          severity: incident.severity,
          text: input.text,
          topicKeys: input.topicKeys,
        }),
      }))
      .filter((x) => x.match !== null)
      .sort((a, b) => b.match!.score - a.match!.score || a.v.title.localeCompare(b.v.title, 'vi'))
      .slice(0, MAX_SUGGESTIONS)
      .map(({ v, match }) => ({
        playbookId: v.playbookId,
        version: v.version,
        title: v.title,
        summary: v.content.summary,
        score: match!.score,
        reasons: match!.reasons,
      }));
  }

  /** Writes the suggestions on the timeline (activation); nothing when the incident is no longer open. */
  async suggestWithin(change: IncidentChange) {
    const items = await this.suggest(change.manager, change.incident);
    change.emit('playbook.suggested', { suggestions: items });
    return items;
  }

  /**
   * Applies a playbook version to an incident in one transaction: its tasks (deadlines from detection, assigned
   * to the accepted holder of the task's role), its role requirements (invited at once if the group exists),
   * its statement drafts with the placeholders filled, and the pinned version. All or nothing.
   */
  async apply(user: AuthUser, incidentId: string, playbookId: string, dto: ApplyPlaybookDto) {
    const incident = await this.incidents.getVisible(user, incidentId);
    await this.assertMayApply(user, incident);
    const playbook = await this.findPlaybook(playbookId);
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
      const facts = await change.manager.find(IncidentFact, {
        where: { incidentId, status: FactStatus.Verified },
        order: { createdAt: 'ASC' },
      });
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
            type: template.type,
            title: title.text.slice(0, 500),
            body: body.text,
            channels: template.channels,
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

  /** The pinned playbook of an incident, if any. */
  async applied(user: AuthUser, incidentId: string) {
    await this.incidents.getVisible(user, incidentId);
    return this.appliedOf(incidentId);
  }

  async appliedOf(incidentId: string, manager: EntityManager = this.dataSource.manager) {
    const pinned = await manager.findOne(IncidentPlaybook, {
      where: { incidentId },
      relations: { playbook: true, playbookVersion: true },
    });
    if (!pinned) return null;
    return {
      playbookId: pinned.playbookId,
      key: pinned.playbook!.key,
      version: pinned.version,
      title: pinned.playbookVersion!.title,
      appliedAt: pinned.appliedAt,
      appliedByUserId: pinned.appliedByUserId,
      created: pinned.created,
    };
  }

  // ---- library and search -----------------------------------------------------------------------------------

  /** Files an archived incident in the library, inside the archiving transaction. */
  async addLibraryCase(manager: EntityManager, incident: Incident, text: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(LibraryCase)
      .values({
        incidentId: incident.id,
        code: incident.code,
        title: incident.title,
        category: incident.category,
        severity: incident.severity,
        responsibleOrgUnitId: incident.responsibleOrgUnitId,
        responsibleUnitName: incident.responsibleUnitSnapshot.name,
        detectedAt: incident.detectedAt,
        searchText: text.normalize('NFC'),
      })
      .orUpdate(['search_text', 'title'], ['incident_id'])
      .execute();
  }

  async search(user: AuthUser, dto: SearchQueryDto) {
    const q = dto.q.normalize('NFC');
    if (await this.repository.isEmptyQuery(q)) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Từ khóa tìm kiếm không có chữ nào để tìm', [
        { field: 'q', messages: ['q: cần ít nhất một từ'] },
      ]);
    }
    const roots = await this.incidents.visibilityRoots(user);
    const hits = await this.repository.search(q, dto.kind, dto.limit ?? 20, roots, user.personId ?? null);
    return {
      q,
      items: hits.map((h) => ({
        kind: h.kind,
        id: h.id,
        title: h.title,
        titleHtml: markedToHtml(h.titleMarked),
        snippetHtml: markedToHtml(h.snippetMarked),
        rank: Number(Number(h.rank).toFixed(6)),
        ...(h.kind === 'playbook'
          ? { version: h.version, categories: h.category, severity: h.severity }
          : {
              code: h.code,
              category: h.category,
              severity: h.severity,
              archivedAt: h.archivedAt,
              responsibleUnitName: h.responsibleUnitName,
              status: STATUS_LABEL_VI.archived,
            }),
      })),
    };
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  private async findPlaybook(id: string): Promise<Playbook> {
    const p = await this.dataSource.getRepository(Playbook).findOneBy({ id });
    if (!p) throw AppError.notFound('cẩm nang', id);
    return p;
  }

  private async bumpVersion(manager: EntityManager, id: string, title?: string): Promise<number> {
    const [row] = await manager.query(
      `WITH bumped AS (
         UPDATE playbooks SET current_version = current_version + 1, title = coalesce($2, title), updated_at = now()
          WHERE id = $1 RETURNING current_version)
       SELECT current_version FROM bumped`,
      [id, title ?? null],
    );
    return Number(row.current_version);
  }

  private async insertVersion(
    manager: EntityManager,
    playbookId: string,
    version: number,
    title: string,
    content: PlaybookContent,
    origin: PlaybookVersion['origin'],
    proposalId: string | null,
    userId: string | null,
  ) {
    await manager.insert(PlaybookVersion, {
      playbookId,
      version,
      title: title.normalize('NFC'),
      content,
      categories: content.categories,
      severityMin: content.severityMin,
      severityMax: content.severityMax,
      searchText: playbookSearchText(content),
      origin,
      proposalId,
      createdByUserId: userId,
    });
  }

  /** Rules a DTO cannot say: a sane severity range, role keys from the working-group catalogue. */
  private async checkContent(content: PlaybookContent | CreatePlaybookDto['content']) {
    await this.groups.assertRolesExist([
      ...content.roleRequirements.map((r, i) => ({
        field: `content.roleRequirements[${i}].role`,
        role: r.role,
      })),
      ...content.stages.flatMap((st, i) =>
        st.tasks
          .map((t, j) => ({ field: `content.stages[${i}].tasks[${j}].role`, role: t.role }))
          .filter((x): x is { field: string; role: string } => Boolean(x.role)),
      ),
    ]);
    if (
      SEVERITY_RANK[content.severityMin as keyof typeof SEVERITY_RANK] >
      SEVERITY_RANK[content.severityMax as keyof typeof SEVERITY_RANK]
    ) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Mức độ tối thiểu lớn hơn mức độ tối đa', [
        { field: 'content.severityMin', messages: ['content.severityMin: không được lớn hơn severityMax'] },
      ]);
    }
  }

  /** System-wide playbooks: admins; a unit's own: admins and its leaders (or leaders above it). */
  private async assertMayOwn(user: AuthUser, orgUnitId: string | null) {
    if (user.roles.includes(Role.Admin)) return;
    if (!user.roles.includes(Role.Leader) || orgUnitId === null) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Chỉ quản trị viên sửa cẩm nang dùng chung; lãnh đạo sửa cẩm nang của đơn vị mình',
      );
    }
    await this.incidents.assertUnitInScope(
      user,
      orgUnitId,
      'Chỉ được sửa cẩm nang của đơn vị mình hoặc cấp dưới',
    );
  }

  /** Applying: admins, leaders over the responsible unit, and the group's accepted tổ trưởng/tổ phó. */
  private async assertMayApply(user: AuthUser, incident: Incident) {
    if (await this.groups.isManager(user, incident.id)) return;
    if (user.roles.includes(Role.Leader)) {
      const roots = (await this.incidents.visibilityRoots(user)) ?? [];
      for (const root of roots) {
        if (await this.incidents.isUnitWithin(incident.responsibleOrgUnitId, root)) return;
      }
    }
    throw new AppError(
      ErrorCode.FORBIDDEN,
      'Chỉ tổ trưởng, tổ phó, lãnh đạo đơn vị chủ trì hoặc quản trị viên được áp dụng cẩm nang',
    );
  }

  /** Units whose own playbooks fit an incident: its responsible unit and the units above it. */
  private async ownersFor(incident: Incident, manager?: EntityManager): Promise<string[]> {
    return (await this.units.ancestry(incident.responsibleOrgUnitId, manager)).map((u) => u.id);
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

  private playbookView(p: Playbook) {
    return {
      id: p.id,
      key: p.key,
      title: p.title,
      currentVersion: p.currentVersion,
      orgUnitId: p.orgUnitId,
      shipped: p.shipped,
      updatedAt: p.updatedAt,
    };
  }

  private versionView(v: PlaybookVersion) {
    return {
      playbookId: v.playbookId,
      version: v.version,
      title: v.title,
      origin: v.origin,
      proposalId: v.proposalId,
      createdAt: v.createdAt,
      content: v.content,
    };
  }
}
