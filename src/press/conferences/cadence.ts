/**
 * The cadence of press conferences (Nghị định 09/2017/NĐ-CP art. 5: at least every three months; provinces may ask
 * for a monthly one): which rule applies to a unit on a day, when its next conference is due and how many a
 * period requires. Pure functions over Vietnam calendar dates (YYYY-MM-DD).
 */

export interface CadenceRuleLike {
  id: string;
  orgUnitId: string | null;
  intervalMonths: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalSource: string;
}

/** Unit types that hold regular press conferences under NĐ 09/2017 (a unit with its own rule is counted too). */
export const CADENCE_UNIT_TYPES = ['ministry', 'province', 'provincial_committee', 'department'];

const inForce = (r: CadenceRuleLike, day: string) =>
  r.effectiveFrom <= day && (r.effectiveTo === null || r.effectiveTo >= day);

/**
 * The rule in force on `day` for a unit: its own, else the nearest ancestor's, else the default (no unit).
 * `chain` is the unit then the units above it, nearest first.
 */
export function cadenceRuleFor<R extends CadenceRuleLike>(
  rules: R[],
  chain: string[],
  day: string,
): R | null {
  for (const unitId of chain) {
    const own = rules.find((r) => r.orgUnitId === unitId && inForce(r, day));
    if (own) return own;
  }
  return rules.find((r) => r.orgUnitId === null && inForce(r, day)) ?? null;
}

/** `day` plus `months` calendar months; the 31st of a shorter month falls on its last day. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

const dayMs = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / dayMs);

/**
 * When the unit's next press conference is due: `intervalMonths` after the last one held, or after the day the
 * duty started (the rule's or the unit's start, whichever is later) when none was held; late once `today` is past.
 */
export function cadenceStatus(input: {
  intervalMonths: number;
  lastHeld: string | null;
  dutySince: string;
  today: string;
}) {
  const dueBy = addMonths(input.lastHeld ?? input.dutySince, input.intervalMonths);
  const daysLate = Math.max(0, daysBetween(dueBy, input.today));
  return { dueBy, late: input.today > dueBy, daysLate };
}

/** Press conferences a period [from, to] (inclusive days) requires: one per whole interval it spans. */
export function requiredIn(from: string, to: string, intervalMonths: number): number {
  const end = new Date(Date.parse(to) + dayMs).toISOString().slice(0, 10);
  let months = 0;
  while (months < 1200 && addMonths(from, months + 1) <= end) months++;
  return Math.floor(months / intervalMonths);
}
