import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OrgUnit, OrgUnitType } from '../../src/directory/entities/org-unit.entity.js';
import { Person } from '../../src/directory/entities/person.entity.js';

const unique = () => randomBytes(4).toString('hex');

/** Small factories with unique values: tests never rely on shared seed rows. */
export async function makeOrgUnit(ds: DataSource, patch: Partial<OrgUnit> = {}): Promise<OrgUnit> {
  const repo = ds.getRepository(OrgUnit);
  return repo.save(
    repo.create({
      code: `T-${unique()}`,
      name: `Đơn vị thử ${unique()}`,
      unitType: OrgUnitType.Department,
      validFrom: '2020-01-01',
      validTo: null,
      parentId: null,
      ...patch,
    }),
  );
}

export async function makePerson(
  ds: DataSource,
  orgUnitId: string,
  patch: Partial<Person> = {},
): Promise<Person> {
  const repo = ds.getRepository(Person);
  return repo.save(
    repo.create({
      fullName: `Nguyễn Văn ${unique()}`,
      position: 'Chuyên viên',
      orgUnitId,
      email: `${unique()}@anhoa.example.vn`,
      tags: [],
      ...patch,
    }),
  );
}

/** A province with one department and one commune below it. */
export async function makeProvinceTree(ds: DataSource) {
  const province = await makeOrgUnit(ds, { name: `Tỉnh thử ${unique()}`, unitType: OrgUnitType.Province });
  const department = await makeOrgUnit(ds, { name: 'Sở Y tế', parentId: province.id });
  const commune = await makeOrgUnit(ds, {
    name: 'Phường An Hòa',
    unitType: OrgUnitType.CommuneWard,
    parentId: province.id,
  });
  const otherProvince = await makeOrgUnit(ds, {
    name: `Tỉnh khác ${unique()}`,
    unitType: OrgUnitType.Province,
  });
  return { province, department, commune, otherProvince };
}
