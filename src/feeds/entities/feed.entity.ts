import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** What kind of outlet publishes the feed; it decides the mentions' `sourceType`. */
export enum FeedOutletType {
  /** Báo điện tử. */
  OnlineNews = 'online_news',
  /** Báo in (its website's feed). */
  Print = 'print',
  /** Phát thanh – truyền hình. */
  RadioTv = 'radio_tv',
  /** Tạp chí. */
  Magazine = 'magazine',
  /** Cổng thông tin điện tử (an agency's portal). */
  Portal = 'portal',
}

/** How the last poll ended. */
export enum FeedPollStatus {
  Ok = 'ok',
  NotModified = 'not_modified',
  Error = 'error',
}

/** An item of the last poll that could not become a mention, and why (in Vietnamese). */
export interface FeedReject {
  /** Position of the item in the feed (0-based). */
  index: number;
  title: string | null;
  link: string | null;
  field: string | null;
  reason: string;
}

/**
 * One RSS, Atom or JSON Feed URL polled for a signal source of kind `feed`, with the outlet that publishes it and
 * the health of its polling. The durable timer `feeds.poll` (key `feed:<id>`) drives the polls.
 */
@Entity('feeds')
@Index(['sourceId', 'url'], { unique: true })
export class Feed {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The signal source (kind `feed`) the items are ingested into; it carries the unit. */
  @Column({ type: 'uuid' })
  sourceId: string;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 300 })
  outletName: string;

  @Column({ type: 'enum', enum: FeedOutletType, enumName: 'feed_outlet_type' })
  outletType: FeedOutletType;

  /** Counts as a major outlet for detection (authority rules), whatever the unit's list of major outlets says. */
  @Column({ type: 'boolean', default: false })
  majorOutlet: boolean;

  @Column({ type: 'integer' })
  intervalSeconds: number;

  /** Off: not polled (the timer is cancelled). */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Validators of the last full answer, sent back as If-None-Match / If-Modified-Since. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  etag: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  lastModified: string | null;

  @Column({ type: 'enum', enum: FeedPollStatus, enumName: 'feed_poll_status', nullable: true })
  lastStatus: FeedPollStatus | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastPolledAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSuccessAt: Date | null;

  /** Plain Vietnamese, for the people who run the source. */
  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastErrorAt: Date | null;

  /** Failed polls in a row: the next poll waits interval × 2^(failures − 1) (capped), see FeedPoller. */
  @Column({ type: 'integer', default: 0 })
  consecutiveFailures: number;

  @Column({ type: 'integer', default: 0 })
  lastItemsSeen: number;

  @Column({ type: 'integer', default: 0 })
  lastItemsNew: number;

  @Column({ type: 'bigint', default: 0 })
  itemsSeenTotal: string;

  @Column({ type: 'bigint', default: 0 })
  itemsNewTotal: string;

  @Column({ type: 'jsonb', default: () => `'[]'` })
  lastRejects: FeedReject[];

  @Column({ type: 'timestamptz', nullable: true })
  nextPollAt: Date | null;

  /** A node polling the feed holds it until then: another node (or "poll now") does not fetch it meanwhile. */
  @Column({ type: 'timestamptz', nullable: true })
  pollLeaseUntil: Date | null;

  @Column({ type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
