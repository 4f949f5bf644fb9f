import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Where candidates for a role come from (evaluated on the incident's date). */
export interface CandidateSource {
  /**
   * responsible_unit: the responsible unit and the units below it, falling back to its parent, then up;
   * capability: the units holding `capability` on the date; unit: the unit with `unitCode` on the date;
   * designation: the responsible unit's spokespersons on the date (NĐ 09/2017/NĐ-CP).
   */
  from: 'responsible_unit' | 'capability' | 'unit' | 'designation';
  capability?: string;
  unitCode?: string;
  /** The person carries one of these skill tags. */
  tags?: string[];
  /** The person's position contains this text (accent-insensitive). */
  position?: string;
}

export interface RoleRequirement {
  role: string;
  count: number;
  /** The group counts as assembled once every required role has accepted members. */
  required: boolean;
  sources: CandidateSource[];
}

/** Seconds to acknowledge an invitation, by incident severity. */
export type AckDeadlines = Record<'L1' | 'L2' | 'L3' | 'L4', number>;

/**
 * An assembly rule, versioned: a rule matches an incident by category, severity and responsible unit (the
 * rule's unit or one of its ancestors) on the incident's date; the highest priority, then the newest version
 * wins. Rules are never edited: a new version is added (POST /api/working-group-rules).
 */
@Entity('working_group_rules')
@Index(['key', 'version'], { unique: true })
export class AssemblyRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  key: string;

  @Column({ type: 'int' })
  version: number;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'int', default: 0 })
  priority: number;

  /** Empty: every category. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories: string[];

  @Column({ type: 'varchar', length: 2, default: 'L1' })
  minSeverity: string;

  /** Null: every unit; else incidents whose responsible unit is this unit or lies below it. */
  @Column({ type: 'uuid', nullable: true })
  orgUnitId: string | null;

  @Column({ type: 'jsonb' })
  roles: RoleRequirement[];

  @Column({ type: 'jsonb' })
  ackDeadlineSeconds: AckDeadlines;

  @Column({ type: 'date' })
  effectiveFrom: string;

  @Column({ type: 'date', nullable: true })
  effectiveTo: string | null;

  @Column({ type: 'text', nullable: true })
  legalBasis: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
