import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { Mention } from '../../signals/entities/mention.entity.js';
import { Incident } from './incident.entity.js';

/** Signals attached to an incident as evidence (the mentions that made detection fire, or added by hand). */
@Entity('incident_mentions')
@Index(['mentionId'])
export class IncidentMention {
  @PrimaryColumn({ type: 'uuid' })
  incidentId: string;

  @PrimaryColumn({ type: 'uuid' })
  mentionId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  // No foreign key: `mentions` is partitioned by month (its key is (id, month)); retention keeps every mention
  // linked here (src/signals/README.md).
  @ManyToOne(() => Mention, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'mention_id' })
  mention?: Relation<Mention>;

  @CreateDateColumn({ type: 'timestamptz' })
  linkedAt: Date;
}
