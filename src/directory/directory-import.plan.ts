import { randomUUID } from 'node:crypto';
import {
  capabilityProblems,
  codeOverlapProblems,
  designationProblems,
  orgUnitProblems,
  PersonFacts,
  RuleProblem,
  successionProblems,
  wouldCreateSuccessionCycle,
} from './directory.rules.js';
import {
  ImportCapabilityRow,
  ImportDesignationRow,
  ImportOrgUnitRow,
  ImportPersonRow,
  ImportSection,
  ImportSuccessionRow,
} from './dto/directory-document.dto.js';
import { DesignationKind } from './entities/spokesperson-designation.entity.js';
import { addDays, isValidOn, overlaps } from './temporal.js';

import { UnitRegistry, validateRow } from './directory-import.rows.js';
import type { RowClass, UnitEntry } from './directory-import.rows.js';
import type {
  ExistingDirectory,
  ImportCounts,
  ImportPlan,
  ImportProblem,
  PlannedDesignation,
  PlannedPerson,
} from './directory-import.types.js';

/**
 * Plans a bulk import without touching the database: validates every row, resolves references by code and
 * e-mail against the document and what is already stored, applies the directory rules, and either reports
 * every problem (nothing will be written) or returns rows with ids ready to insert, parents first. The plan's
 * shapes are in directory-import.types.ts, the reading of one row in directory-import.rows.ts.
 */

export function countPlan(plan: ImportPlan): ImportCounts {
  return {
    orgUnits: plan.orgUnits.length,
    capabilities: plan.capabilities.length,
    successions: plan.successions.length,
    people: plan.people.length,
    designations: plan.designations.length,
  };
}

interface PersonEntry extends PersonFacts {
  email: string | null;
}

const FIELD_ALIASES: Record<ImportSection, Record<string, string>> = {
  orgUnits: { parentId: 'parentCode' },
  capabilities: { orgUnitId: 'orgUnitCode' },
  successions: { successorId: 'successorCode', predecessorId: 'predecessorCode' },
  people: { orgUnitId: 'orgUnitCode' },
  designations: { personId: 'person', grantedByPersonId: 'grantedBy', orgUnitId: 'orgUnitCode' },
};

const nullable = <T>(v: T | null | undefined): T | null => (v === undefined ? null : v);

/** A document's sections before validation: rows may be anything until each is checked. */
export type ImportInput = Partial<Record<ImportSection, unknown[]>>;

