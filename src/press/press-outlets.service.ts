import { Injectable } from '@nestjs/common';
import type { JournalistsImportResult } from '../contracts/press.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, ILike, In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { PressRepository } from './press.repository.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import {
  CreateJournalistDto,
  CreateOutletDto,
  ListJournalistsQueryDto,
  UpdateJournalistDto,
  UpdateOutletDto,
} from './dto/outlet.dto.js';
import { PressJournalist } from './entities/press-journalist.entity.js';
import { OutletType, PressOutlet } from './entities/press-outlet.entity.js';
import { journalistsCsv, parseJournalistsCsv } from './press-journalists-csv.js';

export interface OutletListFilter {
  q?: string;
  type?: OutletType;
  active?: boolean;
  limit?: number;
  offset?: number;
}

const like = (q: string) => ILike(`%${q.replace(/[%_\\]/g, '\\$&')}%`);

const conflict = (field: string, message: string) =>
  new AppError(ErrorCode.CONFLICT, message, [
    { field, messages: [`${field}: ${message}`], constraints: ['unique'] },
  ]);

/** Press outlets and their journalists, for the press desk and its sub-modules (coverage, conferences). */
@Injectable()
export class PressOutletsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly repository: PressRepository,
  ) {}

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<PressOutlet> {
    const outlet = await manager.findOneBy(PressOutlet, { id });
    if (!outlet) throw AppError.notFound('cơ quan báo chí', id);
    return outlet;
  }

  /** The outlets with these ids (unknown ids are left out). */
  findByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<PressOutlet[]> {
    if (!ids.length) return Promise.resolve([]);
    return manager.findBy(PressOutlet, { id: In(ids) });
  }

  async list(filter: OutletListFilter = {}): Promise<{ items: PressOutlet[]; total: number }> {
    const [items, total] = await this.dataSource.getRepository(PressOutlet).findAndCount({
      where: {
        ...(filter.q ? { name: like(filter.q) } : {}),
        ...(filter.type ? { type: filter.type } : {}),
        ...(filter.active !== undefined ? { active: filter.active } : {}),
      },
      order: { name: 'ASC' },
      take: filter.limit ?? 50,
      skip: filter.offset ?? 0,
    });
    return { items, total };
  }

  async getJournalist(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<PressJournalist> {
    const journalist = await manager.findOne(PressJournalist, { where: { id }, relations: { outlet: true } });
    if (!journalist) throw AppError.notFound('nhà báo', id);
    return journalist;
  }

  async listJournalists(query: ListJournalistsQueryDto) {
    const [items, total] = await this.dataSource.getRepository(PressJournalist).findAndCount({
      where: {
        ...(query.q ? { fullName: like(query.q) } : {}),
        ...(query.outletId ? { outletId: query.outletId } : {}),
      },
      relations: { outlet: true },
      order: { fullName: 'ASC' },
      take: query.limit ?? 50,
      skip: query.offset ?? 0,
    });
    return { items, total };
  }

  createOutlet(dto: CreateOutletDto) {
    return this.dataSource.transaction(async (manager) => {
      await this.assertOutletNameFree(manager, dto.name);
      const outlet = await manager.save(
        manager.create(PressOutlet, { ...dto, name: dto.name.normalize('NFC') }),
      );
      await this.audit.record(manager, {
        action: 'press_outlet.created',
        entityType: 'press_outlet',
        entityId: outlet.id,
        data: { ...dto },
      });
      return outlet;
    });
  }

  updateOutlet(id: string, dto: UpdateOutletDto) {
    return this.dataSource.transaction(async (manager) => {
      const outlet = await this.get(id, manager);
      if (dto.name && dto.name.toLowerCase() !== outlet.name.toLowerCase())
        await this.assertOutletNameFree(manager, dto.name);
      Object.assign(outlet, Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined)));
      await manager.save(outlet);
      await this.audit.record(manager, {
        action: 'press_outlet.updated',
        entityType: 'press_outlet',
        entityId: id,
        data: { changes: { ...dto } },
      });
      return outlet;
    });
  }

  createJournalist(dto: CreateJournalistDto) {
    return this.dataSource.transaction(async (manager) => {
      await this.get(dto.outletId, manager).catch(() => {
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'Không có cơ quan báo chí này', [
          { field: 'outletId', messages: ['outletId: không có cơ quan báo chí này'] },
        ]);
      });
      await this.assertJournalistFree(manager, dto.email, dto.pressCardNumber);
      const j = await manager.save(manager.create(PressJournalist, { ...dto }));
      await this.audit.record(manager, {
        action: 'press_journalist.created',
        entityType: 'press_journalist',
        entityId: j.id,
        data: { fullName: j.fullName, outletId: j.outletId },
      });
      return this.getJournalist(j.id, manager);
    });
  }

  updateJournalist(id: string, dto: UpdateJournalistDto) {
    return this.dataSource.transaction(async (manager) => {
      const j = await this.getJournalist(id, manager);
      if (dto.outletId && dto.outletId !== j.outletId) await this.get(dto.outletId, manager);
      await this.assertJournalistFree(
        manager,
        dto.email && dto.email !== j.email ? dto.email : undefined,
        dto.pressCardNumber && dto.pressCardNumber !== j.pressCardNumber ? dto.pressCardNumber : undefined,
        id,
      );
      const changes = Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));
      Object.assign(j, changes);
      delete j.outlet;
      await manager.save(j);
      await this.audit.record(manager, {
        action: 'press_journalist.updated',
        entityType: 'press_journalist',
        entityId: id,
        // Personal data stays out of the audit log: which fields changed, not their values.
        data: { fields: Object.keys(changes) },
      });
      return this.getJournalist(id, manager);
    });
  }

  async exportJournalistsCsv(): Promise<string> {
    const rows = await this.dataSource
      .getRepository(PressJournalist)
      .find({ relations: { outlet: true }, order: { fullName: 'ASC' } });
    return journalistsCsv(
      rows.map((j) => ({
        fullName: j.fullName,
        outletName: j.outlet!.name,
        outletType: j.outlet!.type,
        pressCardNumber: j.pressCardNumber,
        pressCardExpiresOn: j.pressCardExpiresOn,
        email: j.email,
        phone: j.phone,
        beat: j.beat,
      })),
    );
  }

  /** Adds or updates journalists (known by e-mail or press card) and the outlets they name; all or nothing. */
  async importJournalistsCsv(text: string, dryRun: boolean): Promise<JournalistsImportResult> {
    const { rows, problems } = parseJournalistsCsv(text ?? '');
    const fail = (details: typeof problems) =>
      new AppError(ErrorCode.IMPORT_FAILED, `Không nhập được: ${details.length} lỗi, chưa ghi gì`, details);
    if (problems.length) throw fail(problems);
    /** Thrown to roll back a dry run after every row was checked against the stored lists. */
    class DryRun extends Error {
      constructor(readonly result: JournalistsImportResult) {
        super('dry run');
      }
    }
    const run = this.dataSource.transaction(async (manager) => {
      const outlets = new Map(
        (await manager.find(PressOutlet)).map((o) => [o.name.toLowerCase(), o] as [string, PressOutlet]),
      );
      const counts = { outletsAdded: 0, added: 0, updated: 0 };
      const errors: typeof problems = [];
      for (const r of rows) {
        let outlet = outlets.get(r.outletName.toLowerCase());
        if (!outlet) {
          if (!r.outletType) {
            errors.push({
              line: r.line,
              field: 'outlet_type',
              message: 'outlet_type: cần khi cơ quan báo chí chưa có',
            });
            continue;
          }
          outlet = await manager.save(
            manager.create(PressOutlet, { name: r.outletName, type: r.outletType }),
          );
          outlets.set(outlet.name.toLowerCase(), outlet);
          counts.outletsAdded++;
        }
        const known =
          (r.email && (await this.repository.journalistByEmail(manager, r.email))) ||
          (r.pressCardNumber &&
            (await manager.findOneBy(PressJournalist, { pressCardNumber: r.pressCardNumber }))) ||
          null;
        const values = {
          fullName: r.fullName,
          outletId: outlet.id,
          pressCardNumber: r.pressCardNumber,
          pressCardExpiresOn: r.pressCardExpiresOn,
          email: r.email,
          phone: r.phone,
          beat: r.beat,
        };
        if (known) {
          Object.assign(known, values);
          counts.updated++;
          await manager.save(known);
        } else {
          counts.added++;
          await manager.save(manager.create(PressJournalist, values));
        }
      }
      if (errors.length) throw fail(errors);
      if (dryRun) throw new DryRun({ dryRun, ...counts });
      await this.audit.record(manager, {
        action: 'press_journalists.imported',
        entityType: 'press_journalist',
        data: { ...counts, rows: rows.length },
      });
      return { dryRun, ...counts };
    });
    return run.catch((e: unknown) => {
      if (e instanceof DryRun) return e.result;
      throw e;
    });
  }

  private async assertOutletNameFree(manager: EntityManager, name: string) {
    const other = await this.repository.outletByName(manager, name);
    if (other) throw conflict('name', `đã có cơ quan báo chí "${other.name}"`);
  }

  private async assertJournalistFree(
    manager: EntityManager,
    email?: string,
    card?: string,
    exceptId?: string,
  ) {
    if (email) {
      const other = await this.repository.journalistByEmail(manager, email);
      if (other && other.id !== exceptId) throw conflict('email', 'e-mail đã dùng cho một nhà báo khác');
    }
    if (card) {
      const other = await manager.findOneBy(PressJournalist, { pressCardNumber: card });
      if (other && other.id !== exceptId)
        throw conflict('pressCardNumber', 'số thẻ nhà báo đã có trong danh sách');
    }
  }
}
