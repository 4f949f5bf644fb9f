import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { IncidentVisibility } from '../access/incident-visibility.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { JobsService } from '../jobs/jobs.service.js';
import type { SignalSource } from '../signals/entities/signal-source.entity.js';

import { inactive, SignalSourcesService } from '../signals/signal-sources.service.js';
import { CreateFeedDto, UpdateFeedDto } from './dto/feed.dto.js';
import { mapFeed } from './dto/feed.response.js';
import type { Sendable } from '../common/api-response.js';
import type { FeedItem } from '../contracts/feeds.js';
import { Feed } from './entities/feed.entity.js';
import { FeedPoller, feedJobKey } from './feed-poller.js';

/** The kind of the signal sources whose items come from feeds (SignalSourceKind.Feed). */
const FEED_KIND: SignalSource['kind'] = 'feed' as SignalSource['kind'];

/**
 * Feed URLs of the signal sources of kind `feed`: who may read and manage them (through src/access), their
 * changes (audited, in one transaction with their timer), and "poll now".
 */
@Injectable()
export class FeedsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: SignalSourcesService,
    private readonly visibility: IncidentVisibility,
    private readonly audit: AuditService,
    private readonly jobs: JobsService,
    private readonly poller: FeedPoller,
  ) {}

  /** The feeds of the sources the user may read (one source with `sourceId`). */
  async list(user: AuthUser, sourceId?: string): Promise<Sendable<FeedItem>[]> {
    const sourceIds = sourceId
      ? [(await this.sources.getVisible(user, sourceId)).id]
      : (await this.sources.list(user)).filter((s) => s.kind === FEED_KIND).map((s) => s.id);
    if (!sourceIds.length) return [];
    const feeds = await this.dataSource
      .getRepository(Feed)
      .find({ where: { sourceId: In(sourceIds) }, order: { outletName: 'ASC', url: 'ASC' } });
    const now = Date.now();
    return feeds.map((f) => mapFeed(f, now));
  }

  async get(user: AuthUser, id: string): Promise<Sendable<FeedItem>> {
    return mapFeed(await this.visibleFeed(user, id));
  }

  async create(user: AuthUser, dto: CreateFeedDto): Promise<Sendable<FeedItem>> {
    const source = await this.manageableSource(user, dto.sourceId);
    this.checkInterval(dto.intervalSeconds);
    const id = await this.dataSource.transaction(async (manager) => {
      await assertUrlFree(manager, source.id, dto.url);
      const feed = await manager.save(
        manager.create(Feed, {
          sourceId: source.id,
          url: dto.url,
          outletName: dto.outletName,
          outletType: dto.outletType,
          majorOutlet: dto.majorOutlet ?? false,
          intervalSeconds: dto.intervalSeconds,
          active: dto.active ?? true,
          createdByUserId: user.id,
        }),
      );
      // The first poll at once.
      if (feed.active) await this.poller.scheduleWithin(manager, feed.id, new Date());
      await this.audit.record(manager, {
        action: 'feed.created',
        entityType: 'feed',
        entityId: feed.id,
        data: { ...dto },
      });
      return feed.id;
    });
    return mapFeed(await this.dataSource.getRepository(Feed).findOneByOrFail({ id }));
  }

  async update(user: AuthUser, id: string, dto: UpdateFeedDto): Promise<Sendable<FeedItem>> {
    const current = await this.visibleFeed(user, id);
    await this.manageableSource(user, current.sourceId);
    if (dto.intervalSeconds !== undefined) this.checkInterval(dto.intervalSeconds);
    await this.dataSource.transaction(async (manager) => {
      const feed = await manager.findOne(Feed, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!feed) throw AppError.notFound('nguồn tin', id);
      const patch: Partial<Feed> = {};
      const before: Record<string, unknown> = {};
      for (const key of Object.keys(dto) as (keyof UpdateFeedDto)[]) {
        if (dto[key] === undefined || dto[key] === feed[key]) continue;
        before[key] = feed[key];
        (patch as Record<string, unknown>)[key] = dto[key];
      }
      if (patch.url !== undefined) {
        await assertUrlFree(manager, feed.sourceId, patch.url);
        // The validators belonged to the old address.
        Object.assign(patch, { etag: null, lastModified: null, consecutiveFailures: 0 });
      }
      if (Object.keys(patch).length) await manager.update(Feed, id, patch);
      const active = patch.active ?? feed.active;
      if (!active) {
        await this.jobs.cancel(manager, feedJobKey(id));
        await manager.update(Feed, id, { nextPollAt: null });
      } else if (patch.active === true || patch.url !== undefined || patch.intervalSeconds !== undefined) {
        await this.poller.scheduleWithin(manager, id, new Date());
      }
      await this.audit.record(manager, {
        action: 'feed.updated',
        entityType: 'feed',
        entityId: id,
        data: { before, after: patch },
      });
    });
    return mapFeed(await this.dataSource.getRepository(Feed).findOneByOrFail({ id }));
  }

  /** Removes the URL and its timer; the mentions it brought stay. */
  async remove(user: AuthUser, id: string): Promise<void> {
    const feed = await this.visibleFeed(user, id);
    await this.manageableSource(user, feed.sourceId);
    await this.dataSource.transaction(async (manager) => {
      await this.jobs.cancel(manager, feedJobKey(id));
      await manager.delete(Feed, id);
      await this.audit.record(manager, {
        action: 'feed.deleted',
        entityType: 'feed',
        entityId: id,
        data: { sourceId: feed.sourceId, url: feed.url, outletName: feed.outletName },
      });
    });
  }

  /** Polls at once and answers with the feed's health after it; the regular schedule goes on from then. */
  async pollNow(user: AuthUser, id: string): Promise<Sendable<FeedItem>> {
    const feed = await this.visibleFeed(user, id);
    const source = await this.manageableSource(user, feed.sourceId);
    if (!source.active) throw inactive(source.id);
    if (!feed.active) {
      throw new AppError(ErrorCode.CONFLICT, 'Nguồn tin đang tắt: hãy bật lại trước khi lấy tin');
    }
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        action: 'feed.polled_now',
        entityType: 'feed',
        entityId: id,
        data: { url: feed.url },
      }),
    );
    const result = await this.poller.poll(id);
    if (!result.polled) {
      throw new AppError(ErrorCode.CONFLICT, 'Nguồn tin đang được lấy; hãy xem lại sau ít giây');
    }
    return mapFeed(await this.dataSource.getRepository(Feed).findOneByOrFail({ id }));
  }

  private async visibleFeed(user: AuthUser, id: string): Promise<Feed> {
    const feed = await this.dataSource.getRepository(Feed).findOneBy({ id });
    if (!feed) throw AppError.notFound('nguồn tin', id);
    try {
      await this.sources.getVisible(user, feed.sourceId);
    } catch {
      throw AppError.notFound('nguồn tin', id);
    }
    return feed;
  }

  /**
   * A source of kind `feed` whose URLs the user may change: admins; leaders and analysts for a source of a unit
   * in their scope (a province-wide source: admins only).
   */
  private async manageableSource(user: AuthUser, sourceId: string): Promise<SignalSource> {
    const source = await this.sources.getVisible(user, sourceId);
    const allowed =
      user.roles.includes(Role.Admin) ||
      (source.orgUnitId !== null &&
        (await this.visibility.isUnitInScope(user, source.orgUnitId, 'unitData')));
    if (!allowed) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Bạn không được quản lý nguồn tin của nguồn tín hiệu này', [
        { field: 'sourceId', messages: ['sourceId: nguồn không thuộc phạm vi đơn vị của bạn'] },
      ]);
    }
    if (source.kind !== FEED_KIND) {
      throw new AppError(
        ErrorCode.VALIDATION_FAILED,
        'Nguồn tín hiệu này không phải loại nguồn tin RSS/Atom',
        [{ field: 'sourceId', messages: ['sourceId: cần một nguồn tín hiệu loại "feed"'] }],
      );
    }
    return source;
  }

  private checkInterval(seconds: number): void {
    const min = this.config.feeds.minIntervalSeconds;
    if (seconds < min) {
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Chu kỳ lấy tin quá ngắn', [
        { field: 'intervalSeconds', messages: [`intervalSeconds: tối thiểu ${min} giây`] },
      ]);
    }
  }
}

async function assertUrlFree(manager: EntityManager, sourceId: string, url: string): Promise<void> {
  if (await manager.existsBy(Feed, { sourceId, url })) {
    throw new AppError(ErrorCode.CONFLICT, 'Nguồn tín hiệu này đã có địa chỉ nguồn tin đó', [
      { field: 'url', messages: ['url: đã có trong nguồn tín hiệu'] },
    ]);
  }
}
