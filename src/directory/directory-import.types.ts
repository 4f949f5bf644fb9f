import { ImportSection } from './dto/directory-document.dto.js';
import { Capability } from './entities/org-unit-capability.entity.js';
import { OrgUnitType } from './entities/org-unit.entity.js';
import { SuccessionKind } from './entities/org-unit-succession.entity.js';
import { DesignationKind } from './entities/spokesperson-designation.entity.js';

/** The shapes of a directory import (directory-import.plan.ts): problems, what is stored, the plan's rows. */

export interface ImportProblem {
  section: ImportSection;
  /** Position of the row in its section, from 0. */
  index: number;
  field: string;
  message: string;
  /** CSV imports: the line of the file where the row starts (the header is line 1). */
  line?: number;
}

/** What is already in the database, as far as the importer needs to know. */
export interface ExistingDirectory {
  units: {
    id: string;
    code: string;
    name: string;
    unitType: OrgUnitType;
    parentId: string | null;
    validFrom: string;
    validTo: string | null;
  }[];
  capabilities: { orgUnitId: string; capability: Capability; validFrom: string; validTo: string | null }[];
  successions: { predecessorId: string; successorId: string; kind: SuccessionKind }[];
  people: {
    id: string;
    fullName: string;
    email: string | null;
    orgUnitId: string;
    tags: string[];
    active: boolean;
  }[];
  designations: {
    personId: string;
    orgUnitId: string;
    kind: DesignationKind;
    validFrom: string;
    validTo: string | null;
  }[];
}

export const EMPTY_DIRECTORY: ExistingDirectory = {
  units: [],
  capabilities: [],
  successions: [],
  people: [],
  designations: [],
};

export interface PlannedOrgUnit {
  id: string;
  code: string;
  name: string;
  shortName: string | null;
  unitType: OrgUnitType;
  parentId: string | null;
  validFrom: string;
  validTo: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
}

export interface PlannedCapability {
  id: string;
  orgUnitId: string;
  capability: Capability;
  validFrom: string;
  validTo: string | null;
  legalBasis: string | null;
}

export interface PlannedSuccession {
  id: string;
  predecessorId: string;
  successorId: string;
  kind: SuccessionKind;
  effectiveOn: string;
  note: string | null;
}

export interface PlannedPerson {
  id: string;
  fullName: string;
  position: string;
  orgUnitId: string;
  phone: string | null;
  email: string | null;
  tags: string[];
  active: boolean;
}

export interface PlannedDesignation {
  id: string;
  personId: string;
  orgUnitId: string;
  kind: DesignationKind;
  matter: string | null;
  validFrom: string;
  validTo: string | null;
  published: boolean;
  decisionRef: string | null;
  grantedByPersonId: string | null;
}

export interface ImportPlan {
  orgUnits: PlannedOrgUnit[];
  capabilities: PlannedCapability[];
  successions: PlannedSuccession[];
  people: PlannedPerson[];
  designations: PlannedDesignation[];
}

export type ImportCounts = Record<ImportSection, number>;
