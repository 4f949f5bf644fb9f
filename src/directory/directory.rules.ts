import { AppError, ErrorCode } from '../common/app-error.js';
import type { FieldError } from '../common/validation.js';
import { DesignationKind } from './entities/spokesperson-designation.entity.js';
import { SuccessionKind } from './entities/org-unit-succession.entity.js';
import { covers, DateInterval, describeInterval, isValidOn, overlaps } from './temporal.js';

/**
 * The directory's business rules as pure functions over plain data. The HTTP services and the bulk importer
 * (and so the demo province) load their context differently but judge it with these same functions.
 * Field names are the API's (parentId, personId, grantedByPersonId…); the importer maps them to its own.
 */

export interface RuleProblem {
  field: string;
  message: string;
  code: ErrorCode;
}

/** Tag that marks the head of an agency (người đứng đầu) on a person of that unit. */
export const HEAD_TAG = 'head';

export interface UnitFacts extends DateInterval {
  id: string;
  name: string;
}

export interface PersonFacts {
  id: string;
  fullName: string;
  orgUnitId: string;
  tags: string[];
  active: boolean;
}

function problem(code: ErrorCode, field: string, message: string): RuleProblem {
  return { code, field, message };
}
const invalid = (field: string, message: string) => problem(ErrorCode.VALIDATION_FAILED, field, message);
const conflict = (field: string, message: string) => problem(ErrorCode.CONFLICT, field, message);
const designation = (field: string, message: string) =>
  problem(ErrorCode.DESIGNATION_INVALID, field, message);

function rangeProblems(interval: DateInterval): RuleProblem[] {
  return interval.validTo !== null && interval.validTo < interval.validFrom
    ? [invalid('validTo', `không được trước ngày bắt đầu (${interval.validFrom})`)]
    : [];
}

/**
 * Head of agency: a person attached to the unit itself and tagged `head`. People are not dated, so for a unit
 * that still operates only active people count; for a unit that has ended, its people are kept as the record
 * of who served there and count whatever their active flag.
 */
export function isHeadOf(person: PersonFacts, unit: UnitFacts, today: string): boolean {
  return (
    person.orgUnitId === unit.id &&
    person.tags.includes(HEAD_TAG) &&
    (person.active || (unit.validTo !== null && unit.validTo < today))
  );
}

// ---------------------------------------------------------------------------------------------- org units

/** A unit's own interval, and its parent's interval must contain it (a unit cannot outlive its parent). */
export function orgUnitProblems(unit: DateInterval, parent: UnitFacts | null): RuleProblem[] {
  const out = rangeProblems(unit);
  if (out.length) return out;
  if (parent && !covers(parent, unit)) {
    out.push(
      invalid(
        'parentId',
        `đơn vị cấp trên “${parent.name}” có hiệu lực ${describeInterval(parent)}, ` +
          `không bao trùm thời gian hiệu lực của đơn vị này (${describeInterval(unit)})`,
      ),
    );
  }
  return out;
}

/** Two units may share an official code only at different times (a code is reused after a reorganisation). */
export function codeOverlapProblems(
  unit: DateInterval & { code: string },
  sameCode: (DateInterval & { name: string })[],
): RuleProblem[] {
  const clash = sameCode.find((other) => overlaps(unit, other));
  if (!clash) return [];
  return [
    conflict(
      'code',
      `mã ${unit.code} đã được dùng cho “${clash.name}” ${describeInterval(clash)}; ` +
        'hai đơn vị chỉ được dùng chung mã ở những thời gian khác nhau',
    ),
  ];
}

// ------------------------------------------------------------------------------------------- capabilities

export interface CapabilityDraft extends DateInterval {
  capability: string;
}

