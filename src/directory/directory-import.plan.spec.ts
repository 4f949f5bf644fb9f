import { ImportInput, planDirectoryImport } from './directory-import.plan.js';
import { EMPTY_DIRECTORY, ExistingDirectory } from './directory-import.types.js';
import { Capability } from './entities/org-unit-capability.entity.js';
import { OrgUnitType } from './entities/org-unit.entity.js';
import { SuccessionKind } from './entities/org-unit-succession.entity.js';
import { DesignationKind } from './entities/spokesperson-designation.entity.js';

const TODAY = '2026-11-23';

function province(): ImportInput {
  return {
    orgUnits: [
      // Children before their parent: the importer orders rows itself.
      {
        code: 'T-SO',
        name: 'Sở Thử nghiệm',
        unitType: OrgUnitType.Department,
        parentCode: 'T-UB',
        validFrom: '2000-01-01',
      },
      { code: 'T', name: 'Tỉnh Thử', unitType: OrgUnitType.Province, validFrom: '2000-01-01' },
      {
        code: 'T-UB',
        name: 'UBND tỉnh Thử',
        unitType: OrgUnitType.ProvincialCommittee,
        parentCode: 'T',
        validFrom: '2000-01-01',
      },
      {
        code: '001',
        name: 'Xã Cũ',
        unitType: OrgUnitType.CommuneWard,
        parentCode: 'T',
        validFrom: '2000-01-01',
        validTo: '2025-06-30',
      },
      {
        code: '001',
        name: 'Xã Mới',
        unitType: OrgUnitType.CommuneWard,
        parentCode: 'T',
        validFrom: '2025-07-01',
      },
    ],
    capabilities: [
      { orgUnitCode: 'T-SO', capability: Capability.PressStateManagement, validFrom: '2025-03-01' },
    ],
    successions: [
      {
        predecessorCode: '001',
        successorCode: '001',
        kind: SuccessionKind.MergedInto,
        effectiveOn: '2025-07-01',
      },
    ],
    people: [
      {
        fullName: 'Chủ Tịch',
        position: 'Chủ tịch',
        orgUnitCode: 'T-UB',
        email: 'CT@Example.vn',
        tags: ['head'],
      },
      { key: 'k-pgd', fullName: 'Phó Giám Đốc', position: 'Phó Giám đốc', orgUnitCode: 'T-SO' },
    ],
    designations: [
      {
        person: 'k-pgd',
        orgUnitCode: 'T-UB',
        kind: DesignationKind.Authorized,
        matter: 'Một vụ việc',
        validFrom: '2026-11-01',
        validTo: '2026-12-31',
        grantedBy: 'ct@example.vn',
      },
    ],
  };
}

