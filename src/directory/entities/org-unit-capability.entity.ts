import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { OrgUnit } from './org-unit.entity.js';

/**
 * Functions are dated capabilities, never hard-coded unit names: press_state_management belonged to the
 * Sở Thông tin và Truyền thông until 2025-02-28 and to the Sở Văn hóa, Thể thao và Du lịch from 2025-03-01.
 */
export enum Capability {
  PressStateManagement = 'press_state_management',
  SpokespersonRegistry = 'spokesperson_registry',
  FakeNewsResponse = 'fake_news_response',
  CyberPolice = 'cyber_police',
  PressCentre = 'press_centre',
  PartyPropaganda = 'party_propaganda',
  LegalReview = 'legal_review',
  SocialListening = 'social_listening',
  PublicHealth = 'public_health',
  DigitalTransformation = 'digital_transformation',
}

@Entity('org_unit_capabilities')
@Index(['capability', 'validFrom'])
@Check('CHK_org_unit_capabilities_valid_range', '"valid_to" IS NULL OR "valid_to" >= "valid_from"')
export class OrgUnitCapability {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  orgUnitId: string;

  @ManyToOne(() => OrgUnit, (u) => u.capabilities, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'org_unit_id' })
  orgUnit?: Relation<OrgUnit>;

  @Column({ type: 'enum', enum: Capability, enumName: 'capability' })
  capability: Capability;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  /** The legal text that assigned the function, e.g. "Thông tư 10/2025/TT-BVHTTDL". */
  @Column({ type: 'text', nullable: true })
  legalBasis: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