export function capabilityProblems(
  cap: CapabilityDraft,
  unit: UnitFacts,
  sameUnitCapabilities: CapabilityDraft[],
): RuleProblem[] {
  const out = rangeProblems(cap);
  if (out.length) return out;
  if (!covers(unit, cap)) {
    out.push(
      invalid(
        cap.validFrom < unit.validFrom ? 'validFrom' : 'validTo',
        `chức năng phải nằm trong thời gian hiệu lực của “${unit.name}” (${describeInterval(unit)})`,
      ),
    );
  }
  const clash = sameUnitCapabilities.find((c) => c.capability === cap.capability && overlaps(c, cap));
  if (clash) {
    out.push(
      conflict(
        'validFrom',
        `“${unit.name}” đã có chức năng ${cap.capability} ${describeInterval(clash)}; hãy kết thúc bản ghi đó trước`,
      ),
    );
  }
  return out;
}

// -------------------------------------------------------------------------------------------- successions

export interface SuccessionDraft {
  kind: SuccessionKind;
  effectiveOn: string;
}

export function successionProblems(
  s: SuccessionDraft,
  predecessor: UnitFacts,
  successor: UnitFacts,
): RuleProblem[] {
  if (predecessor.id === successor.id) {
    return [invalid('successorId', 'một đơn vị không thể là đơn vị kế thừa của chính nó')];
  }
  const out: RuleProblem[] = [];
  if (s.effectiveOn <= predecessor.validFrom) {
    out.push(
      invalid(
        'effectiveOn',
        `phải sau ngày bắt đầu của đơn vị tiền thân “${predecessor.name}” (${predecessor.validFrom})`,
      ),
    );
  }
  if (!isValidOn(successor, s.effectiveOn)) {
    out.push(
      invalid(
        'effectiveOn',
        `đơn vị kế thừa “${successor.name}” không có hiệu lực vào ngày ${s.effectiveOn} (${describeInterval(successor)})`,
      ),
    );
  }
  // Merging and renaming end the predecessor; a split may leave it in place.
  if (
    (s.kind === SuccessionKind.MergedInto || s.kind === SuccessionKind.RenamedTo) &&
    (predecessor.validTo === null || predecessor.validTo >= s.effectiveOn)
  ) {
    out.push(
      invalid(
        'effectiveOn',
        `với ${s.kind}, đơn vị tiền thân “${predecessor.name}” phải kết thúc trước ngày ${s.effectiveOn} ` +
          `(hiện có hiệu lực ${describeInterval(predecessor)}); hãy đặt ngày kết thúc cho đơn vị đó trước`,
      ),
    );
  }
  return out;
}

/** Whether adding predecessor→successor closes a loop in the succession graph. */
export function wouldCreateSuccessionCycle(
  edges: { predecessorId: string; successorId: string }[],
  predecessorId: string,
  successorId: string,
): boolean {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.predecessorId, [...(next.get(e.predecessorId) ?? []), e.successorId]);
  const seen = new Set<string>();
  const stack = [successorId];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === predecessorId) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(next.get(id) ?? []));
  }
  return false;
}

// ---------------------------------------------------------------------------- spokesperson designations

export interface DesignationDraft extends DateInterval {
  kind: DesignationKind;
  matter: string | null;
  grantedByPersonId: string | null;
}

export interface DesignationContext {
  today: string;
  unit: UnitFacts;
  person: PersonFacts;
  /** The person is attached to the unit itself or to a unit below it. */
  personInUnitTree: boolean;
  granter: PersonFacts | null;
  /** The granter holds an authorised-spokesperson designation of this unit on the designation's first day. */
  granterIsAuthorizedSpokesperson: boolean;
  /** Another regular designation of the same person for the same unit that overlaps this one. */
  overlappingSpokesperson: DateInterval | null;
}

/** What the designation must carry for its kind (NĐ 09/2017: one matter, an end date, a signer). */
export function designationFieldProblems(d: DesignationDraft): RuleProblem[] {
  const out = rangeProblems(d);
  if (d.kind === DesignationKind.Authorized) {
    if (!d.matter?.trim()) {
      out.push(invalid('matter', 'bắt buộc với người được ủy quyền phát ngôn: ghi rõ vụ việc được ủy quyền'));
    }
    if (d.validTo === null) {
      out.push(invalid('validTo', 'bắt buộc với người được ủy quyền phát ngôn: ủy quyền phải có thời hạn'));
    }
    if (!d.grantedByPersonId) {
      out.push(
        invalid(
          'grantedByPersonId',
          'bắt buộc với người được ủy quyền phát ngôn: người đứng đầu ký văn bản ủy quyền',
        ),
      );
    }
  } else if (d.matter !== null) {
    out.push(
      invalid(
        'matter',
        'chỉ dùng cho người được ủy quyền phát ngôn; người phát ngôn thường xuyên phát ngôn mọi vấn đề',
      ),
    );
  }
  return out;
}

