import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppError } from '../common/app-error.js';
import { PressInquiryEvent } from './entities/press-inquiry-event.entity.js';
import { PressInquiry } from './entities/press-inquiry.entity.js';

export interface InquiryChange {
  manager: EntityManager;
  /** Locked (SELECT … FOR UPDATE) for the whole transaction. */
  inquiry: PressInquiry;
  /** Appends a timeline event with the next per-request seq, and its audit row, to this transaction. */
  emit(type: string, payload?: Record<string, unknown>): void;
}

/**
 * The one write path of a request: in one transaction, the change, its timeline events (seq) and their audit
 * rows (ARCHITECTURE.md "The one write path").
 */
@Injectable()
export class PressInquiryLog {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  change<T>(inquiryId: string, work: (change: InquiryChange) => Promise<T>, actorUserId?: string | null) {
    return this.dataSource.transaction((manager) => this.changeWithin(manager, inquiryId, work, actorUserId));
  }

  async changeWithin<T>(
    manager: EntityManager,
    inquiryId: string,
    work: (change: InquiryChange) => Promise<T>,
    actorUserId?: string | null,
  ): Promise<T> {
    const inquiry = await manager.findOne(PressInquiry, {
      where: { id: inquiryId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!inquiry) throw AppError.notFound('đề nghị cung cấp thông tin', inquiryId);
    const pending: { type: string; payload: Record<string, unknown> }[] = [];
    const value = await work({
      manager,
      inquiry,
      emit: (type, payload = {}) => pending.push({ type, payload }),
    });
    await this.append(manager, inquiry, pending, actorUserId);
    return value;
  }

  /** Writes the events of a change (also the first ones of a new request). */
  async append(
    manager: EntityManager,
    inquiry: PressInquiry,
    events: { type: string; payload: Record<string, unknown> }[],
    actorUserId?: string | null,
  ): Promise<void> {
    if (!events.length) {
      await manager.save(inquiry);
      return;
    }
    for (const e of events) {
      inquiry.lastSeq += 1;
      await manager.save(
        manager.create(PressInquiryEvent, {
          inquiryId: inquiry.id,
          seq: inquiry.lastSeq,
          type: e.type,
          actorUserId: actorUserId ?? null,
          payload: e.payload,
        }),
      );
      await this.audit.record(manager, {
        action: `press_${e.type}`,
        entityType: 'press_inquiry',
        entityId: inquiry.id,
        data: e.payload,
        ...(actorUserId !== undefined ? { actorUserId } : {}),
      });
    }
    await manager.save(inquiry);
  }
}
