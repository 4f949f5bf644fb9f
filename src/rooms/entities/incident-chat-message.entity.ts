import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { User } from '../../auth/entities/user.entity.js';
import { Incident } from '../../incidents/entities/incident.entity.js';

/**
 * A chat message of a live room. Posted through the one write path (its `chat.posted` event carries the same
 * text); the client-generated id makes a resend after a lost ack return the original message.
 */
@Entity('incident_chat_messages')
@Index(['incidentId', 'clientId'], { unique: true })
export class IncidentChatMessage {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Relation<Incident>;

  @Column({ type: 'varchar', length: 100 })
  clientId: string;

  /** Seq of the `chat.posted` event in the incident timeline. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'uuid' })
  authorUserId: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_user_id' })
  author?: Relation<User>;

  @Column({ type: 'text' })
  text: string;

  /** Users notified by this message (only those who could see the incident). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  mentions: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
