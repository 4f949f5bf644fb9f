import type { PlaybookSuggestion, PlaybookSuggestions } from '../contracts/playbooks.js';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { OrgUnitsService } from '../directory/org-units.service.js';
import type { Incident } from '../incidents/entities/incident.entity.js';
import type { IncidentChange } from '../incidents/incident-timeline.js';
import { IncidentReads } from '../incidents/incident-reads.repository.js';
import { IncidentsService } from '../incidents/incidents.service.js';
import { SignalsService } from '../signals/signals.service.js';
import { TopicsService } from '../signals/topics.service.js';
import { PlaybookAccess } from './playbook-access.js';
import { matchPlaybook } from './playbook-matching.js';
import { PlaybooksRepository } from './playbooks.repository.js';

/** Suggestions shown on activation: at most this many, best first. */
const MAX_SUGGESTIONS = 5;
/** The evidence mentions whose text a suggestion reads: at most this many, and this many characters of each text. */
const MATCHED_MENTIONS = 20;
const MATCHED_MENTION_CHARS = 300;

/** The playbooks that fit an incident, with the reasons: on request, and on the timeline at activation. */
@Injectable()
export class PlaybookSuggestionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly incidents: IncidentsService,
    private readonly incidentReads: IncidentReads,
    private readonly signals: SignalsService,
    private readonly topics: TopicsService,
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
    const input = await this.matchText(incident.id, manager);
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

  /**
   * Title, summary, topic names and the titles and openings of the evidence mentions (the text suggestions match
   * on), and the ids and names of the incident's topics. Empty when the incident is gone.
   */
  private async matchText(
    incidentId: string,
    manager: EntityManager,
  ): Promise<{ text: string; topicKeys: string[] }> {
    const subject = await this.incidentReads.subject(manager, incidentId, MATCHED_MENTIONS);
    if (!subject) return { text: '', topicKeys: [] };
    const names = await this.topics.namesOf(subject.topicIds, manager);
    const topics = subject.topicIds.filter((id) => names.has(id)).map((id) => ({ id, name: names.get(id)! }));
    const mentions = (await this.signals.mentionOpenings(manager, subject.mentionIds, MATCHED_MENTION_CHARS))
      // A mention without text adds nothing, not even its title.
      .filter((m) => m.text !== null)
      .map((m) => `${m.title ?? ''} ${m.text}`);
    const parts = [
      subject.title,
      subject.summary,
      topics.length ? topics.map((t) => t.name).join(' ') : null,
      mentions.length ? mentions.join(' ') : null,
    ];
    return {
      text: parts.filter((p) => p !== null).join(' '),
      topicKeys: [...topics.map((t) => t.id), ...topics.map((t) => t.name)],
    };
  }

  /** Units whose own playbooks fit an incident: its responsible unit and the units above it. */
  private async ownersFor(incident: Incident, manager?: EntityManager): Promise<string[]> {
    return (await this.units.ancestry(incident.responsibleOrgUnitId, manager)).map((u) => u.id);
  }
}
