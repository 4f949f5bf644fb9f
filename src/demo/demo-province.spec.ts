import { planDirectoryImport } from '../directory/directory-import.plan.js';
import { EMPTY_DIRECTORY } from '../directory/directory-import.types.js';
import { Capability } from '../directory/entities/org-unit-capability.entity.js';
import { isValidOn } from '../directory/temporal.js';
import { DEMO_USERS, demoProvinceDocument } from './demo-province.data.js';

const TODAY = '2026-11-23';

describe('demo province (Tỉnh An Hòa)', () => {
  const doc = demoProvinceDocument(TODAY);
  const { plan, problems } = planDirectoryImport(doc, EMPTY_DIRECTORY, TODAY);

  it('passes every directory rule', () => {
    expect(problems).toEqual([]);
    expect(plan.orgUnits).toHaveLength(doc.orgUnits!.length);
    expect(plan.designations).toHaveLength(doc.designations!.length);
  });

  it('hands press state management from the Sở TTTT to the Sở VHTTDL on 1/3/2025', () => {
    const holder = (on: string) =>
      plan.capabilities
        .filter((c) => c.capability === Capability.PressStateManagement && isValidOn(c, on))
        .map((c) => plan.orgUnits.find((u) => u.id === c.orgUnitId)!.name);
    expect(holder('2024-11-03')).toEqual(['Sở Thông tin và Truyền thông tỉnh An Hòa']);
    expect(holder('2025-06-01')).toEqual(['Sở Văn hóa, Thể thao và Du lịch tỉnh An Hòa']);
  });

  it('has no district after 30/6/2025 and communes under the province from 1/7/2025', () => {
    const province = plan.orgUnits.find((u) => u.unitType === 'province')!;
    const on = (date: string, type: string) =>
      plan.orgUnits.filter((u) => u.unitType === type && isValidOn(u, date));
    expect(on('2025-06-30', 'district')).toHaveLength(2);
    expect(on('2025-07-01', 'district')).toHaveLength(0);
    const communes = on('2025-07-01', 'commune_ward');
    expect(communes.length).toBeGreaterThanOrEqual(5);
    expect(communes.every((c) => c.parentId === province.id)).toBe(true);
  });

  it('keeps one authorised spokesperson, for one matter, running around today', () => {
    const authorized = plan.designations.filter((d) => d.kind === 'authorized');
    expect(authorized).toHaveLength(1);
    expect(authorized[0].matter).toBeTruthy();
    expect(isValidOn(authorized[0], TODAY)).toBe(true);
  });

  it('gives each working role a login tied to a person of the directory', () => {
    expect(new Set(DEMO_USERS.flatMap((u) => u.roles))).toEqual(
      new Set(['leader', 'officer', 'analyst', 'observer']),
    );
    const emails = new Set(plan.people.map((p) => p.email));
    expect(DEMO_USERS.every((u) => emails.has(u.email))).toBe(true);
  });
});
