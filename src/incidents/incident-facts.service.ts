import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { CreateFactDto, UpdateFactDto } from './dto/fact.dto.js';
import { FactStatus, IncidentFact } from './entities/incident-fact.entity.js';
import { IncidentsService } from './incidents.service.js';
import { fieldError, validationFailed } from '../common/validation.js';

/** The register of verified facts: what the agency knows and may say. */
@Injectable()
export class IncidentFactsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
  ) {}

  /** The incident's verified facts (those of `ids` when given), oldest first, read inside the caller's change. */
  verifiedWithin(manager: EntityManager, incidentId: string, ids?: string[]): Promise<IncidentFact[]> {
    return manager.find(IncidentFact, {
      where: { incidentId, status: FactStatus.Verified, ...(ids ? { id: In(ids) } : {}) },
      order: { createdAt: 'ASC' },
    });
  }

  async list(user: AuthUser, incidentId: string) {
    await this.incidents.getVisible(user, incidentId);
    return this.dataSource
      .getRepository(IncidentFact)
      .find({ where: { incidentId }, order: { createdAt: 'ASC' } });
  }

  create(user: AuthUser, incidentId: string, dto: CreateFactDto): Promise<IncidentFact> {
    return this.incidents.changeAs(user, incidentId, async (change) => {
      this.incidents.assertWritable(change.incident);
      const status = dto.status ?? FactStatus.Unverified;
      if (status === FactStatus.Retracted) {
        throw validationFailed(
          [fieldError('status', 'isIn', 'status: không thể tạo mới ở trạng thái retracted')],
          'Không thể ghi nhận một sự kiện ở trạng thái đã rút lại',
        );
      }
      const verified = status === FactStatus.Verified;
      const fact = await change.manager.save(
        change.manager.create(IncidentFact, {
          incidentId,
          statement: dto.statement,
          source: dto.source,
          status,
          verifiedByUserId: verified ? user.id : null,
          verifiedAt: verified ? new Date() : null,
          createdByUserId: user.id,
        }),
      );
      change.emit('fact.recorded', { fact: this.view(fact) }, { type: 'incident_fact', id: fact.id });
      return fact;
    });
  }

  update(user: AuthUser, incidentId: string, factId: string, dto: UpdateFactDto): Promise<IncidentFact> {
    return this.incidents.changeAs(user, incidentId, async (change) => {
      this.incidents.assertWritable(change.incident);
      const fact = await change.manager.findOneBy(IncidentFact, { id: factId, incidentId });
      if (!fact) throw AppError.notFound('sự kiện đã xác minh', factId);
      if (fact.status === FactStatus.Retracted) {
        throw new AppError(
          ErrorCode.CONFLICT,
          'Sự kiện đã rút lại không thể sửa; hãy ghi nhận một sự kiện mới',
        );
      }
      if (dto.status === FactStatus.Retracted && !dto.retractionReason) {
        throw validationFailed(
          [fieldError('retractionReason', 'isDefined', 'retractionReason: bắt buộc khi rút lại')],
          'Cần nêu lý do rút lại',
        );
      }
      // Rewording a verified fact makes it unverified again: what was checked is no longer what is written.
      const reworded =
        (dto.statement !== undefined && dto.statement !== fact.statement) ||
        (dto.source !== undefined && dto.source !== fact.source);
      if (dto.statement !== undefined) fact.statement = dto.statement;
      if (dto.source !== undefined) fact.source = dto.source;
      let type = 'fact.updated';
      const target =
        dto.status ?? (reworded && fact.status === FactStatus.Verified ? FactStatus.Unverified : fact.status);
      if (target !== fact.status) {
        fact.status = target;
        if (target === FactStatus.Verified) {
          fact.verifiedByUserId = user.id;
          fact.verifiedAt = new Date();
          type = 'fact.verified';
        } else if (target === FactStatus.Retracted) {
          fact.retractionReason = dto.retractionReason!;
          type = 'fact.retracted';
        } else {
          fact.verifiedByUserId = null;
          fact.verifiedAt = null;
        }
      }
      await change.manager.save(fact);
      change.emit(type, { fact: this.view(fact) }, { type: 'incident_fact', id: fact.id });
      return fact;
    });
  }

  private view(fact: IncidentFact) {
    return {
      id: fact.id,
      statement: fact.statement,
      source: fact.source,
      status: fact.status,
      verifiedByUserId: fact.verifiedByUserId,
      verifiedAt: fact.verifiedAt?.toISOString() ?? null,
      retractionReason: fact.retractionReason,
    };
  }
}
