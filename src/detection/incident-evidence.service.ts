import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/decorators.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { SignalsService } from '../signals/signals.service.js';
import type { Sendable } from '../common/api-response.js';
import type { TopicBucket } from '../contracts/signals.js';
import { topicWindow } from '../signals/topic-window.js';

/**
 * The mention volume behind an incident, for everyone who may see the incident (its working group's observers
 * included): the buckets of the incident's own topics only, never another topic of the unit.
 */
@Injectable()
export class IncidentEvidenceService {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly signals: SignalsService,
  ) {}

  async buckets(
    user: AuthUser,
    incidentId: string,
    query: { from?: string; to?: string },
  ): Promise<Sendable<TopicBucket>[]> {
    const incident = await this.incidents.get(user, incidentId);
    const { from, to } = topicWindow(query);
    const lists = await Promise.all(
      incident.topics.map(async (topic) =>
        (await this.signals.getBuckets(topic.id, from, to)).map((b) => ({ ...b, topicId: topic.id })),
      ),
    );
    return lists.flat();
  }
}
