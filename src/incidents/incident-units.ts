import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { todayInVietnam } from '../common/dates.js';
import { fieldError, validationFailed } from '../common/validation.js';
import { DirectoryOnDate } from '../directory/directory-on-date.repository.js';
import type { OrgUnit } from '../directory/entities/org-unit.entity.js';
import { IncidentUnit } from './entities/incident-unit.entity.js';
import type { Incident, OrgUnitSnapshot } from './entities/incident.entity.js';

export function snapshotOf(unit: OrgUnit): OrgUnitSnapshot {
  return { id: unit.id, code: unit.code, name: unit.name, unitType: unit.unitType };
}

/**
 * The units of an incident: the responsible one (in force on the day it is set) and the units concerned, each
 * kept with a snapshot of its code and name as they were then. Units come from the directory.
 */
@Injectable()
export class IncidentUnits {
  constructor(private readonly directory: DirectoryOnDate) {}

  /** The unit of this id, in force on `at` (a Vietnamese day); else a validation error naming `field`. */
  async activeUnit(manager: EntityManager, unitId: string, at: Date, field: string): Promise<OrgUnit> {
    const unit = await this.directory.unit(manager, unitId);
    const day = todayInVietnam(at); // units are dated in Vietnamese law, midnight at UTC+7
    if (!unit) {
      throw validationFailed(
        [fieldError(field, 'exists', `${field}: không tồn tại trong danh bạ`)],
        'Không tìm thấy đơn vị',
      );
    }
    if (unit.validFrom > day || (unit.validTo !== null && unit.validTo < day)) {
      throw validationFailed(
        [fieldError(field, 'validOn', `${field}: đơn vị không có hiệu lực vào ngày ${day}`)],
        `Đơn vị "${unit.name}" không còn hiệu lực vào ngày ${day}`,
      );
    }
    return unit;
  }

  /** Replaces the incident's concerned units (the responsible one left out); returns their snapshots. */
  async replaceConcerned(manager: EntityManager, incident: Incident, unitIds: string[]) {
    await manager.delete(IncidentUnit, { incidentId: incident.id });
    const ids = unitIds.filter((u) => u !== incident.responsibleOrgUnitId);
    if (!ids.length) return [];
    const units = await this.directory.units(manager, ids);
    const missing = ids.filter((u) => !units.some((x) => x.id === u));
    if (missing.length) {
      throw validationFailed(
        [
          fieldError(
            'concernedOrgUnitIds',
            'exists',
            `concernedOrgUnitIds: không tồn tại: ${missing.join(', ')}`,
          ),
        ],
        'Có đơn vị liên quan không tồn tại',
      );
    }
    const rows = units.map((u) => ({ incidentId: incident.id, orgUnitId: u.id, snapshot: snapshotOf(u) }));
    await manager.insert(IncidentUnit, rows);
    return rows.map((r) => r.snapshot);
  }
}
