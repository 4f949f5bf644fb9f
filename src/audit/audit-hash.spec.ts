import { auditHash, GENESIS_HASH, HashedFields } from './audit-hash.js';

describe('auditHash', () => {
  const row: HashedFields = {
    id: '1',
    occurredAt: new Date('2026-03-01T08:00:00.000Z'),
    actorUserId: null,
    action: 'org_unit.create',
    entityType: 'org_unit',
    entityId: 'abc',
    data: { name: 'Sở Văn hóa, Thể thao và Du lịch', b: 1, a: [1, 2] },
    correlationId: null,
    prevHash: GENESIS_HASH,
  };

  it('is independent of key order in data', () => {
    const reordered = { ...row, data: { a: [1, 2], b: 1, name: 'Sở Văn hóa, Thể thao và Du lịch' } };
    expect(auditHash(reordered)).toBe(auditHash(row));
  });

  it('changes when any field changes', () => {
    const base = auditHash(row);
    expect(auditHash({ ...row, action: 'org_unit.update' })).not.toBe(base);
    expect(auditHash({ ...row, data: { ...row.data, b: 2 } })).not.toBe(base);
    expect(auditHash({ ...row, prevHash: 'f'.repeat(64) })).not.toBe(base);
    expect(auditHash(row)).toMatch(/^[0-9a-f]{64}$/);
  });
});
