import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentVisibility } from '../access/incident-visibility.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { escapeHtml } from '../common/html.js';
import { fieldError, validationFailed } from '../common/validation.js';
import type {
  AppliedPlaybook,
  PlaybookDetail,
  Playbook as PlaybookView,
  PlaybookSummary,
  PlaybookVersion as PlaybookVersionView,
  SearchHit,
  SearchResult,
} from '../contracts/playbooks.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import { SEVERITY_RANK, STATUS_LABEL_VI } from '../incidents/incident-types.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { WorkingGroupsService } from '../working-groups/working-groups.service.js';
import type {
  CreatePlaybookDto,
  CreatePlaybookVersionDto,
  ListPlaybooksQueryDto,
  SearchQueryDto,
} from './dto/playbook.dto.js';
import { IncidentPlaybook } from './entities/incident-playbook.entity.js';
import { PlaybookVersion } from './entities/playbook-version.entity.js';
import { Playbook } from './entities/playbook.entity.js';
import type { PlaybookContent } from './playbook-content.js';
import { MARK_START, MARK_STOP, PlaybooksRepository } from './playbooks.repository.js';
import { SHIPPED_PLAYBOOKS } from './shipped/index.js';

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
 * Playbooks (cẩm nang): versions, shipped playbooks, what an incident applied, and search over playbooks and
 * the library of archived incidents. Proposals live in `playbook-proposals.service.ts`, suggestions in
 * `playbook-suggestions.service.ts`, applying to an incident (across modules) in `playbooks.flow.ts`.
 */
@Injectable()
export class PlaybooksService implements OnApplicationBootstrap {
  private readonly logger = new Logger(PlaybooksService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly groups: WorkingGroupsService,
    private readonly audit: AuditService,
    private readonly repository: PlaybooksRepository,
    private readonly visibility: IncidentVisibility,
  ) {}

  /** Installs the shipped playbooks that are missing (by key); never touches existing ones. */
  async onApplicationBootstrap() {
    try {
      for (const shipped of SHIPPED_PLAYBOOKS) {
        await this.dataSource.transaction(async (manager) => {
          const id = await this.repository.insertShipped(manager, shipped.key, shipped.title);
          if (!id) return;
          await this.insertVersion(manager, id, 1, shipped.title, shipped.content, 'shipped', null, null);
        });
      }
    } catch (e) {
      this.logger.warn(`installing shipped playbooks failed: ${(e as Error).message}`);
    }
  }

  // ---- reading --------------------------------------------------------------------------------------------

  async list(query: ListPlaybooksQueryDto): Promise<{ items: PlaybookSummary[] }> {
    const versions = await this.repository.currentVersions(this.dataSource.manager, {
      category: query.category,
    });
    const playbooks = await this.dataSource.getRepository(Playbook).find();
    const byId = new Map(playbooks.map((p) => [p.id, p]));
    return {
      items: versions.map((v) => ({
        ...this.playbookView(byId.get(v.playbookId)!),
        summary: v.content.summary,
        categories: v.content.categories,
        severityMin: v.content.severityMin,
        severityMax: v.content.severityMax,
      })),
    };
  }

  async get(id: string): Promise<PlaybookDetail> {
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
        createdAt: v.createdAt.toISOString(),
      })),
    };
  }

  async getVersion(id: string, version: number): Promise<PlaybookVersionView> {
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
          fieldError('key', 'unique', 'key: đã tồn tại'),
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

  // ---- what an incident applied -----------------------------------------------------------------------------

  /** The pinned playbook of an incident, if any. */
  async applied(user: AuthUser, incidentId: string): Promise<AppliedPlaybook | null> {
    await this.incidents.getVisible(user, incidentId);
    const applied = await this.appliedOf(incidentId);
    return applied && { ...applied, appliedAt: applied.appliedAt.toISOString() };
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
    await this.repository.upsertLibraryCase(manager, incident, text);
  }

  async search(user: AuthUser, dto: SearchQueryDto): Promise<SearchResult> {
    const q = dto.q.normalize('NFC');
    if (await this.repository.isEmptyQuery(q)) {
      throw validationFailed(
        [fieldError('q', 'hasWords', 'q: cần ít nhất một từ')],
        'Từ khóa tìm kiếm không có chữ nào để tìm',
      );
    }
    const roots = await this.visibility.unitScope(user);
    const hits = await this.repository.search(q, dto.kind, dto.limit ?? 20, roots, user.personId ?? null);
    return {
      q,
      items: hits.map((h): SearchHit => {
        const hit = {
          id: h.id,
          title: h.title,
          titleHtml: markedToHtml(h.titleMarked),
          snippetHtml: markedToHtml(h.snippetMarked),
          rank: Number(Number(h.rank).toFixed(6)),
        };
        return h.kind === 'playbook'
          ? {
              kind: 'playbook',
              ...hit,
              version: h.version!,
              categories: h.category as string[],
              severity: h.severity,
            }
          : {
              kind: 'incident',
              ...hit,
              code: h.code!,
              category: h.category as string,
              severity: h.severity,
              archivedAt: h.archivedAt?.toISOString() ?? null,
              responsibleUnitName: h.responsibleUnitName!,
              status: STATUS_LABEL_VI.archived,
            };
      }),
    };
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  async findPlaybook(id: string): Promise<Playbook> {
    const p = await this.dataSource.getRepository(Playbook).findOneBy({ id });
    if (!p) throw AppError.notFound('cẩm nang', id);
    return p;
  }

  async bumpVersion(manager: EntityManager, id: string, title?: string): Promise<number> {
    return this.repository.bumpVersion(manager, id, title);
  }

  async insertVersion(
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
  async checkContent(content: PlaybookContent | CreatePlaybookDto['content']) {
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
      throw validationFailed(
        [
          fieldError(
            'content.severityMin',
            'notAbove',
            'content.severityMin: không được lớn hơn severityMax',
          ),
        ],
        'Mức độ tối thiểu lớn hơn mức độ tối đa',
      );
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

  private playbookView(p: Playbook): PlaybookView {
    return {
      id: p.id,
      key: p.key,
      title: p.title,
      currentVersion: p.currentVersion,
      orgUnitId: p.orgUnitId,
      shipped: p.shipped,
      updatedAt: p.updatedAt.toISOString(),
    };
  }

  private versionView(v: PlaybookVersion): PlaybookVersionView {
    return {
      playbookId: v.playbookId,
      version: v.version,
      title: v.title,
      origin: v.origin,
      proposalId: v.proposalId,
      createdAt: v.createdAt.toISOString(),
      content: v.content,
    };
  }
}
