import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, ILike } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { PressJournalist } from './entities/press-journalist.entity.js';
import { OutletType, PressOutlet } from './entities/press-outlet.entity.js';

export interface OutletListFilter {
  q?: string;
  type?: OutletType;
  active?: boolean;
  limit?: number;
  offset?: number;
}

/** Press outlets and their journalists, for the press desk and its sub-modules (coverage, conferences). */
@Injectable()
export class PressOutletsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<PressOutlet> {
    const outlet = await manager.findOneBy(PressOutlet, { id });
    if (!outlet) throw AppError.notFound('cơ quan báo chí', id);
    return outlet;
  }

  /** The outlets with these ids (unknown ids are left out). */
  findByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<PressOutlet[]> {
    if (!ids.length) return Promise.resolve([]);
    return manager
      .getRepository(PressOutlet)
      .createQueryBuilder('o')
      .where('o.id IN (:...ids)', { ids })
      .getMany();
  }

  async list(filter: OutletListFilter = {}): Promise<{ items: PressOutlet[]; total: number }> {
    const [items, total] = await this.dataSource.getRepository(PressOutlet).findAndCount({
      where: {
        ...(filter.q ? { name: ILike(`%${filter.q.replace(/[%_\\]/g, '\\$&')}%`) } : {}),
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
}
