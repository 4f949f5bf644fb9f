import type { UnitSummary } from './org-units.repository.js';
import { Capability } from './entities/org-unit-capability.entity.js';
import { OrgUnit } from './entities/org-unit.entity.js';
import { Person } from './entities/person.entity.js';

/** The functions a unit may hold (dated capabilities), for other modules' input checks. */
export const CAPABILITY_KEYS: readonly string[] = Object.values(Capability);

/** The short forms of units and people embedded in other responses. */
export function unitSummary(u: OrgUnit): UnitSummary {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    unitType: u.unitType,
    validFrom: u.validFrom,
    validTo: u.validTo,
  };
}

export interface PersonSummary {
  id: string;
  fullName: string;
  position: string;
  orgUnitId: string;
  phone: string | null;
  email: string | null;
}

export function personSummary(p: Person): PersonSummary {
  return {
    id: p.id,
    fullName: p.fullName,
    position: p.position,
    orgUnitId: p.orgUnitId,
    phone: p.phone,
    email: p.email,
  };
}