describe(planDirectoryImport.name, () => {
  it('plans a consistent document: parents first, references resolved, reused codes told apart by date', () => {
    const { plan, problems } = planDirectoryImport(province(), EMPTY_DIRECTORY, TODAY);
    expect(problems).toEqual([]);
    expect(plan.orgUnits.map((u) => u.code)).toEqual(['T', 'T-UB', '001', '001', 'T-SO']);
    const byName = new Map(plan.orgUnits.map((u) => [u.name, u]));
    expect(byName.get('T-SO' as never)).toBeUndefined();
    const so = plan.orgUnits.find((u) => u.code === 'T-SO')!;
    expect(so.parentId).toBe(byName.get('UBND tỉnh Thử')!.id);
    expect(plan.successions[0]).toMatchObject({
      predecessorId: byName.get('Xã Cũ')!.id,
      successorId: byName.get('Xã Mới')!.id,
    });
    expect(plan.people[0].email).toBe('ct@example.vn');
    expect(plan.designations[0]).toMatchObject({
      personId: plan.people[1].id,
      grantedByPersonId: plan.people[0].id,
      orgUnitId: byName.get('UBND tỉnh Thử')!.id,
    });
  });

  it('reports every bad row with its section, index and field', () => {
    const doc = province();
    doc.orgUnits!.push({
      code: 'X',
      name: 'Đơn vị lỗi',
      unitType: 'nope',
      validFrom: '2025-02-30',
      extra: 1,
    });
    doc.capabilities!.push({
      orgUnitCode: 'KHONG-CO',
      capability: Capability.CyberPolice,
      validFrom: '2025-01-01',
    });
    doc.people!.push({
      fullName: 'Trùng',
      position: 'Chuyên viên',
      orgUnitCode: 'T-SO',
      email: 'ct@example.vn',
    });
    doc.designations!.push({
      person: 'k-pgd',
      orgUnitCode: 'T-UB',
      kind: DesignationKind.Authorized,
      validFrom: '2026-11-01',
      grantedBy: 'ct@example.vn',
    });
    const { problems } = planDirectoryImport(doc, EMPTY_DIRECTORY, TODAY);
    const found = problems.map(({ section, index, field }) => `${section}[${index}].${field}`);
    expect(found).toEqual([
      'orgUnits[5].extra',
      'orgUnits[5].unitType',
      'orgUnits[5].validFrom',
      'capabilities[1].orgUnitCode',
      'people[2].email',
      'designations[1].matter',
      'designations[1].validTo',
    ]);
    expect(problems.find((p) => p.field === 'validFrom')!.message).toBe(
      'validFrom: phải là ngày hợp lệ theo dạng YYYY-MM-DD',
    );
    expect(problems.find((p) => p.field === 'extra')!.message).toBe('extra: trường không được phép');
  });

  it('asks for the start date when a reused code is ambiguous for the date', () => {
    const doc = province();
    // Code 001 names two communes; neither existed in 1990, so the date cannot pick one.
    doc.capabilities = [{ orgUnitCode: '001', capability: Capability.PublicHealth, validFrom: '1990-01-01' }];
    const { problems } = planDirectoryImport(doc, EMPTY_DIRECTORY, TODAY);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ section: 'capabilities', index: 0, field: 'orgUnitCode' });
    expect(problems[0].message).toContain('ngày bắt đầu hiệu lực');
    doc.capabilities = [
      {
        orgUnitCode: '001',
        orgUnitValidFrom: '2000-01-01',
        capability: Capability.PublicHealth,
        validFrom: '2001-01-01',
        validTo: '2025-06-30',
      },
    ];
    expect(planDirectoryImport(doc, EMPTY_DIRECTORY, TODAY).problems).toEqual([]);
  });

  it('refuses sub-delegation whichever row comes first', () => {
    const doc = province();
    doc.people!.push({ key: 'k-cv', fullName: 'Chuyên Viên', position: 'Chuyên viên', orgUnitCode: 'T-SO' });
    // The sub-delegated row comes before the authorisation of its granter.
    doc.designations!.unshift({
      person: 'k-cv',
      orgUnitCode: 'T-UB',
      kind: DesignationKind.Authorized,
      matter: 'Một vụ việc',
      validFrom: '2026-11-10',
      validTo: '2026-11-30',
      grantedBy: 'k-pgd',
    });
    const { problems } = planDirectoryImport(doc, EMPTY_DIRECTORY, TODAY);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ section: 'designations', index: 0, field: 'grantedBy' });
    expect(problems[0].message).toContain('không được ủy quyền lại');
  });

  it('checks against what is already stored', () => {
    const existing: ExistingDirectory = {
      ...EMPTY_DIRECTORY,
      units: [
        {
          id: 'u-t',
          code: 'T',
          name: 'Tỉnh Thử',
          unitType: OrgUnitType.Province,
          parentId: null,
          validFrom: '2000-01-01',
          validTo: null,
        },
      ],
      people: [
        { id: 'p-1', fullName: 'Người Cũ', email: 'ct@example.vn', orgUnitId: 'u-t', tags: [], active: true },
      ],
    };
    const { problems } = planDirectoryImport(province(), existing, TODAY);
    expect(problems.map((p) => `${p.section}[${p.index}].${p.field}`)).toEqual([
      'orgUnits[1].code',
      'people[0].email',
      // The authorisation's granter now resolves to the stored person, who is not the head of T-UB.
      'designations[0].grantedBy',
    ]);
  });

  it('refuses rows that are not objects', () => {
    const { problems } = planDirectoryImport({ orgUnits: [42, null] }, EMPTY_DIRECTORY, TODAY);
    expect(problems).toEqual([
      { section: 'orgUnits', index: 0, field: '', message: 'mỗi dòng phải là một đối tượng JSON' },
      { section: 'orgUnits', index: 1, field: '', message: 'mỗi dòng phải là một đối tượng JSON' },
    ]);
  });
});
