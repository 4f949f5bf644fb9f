import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { IncidentVisibility } from '../access/incident-visibility.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { JobsService } from '../jobs/jobs.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import type { PressInquiry } from './entities/press-inquiry.entity.js';
import { PressInquiryLog } from './press-inquiry-log.js';
import { OPEN_INQUIRY_STATUSES } from './press-inquiry-types.js';

export const INQUIRY_CLOCK_JOB = 'press_inquiry.deadline';
const timerKey = (inquiryId: string, percent: number) => `press-inquiry:${inquiryId}:${percent}`;

const formatVietnam = (d: Date) =>
  new Intl.DateTimeFormat('vi-VN', {
    timeZone: 'Asia/Ho_Chi_Minh',
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(d);

/**
 * A request's answer clock, like the legal clock of incidents: durable timers at the configured shares of the
 * time allowed (LEGAL_CLOCK_WARN_PERCENTS, 50/80/100 %) remind the owner; at 100 % the request is escalated to the
 * leaders of its unit and of the units above. Timers are rows (src/jobs): they fire after a restart too.
 */
@Injectable()
export class PressInquiryClock implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobsService,
    private readonly log: PressInquiryLog,
    private readonly notifications: NotificationsService,
    private readonly visibility: IncidentVisibility,
  ) {}

  onModuleInit() {
    this.jobs.register<{ inquiryId: string; percent: number }>(
      INQUIRY_CLOCK_JOB,
      async ({ manager, job }) => {
        await this.warn(manager, job.payload.inquiryId, job.payload.percent);
      },
    );
  }

  /** Inside the transaction that creates the request. Shares already past collapse into one warning now. */
  async schedule(manager: EntityManager, inquiry: PressInquiry): Promise<void> {
    const start = inquiry.receivedAt.getTime();
    const span = inquiry.dueAt.getTime() - start;
    const now = Date.now();
    const at = this.config.legalClock.warnPercents
      .filter((p) => p > inquiry.warnedPercent)
      .map((percent) => ({ percent, dueAt: new Date(start + (span * percent) / 100) }));
    const past = at.filter((w) => w.dueAt.getTime() <= now);
    const keep = [
      ...(past.length ? [past[past.length - 1]] : []),
      ...at.filter((w) => w.dueAt.getTime() > now),
    ];
    for (const w of keep) {
      await this.jobs.schedule(manager, {
        kind: INQUIRY_CLOCK_JOB,
        dueAt: w.dueAt,
        payload: { inquiryId: inquiry.id, percent: w.percent },
        key: timerKey(inquiry.id, w.percent),
      });
    }
  }

  async cancel(manager: EntityManager, inquiryId: string): Promise<void> {
    for (const p of this.config.legalClock.warnPercents)
      await this.jobs.cancel(manager, timerKey(inquiryId, p));
  }

  private async warn(manager: EntityManager, inquiryId: string, percent: number) {
    await this.log.changeWithin(
      manager,
      inquiryId,
      async ({ inquiry, emit }) => {
        if (!OPEN_INQUIRY_STATUSES.includes(inquiry.status) || inquiry.warnedPercent >= percent) return;
        inquiry.warnedPercent = percent;
        const overdue = percent >= 100;
        const leaders = overdue ? await this.visibility.unitLeaders(inquiry.orgUnitId) : [];
        const to = [
          ...new Set(
            [inquiry.ownerUserId, inquiry.createdByUserId, ...leaders].filter((x): x is string => !!x),
          ),
        ];
        emit('inquiry.deadline_warning', {
          percent,
          overdue,
          dueAt: inquiry.dueAt.toISOString(),
          escalatedTo: leaders,
        });
        if (!to.length) return;
        const due = formatVietnam(inquiry.dueAt);
        await this.notifications.enqueue(manager, {
          to: to.map((userId) => ({ userId })),
          channels: overdue ? ['in_app', 'email'] : ['in_app'],
          kind: overdue ? 'press_inquiry.overdue' : 'press_inquiry.reminder',
          subject: overdue
            ? `Quá hạn trả lời báo chí: ${inquiry.subject}`.slice(0, 300)
            : `Nhắc hạn trả lời báo chí (${percent}% thời hạn): ${inquiry.subject}`.slice(0, 300),
          text: overdue
            ? `Đề nghị cung cấp thông tin "${inquiry.subject}" của ${inquiry.routing.unit.name} đã quá hạn trả lời (hạn ${due}). Đề nghị lãnh đạo đơn vị chỉ đạo trả lời ngay.`
            : `Đề nghị cung cấp thông tin "${inquiry.subject}" đã dùng ${percent}% thời hạn; hạn trả lời ${due}.`,
          data: { inquiryId: inquiry.id, percent },
        });
      },
      null,
    );
  }
}
