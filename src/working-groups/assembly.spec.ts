import { chooseRule, matterMatches, rankCandidates, requirementsFor, treeDistance } from './assembly.js';
import type { AssemblyContext, UnitOnDate } from './assembly.js';
import type { AssemblyRule } from './entities/assembly-rule.entity.js';

const units = new Map<string, UnitOnDate>(
  [
    { id: 'prov', parentId: null, code: '99', name: 'Tỉnh' },
    { id: 'ubnd', parentId: 'prov', code: 'UBND', name: 'UBND tỉnh' },
    { id: 'dept', parentId: 'ubnd', code: 'SYT', name: 'Sở Y tế' },
    { id: 'press', parentId: 'ubnd', code: 'SVH', name: 'Sở VHTTDL' },
    { id: 'police', parentId: 'prov', code: 'CA', name: 'Công an tỉnh' },
  ].map((u) => [u.id, u]),
);

const person = (id: string, orgUnitId: string, tags: string[], fullName = id, position = 'Chuyên viên') => ({
  id,
  fullName,
  position,
  orgUnitId,
  tags,
});

function context(over: Partial<AssemblyContext> = {}): AssemblyContext {
  return {
    date: '2026-02-01',
    responsibleUnitId: 'dept',
    units,
    people: [],
    capabilityUnits: new Map([['press_state_management', ['press']]]),
    designations: [],
    incidentText: 'Tin đồn về dịch sốt xuất huyết',
    away: new Set(),
    load: new Map(),
    ...over,
  };
}

const rule = (over: Partial<AssemblyRule>): AssemblyRule =>
  ({
    id: over.key ?? 'r',
    key: 'r',
    version: 1,
    name: 'r',
    priority: 0,
    categories: [],
    minSeverity: 'L1',
    orgUnitId: null,
    roles: [],
    ackDeadlineSeconds: { L1: 1, L2: 1, L3: 1, L4: 1 },
    effectiveFrom: '2017-01-01',
    effectiveTo: null,
    legalBasis: null,
    createdAt: new Date(),
    ...over,
  }) as AssemblyRule;

describe('working group assembly', () => {
  it('chooses the matching rule with the highest priority, then the newest version', () => {
    const rules = [
      rule({ key: 'general', version: 1 }),
      rule({ key: 'general', version: 2 }),
      rule({ key: 'fake', priority: 10, categories: ['fake_news'] }),
      rule({ key: 'health', priority: 20, orgUnitId: 'dept', minSeverity: 'L3' }),
      rule({ key: 'old', priority: 99, effectiveTo: '2020-01-01' }),
    ];
    const on = (category: string, severity: string, chain: string[]) =>
      chooseRule(rules, { category, severity, date: '2026-02-01' }, chain)?.key +
      '@' +
      chooseRule(rules, { category, severity, date: '2026-02-01' }, chain)?.version;
    expect(on('other', 'L2', ['press', 'ubnd', 'prov'])).toBe('general@2');
    expect(on('fake_news', 'L2', ['press', 'ubnd', 'prov'])).toBe('fake@1');
    expect(on('fake_news', 'L3', ['dept', 'ubnd', 'prov'])).toBe('health@1');
    expect(on('fake_news', 'L2', ['dept', 'ubnd', 'prov'])).toBe('fake@1');
  });

  it('always requires a police liaison for fake news', () => {
    const roles = requirementsFor(rule({ roles: [] }), 'fake_news');
    expect(roles).toEqual([expect.objectContaining({ role: 'police_liaison', required: true })]);
    expect(requirementsFor(rule({ roles: [] }), 'other')).toEqual([]);
  });

  it('matches an authorised matter accent-insensitively, by the matter or a run of four words', () => {
    const matter = 'Thông tin về dịch sốt xuất huyết trên địa bàn tỉnh';
    expect(matterMatches(matter, 'Tin đồn về DICH SOT XUAT huyết')).toBe(true);
    expect(matterMatches(matter, 'Tin đồn về giá xăng trên địa bàn')).toBe(false);
  });

  it('measures closeness in the tree', () => {
    expect(treeDistance(units, 'dept', 'dept')).toBe(0);
    expect(treeDistance(units, 'press', 'dept')).toBe(2);
    expect(treeDistance(units, 'police', 'dept')).toBe(3);
  });

  it('ranks by load, then closeness, skips people away, and falls back to the parent unit', () => {
    const ctx = context({
      people: [
        person('busy', 'dept', ['drafting'], 'A'),
        person('free', 'ubnd', ['drafting'], 'B'),
        person('away', 'dept', ['drafting'], 'C'),
        person('far', 'press', ['drafting'], 'D'),
      ],
      away: new Set(['away']),
      load: new Map([['busy', 2]]),
    });
    const req = {
      role: 'drafter',
      count: 1,
      required: true,
      sources: [{ from: 'responsible_unit' as const, tags: ['drafting'] }],
    };
    const ranked = rankCandidates(ctx, req, new Set());
    expect(ranked.map((c) => c.person.id)).toEqual(['busy']);
    // Nobody suitable left in the unit itself: its parent's tree is searched.
    const fallback = rankCandidates(ctx, req, new Set(['busy']));
    expect(fallback.map((c) => c.person.id)).toEqual(['free', 'far']);
    expect(fallback[0].reason).toContain('đơn vị cấp trên (UBND tỉnh)');
  });

  it('takes spokespersons from designations only: an authorised one for a matching matter, before its end', () => {
    const ctx = context({
      people: [person('regular', 'dept', []), person('authorised', 'ubnd', [])],
      designations: [
        { personId: 'regular', kind: 'spokesperson', matter: null, validTo: null, decisionRef: '1/QĐ' },
        {
          personId: 'authorised',
          kind: 'authorized',
          matter: 'dịch sốt xuất huyết',
          validTo: '2026-03-01',
          decisionRef: '2/UBND',
        },
      ],
    });
    const req = {
      role: 'spokesperson',
      count: 1,
      required: true,
      sources: [{ from: 'designation' as const }],
    };
    expect(rankCandidates(ctx, req, new Set()).map((c) => c.person.id)).toEqual(['authorised', 'regular']);
    expect(
      rankCandidates({ ...ctx, incidentText: 'Giá xăng tăng' }, req, new Set()).map((c) => c.person.id),
    ).toEqual(['regular']);
    expect(rankCandidates({ ...ctx, date: '2026-03-02' }, req, new Set()).map((c) => c.person.id)).toEqual([
      'regular',
    ]);
  });
});
