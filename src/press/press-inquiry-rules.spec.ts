import type { DeadlineRule, DeadlineUnit } from '../incidents/entities/deadline-rule.entity.js';
import { isPressDeskRule, rulesInForce } from '../incidents/legal-clock.js';
import { IncidentCategory, Severity } from '../incidents/incident-types.js';
import { inquiryRule } from './press-inquiries.service.js';
import { canTransition, InquiryStatus, INQUIRY_RULE_ANCHOR } from './press-inquiry-types.js';

const rule = (patch: Partial<DeadlineRule>): DeadlineRule =>
  ({
    id: patch.key ?? 'r',
    key: 'press_inquiry_answer',
    label: 'Trả lời đề nghị cung cấp thông tin của cơ quan báo chí',
    value: 7,
    unit: 'days' as DeadlineUnit,
    anchor: INQUIRY_RULE_ANCHOR,
    categories: [],
    minSeverity: null,
    effectiveFrom: '2017-02-09',
    effectiveTo: '2026-06-30',
    legalSource: 'Quy chế phát ngôn của đơn vị',
    stoppedByStatementTypes: [],
    note: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    ...patch,
  }) as DeadlineRule;

describe('press inquiry rules', () => {
  const old = rule({ id: 'old' });
  const current = rule({ id: 'new', value: 5, effectiveFrom: '2026-07-01', effectiveTo: null });

  it('takes the rule in force on the day of receipt in Vietnam, not in UTC', () => {
    // 30/6/2026 23:30 in Hà Nội is still the old rule's last day; 1/7/2026 00:30 is the new one's first.
    expect(inquiryRule([old, current], 'press_inquiry_answer', new Date('2026-06-30T16:30:00Z'))?.id).toBe(
      'old',
    );
    expect(inquiryRule([old, current], 'press_inquiry_answer', new Date('2026-06-30T17:30:00Z'))?.id).toBe(
      'new',
    );
    expect(
      inquiryRule([old, current], 'press_briefing_answer', new Date('2026-06-30T17:30:00Z')),
    ).toBeUndefined();
  });

  it('keeps the press desk clocks off incidents', () => {
    const initial = rule({
      id: 'initial',
      key: 'initial_information',
      anchor: 'detected',
      effectiveTo: null,
    });
    expect(isPressDeskRule(current)).toBe(true);
    expect(
      rulesInForce([old, current, initial], {
        detectedAt: new Date('2026-12-03T02:00:00Z'),
        category: IncidentCategory.Other,
        severity: Severity.L2,
      }).map((r) => r.id),
    ).toEqual(['initial']);
  });

  it('declares the status machine as data: answered or declined only from review, nothing after the end', () => {
    expect(canTransition(InquiryStatus.Received, InquiryStatus.Assigned)).toBe(true);
    expect(canTransition(InquiryStatus.Received, InquiryStatus.Answered)).toBe(false);
    expect(canTransition(InquiryStatus.InReview, InquiryStatus.Answered)).toBe(true);
    expect(canTransition(InquiryStatus.InReview, InquiryStatus.Declined)).toBe(true);
    expect(canTransition(InquiryStatus.InReview, InquiryStatus.Transferred)).toBe(false);
    for (const end of [InquiryStatus.Answered, InquiryStatus.Declined, InquiryStatus.Transferred]) {
      for (const to of Object.values(InquiryStatus)) expect(canTransition(end, to)).toBe(false);
    }
  });
});
