import { foldText } from '../common/text.js';
import type { AssemblyRule, CandidateSource, RoleRequirement } from './entities/assembly-rule.entity.js';

/** Pure candidate choice: the repository loads the directory as it was on the incident's date. */

export interface UnitOnDate {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
}

export interface PersonOnDate {
  id: string;
  fullName: string;
  position: string;
  orgUnitId: string;
  tags: string[];
}

export interface DesignationOnDate {
  personId: string;
  kind: 'spokesperson' | 'authorized';
  matter: string | null;
  validTo: string | null;
  decisionRef: string | null;
}

export interface AssemblyContext {
  date: string;
  responsibleUnitId: string;
  units: Map<string, UnitOnDate>;
  people: PersonOnDate[];
  /** capability → ids of the units holding it on the date. */
  capabilityUnits: Map<string, string[]>;
  /** Designations of the responsible unit valid on the date. */
  designations: DesignationOnDate[];
  /** What the incident is about (title, summary): matched against authorised spokespersons' matters. */
  incidentText: string;
  /** People away today. */
  away: Set<string>;
  /** Open incidents each person already serves in. */
  load: Map<string, number>;
}

export interface Candidate {
  person: PersonOnDate;
  rank: number;
  source: string;
  load: number;
  distance: number;
  reason: string;
}

const SOURCE_LABEL: Record<CandidateSource['from'], string> = {
  responsible_unit: 'đơn vị chủ trì',
  capability: 'đơn vị có chức năng',
  unit: 'đơn vị được chỉ định',
  designation: 'người phát ngôn của đơn vị chủ trì',
};

/** The highest-priority rule (then newest version) among those that match. */
export function chooseRule(
  rules: AssemblyRule[],
  incident: { category: string; severity: string; date: string },
  unitAndAncestors: string[],
): AssemblyRule | null {
  const matching = rules.filter(
    (r) =>
      r.effectiveFrom <= incident.date &&
      (r.effectiveTo === null || r.effectiveTo >= incident.date) &&
      (r.categories.length === 0 || r.categories.includes(incident.category)) &&
      r.minSeverity <= incident.severity &&
      (r.orgUnitId === null || unitAndAncestors.includes(r.orgUnitId)),
  );
  matching.sort((a, b) => b.priority - a.priority || b.version - a.version);
  return matching[0] ?? null;
}

/** Fake-news incidents always need a police liaison (DOMAIN.md), whatever the rule says. */
export function requirementsFor(rule: AssemblyRule, category: string): RoleRequirement[] {
  const roles = rule.roles.filter((r) => r.count > 0);
  if (category === 'fake_news') {
    const police = roles.find((r) => r.role === 'police_liaison');
    if (!police) {
      roles.push({
        role: 'police_liaison',
        count: 1,
        required: true,
        sources: [{ from: 'capability', capability: 'cyber_police', tags: ['police_liaison'] }],
      });
    } else if (!police.required) {
      roles[roles.indexOf(police)] = { ...police, required: true };
    }
  }
  return roles;
}

/**
 * Adds an incident's own requirements (from an applied playbook) to the rule's: a role already required keeps the
 * larger count and becomes required if either says so; the extra sources are tried first. A role with no sources
 * is filled from the responsible unit's tree.
 */
export function mergeRequirements(base: RoleRequirement[], extra: RoleRequirement[]): RoleRequirement[] {
  const out = base.map((r) => ({ ...r }));
  for (const e of extra) {
    const sources = e.sources.length ? e.sources : [{ from: 'responsible_unit' as const }];
    const same = out.find((r) => r.role === e.role);
    if (!same) {
      out.push({ role: e.role, count: e.count, required: e.required, sources });
      continue;
    }
    same.count = Math.max(same.count, e.count);
    same.required = same.required || e.required;
    if (e.sources.length) same.sources = [...e.sources, ...same.sources];
  }
  return out.filter((r) => r.count > 0);
}

/**
 * An authorised spokesperson speaks for one matter only: it matches when the incident's text contains the
 * matter, or shares a run of four words with it (accent-insensitive).
 */
/** Words in a row shared with the matter; three would match on "trên địa bàn" alone. */
const RUN = 4;

export function matterMatches(matter: string, incidentText: string): boolean {
  const m = words(matter);
  const text = ` ${words(incidentText).join(' ')} `;
  if (!m.length) return false;
  if (text.includes(` ${m.join(' ')} `)) return true;
  for (let i = 0; i + RUN <= m.length; i++) {
    if (text.includes(` ${m.slice(i, i + RUN).join(' ')} `)) return true;
  }
  return false;
}

function words(text: string): string[] {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
}

function ancestorsOf(units: Map<string, UnitOnDate>, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (let cur: string | null = id; cur && !seen.has(cur); cur = units.get(cur)?.parentId ?? null) {
    seen.add(cur);
    out.push(cur);
  }
  return out;
}

