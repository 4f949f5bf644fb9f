import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** A source's stored webhook secrets, as credentials reads them. */
export interface SourceSecretsRow {
  id: string;
  active: boolean;
  secret: string;
  previousSecret: string | null;
  /** Whether the previous secret is still within its grace period. */
  previousValid: boolean;
}

/** SQL of the signal sources: their secrets and the lock of a unit's manual source. */
@Injectable()
export class SignalSourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Two first reports of one unit must not both create its manual source: held until the transaction ends. */
  async lockManualSource(manager: EntityManager, orgUnitId: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`manual-source:${orgUnitId}`]);
  }

  /** The source's current secret, row-locked for a rotation (null when there is no such source). */
  async lockedSecret(manager: EntityManager, id: string): Promise<string | null> {
    const [row] = await manager.query(`SELECT secret FROM signal_sources WHERE id = $1 FOR UPDATE`, [id]);
    return row ? (row.secret as string) : null;
  }

  /** The source's secrets and whether the previous one is still valid now (null when there is no such source). */
  async secrets(id: string): Promise<SourceSecretsRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT id, active, secret, previous_secret, previous_secret_valid_until > now() AS previous_valid
       FROM signal_sources WHERE id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      id: row.id,
      active: row.active,
      secret: row.secret,
      previousSecret: row.previous_secret,
      previousValid: Boolean(row.previous_valid),
    };
  }
}
