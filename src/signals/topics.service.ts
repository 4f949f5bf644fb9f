import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, FindOptionsWhere, In } from 'typeorm';
import { IncidentVisibility } from '../access/incident-visibility.js';
import { OrgTree } from '../access/org-tree.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { DirectoryOnDate } from '../directory/directory-on-date.repository.js';
import { CreateTopicDto, ListTopicsQueryDto, TopicPreviewDto, UpdateTopicDto } from './dto/topic.dto.js';
import { SignalSource } from './entities/signal-source.entity.js';
import { Topic, TopicCategory } from './entities/topic.entity.js';
import { SignalsRepository } from './signals.repository.js';
import { TopicReadsRepository } from './topic-reads.repository.js';
import { foldTokens, termTokens } from '../common/text.js';
import { DEFAULT_BUCKET_MINUTES } from './topic-buckets.js';
import { CompiledTopics } from './topic-matcher.js';
import { fieldError, validationFailed } from '../common/validation.js';
import type { FieldError } from '../common/validation.js';

/** The active topics compiled for matching, with what ingestion needs to know about each. */
export interface TopicIndex {
  matcher: CompiledTopics;
  bucketMinutes: Map<string, number>;
  /** The active topics by id (shared objects: read only). */
  topics: Map<string, Topic>;
}

/**
 * How often a node checks whether another node changed the topics. Changes made on this node apply at once;
 * changes made elsewhere within this delay.
 */
const TOPICS_RECHECK_MS = 2000;

const RULE_FIELDS = ['anyTerms', 'allTerms', 'noneTerms', 'unitNames', 'leaderNames'] as const;

