import { DOCUMENT_TYPE_CODES, headOf, issuerCode, parentAgencyLine } from '../documents/document-symbols.js';
import type { IssuerUnit } from '../documents/document-symbols.js';
import { markdownBlocks } from '../documents/markdown-blocks.js';
import type { OfficialDocument } from '../documents/official-document.js';
import type { IssuedDocument } from '../documents/register/document-register.service.js';
import { signatureFor } from '../documents/signature.js';
import { StatementType } from './statement-types.js';

/**
 * The form each statement type is issued in: a named document with its type abbreviation (a notice "TB", a
 * communiqué "TC"), or a letter (công văn: no type abbreviation, a "V/v" subject under the number).
 */
export const STATEMENT_DOCUMENT_FORM: Record<StatementType, { typeCode: string; name: string | null }> = {
  [StatementType.HoldingStatement]: { typeCode: DOCUMENT_TYPE_CODES.notice, name: 'THÔNG TIN BAN ĐẦU' },
  [StatementType.PressRelease]: { typeCode: DOCUMENT_TYPE_CODES.communique, name: 'THÔNG CÁO BÁO CHÍ' },
  [StatementType.SpokespersonStatement]: { typeCode: DOCUMENT_TYPE_CODES.notice, name: 'NỘI DUNG PHÁT NGÔN' },
  [StatementType.PressAnswer]: { typeCode: DOCUMENT_TYPE_CODES.letter, name: null },
  [StatementType.CorrectionRequest]: { typeCode: DOCUMENT_TYPE_CODES.letter, name: null },
  [StatementType.TakedownRequest]: { typeCode: DOCUMENT_TYPE_CODES.letter, name: null },
  [StatementType.SocialPost]: { typeCode: DOCUMENT_TYPE_CODES.notice, name: 'THÔNG BÁO' },
  [StatementType.QaSheet]: { typeCode: DOCUMENT_TYPE_CODES.notice, name: 'HỎI - ĐÁP' },
};

const RECIPIENTS: Partial<Record<StatementType, string[]>> = {
  [StatementType.PressAnswer]: ['Như trên;', 'Lưu: VT.'],
  [StatementType.CorrectionRequest]: ['Như trên;', 'Lưu: VT.'],
  [StatementType.TakedownRequest]: ['Như trên;', 'Lưu: VT.'],
};

/** "Đề nghị cải chính" → "đề nghị cải chính": a subject line continues "V/v". */
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi-VN') + s.slice(1);

export interface StatementDocumentInput {
  type: StatementType;
  version: { number: number; title: string; body: string; sha256: string };
  /** The responsible unit as the incident recorded it, with its type and short name from the directory. */
  unit: IssuerUnit;
  parent: IssuerUnit | null;
  placeName: string | null;
  issued: IssuedDocument | null;
  signer: { fullName: string; position: string; unit: IssuerUnit } | null;
}

/** A statement version as the official document it is issued as: what the approver reads and signs. */
export function statementDocument(input: StatementDocumentInput): OfficialDocument {
  const form = STATEMENT_DOCUMENT_FORM[input.type];
  const letter = form.name === null;
  const signer = input.signer;
  const signature = signer
    ? signatureFor({ ...headOf(signer.unit), position: signer.position, fullName: signer.fullName })
    : signatureFor({ ...headOf(input.unit), position: null, fullName: null });
  return {
    parentAgency: parentAgencyLine(input.parent),
    agency: input.unit.name,
    number: {
      number: input.issued?.number ?? null,
      typeCode: form.typeCode,
      issuerCode: input.issued?.issuerCode ?? issuerCode(input.unit),
    },
    subjectLine: letter ? `V/v ${lowerFirst(input.version.title)}` : undefined,
    placeName: input.placeName ?? '',
    issuedAt: input.issued?.issuedAt ?? null,
    title: form.name ?? '',
    subtitle: letter ? '' : input.version.title,
    blocks: markdownBlocks(input.version.body),
    recipients: RECIPIENTS[input.type] ?? [
      'Các cơ quan báo chí;',
      'Cổng thông tin điện tử của đơn vị;',
      'Lưu: VT.',
    ],
    signature,
    sha256: input.version.sha256,
    documentName: `${form.name ?? 'Công văn'}: ${input.version.title} (phiên bản ${input.version.number})`,
  };
}
