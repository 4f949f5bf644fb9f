import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../common/validation.js';
import { UnitFacts } from './directory.rules.js';
import { OrgUnitType } from './entities/org-unit.entity.js';
import { describeInterval, isValidOn } from './temporal.js';

/**
 * Reading an import's rows (directory-import.plan.ts, people-csv.ts): one row checked by its DTO class, and
 * units found by code among the stored and the imported ones.
 */

export type RowClass<T> = new () => T;

/** Validates one row with its DTO class; problems carry the row's own field paths. */
export function validateRow<T extends object>(
  cls: RowClass<T>,
  raw: unknown,
): { row: T | null; problems: { field: string; message: string }[] } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { row: null, problems: [{ field: '', message: 'mỗi dòng phải là một đối tượng JSON' }] };
  }
  const row = plainToInstance(cls, raw);
  const errors = validateSync(row, { whitelist: true, forbidNonWhitelisted: true });
  if (!errors.length) return { row, problems: [] };
  return {
    row: null,
    problems: flattenValidationErrors(errors).flatMap((f) =>
      f.messages.map((message) => ({ field: f.field, message })),
    ),
  };
}

export interface UnitEntry extends UnitFacts {
  code: string;
  unitType: OrgUnitType;
  parentId: string | null;
  isNew: boolean;
}

type Resolution<T> = { ok: true; value: T } | { ok: false; message: string };

/** Units by code, stored and imported together, so references resolve the same way whichever side they are. */
export class UnitRegistry {
  readonly byId = new Map<string, UnitEntry>();
  private readonly byCode = new Map<string, UnitEntry[]>();

  add(unit: UnitEntry): void {
    this.byId.set(unit.id, unit);
    this.byCode.set(unit.code, [...(this.byCode.get(unit.code) ?? []), unit]);
  }

  withCode(code: string): UnitEntry[] {
    return this.byCode.get(code) ?? [];
  }

  /**
   * A code names one unit, unless it was reused over time: then `validFrom` picks one, or else the only unit
   * of that code valid on `contextDate` (the day the referring row is about).
   */
  resolve(code: string, validFrom: string | null | undefined, contextDate: string): Resolution<UnitEntry> {
    const candidates = this.withCode(code);
    if (!candidates.length) return { ok: false, message: `không có đơn vị nào mang mã ${code}` };
    if (validFrom) {
      const exact = candidates.find((c) => c.validFrom === validFrom);
      return exact
        ? { ok: true, value: exact }
        : { ok: false, message: `không có đơn vị mã ${code} bắt đầu hiệu lực từ ${validFrom}` };
    }
    if (candidates.length === 1) return { ok: true, value: candidates[0] };
    const onDate = candidates.filter((c) => isValidOn(c, contextDate));
    if (onDate.length === 1) return { ok: true, value: onDate[0] };
    return {
      ok: false,
      message:
        `mã ${code} ứng với ${candidates.length} đơn vị ở các thời kỳ khác nhau ` +
        `(${candidates.map((c) => `“${c.name}” ${describeInterval(c)}`).join('; ')}); ` +
        'hãy ghi thêm ngày bắt đầu hiệu lực của đơn vị cần chỉ',
    };
  }

  /** Whether `unitId` is `rootId` or lies below it. */
  isInSubtree(unitId: string, rootId: string): boolean {
    let current: string | null = unitId;
    for (let depth = 0; current && depth < 100; depth++) {
      if (current === rootId) return true;
      current = this.byId.get(current)?.parentId ?? null;
    }
    return false;
  }
}
