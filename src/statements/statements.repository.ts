import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AppError } from '../common/app-error.js';
import { PreApprovedLine } from './entities/pre-approved-line.entity.js';
import { StatementVersionReview } from './entities/statement-version-review.entity.js';
import { StatementVersion } from './entities/statement-version.entity.js';
import type { ApproverSpec } from './statement-types.js';

/**
 * Custom SQL of the statements module: the approval inbox, the versions with their reviews, the signing step (who approves and who a person is:
 * access/; the incidents' tables: incidents' IncidentReads).
 */
@Injectable()
export class StatementsRepository {
  /** Active stages of versions under review (the inbox is filtered from these by eligibility). */
  async activeStages(manager: EntityManager): Promise<
    {
      stage_id: string;
      statement_id: string;
      incident_id: string;
      approvers: ApproverSpec[];
    }[]
  > {
    return manager.query(
      `SELECT st.id AS stage_id, st.statement_id, s.incident_id, st.approvers
         FROM statement_approval_stages st
         JOIN statements s ON s.id = st.statement_id AND s.status = 'in_review'
        WHERE st.status = 'active'
        ORDER BY st.due_at NULLS LAST`,
    );
  }

  /** The pre-approved lines in force on `day` (a Vietnam date) for a statement type. */
  preApprovedLines(manager: EntityManager, type: string, day: string): Promise<PreApprovedLine[]> {
    return manager
      .getRepository(PreApprovedLine)
      .createQueryBuilder('l')
      .where(':type = ANY(l.statement_types) OR cardinality(l.statement_types) = 0', { type })
      .andWhere('l.effective_from <= :day AND (l.effective_to IS NULL OR l.effective_to >= :day)', { day })
      .getMany();
  }

  /** The next version number of an approval policy key, under a lock on the key held until the transaction ends. */
  async nextPolicyVersion(manager: EntityManager, key: string): Promise<number> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('approval_policy:' || $1))`, [key]);
    const [{ max }]: { max: number | null }[] = await manager.query(
      `SELECT max(version) AS max FROM approval_policies WHERE key = $1`,
      [key],
    );
    return Number(max ?? 0) + 1;
  }

  /** The account that approved the last approval step of a version (the latest such decision), if any. */
  async lastStepApprover(manager: EntityManager, versionId: string): Promise<string | null> {
    const rows: { user_id: string }[] = await manager.query(
      `SELECT d.decided_by_user_id AS user_id
         FROM statement_decisions d
         JOIN statement_approval_stages s ON s.id = d.stage_id
        WHERE d.version_id = $1 AND d.decision = 'approve'
          AND s.step = (SELECT max(step) FROM statement_approval_stages WHERE version_id = $1)
        ORDER BY d.created_at DESC
        LIMIT 1`,
      [versionId],
    );
    return rows[0]?.user_id ?? null;
  }

  /** The statement's versions, oldest first, each with its review (if any). */
  async versionsOf(manager: EntityManager, statementId: string) {
    const versions = await manager
      .getRepository(StatementVersion)
      .find({ where: { statementId }, order: { number: 'ASC' } });
    const reviews = versions.length
      ? await manager
          .getRepository(StatementVersionReview)
          .findBy({ versionId: In(versions.map((v) => v.id)) })
      : [];
    return versions.map((version) => ({ version, review: reviews.find((r) => r.versionId === version.id) }));
  }

  /** One version of the statement; NOT_FOUND when there is none. */
  async versionOrFail(
    manager: EntityManager,
    statementId: string,
    number: number,
  ): Promise<StatementVersion> {
    const v = await manager.getRepository(StatementVersion).findOneBy({ statementId, number });
    if (!v) throw AppError.notFound('phiên bản', `${statementId}#${number}`);
    return v;
  }
}
