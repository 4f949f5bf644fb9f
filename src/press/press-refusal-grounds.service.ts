import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { CreateRefusalGroundDto, UpdateRefusalGroundDto } from './dto/refusal-ground.dto.js';
import { PressRefusalGround } from './entities/press-refusal-ground.entity.js';

const inForceOn = (g: PressRefusalGround, on: string) =>
  g.effectiveFrom <= on && (g.effectiveTo === null || g.effectiveTo >= on);

/** The grounds on which information may be refused (Press Law 2025), dated like the deadline rules. */
@Injectable()
export class PressRefusalGroundsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(on?: string) {
    const all = await this.dataSource
      .getRepository(PressRefusalGround)
      .find({ order: { effectiveFrom: 'ASC', key: 'ASC' } });
    return { items: on ? all.filter((g) => inForceOn(g, on)) : all };
  }

  async inForce(key: string, on: string): Promise<PressRefusalGround | null> {
    const rows = await this.dataSource.getRepository(PressRefusalGround).findBy({ key });
    return rows.find((g) => inForceOn(g, on)) ?? null;
  }

  create(dto: CreateRefusalGroundDto) {
    return this.dataSource.transaction(async (manager) => {
      if (dto.effectiveTo && dto.effectiveTo < dto.effectiveFrom)
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'Ngày hết hiệu lực phải sau ngày bắt đầu', [
          { field: 'effectiveTo', messages: ['effectiveTo: phải từ effectiveFrom trở đi'] },
        ]);
      const same = await manager.findBy(PressRefusalGround, { key: dto.key });
      const overlap = same.find(
        (g) =>
          (g.effectiveTo === null || g.effectiveTo >= dto.effectiveFrom) &&
          (!dto.effectiveTo || g.effectiveFrom <= dto.effectiveTo),
      );
      if (overlap)
        throw new AppError(
          ErrorCode.CONFLICT,
          `Căn cứ "${dto.key}" đang có hiệu lực từ ${overlap.effectiveFrom}: đặt ngày hết hiệu lực cho căn cứ cũ trước`,
          { overlappingId: overlap.id },
        );
      const ground = await manager.save(
        manager.create(PressRefusalGround, { ...dto, effectiveTo: dto.effectiveTo ?? null }),
      );
      await manager.save(ground);
      await this.audit.record(manager, {
        action: 'press_refusal_ground.created',
        entityType: 'press_refusal_ground',
        entityId: ground.id,
        data: { ...dto },
      });
      return ground;
    });
  }

  update(id: string, dto: UpdateRefusalGroundDto) {
    return this.dataSource.transaction(async (manager) => {
      const ground = await manager.findOneBy(PressRefusalGround, { id });
      if (!ground) throw AppError.notFound('căn cứ từ chối', id);
      if (dto.effectiveTo < ground.effectiveFrom)
        throw new AppError(ErrorCode.VALIDATION_FAILED, 'Ngày hết hiệu lực phải sau ngày bắt đầu', [
          { field: 'effectiveTo', messages: [`effectiveTo: phải từ ${ground.effectiveFrom} trở đi`] },
        ]);
      ground.effectiveTo = dto.effectiveTo;
      await manager.save(ground);
      await this.audit.record(manager, {
        action: 'press_refusal_ground.updated',
        entityType: 'press_refusal_ground',
        entityId: id,
        data: { ...dto },
      });
      return ground;
    });
  }
}
