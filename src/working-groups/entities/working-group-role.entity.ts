import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The role catalogue of a Tổ công tác (DOMAIN.md "Roles in a working group"), seeded by the migration. What a
 * role may do with statements is data: editors co-draft, approvers decide, observers only read.
 */
@Entity('working_group_roles')
export class WorkingGroupRole {
  /** Stable key used by rules and members: team_leader, spokesperson, police_liaison, … */
  @PrimaryColumn({ type: 'varchar', length: 50 })
  key: string;

  /** Vietnamese name as written in the decision, e.g. "Tổ trưởng". */
  @Column({ type: 'varchar', length: 200 })
  nameVi: string;

  /** Vietnamese duties, listed in the decision forming the group. */
  @Column({ type: 'text' })
  duties: string;

  @Column({ type: 'boolean', default: false })
  canEditStatements: boolean;

  @Column({ type: 'boolean', default: false })
  canApprove: boolean;

  /** Observers read and take part in the room but neither edit nor approve. */
  @Column({ type: 'boolean', default: false })
  observer: boolean;

  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}
