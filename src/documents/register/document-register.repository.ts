import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface IssuedDocumentRow {
  id: string;
  orgUnitId: string;
  year: number;
  docType: string;
  number: number;
  issuerCode: string;
  subjectKind: string;
  subjectId: string;
  issuedAt: Date;
}

const COLUMNS = `id, org_unit_id AS "orgUnitId", year, doc_type AS "docType", number, issuer_code AS "issuerCode",
  subject_kind AS "subjectKind", subject_id AS "subjectId", issued_at AS "issuedAt"`;

/** SQL of the document register: the per-unit, per-year, per-type counters and the documents issued. */
@Injectable()
export class DocumentRegisterRepository {
  /** Serializes issuing for one subject until the caller's transaction ends. */
  async lockSubject(manager: EntityManager, subjectKind: string, subjectId: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
      `issued_documents:${subjectKind}:${subjectId}`,
    ]);
  }

  async findBySubject(
    manager: EntityManager,
    subjectKind: string,
    subjectId: string,
  ): Promise<IssuedDocumentRow | null> {
    const rows: IssuedDocumentRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM issued_documents WHERE subject_kind = $1 AND subject_id = $2`,
      [subjectKind, subjectId],
    );
    return rows[0] ?? null;
  }

  async findBySubjects(
    manager: EntityManager,
    subjectKind: string,
    subjectIds: string[],
  ): Promise<IssuedDocumentRow[]> {
    if (!subjectIds.length) return [];
    return manager.query(
      `SELECT ${COLUMNS} FROM issued_documents WHERE subject_kind = $1 AND subject_id = ANY($2::uuid[])`,
      [subjectKind, subjectIds],
    );
  }

  /**
   * Takes the next number of a register in one statement: the row is created at 1 or incremented under its row
   * lock, so two transactions never get the same number and a rolled-back one gives its number back.
   */
  async takeNumber(
    manager: EntityManager,
    orgUnitId: string,
    year: number,
    docType: string,
  ): Promise<number> {
    const rows: { number: number }[] = await manager.query(
      `INSERT INTO document_registers (org_unit_id, year, doc_type, next_number) VALUES ($1, $2, $3, 2)
       ON CONFLICT (org_unit_id, year, doc_type)
       DO UPDATE SET next_number = document_registers.next_number + 1, updated_at = now()
       RETURNING next_number - 1 AS number`,
      [orgUnitId, year, docType],
    );
    return rows[0].number;
  }

  async insertIssued(
    manager: EntityManager,
    row: Omit<IssuedDocumentRow, 'id'> & { issuedByUserId: string | null },
  ): Promise<IssuedDocumentRow> {
    const rows: IssuedDocumentRow[] = await manager.query(
      `INSERT INTO issued_documents
         (org_unit_id, year, doc_type, number, issuer_code, subject_kind, subject_id, issued_at, issued_by_user_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [
        row.orgUnitId,
        row.year,
        row.docType,
        row.number,
        row.issuerCode,
        row.subjectKind,
        row.subjectId,
        row.issuedAt,
        row.issuedByUserId,
      ],
    );
    return rows[0];
  }
}
