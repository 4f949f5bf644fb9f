import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { OrgUnit } from '../../directory/entities/org-unit.entity.js';
import { Incident } from './incident.entity.js';
import type { OrgUnitSnapshot } from './incident.entity.js';

/** Units concerned by an incident besides the responsible one, with their names as they were then. */
@Entity('incident_units')
export class IncidentUnit {
  @PrimaryColumn({ type: 'uuid' })
  incidentId: string;

  @PrimaryColumn({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @ManyToOne(() => OrgUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'jsonb' })
  snapshot: OrgUnitSnapshot;
}
