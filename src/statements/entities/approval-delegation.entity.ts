import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An approver hands their decisions on one matter (an incident) to a deputy for a period (mirrors the
 * spokesperson authorization of NĐ 09/2017: one matter, an end date, no sub-delegation).
 */
@Entity('approval_delegations')
@Index(['delegateUserId', 'incidentId'])
@Check('CHK_approval_delegations_range', '"valid_to" > "valid_from"')
@Check('CHK_approval_delegations_self', '"delegate_user_id" <> "delegator_user_id"')
export class ApprovalDelegation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  delegatorUserId: string;

  @Column({ type: 'uuid' })
  delegateUserId: string;

  @Column({ type: 'uuid' })
  incidentId: string;

  /** The matter, in words (as in the written authorization). */
  @Column({ type: 'text' })
  matter: string;

  @Column({ type: 'timestamptz' })
  validFrom: Date;

  @Column({ type: 'timestamptz' })
  validTo: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
