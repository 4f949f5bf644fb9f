import type { DeadlineRule } from '../incidents/entities/deadline-rule.entity.js';
import { todayInVietnam } from '../common/dates.js';

const UNIT_MS = { minutes: 60_000, hours: 3_600_000, days: 86_400_000 } as const;

/**
 * The due time of a press desk item from the dated deadline rules: the rule of `key` in force on the Vietnam date
 * of `receivedAt` (the rules at receipt, never today's), or null when none was in force.
 */
export function pressDue(
  rules: DeadlineRule[],
  key: string,
  receivedAt: Date,
): { dueAt: Date; rule: DeadlineRule } | null {
  const day = todayInVietnam(receivedAt);
  const rule = rules.find(
    (r) => r.key === key && r.effectiveFrom <= day && (r.effectiveTo === null || r.effectiveTo >= day),
  );
  return rule ? { dueAt: new Date(receivedAt.getTime() + rule.value * UNIT_MS[rule.unit]), rule } : null;
}
