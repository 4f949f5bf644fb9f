import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { IncidentVisibility } from '../access/incident-visibility.js';
import { OrgTree } from '../access/org-tree.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { Role } from '../auth/role.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { DirectoryOnDate } from '../directory/directory-on-date.repository.js';
import { CreateSignalSourceDto, UpdateSignalSourceDto } from './dto/signal-source.dto.js';
import { SignalSource, SignalSourceKind } from './entities/signal-source.entity.js';
import { SignalActivityRepository } from './signal-activity.repository.js';
import { SignalSourcesRepository } from './signal-sources.repository.js';
import { generateSecret } from './webhook-signature.js';
import { fieldError, validationFailed } from '../common/validation.js';

/** After a rotation, senders still using the previous secret are accepted this long. */
export const SECRET_ROTATION_GRACE_MS = 60 * 60_000;

/** A source with its secret, returned once, when the secret is created or rotated. */
export interface SourceWithSecret {
  source: SignalSource;
  /** HMAC-SHA256 key of the webhook. Shown only now: store it in the sending system. */
  secret: string;
}

/** What ingestion needs to know about a source, including the secrets that verify its webhooks. */
export interface SourceCredentials {
  id: string;
  active: boolean;
  secrets: string[];
}

@Injectable()
export class SignalSourcesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly visibility: IncidentVisibility,
    private readonly orgTree: OrgTree,
    private readonly directory: DirectoryOnDate,
    private readonly repository: SignalActivityRepository,
    private readonly sources: SignalSourcesRepository,
  ) {}

  /**
   * What the source delivered over the last `hours` (default 24): arrivals per hour (stored, duplicates,
   * refused), the topics its mentions matched, and the refused items by field and reason over the last 7 days.
   */
  async activity(user: AuthUser, id: string, hours = 24) {
    await this.getVisible(user, id);
    const now = Date.now();
    const since = new Date(Math.floor(now / 3_600_000) * 3_600_000 - (hours - 1) * 3_600_000);
    const rejectsSince = new Date(now - 7 * 24 * 3_600_000);
    const [byHour, topics, rejects] = await Promise.all([
      this.repository.sourceHours(id, since),
      this.repository.sourceTopics(id, since),
      this.repository.sourceRejects(id, rejectsSince),
    ]);
    const known = new Map(byHour.map((h) => [h.hourStart.getTime(), h]));
    const hoursList = [];
    for (let t = since.getTime(); t <= now; t += 3_600_000) {
      const h = known.get(t);
      hoursList.push({
        hourStart: new Date(t),
        accepted: h?.accepted ?? 0,
        duplicates: h?.duplicates ?? 0,
        rejected: h?.rejected ?? 0,
      });
    }
    const total = hoursList.reduce(
      (acc, h) => ({
        accepted: acc.accepted + h.accepted,
        duplicates: acc.duplicates + h.duplicates,
        rejected: acc.rejected + h.rejected,
      }),
      { accepted: 0, duplicates: 0, rejected: 0 },
    );
    return { sourceId: id, since, total, hours: hoursList, topics, rejects, rejectsSince };
  }

  /**
   * The unit's source of officers' reports (kind manual), created on first use within the caller's transaction
   * (an advisory lock per unit keeps two first reports from creating two).
   */
  async manualSourceFor(manager: EntityManager, orgUnitId: string, unitName: string): Promise<string> {
    await this.sources.lockManualSource(manager, orgUnitId);
    const found = await manager.findOne(SignalSource, {
      where: { orgUnitId, kind: SignalSourceKind.Manual },
      order: { createdAt: 'ASC' },
    });
    if (found) {
      if (!found.active) throw inactive(found.id);
      return found.id;
    }
    let name = `Báo cáo thủ công – ${unitName}`.slice(0, 200);
    if (await manager.existsBy(SignalSource, { name }))
      name = `${name.slice(0, 160)} (${orgUnitId.slice(0, 8)})`;
    const saved = await manager.save(
      manager.create(SignalSource, {
        name,
        kind: SignalSourceKind.Manual,
        description: 'Đề cập do cán bộ báo cáo qua biểu mẫu báo cáo thủ công',
        orgUnitId,
        active: true,
        secret: generateSecret(),
        previousSecret: null,
        previousSecretValidUntil: null,
        secretRotatedAt: new Date(),
      }),
    );
    await this.audit.record(manager, {
      action: 'signal_source.create',
      entityType: 'signal_source',
      entityId: saved.id,
      data: { name, kind: SignalSourceKind.Manual, orgUnitId, onDemand: true },
    });
    return saved.id;
  }

  /** The sources of the user's units, and the province-wide ones (no unit). */
  async list(user: AuthUser): Promise<SignalSource[]> {
    const rows = await this.dataSource.getRepository(SignalSource).find({ order: { name: 'ASC' } });
    return this.visibility.filterInScope(user, rows, (r) => r.orgUnitId, 'unitData');
  }

  /** A source the user may read; another unit's source answers as a missing one. */
  async getVisible(user: AuthUser, id: string): Promise<SignalSource> {
    const source = await this.get(id);
    if (source.orgUnitId && !(await this.visibility.isUnitInScope(user, source.orgUnitId, 'unitData'))) {
      throw AppError.notFound('nguồn tín hiệu', id);
    }
    return source;
  }

  async get(id: string): Promise<SignalSource> {
    const source = await this.dataSource.getRepository(SignalSource).findOneBy({ id });
    if (!source) throw AppError.notFound('nguồn tín hiệu', id);
    return source;
  }

  async create(dto: CreateSignalSourceDto): Promise<SourceWithSecret> {
    const secret = generateSecret();
    const id = await this.dataSource.transaction(async (manager) => {
      if (dto.orgUnitId) await this.assertOrgUnit(manager, dto.orgUnitId);
      await assertNameFree(manager, dto.name);
      const saved = await manager.save(
        manager.create(SignalSource, {
          name: dto.name,
          kind: dto.kind,
          description: dto.description ?? null,
          orgUnitId: dto.orgUnitId ?? null,
          active: true,
          secret,
          previousSecret: null,
          previousSecretValidUntil: null,
          secretRotatedAt: new Date(),
        }),
      );
      await this.audit.record(manager, {
        action: 'signal_source.created',
        entityType: 'signal_source',
        entityId: saved.id,
        data: { name: dto.name, kind: dto.kind, orgUnitId: dto.orgUnitId ?? null },
      });
      return saved.id;
    });
    return { source: await this.get(id), secret };
  }

  async update(id: string, dto: UpdateSignalSourceDto): Promise<SignalSource> {
    await this.dataSource.transaction(async (manager) => {
      const source = await manager.findOne(SignalSource, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!source) throw AppError.notFound('nguồn tín hiệu', id);
      const patch: Partial<SignalSource> = {};
      if (dto.name !== undefined && dto.name !== source.name) {
        await assertNameFree(manager, dto.name);
        patch.name = dto.name;
      }
      if (dto.description !== undefined) patch.description = dto.description;
      if (dto.orgUnitId !== undefined) {
        if (dto.orgUnitId) await this.assertOrgUnit(manager, dto.orgUnitId);
        patch.orgUnitId = dto.orgUnitId;
      }
      if (dto.active !== undefined) patch.active = dto.active;
      if (Object.keys(patch).length) await manager.update(SignalSource, id, patch);
      await this.audit.record(manager, {
        action: 'signal_source.updated',
        entityType: 'signal_source',
        entityId: id,
        data: patch,
      });
    });
    return this.get(id);
  }

  /** New secret at once; the previous one keeps working for SECRET_ROTATION_GRACE_MS so senders can switch. */
  async rotateSecret(id: string): Promise<SourceWithSecret> {
    const secret = generateSecret();
    await this.dataSource.transaction(async (manager) => {
      const current = await this.sources.lockedSecret(manager, id);
      if (current === null) throw AppError.notFound('nguồn tín hiệu', id);
      const now = new Date();
      const validUntil = new Date(now.getTime() + SECRET_ROTATION_GRACE_MS);
      await manager.update(SignalSource, id, {
        secret,
        previousSecret: current,
        previousSecretValidUntil: validUntil,
        secretRotatedAt: now,
      });
      await this.audit.record(manager, {
        action: 'signal_source.secret_rotated',
        entityType: 'signal_source',
        entityId: id,
        data: { previousSecretValidUntil: validUntil.toISOString() },
      });
    });
    return { source: await this.get(id), secret };
  }

  /** The source and the secrets its webhook signatures may use now; null if there is no such source. */
  async credentials(id: string): Promise<SourceCredentials | null> {
    const row = await this.sources.secrets(id);
    if (!row) return null;
    const secrets = [row.secret];
    if (row.previousSecret && row.previousValid) secrets.push(row.previousSecret);
    return { id: row.id, active: row.active, secrets };
  }

  /**
   * A push of signals by a user: the source exists (else 404), is active (else 409), and the user may push to it
   * (admins; otherwise officers and analysts of the source's unit or a unit above it; a source of no unit: admins).
   */
  async assertAcceptsSignals(id: string, user: AuthUser): Promise<void> {
    const source = await this.dataSource.getRepository(SignalSource).findOneBy({ id });
    if (!source) throw AppError.notFound('nguồn tín hiệu', id);
    if (!source.active) throw inactive(id);
    const allowed = source.orgUnitId
      ? await this.visibility.isUnitInScope(user, source.orgUnitId, 'unitData')
      : user.roles.includes(Role.Admin);
    if (!allowed) {
      throw new AppError(ErrorCode.FORBIDDEN, 'Bạn không được nạp tín hiệu vào nguồn của đơn vị khác', [
        fieldError('sourceId', 'inScope', 'sourceId: nguồn không thuộc phạm vi đơn vị của bạn'),
      ]);
    }
  }

  /**
   * The units whose topics may take a fake-news label from this source: the source's unit and the units below
   * it; null for a source of no unit (a province-wide feed, set up by an administrator).
   */
  async labelScope(id: string): Promise<Set<string> | null> {
    const source = await this.dataSource.getRepository(SignalSource).findOneBy({ id });
    if (!source?.orgUnitId) return null;
    return new Set(await this.orgTree.subtree([source.orgUnitId]));
  }

  private async assertOrgUnit(manager: EntityManager, orgUnitId: string): Promise<void> {
    if (!(await this.directory.unitExists(manager, orgUnitId))) {
      throw validationFailed(
        [fieldError('orgUnitId', 'exists', 'orgUnitId: không tồn tại trong danh bạ')],
        'Không tìm thấy đơn vị',
      );
    }
  }
}

export function inactive(id: string): AppError {
  return new AppError(ErrorCode.SIGNAL_SOURCE_INACTIVE, `Nguồn tín hiệu ${id} đã ngừng hoạt động`);
}

async function assertNameFree(manager: EntityManager, name: string): Promise<void> {
  if (await manager.existsBy(SignalSource, { name })) {
    throw new AppError(ErrorCode.CONFLICT, `Đã có nguồn tín hiệu tên "${name}"`, [
      fieldError('name', 'unique', 'name: đã tồn tại'),
    ]);
  }
}
