import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { registerTypeOf } from '../document-symbols.js';
import { formatVi } from '../format-vi.js';
import type { DocumentNumber } from '../official-document.js';
import { DocumentRegisterRepository } from './document-register.repository.js';
import type { IssuedDocumentRow } from './document-register.repository.js';

/** What is numbered: a statement version when first published, a review report when its review is completed. */
export type IssuedSubjectKind = 'statement_version' | 'review_report';

export interface IssueRequest {
  orgUnitId: string;
  /** BC, TB, TC, …; empty for a letter (registered under "CV"). */
  typeCode: string;
  issuerCode: string;
  subjectKind: IssuedSubjectKind;
  subjectId: string;
  issuedAt: Date;
  issuedByUserId: string | null;
}

export interface IssuedDocument {
  number: number;
  typeCode: string;
  issuerCode: string;
  issuedAt: Date;
  year: number;
}

const view = (r: IssuedDocumentRow, typeCode: string): IssuedDocument => ({
  number: r.number,
  typeCode,
  issuerCode: r.issuerCode,
  issuedAt: new Date(r.issuedAt),
  year: r.year,
});

/**
 * The document register (sổ đăng ký văn bản đi) of each issuing unit. A number is taken when a document is issued,
 * inside the caller's transaction (the same one that records the publication or completes the review): per unit,
 * Vietnam year and document type, from 1, without gaps or duplicates; the same subject keeps its first number.
 */
@Injectable()
export class DocumentRegisterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: DocumentRegisterRepository,
  ) {}

  async issue(manager: EntityManager, req: IssueRequest): Promise<IssuedDocument> {
    await this.repository.lockSubject(manager, req.subjectKind, req.subjectId);
    const existing = await this.repository.findBySubject(manager, req.subjectKind, req.subjectId);
    if (existing) return view(existing, req.typeCode);
    const year = formatVi.year(req.issuedAt);
    const docType = registerTypeOf(req.typeCode);
    const number = await this.repository.takeNumber(manager, req.orgUnitId, year, docType);
    const row = await this.repository.insertIssued(manager, {
      orgUnitId: req.orgUnitId,
      year,
      docType,
      number,
      issuerCode: req.issuerCode,
      subjectKind: req.subjectKind,
      subjectId: req.subjectId,
      issuedAt: req.issuedAt,
      issuedByUserId: req.issuedByUserId,
    });
    return view(row, req.typeCode);
  }

  /** The number a subject was issued under, or null while it is a draft. */
  async find(
    subjectKind: IssuedSubjectKind,
    subjectId: string,
    typeCode: string,
  ): Promise<IssuedDocument | null> {
    const row = await this.repository.findBySubject(this.dataSource.manager, subjectKind, subjectId);
    return row ? view(row, typeCode) : null;
  }

  async findMany(
    subjectKind: IssuedSubjectKind,
    subjectIds: string[],
  ): Promise<Map<string, IssuedDocumentRow>> {
    const rows = await this.repository.findBySubjects(this.dataSource.manager, subjectKind, subjectIds);
    return new Map(rows.map((r) => [r.subjectId, r]));
  }
}

/** The number line's parts from an issued document, or the draft's ("Số: …/TB-UBND"). */
export function documentNumberOf(
  issued: IssuedDocument | null,
  typeCode: string,
  issuerCode: string,
): DocumentNumber {
  return issued
    ? { number: issued.number, typeCode, issuerCode: issued.issuerCode }
    : { number: null, typeCode, issuerCode };
}
