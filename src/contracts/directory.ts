/**
 * The directory: units with their dated functions and successions, people, spokesperson designations.
 * Plain TypeScript shared by the service (response DTOs implement these) and the web console: no Nest or TypeORM
 * imports here.
 */

/** A person of the directory. */
export interface Person {
  id: string;
  fullName: string;
  position: string;
  orgUnitId: string;
  phone: string | null;
  email: string | null;
  tags: string[];
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The short form of a person embedded in other answers. */
export interface PersonSummary {
  id: string;
  fullName: string;
  position: string;
  orgUnitId: string;
  phone: string | null;
  email: string | null;
}

/** The short form of a unit embedded in other answers. */
export interface UnitSummary {
  id: string;
  code: string;
  name: string;
  unitType: string;
  validFrom: string;
  validTo: string | null;
}

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  unitType: string;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A function the unit holds for a period (state management of the press, spokesperson registry, …). */
export interface OrgUnitCapability {
  id: string;
  orgUnitId: string;
  capability: string;
  validFrom: string;
  validTo: string | null;
  legalBasis: string | null;
  createdAt: string;
}

export interface OrgUnitListItem extends OrgUnit {
  /** The functions held on the date asked. */
  capabilities: OrgUnitCapability[];
}

export interface OrgUnitList {
  on: string;
  items: OrgUnitListItem[];
  total: number;
}

export interface SuccessionLink {
  id: string;
  kind: string;
  effectiveOn: string;
  note: string | null;
  unit: UnitSummary;
}

export interface OrgUnitDetail extends OrgUnit {
  on: string;
  validOnDate: boolean;
  parent: UnitSummary | null;
  /** Every dated function of the unit, past and present. */
  capabilities: (OrgUnitCapability & { heldOnDate: boolean })[];
  children: UnitSummary[];
  successors: SuccessionLink[];
  predecessors: SuccessionLink[];
}

export interface OrgUnitSuccession {
  id: string;
  predecessorId: string;
  successorId: string;
  kind: string;
  effectiveOn: string;
  note: string | null;
  createdAt: string;
}

export interface LineageStep {
  unit: UnitSummary;
  kind: string;
  effectiveOn: string;
  note: string | null;
  /** 1 for a direct link, 2 for the predecessor of a predecessor, … */
  depth: number;
  linkedUnitId: string;
}

export interface Lineage {
  unit: UnitSummary;
  predecessors: LineageStep[];
  successors: LineageStep[];
}

export interface SpokespersonDesignation {
  id: string;
  personId: string;
  orgUnitId: string;
  kind: 'spokesperson' | 'authorized';
  matter: string | null;
  validFrom: string;
  validTo: string | null;
  published: boolean;
  decisionRef: string | null;
  grantedByPersonId: string | null;
  createdAt: string;
  /** Loaded on a person's page. */
  orgUnit?: OrgUnit;
}

export interface PersonDetail extends Person {
  orgUnit?: OrgUnit;
  designations: SpokespersonDesignation[];
}

export interface Speaker {
  designationId: string;
  person: PersonSummary;
  validFrom: string;
  validTo: string | null;
  published: boolean;
  decisionRef: string | null;
}

export interface AuthorizedSpeaker extends Speaker {
  matter: string;
  validTo: string;
  grantedBy: PersonSummary | null;
}

/** Who may speak for a unit on a date: its head, its spokespersons, people authorised for one matter. */
export interface UnitSpeakers {
  orgUnit: UnitSummary;
  on: string;
  unitValidOnDate: boolean;
  heads: PersonSummary[];
  spokespersons: Speaker[];
  authorized: AuthorizedSpeaker[];
  /** Only when the unit no longer exists on the date: the units that took over. */
  successors?: { kind: string; effectiveOn: string; unit: UnitSummary }[];
}

export interface DirectoryImportResult {
  dryRun: boolean;
  counts: {
    orgUnits: number;
    capabilities: number;
    successions: number;
    people: number;
    designations: number;
  };
}

export interface PeopleCsvImportResult {
  dryRun: boolean;
  rows: number;
  created: number;
  updated: number;
}
