import type { PlaybookSuggestion, PlaybookSuggestions } from '../contracts/playbooks.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { OrgUnitsService } from '../directory/org-units.service.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import type { IncidentChange } from '../incidents/incident-timeline.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { PlaybookAccess } from './playbook-access.js';
import { matchPlaybook } from './playbook-matching.js';
import { PlaybooksRepository } from './playbooks.repository.js';

/** Suggestions shown on activation: at most this many, best first. */
const MAX_SUGGESTIONS = 5;

/** The playbooks that fit an incident, with the reasons: on request, and on the timeline at activation. */
@Injectable()
export class PlaybookSuggestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly units: OrgUnitsService,
    private readonly repository: PlaybooksRepository,
    private readonly access: PlaybookAccess,
  ) {}

  /** The suggestions, and whether this user may apply one (the console shows the button only then). */
  async suggestions(user: AuthUser, incidentId: string): Promise<PlaybookSuggestions> {
    const incident = await this.incidents.getVisible(user, incidentId);
    const canApply = await this.access.assertMayApply(user, incident).then(
      () => true,
      () => false,
    );
    return { items: await this.suggest(this.dataSource.manager, incident), canApply };
  }

  /** The best-matching playbooks for an incident, with the reasons (also written on activation). */
  async suggest(manager: EntityManager, incident: Incident): Promise<PlaybookSuggestion[]> {
    const input = await this.repository.matchText(incident.id, manager);
    const owners = await this.ownersFor(incident, manager);
    const versions = await this.repository.currentVersions(manager, { owners });
    return versions
      .map((v) => ({
        v,
        match: matchPlaybook(v.content, {
          category: incident.category,
          severity: incident.severity,
          text: input.text,
          topicKeys: input.topicKeys,
        }),
      }))
      .filter((x) => x.match !== null)
      .sort((a, b) => b.match!.score - a.match!.score || a.v.title.localeCompare(b.v.title, 'vi'))
      .slice(0, MAX_SUGGESTIONS)
      .map(({ v, match }) => ({
        playbookId: v.playbookId,
        version: v.version,
        title: v.title,
        summary: v.content.summary,
        score: match!.score,
        reasons: match!.reasons,
      }));
  }

  /** Writes the suggestions on the timeline (activation); nothing when the incident is no longer open. */
  async suggestWithin(change: IncidentChange) {
    const items = await this.suggest(change.manager, change.incident);
    change.emit('playbook.suggested', { suggestions: items });
    return items;
  }

  /** Units whose own playbooks fit an incident: its responsible unit and the units above it. */
  private async ownersFor(incident: Incident, manager?: EntityManager): Promise<string[]> {
    return (await this.units.ancestry(incident.responsibleOrgUnitId, manager)).map((u) => u.id);
  }
}
