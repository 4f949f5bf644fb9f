/** The audit log as the administration reads it. Plain TypeScript: no Nest or TypeORM imports. */

export interface AuditEntry {
  /** A bigint, sent as a string. */
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: Record<string, unknown>;
  correlationId: string | null;
  prevHash: string;
  hash: string;
}

export interface AuditPage {
  items: AuditEntry[];
  /** Pass as `beforeId` for the next (older) page; null on the last one. */
  nextBeforeId: string | null;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBrokenId?: string;
  reason?: string;
}
