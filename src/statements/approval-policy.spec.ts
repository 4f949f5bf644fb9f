import { Severity } from '../incidents/incident-types.js';
import type { ApprovalPolicy } from './entities/approval-policy.entity.js';
import { applicablePolicies, matchPreApproved } from './approval-policy.js';

const policy = (patch: Partial<ApprovalPolicy>): ApprovalPolicy =>
  ({
    id: patch.key ?? 'p',
    key: 'p',
    version: 1,
    name: 'p',
    priority: 0,
    statementTypes: [],
    minSeverity: null,
    maxSeverity: null,
    orgUnitId: null,
    fastPath: false,
    stages: [],
    effectiveFrom: '2017-01-01',
    effectiveTo: null,
    legalBasis: null,
    createdAt: new Date(),
    ...patch,
  }) as ApprovalPolicy;

const ctx = {
  statementType: 'holding_statement',
  severity: Severity.L2,
  unitLineage: ['unit-a', 'province'],
  day: '2026-12-01',
  fastPathEligible: false,
};

describe('approval policies', () => {
  const standard = policy({ key: 'standard' });
  const fast = policy({ key: 'fast', priority: 10, fastPath: true, statementTypes: ['holding_statement'] });
  const provincial = policy({ key: 'prov', priority: 5, minSeverity: 'L3' });
  const unitOnly = policy({ key: 'unit', priority: 3, orgUnitId: 'unit-b' });
  const ended = policy({ key: 'ended', priority: 20, effectiveTo: '2026-06-30' });
  const v2 = policy({ key: 'standard', version: 2 });
  const all = [standard, fast, provincial, unitOnly, ended, v2];

  it('takes the fast path only when the text is made of pre-approved lines', () => {
    expect(applicablePolicies(all, ctx)[0]).toBe(v2);
    expect(applicablePolicies(all, { ...ctx, fastPathEligible: true })[0]).toBe(fast);
  });

  it('matches on severity, unit lineage and dates', () => {
    expect(applicablePolicies(all, { ...ctx, severity: Severity.L4 })[0]).toBe(provincial);
    expect(applicablePolicies(all, { ...ctx, unitLineage: ['unit-b'] })[0]).toBe(unitOnly);
    expect(applicablePolicies(all, { ...ctx, day: '2026-01-01' })[0]).toBe(ended);
  });

  it('recognizes a body built from pre-approved lines with placeholders filled', () => {
    const lines = [
      {
        id: 'l1',
        text: '{don_vi} đã nắm được thông tin về {su_viec} và đang khẩn trương kiểm tra, xác minh.',
      },
      { id: 'l2', text: 'Thông tin tiếp theo sẽ được cập nhật vào {thoi_gian_cap_nhat}.' },
    ];
    const ok = matchPreApproved(
      'Sở Y tế tỉnh An Hòa đã nắm được thông tin về vụ ngộ độc tại trường Tiểu học Hòa Bình và đang khẩn trương kiểm tra, xác minh.\n\n- Thông tin tiếp theo sẽ được cập nhật vào 17 giờ ngày 02/12/2026.',
      lines,
    );
    expect(ok).toEqual({ eligible: true, matchedLineIds: ['l1', 'l2'], unmatched: [] });
    const added = matchPreApproved(
      'Sở Y tế đã nắm được thông tin về vụ việc và đang khẩn trương kiểm tra, xác minh.\nNguyên nhân ban đầu là do thực phẩm ôi thiu.',
      lines,
    );
    expect(added.eligible).toBe(false);
    expect(added.unmatched).toEqual(['Nguyên nhân ban đầu là do thực phẩm ôi thiu.']);
    expect(matchPreApproved('', lines).eligible).toBe(false);
    // A placeholder holds a filling, not sentences of its own.
    const smuggled = matchPreApproved(
      'Sở Y tế đã nắm được thông tin về vụ việc. Nguyên nhân là do nhà cung cấp và đang khẩn trương kiểm tra, xác minh.',
      lines,
    );
    expect(smuggled.eligible).toBe(false);
    const contact = matchPreApproved(
      'Thông tin tiếp theo sẽ được cập nhật vào 17 giờ ngày 02/12/2026 tại anhoa.gov.vn.',
      lines,
    );
    expect(contact.eligible).toBe(true);
  });
});
