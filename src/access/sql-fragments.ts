/**
 * The SQL pieces of the permission rules, reusable inside other queries (a leaf module: no Nest providers, so
 * that the repository and the services can both import it without a cycle).
 */

/** Statuses of a membership that count as holding the role (invited people already see the incident). */
export const HOLDING_STATUSES = ['invited', 'accepted'] as const;

/**
 * How deep a walk of the unit tree goes: far more levels than the administration has (central → province →
 * department → office), and a stop should a cycle ever slip into `org_units.parent_id`.
 */
export const MAX_UNIT_DEPTH = 20;

/**
 * SQL: `id, depth` of the units `unitIds` (an SQL expression of a uuid[]) and every unit above them, depth 0 for
 * the units themselves. Use inside a subquery or a FROM: `FROM (${ancestorsSql('$1::uuid[]')}) up`.
 */
export function ancestorsSql(unitIds: string): string {
  return `WITH RECURSIVE up AS (
      SELECT o.id, o.parent_id, 0 AS depth FROM org_units o WHERE o.id = ANY(${unitIds})
      UNION ALL
      SELECT o.id, o.parent_id, up.depth + 1 FROM org_units o JOIN up ON o.id = up.parent_id
       WHERE up.depth < ${MAX_UNIT_DEPTH}
    ) SELECT id, depth FROM up`;
}

/** SQL: `id, depth` of the units `rootIds` (an SQL expression of a uuid[]) and every unit below them. */
export function subtreeSql(rootIds: string): string {
  return `WITH RECURSIVE down AS (
      SELECT o.id, 0 AS depth FROM org_units o WHERE o.id = ANY(${rootIds})
      UNION ALL
      SELECT o.id, down.depth + 1 FROM org_units o JOIN down ON o.parent_id = down.id
       WHERE down.depth < ${MAX_UNIT_DEPTH}
    ) SELECT id, depth FROM down`;
}

/** SQL condition: the unit column `column` lies at or below one of `rootIds` (an SQL expression of a uuid[]). */
export function unitWithinSql(column: string, rootIds: string): string {
  return `${column} IN (SELECT id FROM (${subtreeSql(rootIds)}) within_roots)`;
}

/**
 * SQL condition: the incident (id column `incidentId`, responsible unit column `unitColumn`) is visible to
 * someone whose unit scope is `roots` (an SQL expression of a uuid[]) or whose person is `personId` (an SQL
 * expression of a uuid, NULL for none). Admins skip it (scope null).
 */
export function visibleIncidentSql(o: {
  incidentId: string;
  unitColumn: string;
  roots: string;
  personId: string;
}): string {
  return `(${unitWithinSql(o.unitColumn, o.roots)}
    OR ${o.incidentId} IN (SELECT incident_id FROM working_group_members
                            WHERE person_id = ${o.personId}
                              AND status IN (${HOLDING_STATUSES.map((s) => `'${s}'`).join(', ')})))`;
}

/** Incident statuses in which nothing of the incident changes any more: read-only everywhere (HTTP, Yjs, comments). */
export const READ_ONLY_INCIDENT_STATUSES = ['closed', 'archived', 'dismissed'] as const;

/**
 * SQL: joins the incident of `incidentIdColumn` as `alias`, for a single statement that writes only while the
 * incident takes changes (lock it with `FOR SHARE OF <alias>` and test its status with `incidentTakesChangesSql`).
 */
export function incidentJoinSql(alias: string, incidentIdColumn: string): string {
  return `JOIN incidents ${alias} ON ${alias}.id = ${incidentIdColumn}`;
}

/** SQL condition: the incident status column `statusColumn` is not a read-only status. */
export function incidentTakesChangesSql(statusColumn: string): string {
  return `${statusColumn} NOT IN (${READ_ONLY_INCIDENT_STATUSES.map((s) => `'${s}'`).join(', ')})`;
}