@Injectable()
export class TopicsService {
  private index: TopicIndex | null = null;
  private indexVersion: string | null = null;
  private checkedAt = 0;
  private refreshing: Promise<TopicIndex> | null = null;
  /** Bumped by invalidate(): a refresh that started before a change must not be cached as fresh. */
  private generation = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: SignalsRepository,
    private readonly reads: TopicReadsRepository,
    private readonly audit: AuditService,
    private readonly visibility: IncidentVisibility,
    private readonly orgTree: OrgTree,
    private readonly directory: DirectoryOnDate,
  ) {}

  /** The topics of the user's units (all for admins). */
  async list(user: AuthUser, query: ListTopicsQueryDto): Promise<Topic[]> {
    const where: FindOptionsWhere<Topic> = {};
    const scope = await this.visibility.unitScope(user, 'unitData');
    if (scope) {
      const units = await this.orgTree.subtree(scope);
      where.orgUnitId = In(query.orgUnitId ? units.filter((u) => u === query.orgUnitId) : units);
    } else if (query.orgUnitId) where.orgUnitId = query.orgUnitId;
    if (query.active !== undefined) where.active = query.active;
    return this.dataSource.getRepository(Topic).find({ where, order: { name: 'ASC' } });
  }

  async get(id: string): Promise<Topic> {
    const topic = await this.dataSource.getRepository(Topic).findOneBy({ id });
    if (!topic) throw AppError.notFound('chủ đề theo dõi', id);
    return topic;
  }

  /**
   * Which recent mentions these rules would match (the newest PREVIEW_SCAN collected in the last `days` days),
   * matched exactly as ingestion does: title and text apart, folded, whole words. Nothing is stored. Only the
   * sources the user may read are scanned: those of units in scope, and the province-wide ones.
   */
  async preview(user: AuthUser, dto: TopicPreviewDto) {
    const rules = normalizeRules(dto);
    assertCanMatch(rules);
    const days = dto.days ?? 7;
    const since = new Date(Date.now() - days * 24 * 3600_000);
    const recent = await this.reads.recentMentions(since, PREVIEW_SCAN, await this.readableSources(user));
    const matcher = new CompiledTopics([{ id: 'preview', ...rules }]);
    const matched = [];
    for (const m of recent) {
      const [hit] = matcher.matchParts(
        m.title && m.text ? [foldTokens(m.title), foldTokens(m.text)] : [foldTokens(m.title ?? m.text ?? '')],
        m.geoCode,
      );
      if (hit) matched.push({ ...m, text: m.text ? m.text.slice(0, 280) : null, matchedOn: hit.matchedOn });
    }
    return {
      since: since.toISOString(),
      scanned: recent.length,
      scanLimit: PREVIEW_SCAN,
      matched: matched.length,
      items: matched.slice(0, PREVIEW_ITEMS),
    };
  }

  /** The ids of the sources whose mentions the user may read; null for every source (admins). */
  private async readableSources(user: AuthUser): Promise<string[] | null> {
    if ((await this.visibility.unitScope(user, 'unitData')) === null) return null;
    const sources = await this.dataSource
      .getRepository(SignalSource)
      .find({ select: { id: true, orgUnitId: true } });
    return (await this.visibility.filterInScope(user, sources, (s) => s.orgUnitId, 'unitData')).map(
      (s) => s.id,
    );
  }

  /** A topic of the user's units; another unit's topic answers as a missing one. */
  async getVisible(user: AuthUser, id: string): Promise<Topic> {
    const topic = await this.get(id);
    if (!(await this.visibility.isUnitInScope(user, topic.orgUnitId, 'unitData'))) {
      throw AppError.notFound('chủ đề theo dõi', id);
    }
    return topic;
  }

  async create(user: AuthUser, dto: CreateTopicDto): Promise<Topic> {
    await this.assertOwnUnit(user, dto.orgUnitId);
    const rules = normalizeRules(dto);
    assertCanMatch(rules);
    const topic = await this.dataSource.transaction(async (manager) => {
      await this.assertOrgUnit(manager, dto.orgUnitId);
      await assertNameFree(manager, dto.orgUnitId, dto.name);
      const saved = await manager.save(
        manager.create(Topic, {
          orgUnitId: dto.orgUnitId,
          name: dto.name,
          description: dto.description ?? null,
          category: dto.category ?? TopicCategory.Other,
          ...rules,
          bucketMinutes: dto.bucketMinutes ?? DEFAULT_BUCKET_MINUTES,
          active: dto.active ?? true,
        }),
      );
      await this.audit.record(manager, {
        action: 'topic.created',
        entityType: 'topic',
        entityId: saved.id,
        data: { ...dto, ...rules },
      });
      return saved;
    });
    this.invalidate();
    return topic;
  }

  async update(user: AuthUser, id: string, dto: UpdateTopicDto): Promise<Topic> {
    await this.getVisible(user, id);
    if (dto.orgUnitId !== undefined) await this.assertOwnUnit(user, dto.orgUnitId);
    await this.dataSource.transaction(async (manager) => {
      const topic = await manager.findOne(Topic, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!topic) throw AppError.notFound('chủ đề theo dõi', id);
      const patch: Partial<Topic> = {};
      if (dto.orgUnitId !== undefined && dto.orgUnitId !== topic.orgUnitId) {
        await this.assertOrgUnit(manager, dto.orgUnitId);
        patch.orgUnitId = dto.orgUnitId;
      }
      if (dto.name !== undefined && dto.name !== topic.name) patch.name = dto.name;
      if (patch.name !== undefined || patch.orgUnitId !== undefined) {
        await assertNameFree(manager, patch.orgUnitId ?? topic.orgUnitId, patch.name ?? topic.name, id);
      }
      if (dto.description !== undefined) patch.description = dto.description;
      if (dto.category !== undefined) patch.category = dto.category;
      if (dto.active !== undefined) patch.active = dto.active;
      const rules = normalizeRules(dto);
      for (const field of [...RULE_FIELDS, 'geoCodes'] as const) {
        if (dto[field] !== undefined) patch[field] = rules[field];
      }
      assertCanMatch({ ...topic, ...patch });
      if (Object.keys(patch).length) await manager.update(Topic, id, patch);
      await this.audit.record(manager, {
        action: 'topic.updated',
        entityType: 'topic',
        entityId: id,
        data: patch,
      });
    });
    this.invalidate();
    return this.get(id);
  }

  /** The names of the given topics (active or not), by id; an unknown id is left out. */
  async namesOf(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const rows = await manager
      .getRepository(Topic)
      .find({ select: { id: true, name: true }, where: { id: In([...new Set(ids)]) } });
    return new Map(rows.map((t) => [t.id, t.name]));
  }

  private async assertOwnUnit(user: AuthUser, orgUnitId: string): Promise<void> {
    // An unknown unit is a validation error (400, naming the field), given by the write below.
    if (!(await this.directory.unitExists(this.dataSource.manager, orgUnitId))) return;
    if (!(await this.visibility.isUnitInScope(user, orgUnitId, 'unitData'))) {
      throw new AppError(
        ErrorCode.FORBIDDEN,
        'Chỉ được theo dõi chủ đề cho đơn vị mình hoặc đơn vị cấp dưới',
        [fieldError('orgUnitId', 'inScope', 'orgUnitId: không thuộc phạm vi đơn vị của bạn')],
      );
    }
  }

  /**
   * The compiled active topics. Rebuilt after a change on this node, and when a check (at most every
   * TOPICS_RECHECK_MS) shows that another node changed them.
   */
  async current(): Promise<TopicIndex> {
    if (this.index && Date.now() - this.checkedAt < TOPICS_RECHECK_MS) return this.index;
    // One refresh at a time; concurrent batches share it.
    if (!this.refreshing) {
      const refreshing = this.refresh().finally(() => {
        if (this.refreshing === refreshing) this.refreshing = null;
      });
      this.refreshing = refreshing;
    }
    return this.refreshing;
  }

  /** Forces the next current() to re-read the topics. */
  invalidate(): void {
    this.generation++;
    this.checkedAt = 0;
    this.indexVersion = null;
    this.refreshing = null;
  }

  private async refresh(): Promise<TopicIndex> {
    const generation = this.generation;
    const version = await this.repository.topicsVersion();
    if (this.index && version === this.indexVersion) {
      if (generation === this.generation) this.checkedAt = Date.now();
      return this.index;
    }
    const topics = await this.dataSource.getRepository(Topic).find({ where: { active: true } });
    const index: TopicIndex = {
      matcher: new CompiledTopics(topics),
      bucketMinutes: new Map(topics.map((t) => [t.id, t.bucketMinutes])),
      topics: new Map(topics.map((t) => [t.id, t])),
    };
    if (generation === this.generation) {
      this.index = index;
      this.indexVersion = version;
      this.checkedAt = Date.now();
    }
    return index;
  }

  private async assertOrgUnit(manager: EntityManager, orgUnitId: string): Promise<void> {
    if (!(await this.directory.unitExists(manager, orgUnitId))) {
      throw validationFailed(
        [fieldError('orgUnitId', 'exists', 'orgUnitId: không tồn tại trong danh bạ')],
        'Không tìm thấy đơn vị chủ quản',
      );
    }
  }
}