export function planDirectoryImport(
  doc: ImportInput,
  existing: ExistingDirectory,
  today: string,
): { plan: ImportPlan; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const report = (section: ImportSection, index: number, field: string, message: string) =>
    problems.push({ section, index, field, message });
  /** A problem found here (not by class-validator): the message gets the field name in front. */
  const fail = (section: ImportSection, index: number, field: string, message: string) =>
    report(section, index, field, `${field}: ${message}`);
  const reportRules = (section: ImportSection, index: number, found: RuleProblem[]) => {
    for (const p of found) {
      fail(section, index, FIELD_ALIASES[section][p.field] ?? p.field, p.message);
    }
  };
  const rows = <T extends object>(section: ImportSection, cls: RowClass<T>): (T | null)[] =>
    (doc[section] ?? []).map((raw, index) => {
      const { row, problems: found } = validateRow(cls, raw);
      for (const p of found) report(section, index, p.field, p.message);
      return row;
    });

  const plan: ImportPlan = { orgUnits: [], capabilities: [], successions: [], people: [], designations: [] };
  const units = new UnitRegistry();
  for (const u of existing.units) units.add({ ...u, isNew: false });

  // Org units: register first (so rows may refer to units further down the file), then resolve parents.
  const unitRows = rows('orgUnits', ImportOrgUnitRow);
  const newUnits = new Map<number, UnitEntry>();
  unitRows.forEach((row, index) => {
    if (!row) return;
    const interval = { validFrom: row.validFrom, validTo: nullable(row.validTo) };
    const sameCode = units.withCode(row.code);
    const overlap = codeOverlapProblems({ ...interval, code: row.code }, sameCode);
    if (overlap.length) reportRules('orgUnits', index, overlap);
    if (sameCode.some((u) => u.validFrom === row.validFrom)) return; // an exact duplicate stays unregistered
    const entry: UnitEntry = {
      id: randomUUID(),
      code: row.code,
      name: row.name,
      unitType: row.unitType,
      parentId: null,
      ...interval,
      isNew: true,
    };
    units.add(entry);
    newUnits.set(index, entry);
  });
  unitRows.forEach((row, index) => {
    const entry = newUnits.get(index);
    if (!row || !entry) return;
    let parent: UnitEntry | null = null;
    if (row.parentCode) {
      const found = units.resolve(row.parentCode, row.parentValidFrom, row.validFrom);
      if (!found.ok) {
        fail('orgUnits', index, row.parentValidFrom ? 'parentValidFrom' : 'parentCode', found.message);
        return;
      }
      parent = found.value;
    } else if (row.parentValidFrom) {
      fail('orgUnits', index, 'parentValidFrom', 'chỉ dùng kèm parentCode');
    }
    reportRules('orgUnits', index, orgUnitProblems(entry, parent));
    entry.parentId = parent?.id ?? null;
  });
  // Parent loops can only form among the new rows.
  for (const [index, entry] of newUnits) {
    if (entry.parentId && units.isInSubtree(entry.parentId, entry.id)) {
      fail('orgUnits', index, 'parentCode', 'tạo thành vòng lặp cấp trên – cấp dưới');
    }
  }
  const depthOf = (id: string): number => {
    let depth = 0;
    for (let u = units.byId.get(id); u?.parentId && u.isNew && depth < 100; u = units.byId.get(u.parentId))
      depth++;
    return depth;
  };
  const orderedUnits = [...newUnits.entries()].sort(([, a], [, b]) => depthOf(a.id) - depthOf(b.id));
  for (const [index, entry] of orderedUnits) {
    const row = unitRows[index]!;
    plan.orgUnits.push({
      id: entry.id,
      code: row.code,
      name: row.name,
      shortName: nullable(row.shortName),
      unitType: row.unitType,
      parentId: entry.parentId,
      validFrom: row.validFrom,
      validTo: nullable(row.validTo),
      address: nullable(row.address),
      phone: nullable(row.phone),
      email: nullable(row.email),
      website: nullable(row.website),
    });
  }

  // Capabilities.
  const capabilitiesByUnit = new Map<
    string,
    { capability: string; validFrom: string; validTo: string | null }[]
  >();
  for (const c of existing.capabilities) {
    capabilitiesByUnit.set(c.orgUnitId, [...(capabilitiesByUnit.get(c.orgUnitId) ?? []), c]);
  }
  rows('capabilities', ImportCapabilityRow).forEach((row, index) => {
    if (!row) return;
    const unit = units.resolve(row.orgUnitCode, row.orgUnitValidFrom, row.validFrom);
    if (!unit.ok) return fail('capabilities', index, 'orgUnitCode', unit.message);
    const draft = { capability: row.capability, validFrom: row.validFrom, validTo: nullable(row.validTo) };
    const siblings = capabilitiesByUnit.get(unit.value.id) ?? [];
    const found = capabilityProblems(draft, unit.value, siblings);
    if (found.length) return reportRules('capabilities', index, found);
    capabilitiesByUnit.set(unit.value.id, [...siblings, draft]);
    plan.capabilities.push({
      id: randomUUID(),
      orgUnitId: unit.value.id,
      ...draft,
      legalBasis: nullable(row.legalBasis),
    });
  });

  // Successions.
  const edges = existing.successions.map((s) => ({ ...s }));
  rows('successions', ImportSuccessionRow).forEach((row, index) => {
    if (!row) return;
    const predecessor = units.resolve(
      row.predecessorCode,
      row.predecessorValidFrom,
      addDays(row.effectiveOn, -1),
    );
    const successor = units.resolve(row.successorCode, row.successorValidFrom, row.effectiveOn);
    if (!predecessor.ok) fail('successions', index, 'predecessorCode', predecessor.message);
    if (!successor.ok) fail('successions', index, 'successorCode', successor.message);
    if (!predecessor.ok || !successor.ok) return;
    const [p, s] = [predecessor.value, successor.value];
    const found = successionProblems({ kind: row.kind, effectiveOn: row.effectiveOn }, p, s);
    if (found.length) return reportRules('successions', index, found);
    if (edges.some((e) => e.predecessorId === p.id && e.successorId === s.id && e.kind === row.kind)) {
      return fail('successions', index, 'kind', `liên kết ${row.kind} từ “${p.name}” sang “${s.name}” đã có`);
    }
    if (wouldCreateSuccessionCycle(edges, p.id, s.id)) {
      return fail('successions', index, 'successorCode', 'liên kết này tạo thành vòng lặp kế thừa');
    }
    edges.push({ predecessorId: p.id, successorId: s.id, kind: row.kind });
    plan.successions.push({
      id: randomUUID(),
      predecessorId: p.id,
      successorId: s.id,
      kind: row.kind,
      effectiveOn: row.effectiveOn,
      note: nullable(row.note),
    });
  });

  // People.
  const peopleByEmail = new Map<string, PersonEntry>();
  for (const p of existing.people) if (p.email) peopleByEmail.set(p.email.toLowerCase(), p);
  const peopleByKey = new Map<string, PersonEntry>();
  rows('people', ImportPersonRow).forEach((row, index) => {
    if (!row) return;
    let ok = true;
    if (row.key && peopleByKey.has(row.key)) {
      fail('people', index, 'key', `khóa ${row.key} đã dùng cho người khác trong tệp`);
      ok = false;
    }
    if (row.email && peopleByEmail.has(row.email)) {
      fail('people', index, 'email', `${row.email} đã dùng cho ${peopleByEmail.get(row.email)!.fullName}`);
      ok = false;
    }
    const unit = units.resolve(row.orgUnitCode, row.orgUnitValidFrom, today);
    if (!unit.ok) {
      fail('people', index, 'orgUnitCode', unit.message);
      ok = false;
    }
    if (!ok || !unit.ok) return;
    const person: PlannedPerson = {
      id: randomUUID(),
      fullName: row.fullName,
      position: row.position,
      orgUnitId: unit.value.id,
      phone: nullable(row.phone),
      email: nullable(row.email),
      tags: row.tags ?? [],
      active: row.active ?? true,
    };
    plan.people.push(person);
    if (row.key) peopleByKey.set(row.key, person);
    if (person.email) peopleByEmail.set(person.email, person);
  });
  const resolvePerson = (ref: string): PersonEntry | undefined =>
    peopleByKey.get(ref) ?? peopleByEmail.get(ref.toLowerCase());

  // Designations: resolve all first, then judge each against the stored ones and all the others, so that
  // the order of rows in the file does not change the outcome (e.g. for the no-sub-delegation rule).
  const designationRows = rows('designations', ImportDesignationRow);
  const drafts = new Map<
    number,
    PlannedDesignation & { person: PersonEntry; granter: PersonEntry | null; unit: UnitEntry }
  >();
  designationRows.forEach((row, index) => {
    if (!row) return;
    const person = resolvePerson(row.person);
    const granter = row.grantedBy ? resolvePerson(row.grantedBy) : undefined;
    const unit = units.resolve(row.orgUnitCode, row.orgUnitValidFrom, row.validFrom);
    if (!person)
      fail('designations', index, 'person', `không tìm thấy người có e-mail hoặc khóa ${row.person}`);
    if (row.grantedBy && !granter) {
      fail('designations', index, 'grantedBy', `không tìm thấy người có e-mail hoặc khóa ${row.grantedBy}`);
    }
    if (!unit.ok) fail('designations', index, 'orgUnitCode', unit.message);
    if (!person || (row.grantedBy && !granter) || !unit.ok) return;
    drafts.set(index, {
      id: randomUUID(),
      personId: person.id,
      orgUnitId: unit.value.id,
      kind: row.kind,
      matter: nullable(row.matter),
      validFrom: row.validFrom,
      validTo: nullable(row.validTo),
      published: row.published ?? false,
      decisionRef: nullable(row.decisionRef),
      grantedByPersonId: granter?.id ?? null,
      person,
      granter: granter ?? null,
      unit: unit.value,
    });
  });
  const draftList = [...drafts.entries()];
  const everyDesignation = [...existing.designations, ...draftList.map(([, d]) => d)];
  draftList.forEach(([index, d], position) => {
    // Between two new rows, a clash is reported once, on the later row.
    const earlier = [...existing.designations, ...draftList.slice(0, position).map(([, e]) => e)];
    const overlapping = earlier.find(
      (o) =>
        o.personId === d.personId &&
        o.orgUnitId === d.orgUnitId &&
        o.kind === DesignationKind.Spokesperson &&
        overlaps(o, d),
    );
    const granter = d.granter;
    const found = designationProblems(d, {
      today,
      unit: d.unit,
      person: d.person,
      personInUnitTree: units.isInSubtree(d.person.orgUnitId, d.unit.id),
      granter,
      granterIsAuthorizedSpokesperson:
        !!granter &&
        everyDesignation.some(
          (o) =>
            o !== d &&
            o.personId === granter.id &&
            o.orgUnitId === d.orgUnitId &&
            o.kind === DesignationKind.Authorized &&
            isValidOn(o, d.validFrom),
        ),
      overlappingSpokesperson: overlapping ?? null,
    });
    if (found.length) return reportRules('designations', index, found);
    const { person: _p, granter: _g, unit: _u, ...row } = d;
    plan.designations.push(row);
  });

  problems.sort((a, b) => sectionOrder(a.section) - sectionOrder(b.section) || a.index - b.index);
  return { plan, problems };
}

function sectionOrder(section: ImportSection): number {
  return ['orgUnits', 'capabilities', 'successions', 'people', 'designations'].indexOf(section);
}