/** Levels between two units in the tree (through their closest common ancestor); 99 when unrelated. */
export function treeDistance(units: Map<string, UnitOnDate>, a: string, b: string): number {
  const up = ancestorsOf(units, a);
  const other = ancestorsOf(units, b);
  for (const [i, id] of up.entries()) {
    const j = other.indexOf(id);
    if (j >= 0) return i + j;
  }
  return 99;
}

function subtree(units: Map<string, UnitOnDate>, roots: string[]): Set<string> {
  const out = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units.values()) {
      if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}

function matchesFilters(p: PersonOnDate, s: CandidateSource): boolean {
  if (s.tags?.length && !s.tags.some((t) => p.tags.includes(t))) return false;
  if (s.position && !foldText(p.position).includes(foldText(s.position))) return false;
  return true;
}

/**
 * Candidates for one role, best first: sources in the rule's order; within a source, the least loaded, then
 * the closest to the responsible unit, then by name. People away, or in `exclude`, are left out.
 */
export function rankCandidates(
  ctx: AssemblyContext,
  requirement: RoleRequirement,
  exclude: Set<string>,
): Candidate[] {
  const out: Candidate[] = [];
  const taken = new Set(exclude);
  const byId = new Map(ctx.people.map((p) => [p.id, p]));
  const describe = (p: PersonOnDate, label: string, load: number, distance: number) =>
    `${label}; đang tham gia ${load} sự cố khác; cách đơn vị chủ trì ${distance} cấp` +
    ` (${ctx.units.get(p.orgUnitId)?.name ?? '?'})`;

  for (const source of requirement.sources) {
    let found: { person: PersonOnDate; label: string }[] = [];
    if (source.from === 'designation') {
      // Authorised for this very matter first, then the designated spokespersons.
      const usable = ctx.designations.filter(
        (d) =>
          d.kind === 'spokesperson' ||
          (d.matter !== null &&
            d.validTo !== null &&
            d.validTo >= ctx.date &&
            matterMatches(d.matter, ctx.incidentText)),
      );
      usable.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'authorized' ? -1 : 1));
      for (const d of usable) {
        const person = byId.get(d.personId);
        if (!person || !matchesFilters(person, source)) continue;
        const label =
          d.kind === 'authorized'
            ? `người được ủy quyền phát ngôn về "${d.matter}" đến ${d.validTo} (${d.decisionRef ?? 'văn bản ủy quyền'})`
            : `người phát ngôn của đơn vị chủ trì (${d.decisionRef ?? 'quyết định chỉ định'})`;
        found.push({ person, label });
      }
    } else {
      const pools: { unitIds: Set<string>; label: string }[] = [];
      if (source.from === 'responsible_unit') {
        // The responsible unit, then its parent, and so on up: the first level with someone suitable wins.
        for (const [level, id] of ancestorsOf(ctx.units, ctx.responsibleUnitId).entries()) {
          const name = ctx.units.get(id)?.name ?? id;
          pools.push({
            unitIds: subtree(ctx.units, [id]),
            label: level === 0 ? `${SOURCE_LABEL.responsible_unit} (${name})` : `đơn vị cấp trên (${name})`,
          });
        }
      } else if (source.from === 'capability') {
        const ids = ctx.capabilityUnits.get(source.capability ?? '') ?? [];
        const names = ids.map((id) => ctx.units.get(id)?.name ?? id).join(', ');
        pools.push({
          unitIds: subtree(ctx.units, ids),
          label: `${SOURCE_LABEL.capability} ${source.capability} ngày ${ctx.date} (${names})`,
        });
      } else {
        const ids = [...ctx.units.values()].filter((u) => u.code === source.unitCode).map((u) => u.id);
        pools.push({ unitIds: subtree(ctx.units, ids), label: `${SOURCE_LABEL.unit} ${source.unitCode}` });
      }
      for (const pool of pools) {
        const people = ctx.people.filter(
          (p) => pool.unitIds.has(p.orgUnitId) && matchesFilters(p, source) && !taken.has(p.id),
        );
        const available = people.filter((p) => !ctx.away.has(p.id));
        if (available.length) {
          found = available.map((person) => ({ person, label: pool.label }));
          break;
        }
      }
    }
    const scored = found
      .filter(({ person }) => !taken.has(person.id) && !ctx.away.has(person.id))
      .map(({ person, label }) => ({
        person,
        label,
        load: ctx.load.get(person.id) ?? 0,
        distance: treeDistance(ctx.units, person.orgUnitId, ctx.responsibleUnitId),
      }));
    if (source.from !== 'designation') {
      scored.sort(
        (a, b) =>
          a.load - b.load ||
          a.distance - b.distance ||
          a.person.fullName.localeCompare(b.person.fullName, 'vi'),
      );
    }
    for (const s of scored) {
      taken.add(s.person.id);
      const filters = [
        source.tags?.length ? `nhãn ${source.tags.join('/')}` : null,
        source.position ? `chức vụ "${source.position}"` : null,
      ].filter(Boolean);
      out.push({
        person: s.person,
        rank: out.length + 1,
        source: source.from,
        load: s.load,
        distance: s.distance,
        reason: describe(s.person, [s.label, ...filters].join('; '), s.load, s.distance),
      });
    }
  }
  return out;
}
