import { addMonths, cadenceRuleFor, cadenceStatus, requiredIn } from './cadence.js';

const rule = (
  id: string,
  orgUnitId: string | null,
  intervalMonths: number,
  from: string,
  to: string | null = null,
) => ({
  id,
  orgUnitId,
  intervalMonths,
  effectiveFrom: from,
  effectiveTo: to,
  legalSource: 'test',
});

describe('press conference cadence', () => {
  const rules = [
    rule('default', null, 3, '2017-02-09'),
    rule('province-monthly', 'province', 1, '2026-01-01', '2026-06-30'),
    rule('department-own', 'department', 2, '2026-03-01'),
  ];

  it('picks the unit’s own rule, then the nearest ancestor’s, then the default, as dated', () => {
    expect(cadenceRuleFor(rules, ['department', 'province'], '2026-04-01')?.id).toBe('department-own');
    expect(cadenceRuleFor(rules, ['department', 'province'], '2026-02-01')?.id).toBe('province-monthly');
    expect(cadenceRuleFor(rules, ['commune', 'province'], '2026-07-01')?.id).toBe('default');
    expect(cadenceRuleFor(rules, ['commune'], '2016-12-31')).toBeNull();
  });

  it('adds calendar months, keeping month ends', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
  });

  it('is late once the interval since the last conference has passed', () => {
    expect(
      cadenceStatus({
        intervalMonths: 3,
        lastHeld: '2026-08-01',
        dutySince: '2017-02-09',
        today: '2026-11-01',
      }),
    ).toEqual({
      dueBy: '2026-11-01',
      late: false,
      daysLate: 0,
    });
    expect(
      cadenceStatus({ intervalMonths: 1, lastHeld: null, dutySince: '2026-10-01', today: '2026-11-11' }),
    ).toEqual({
      dueBy: '2026-11-01',
      late: true,
      daysLate: 10,
    });
  });

  it('requires one conference per whole interval of the period', () => {
    expect(requiredIn('2026-01-01', '2026-12-31', 3)).toBe(4);
    expect(requiredIn('2026-01-01', '2026-03-31', 3)).toBe(1);
    expect(requiredIn('2026-01-01', '2026-03-30', 3)).toBe(0);
    expect(requiredIn('2026-01-01', '2026-12-31', 1)).toBe(12);
  });
});
