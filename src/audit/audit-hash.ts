import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface HashedFields {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: Record<string, unknown>;
  correlationId: string | null;
  prevHash: string;
}

/** SHA-256 over the RFC 8785 canonical JSON of the row (keys sorted, numbers and strings normalised). */
export function auditHash(row: HashedFields): string {
  const canonical = canonicalize({
    id: String(row.id),
    occurredAt: row.occurredAt.toISOString(),
    actorUserId: row.actorUserId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    data: row.data,
    correlationId: row.correlationId,
    prevHash: row.prevHash,
  });
  return createHash('sha256').update(canonical!, 'utf8').digest('hex');
}
