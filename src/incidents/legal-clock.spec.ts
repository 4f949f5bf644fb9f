import { DeadlineRule, DeadlineUnit } from './entities/deadline-rule.entity.js';
import { IncidentCategory, Severity } from './incident-types.js';
import { todayInVietnam } from '../common/dates.js';
import { computeDeadlines } from './legal-clock.js';

const rule = (patch: Partial<DeadlineRule>): DeadlineRule =>
  ({
    id: patch.key ?? 'r',
    key: 'initial_information',
    label: 'Cung cấp thông tin ban đầu cho báo chí',
    value: 24,
    unit: DeadlineUnit.Hours,
    anchor: 'detected',
    categories: [],
    minSeverity: null,
    effectiveFrom: '2026-07-01',
    effectiveTo: null,
    legalSource: 'Luật Báo chí 2025',
    note: null,
    ...patch,
  }) as DeadlineRule;

const RULES = [
  rule({
    id: 'old',
    value: 1,
    unit: DeadlineUnit.Days,
    effectiveFrom: '2013-01-01',
    effectiveTo: '2026-06-30',
    legalSource: 'QĐ 25/2013',
  }),
  rule({ id: 'new' }),
  rule({
    id: 'takedown',
    key: 'platform_takedown',
    anchor: 'takedown_requested',
    effectiveFrom: '2024-12-25',
  }),
  rule({
    id: 'fake-only',
    key: 'vafc_report',
    value: 6,
    categories: [IncidentCategory.FakeNews],
    minSeverity: Severity.L3,
  }),
];

describe(computeDeadlines.name, () => {
  it('uses the rule in force on the detection date (Vietnam time), not today', () => {
    const before = computeDeadlines(
      RULES,
      {
        detectedAt: new Date('2026-06-30T10:00:00+07:00'),
        category: IncidentCategory.Other,
        severity: Severity.L2,
      },
      new Date('2026-06-30T12:00:00+07:00'),
    );
    const info = before.find((d) => d.key === 'initial_information')!;
    expect(info.rule.legalSource).toBe('QĐ 25/2013');
    expect(info.dueAt).toBe(new Date('2026-07-01T10:00:00+07:00').toISOString());

    // The date boundary is midnight in Vietnam (UTC+7), not in UTC.
    expect(todayInVietnam(new Date('2026-06-30T16:30:00Z'))).toBe('2026-06-30');
    expect(todayInVietnam(new Date('2026-06-30T17:30:00Z'))).toBe('2026-07-01');
    const after = computeDeadlines(RULES, {
      detectedAt: new Date('2026-06-30T17:30:00Z'),
      category: IncidentCategory.Other,
      severity: Severity.L2,
    });
    expect(after.find((d) => d.key === 'initial_information')!.rule.legalSource).toBe('Luật Báo chí 2025');
  });

  it('reports remaining time and overdue status', () => {
    const detectedAt = new Date('2026-11-01T08:00:00+07:00');
    const [d] = computeDeadlines(
      [RULES[1]],
      { detectedAt, category: IncidentCategory.Other, severity: Severity.L1 },
      new Date('2026-11-02T09:00:00+07:00'),
    );
    expect(d.overdue).toBe(true);
    expect(d.remainingMs).toBe(-3_600_000);
  });

  it('starts anchored clocks only when their act happened', () => {
    const incident = {
      detectedAt: new Date('2026-11-01T08:00:00+07:00'),
      category: IncidentCategory.FakeNews,
      severity: Severity.L2,
    };
    const pending = computeDeadlines(RULES, incident).find((d) => d.key === 'platform_takedown')!;
    expect(pending.dueAt).toBeNull();
    expect(pending.overdue).toBe(false);
    const started = computeDeadlines(RULES, incident, new Date('2026-11-01T09:00:00+07:00'), {
      takedown_requested: new Date('2026-11-01T08:30:00+07:00'),
    }).find((d) => d.key === 'platform_takedown')!;
    expect(started.dueAt).toBe(new Date('2026-11-02T08:30:00+07:00').toISOString());
  });

  it('filters by category and minimum severity', () => {
    const base = { detectedAt: new Date('2026-11-01T08:00:00+07:00') };
    const keys = (category: IncidentCategory, severity: Severity) =>
      computeDeadlines(RULES, { ...base, category, severity }).map((d) => d.key);
    expect(keys(IncidentCategory.FakeNews, Severity.L3)).toContain('vafc_report');
    expect(keys(IncidentCategory.FakeNews, Severity.L2)).not.toContain('vafc_report');
    expect(keys(IncidentCategory.PublicHealth, Severity.L4)).not.toContain('vafc_report');
  });
});
