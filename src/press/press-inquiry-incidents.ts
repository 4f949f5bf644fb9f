import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { AppError, ErrorCode } from '../common/app-error.js';
import type { CommittedIncidentEvent } from '../incidents/incident-events.publisher.js';
import { IncidentTimeline } from '../incidents/incident-timeline.js';
import { OPEN_STATUSES } from '../incidents/incident-types.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { OpenIncidentForInquiryDto } from './dto/inquiry.dto.js';
import type { PressInquiry } from './entities/press-inquiry.entity.js';

const fieldError = (field: string, message: string) =>
  new AppError(ErrorCode.VALIDATION_FAILED, message, [{ field, messages: [`${field}: ${message}`] }]);

/**
 * A request and its incident: attached to an open one the user sees, or an incident opened from it, inside the
 * request's transaction; the incident's timeline says so (`press_inquiry.linked`). Callers publish the events after
 * their commit.
 */
@Injectable()
export class PressInquiryIncidents {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly timeline: IncidentTimeline,
  ) {}

  async openIncidentOf(user: AuthUser, incidentId: string) {
    const incident = await this.incidents.getVisible(user, incidentId).catch(() => {
      throw fieldError('incidentId', 'không có sự cố này, hoặc bạn không xem được sự cố');
    });
    if (!OPEN_STATUSES.includes(incident.status))
      throw fieldError('incidentId', 'sự cố đã kết thúc: chỉ gắn được với sự cố đang mở');
    return incident;
  }

  async assertMayOpen(user: AuthUser, unitId: string) {
    this.incidents.assertWriter(user);
    await this.incidents.assertUnitInScope(
      user,
      unitId,
      'Chỉ được mở sự cố cho đơn vị mình hoặc đơn vị cấp dưới',
    );
  }

  async attachWithin(manager: EntityManager, inquiry: PressInquiry, incidentId: string) {
    const { events } = await this.timeline.changeWithin(manager, incidentId, async (change) => {
      this.incidents.assertWritable(change.incident);
      change.emit('press_inquiry.linked', {
        inquiryId: inquiry.id,
        subject: inquiry.subject,
        dueAt: inquiry.dueAt,
      });
    });
    inquiry.incidentId = incidentId;
    return events;
  }

  async openWithin(
    manager: EntityManager,
    user: AuthUser,
    inquiry: PressInquiry,
    dto: OpenIncidentForInquiryDto,
  ): Promise<{ id: string; events: CommittedIncidentEvent[] }> {
    const { value, events } = await this.incidents.openWithin(
      manager,
      {
        title: dto.title ?? `Báo chí đề nghị cung cấp thông tin: ${inquiry.subject}`.slice(0, 300),
        category: dto.category,
        severity: dto.severity,
        responsibleOrgUnitId: inquiry.orgUnitId,
        detectedAt: inquiry.receivedAt,
        origin: 'manual',
        createdByUserId: user.id,
        openedPayload: { pressInquiryId: inquiry.id },
      },
      async (change) => {
        change.emit('press_inquiry.linked', {
          inquiryId: inquiry.id,
          subject: inquiry.subject,
          dueAt: inquiry.dueAt,
        });
      },
    );
    inquiry.incidentId = value.id;
    return { id: value.id, events };
  }

  publish(events: CommittedIncidentEvent[]) {
    return this.timeline.publish(events);
  }
}
