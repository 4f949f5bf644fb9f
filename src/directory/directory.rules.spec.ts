import { ErrorCode } from '../common/app-error.js';
import {
  capabilityProblems,
  codeOverlapProblems,
  designationProblems,
  DesignationContext,
  DesignationDraft,
  isHeadOf,
  orgUnitProblems,
  PersonFacts,
  problemsError,
  successionProblems,
  UnitFacts,
  wouldCreateSuccessionCycle,
} from './directory.rules.js';
import { SuccessionKind } from './entities/org-unit-succession.entity.js';
import { DesignationKind } from './entities/spokesperson-designation.entity.js';

const TODAY = '2026-11-23';
const committee: UnitFacts = { id: 'ubnd', name: 'UBND tỉnh An Hòa', validFrom: '1992-01-01', validTo: null };
const ict: UnitFacts = { id: 'stttt', name: 'Sở TTTT', validFrom: '2008-04-01', validTo: '2025-02-28' };
const chairman: PersonFacts = {
  id: 'p1',
  fullName: 'Nguyễn Văn Thành',
  orgUnitId: 'ubnd',
  tags: ['head'],
  active: true,
};
const deputyHealth: PersonFacts = {
  id: 'p2',
  fullName: 'La Thị Kim Oanh',
  orgUnitId: 'syt',
  tags: [],
  active: true,
};
const authorizedOnly: PersonFacts = {
  id: 'p3',
  fullName: 'Trần Văn Ủy',
  orgUnitId: 'ubnd',
  tags: [],
  active: true,
};

function authorized(patch: Partial<DesignationDraft> = {}): DesignationDraft {
  return {
    kind: DesignationKind.Authorized,
    matter: 'Dịch sốt xuất huyết',
    validFrom: '2026-11-01',
    validTo: '2027-01-31',
    grantedByPersonId: chairman.id,
    ...patch,
  };
}

function context(patch: Partial<DesignationContext> = {}): DesignationContext {
  return {
    today: TODAY,
    unit: committee,
    person: deputyHealth,
    personInUnitTree: true,
    granter: chairman,
    granterIsAuthorizedSpokesperson: false,
    overlappingSpokesperson: null,
    ...patch,
  };
}

