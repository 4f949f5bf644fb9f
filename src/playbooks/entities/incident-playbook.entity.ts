import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Incident } from '../../incidents/entities/incident.entity.js';
import { PlaybookVersion } from './playbook-version.entity.js';
import { Playbook } from './playbook.entity.js';

/** The playbook version applied to an incident, pinned: later versions do not change what was applied. */
@Entity('incident_playbooks')
export class IncidentPlaybook {
  @PrimaryColumn({ type: 'uuid' })
  incidentId: string;

  @OneToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'uuid' })
  playbookId: string;

  @ManyToOne(() => Playbook, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'playbook_id' })
  playbook?: Relation<Playbook>;

  @Column({ type: 'uuid' })
  playbookVersionId: string;

  @ManyToOne(() => PlaybookVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'playbook_version_id' })
  playbookVersion?: Relation<PlaybookVersion>;

  @Column({ type: 'int' })
  version: number;

  /** What applying created: task ids, statement ids, role requirements added. */
  @Column({ type: 'jsonb' })
  created: { taskIds: string[]; statementIds: string[]; roles: string[] };

  @Column({ type: 'uuid', nullable: true })
  appliedByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  appliedAt: Date;
}