type Rules = Pick<Topic, (typeof RULE_FIELDS)[number] | 'geoCodes'>;

/** Trims, drops empty and repeated entries (ignoring case and diacritics). */
/** How many recent mentions a preview reads, and how many of the matched it returns. */
const PREVIEW_SCAN = 5000;
const PREVIEW_ITEMS = 20;

function normalizeRules(dto: Partial<Rules>): Rules {
  const clean = (terms: string[] | undefined) => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const raw of terms ?? []) {
      const term = raw.trim();
      const key = termTokens(term).join(' ');
      if (!term || seen.has(key)) continue;
      seen.add(key);
      out.push(term);
    }
    return out;
  };
  const rules = {
    anyTerms: clean(dto.anyTerms),
    allTerms: clean(dto.allTerms),
    noneTerms: clean(dto.noneTerms),
    unitNames: clean(dto.unitNames),
    leaderNames: clean(dto.leaderNames),
    geoCodes: [...new Set(dto.geoCodes ?? [])],
  };
  const bad: FieldError[] = [];
  for (const field of RULE_FIELDS) {
    rules[field].forEach((term, i) => {
      if (!termTokens(term).length) {
        bad.push(fieldError(`${field}[${i}]`, 'hasWords', `${field}[${i}]: phải có chữ hoặc số`));
      }
    });
  }
  if (bad.length) throw validationFailed(bad, 'Quy tắc từ khóa không hợp lệ');
  return rules;
}

function assertCanMatch(rules: Rules): void {
  if (
    !rules.anyTerms.length &&
    !rules.allTerms.length &&
    !rules.unitNames.length &&
    !rules.leaderNames.length
  ) {
    throw validationFailed(
      [fieldError('anyTerms', 'hasWords', 'anyTerms: cần ít nhất một quy tắc để khớp')],
      'Chủ đề cần ít nhất một từ khóa (anyTerms, allTerms), tên đơn vị hoặc tên lãnh đạo',
    );
  }
}

async function assertNameFree(manager: EntityManager, orgUnitId: string, name: string, exceptId?: string) {
  const other = await manager.findOneBy(Topic, { orgUnitId, name });
  if (other && other.id !== exceptId) {
    throw new AppError(ErrorCode.CONFLICT, `Đơn vị đã có chủ đề "${name}"`, [
      fieldError('name', 'unique', 'name: đã tồn tại trong đơn vị'),
    ]);
  }
}