const fields = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('directory rules', () => {
  describe('designations', () => {
    it('accepts an authorisation for one matter, with an end date, signed by the head', () => {
      expect(designationProblems(authorized(), context())).toEqual([]);
    });

    it('requires matter, end date and signer for an authorised spokesperson, naming each field', () => {
      const problems = designationProblems(
        authorized({ matter: null, validTo: null, grantedByPersonId: null }),
        context({ granter: null }),
      );
      expect(fields(problems)).toEqual(['matter', 'validTo', 'grantedByPersonId']);
      expect(problems.every((p) => p.code === ErrorCode.VALIDATION_FAILED)).toBe(true);
      expect(problems[0].message).toContain('vụ việc');
      expect(problems[1].message).toContain('thời hạn');
    });

    it('refuses a matter on a regular spokesperson designation', () => {
      const problems = designationProblems(
        { ...authorized(), kind: DesignationKind.Spokesperson, validTo: null },
        context(),
      );
      expect(fields(problems)).toEqual(['matter']);
    });

    it('refuses sub-delegation by someone who is only an authorised spokesperson', () => {
      const problems = designationProblems(
        authorized({ grantedByPersonId: authorizedOnly.id }),
        context({ granter: authorizedOnly, granterIsAuthorizedSpokesperson: true }),
      );
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ field: 'grantedByPersonId', code: ErrorCode.DESIGNATION_INVALID });
      expect(problems[0].message).toContain('không được ủy quyền lại');
    });

    it('lets only the head of the unit sign', () => {
      const deputy: PersonFacts = { ...authorizedOnly, tags: ['deputy_head'] };
      const [problem] = designationProblems(
        authorized({ grantedByPersonId: deputy.id }),
        context({ granter: deputy }),
      );
      expect(problem).toMatchObject({ field: 'grantedByPersonId', code: ErrorCode.DESIGNATION_INVALID });
      expect(problem.message).toContain('người đứng đầu');
    });

    it('refuses self-authorisation', () => {
      const [problem] = designationProblems(
        authorized({ grantedByPersonId: chairman.id }),
        context({ person: chairman, granter: chairman }),
      );
      expect(problem.field).toBe('grantedByPersonId');
    });

    it('requires the unit to be valid on the first day and the person to belong to it', () => {
      const onEnded = designationProblems(
        {
          kind: DesignationKind.Spokesperson,
          matter: null,
          validFrom: '2025-03-01',
          validTo: null,
          grantedByPersonId: null,
        },
        context({ unit: ict, granter: null, personInUnitTree: false }),
      );
      expect(fields(onEnded)).toEqual(['validFrom', 'personId']);
      expect(onEnded.every((p) => p.code === ErrorCode.DESIGNATION_INVALID)).toBe(true);
    });

    it('refuses a designation that outlives its unit', () => {
      const [problem] = designationProblems(
        {
          kind: DesignationKind.Spokesperson,
          matter: null,
          validFrom: '2021-03-01',
          validTo: null,
          grantedByPersonId: null,
        },
        context({ unit: ict, granter: null }),
      );
      expect(problem.field).toBe('validTo');
      expect(problem.message).toContain('2025-02-28');
    });

    it('allows a past designation of someone no longer active, not a current one', () => {
      const former = { ...deputyHealth, active: false };
      const past = {
        kind: DesignationKind.Spokesperson,
        matter: null,
        validFrom: '2021-03-01',
        validTo: '2025-02-28',
        grantedByPersonId: null,
      };
      expect(designationProblems(past, context({ person: former, granter: null }))).toEqual([]);
      const current = { ...past, validTo: null };
      expect(fields(designationProblems(current, context({ person: former, granter: null })))).toEqual([
        'personId',
      ]);
    });
  });

  it('counts as head an active person of the unit tagged head, or anyone so tagged in an ended unit', () => {
    expect(isHeadOf(chairman, committee, TODAY)).toBe(true);
    expect(isHeadOf({ ...chairman, active: false }, committee, TODAY)).toBe(false);
    expect(isHeadOf({ ...chairman, orgUnitId: 'other' }, committee, TODAY)).toBe(false);
    expect(isHeadOf({ ...chairman, orgUnitId: ict.id, active: false }, ict, TODAY)).toBe(true);
  });

  it('keeps a unit inside its parent’s lifetime', () => {
    const district: UnitFacts = {
      id: 'd',
      name: 'Huyện Tân Phú',
      validFrom: '1992-01-01',
      validTo: '2025-06-30',
    };
    expect(orgUnitProblems({ validFrom: '2020-01-01', validTo: '2025-06-30' }, district)).toEqual([]);
    expect(fields(orgUnitProblems({ validFrom: '2025-07-01', validTo: null }, district))).toEqual([
      'parentId',
    ]);
    expect(fields(orgUnitProblems({ validFrom: '2025-07-01', validTo: '2025-01-01' }, null))).toEqual([
      'validTo',
    ]);
  });

  it('lets a code be reused only at another time', () => {
    const old = [{ code: '99201', name: 'Thị trấn Tân Phú', validFrom: '2020-01-01', validTo: '2025-06-30' }];
    expect(codeOverlapProblems({ code: '99201', validFrom: '2025-07-01', validTo: null }, old)).toEqual([]);
    const [clash] = codeOverlapProblems({ code: '99201', validFrom: '2025-06-01', validTo: null }, old);
    expect(clash).toMatchObject({ field: 'code', code: ErrorCode.CONFLICT });
  });

  it('keeps capabilities inside the unit’s lifetime and without overlap', () => {
    const press = { capability: 'press_state_management', validFrom: '2008-04-01', validTo: '2025-02-28' };
    expect(capabilityProblems(press, ict, [])).toEqual([]);
    expect(fields(capabilityProblems({ ...press, validTo: null }, ict, []))).toEqual(['validTo']);
    const clash = capabilityProblems({ ...press, validFrom: '2024-01-01' }, ict, [press]);
    expect(clash).toMatchObject([{ field: 'validFrom', code: ErrorCode.CONFLICT }]);
  });

  it('checks succession dates by kind', () => {
    const science: UnitFacts = { id: 'skhcn', name: 'Sở KH&CN', validFrom: '1993-06-01', validTo: null };
    expect(
      successionProblems({ kind: SuccessionKind.MergedInto, effectiveOn: '2025-03-01' }, ict, science),
    ).toEqual([]);
    const stillOpen = { ...ict, validTo: null };
    expect(
      fields(
        successionProblems(
          { kind: SuccessionKind.MergedInto, effectiveOn: '2025-03-01' },
          stillOpen,
          science,
        ),
      ),
    ).toEqual(['effectiveOn']);
    // A split may leave the predecessor in place.
    expect(
      successionProblems({ kind: SuccessionKind.SplitFrom, effectiveOn: '2025-03-01' }, stillOpen, science),
    ).toEqual([]);
    expect(
      fields(successionProblems({ kind: SuccessionKind.RenamedTo, effectiveOn: '2025-03-01' }, ict, ict)),
    ).toEqual(['successorId']);
  });

  it('detects succession loops', () => {
    const edges = [
      { predecessorId: 'a', successorId: 'b' },
      { predecessorId: 'b', successorId: 'c' },
    ];
    expect(wouldCreateSuccessionCycle(edges, 'c', 'a')).toBe(true);
    expect(wouldCreateSuccessionCycle(edges, 'a', 'c')).toBe(false);
  });

  it('turns problems into one error, input problems first', () => {
    const error = problemsError([
      { field: 'grantedByPersonId', message: 'x', code: ErrorCode.DESIGNATION_INVALID },
      { field: 'matter', message: 'bắt buộc', code: ErrorCode.VALIDATION_FAILED },
    ]);
    expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
    expect(error.message).toBe('matter: bắt buộc');
    expect(error.details).toEqual([
      { field: 'matter', messages: ['matter: bắt buộc'], constraints: [ErrorCode.VALIDATION_FAILED] },
    ]);
  });
});
