import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import { DashboardQueryDto } from './dto/inquiry.dto.js';
import { PressAccess } from './press-access.js';
import { inquiryView } from './press-inquiry.views.js';
import { PressRepository } from './press.repository.js';

const DEFAULT_PERIOD_DAYS = 90;

/**
 * What the press desk and its leaders watch: open requests by due time, overdue ones by unit, and how long each
 * unit takes to answer (newspapers publish lists of the slow ones, "chậm hồi âm").
 */
@Injectable()
export class PressDashboardService {
  constructor(
    private readonly access: PressAccess,
    private readonly repository: PressRepository,
  ) {}

  async dashboard(user: AuthUser, query: DashboardQueryDto) {
    const now = new Date();
    const to = query.to ? new Date(query.to) : now;
    const from = query.from
      ? new Date(query.from)
      : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * 86_400_000);
    if (from >= to)
      throw new AppError(ErrorCode.VALIDATION_FAILED, 'Khoảng thời gian không hợp lệ', [
        { field: 'from', messages: ['from: phải trước to'] },
      ]);
    const units = await this.access.visibleUnits(user);
    const [open, overdueByUnit, responseByUnit] = await Promise.all([
      this.repository.openByDue(units, 100),
      this.repository.overdueByUnit(units, now),
      this.repository.responseTimes(units, from, to),
    ]);
    const openViews = open.map((i) => inquiryView(i, { contacts: false }, now));
    return {
      generatedAt: now.toISOString(),
      period: { from: from.toISOString(), to: to.toISOString() },
      totals: {
        open: openViews.length,
        overdue: openViews.filter((i) => i.overdue).length,
        closed: responseByUnit.reduce((n, r) => n + r.answered + r.declined, 0),
        onTime: responseByUnit.reduce((n, r) => n + r.onTime, 0),
      },
      open: openViews,
      overdueByUnit,
      responseByUnit,
    };
  }
}
