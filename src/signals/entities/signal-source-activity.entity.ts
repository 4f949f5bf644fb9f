import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * What a source delivered per hour (by arrival time): stored, duplicate and refused items. One upsert per batch,
 * in the batch's transaction; the source screen reads the last day from here instead of scanning mentions.
 */
@Entity('signal_source_hours')
export class SignalSourceHour {
  @PrimaryColumn({ type: 'uuid' })
  sourceId: string;

  @PrimaryColumn({ type: 'timestamptz' })
  hourStart: Date;

  @Column({ type: 'int', default: 0 })
  accepted: number;

  @Column({ type: 'int', default: 0 })
  duplicates: number;

  @Column({ type: 'int', default: 0 })
  rejected: number;
}

/** How many of a source's stored mentions each topic matched, per hour of arrival. */
@Entity('signal_source_topic_hours')
export class SignalSourceTopicHour {
  @PrimaryColumn({ type: 'uuid' })
  sourceId: string;

  @PrimaryColumn({ type: 'uuid' })
  topicId: string;

  @PrimaryColumn({ type: 'timestamptz' })
  hourStart: Date;

  @Column({ type: 'int', default: 0 })
  mentions: number;
}

/**
 * The compact reject log: refused items counted per source, hour, path, field and reason (the reason without the
 * item's position), with the last time seen. Bounded by the distinct reasons, whatever the volume.
 */
@Entity('signal_rejects')
export class SignalReject {
  @PrimaryColumn({ type: 'uuid' })
  sourceId: string;

  @PrimaryColumn({ type: 'timestamptz' })
  hourStart: Date;

  @PrimaryColumn({ type: 'varchar', length: 20 })
  via: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  field: string;

  @PrimaryColumn({ type: 'varchar', length: 300 })
  reason: string;

  @Column({ type: 'int', default: 0 })
  count: number;

  @Column({ type: 'timestamptz' })
  lastAt: Date;
}
