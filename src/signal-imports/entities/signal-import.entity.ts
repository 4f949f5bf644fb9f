import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ImportMapping } from '../import-mapping.js';

export type SignalImportStatus = 'uploaded' | 'running' | 'done' | 'failed';
export type SignalImportFormat = 'csv' | 'xlsx';

/** The saved column mapping of a source: set once, reused by every later file of the same export. */
@Entity('signal_import_mappings')
export class SignalImportMapping {
  @PrimaryColumn({ type: 'uuid' })
  sourceId: string;

  @Column({ type: 'jsonb' })
  mapping: ImportMapping;

  @Column({ type: 'uuid', nullable: true })
  updatedByUserId: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** One uploaded file and its import: the file waits on disk until it is imported or discarded. */
@Entity('signal_imports')
export class SignalImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  sourceId: string;

  @Column({ type: 'uuid' })
  createdByUserId: string;

  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Column({ type: 'varchar', length: 10 })
  format: SignalImportFormat;

  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  sizeBytes: number;

  /** SHA-256 of the file: the same export uploaded twice is recognisable. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** Under SIGNAL_IMPORT_DIR; null once the file is deleted (after the import). */
  @Column({ type: 'varchar', length: 500, nullable: true, select: false })
  storedPath: string | null;

  /** Column headers found in the file's first row. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  headers: string[];

  @Column({ type: 'varchar', length: 20, default: 'uploaded' })
  status: SignalImportStatus;

  /** The mapping this import ran with (a copy: the source's saved one may change later). */
  @Column({ type: 'jsonb', nullable: true })
  mapping: ImportMapping | null;

  @Column({ type: 'int', default: 0 })
  rowsRead: number;

  @Column({ type: 'int', default: 0 })
  accepted: number;

  @Column({ type: 'int', default: 0 })
  duplicates: number;

  @Column({ type: 'int', default: 0 })
  rejected: number;

  /** Why the whole import was refused (nothing was written), in Vietnamese. */
  @Column({ type: 'text', nullable: true })
  fatalError: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}

/** A row refused by an import: row number as the spreadsheet shows it (header = row 1), column, reason. */
@Entity('signal_import_errors')
export class SignalImportError {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Index()
  @Column({ type: 'uuid' })
  importId: string;

  @Column({ type: 'int' })
  rowNumber: number;

  @Column({ type: 'varchar', length: 255, nullable: true })
  column: string | null;

  @Column({ type: 'varchar', length: 500 })
  reason: string;
}