export function designationProblems(d: DesignationDraft, ctx: DesignationContext): RuleProblem[] {
  const out = designationFieldProblems(d);
  if (out.length) return out;
  const { unit, person, granter } = ctx;

  if (!isValidOn(unit, d.validFrom)) {
    out.push(
      designation(
        'validFrom',
        `đơn vị “${unit.name}” không có hiệu lực vào ngày ${d.validFrom} (${describeInterval(unit)})`,
      ),
    );
  } else if (!covers(unit, d)) {
    out.push(
      designation(
        'validTo',
        `phải kết thúc không muộn hơn ngày đơn vị “${unit.name}” chấm dứt (${unit.validTo})`,
      ),
    );
  }
  if (!ctx.personInUnitTree) {
    out.push(
      designation(
        'personId',
        `${person.fullName} không thuộc “${unit.name}” hay đơn vị trực thuộc; ` +
          'người phát ngôn phải là cán bộ của cơ quan (hoặc đơn vị trực thuộc)',
      ),
    );
  }
  if (!person.active && (d.validTo === null || d.validTo >= ctx.today)) {
    out.push(designation('personId', `${person.fullName} không còn hoạt động trong danh bạ`));
  }
  if (ctx.overlappingSpokesperson && d.kind === DesignationKind.Spokesperson) {
    out.push(
      conflict(
        'validFrom',
        `${person.fullName} đã là người phát ngôn của “${unit.name}” ${describeInterval(ctx.overlappingSpokesperson)}`,
      ),
    );
  }
  if (granter) {
    const granterIsHead = isHeadOf(granter, unit, ctx.today);
    if (granter.id === person.id) {
      out.push(
        designation('grantedByPersonId', 'không thể tự giao hoặc tự ủy quyền phát ngôn cho chính mình'),
      );
    } else if (ctx.granterIsAuthorizedSpokesperson && !granterIsHead) {
      out.push(
        designation(
          'grantedByPersonId',
          `${granter.fullName} chỉ là người được ủy quyền phát ngôn của “${unit.name}” và không được ủy quyền lại ` +
            'cho người khác (Nghị định 09/2017/NĐ-CP)',
        ),
      );
    } else if (!granterIsHead) {
      out.push(
        designation(
          'grantedByPersonId',
          `${granter.fullName} không phải người đứng đầu “${unit.name}” (người của đơn vị có nhãn “${HEAD_TAG}”); ` +
            'chỉ người đứng đầu mới giao hoặc ủy quyền phát ngôn',
        ),
      );
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ errors

export function toFieldErrors(problems: RuleProblem[]): FieldError[] {
  return problems.map((p) => ({
    field: p.field,
    messages: [`${p.field}: ${p.message}`],
    constraints: [p.code],
  }));
}

/** Turns rule problems into one domain error: input problems first, then conflicts, then designation rules. */
export function problemsError(problems: RuleProblem[]): AppError {
  const code = problems.some((p) => p.code === ErrorCode.VALIDATION_FAILED)
    ? ErrorCode.VALIDATION_FAILED
    : problems.some((p) => p.code === ErrorCode.CONFLICT)
      ? ErrorCode.CONFLICT
      : problems[0].code;
  const relevant = problems.filter((p) => p.code === code);
  return new AppError(
    code,
    relevant.map((p) => `${p.field}: ${p.message}`).join('; '),
    toFieldErrors(relevant),
  );
}

export function assertNoProblems(problems: RuleProblem[]): void {
  if (problems.length) throw problemsError(problems);
}

/** A body field names a row that does not exist (400, naming the field). */
export function missingReference(field: string, what: string, id: string): AppError {
  return problemsError([invalid(field, `không tìm thấy ${what} ${id}`)]);
}
