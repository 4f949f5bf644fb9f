import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { ApproverSpec } from './statement-types.js';

export interface GroupRoleHeld {
  role: string;
  canEditStatements: boolean;
  canApprove: boolean;
  observer: boolean;
}

export interface ApproverUser {
  userId: string;
  personId: string | null;
  displayName: string;
}

/** Custom SQL of the statements module: group roles, approver resolution, the approval inbox. */
@Injectable()
export class StatementsRepository {
  /** The roles a person holds (accepted) in an incident's working group, with what each may do. */
  async groupRoles(manager: EntityManager, incidentId: string, personId: string): Promise<GroupRoleHeld[]> {
    const rows: {
      role: string;
      can_edit_statements: boolean;
      can_approve: boolean;
      observer: boolean;
    }[] = await manager.query(
      `SELECT m.role, r.can_edit_statements, r.can_approve, r.observer
         FROM working_group_members m JOIN working_group_roles r ON r.key = m.role
        WHERE m.incident_id = $1 AND m.person_id = $2 AND m.status = 'accepted'`,
      [incidentId, personId],
    );
    return rows.map((r) => ({
      role: r.role,
      canEditStatements: r.can_edit_statements,
      canApprove: r.can_approve,
      observer: r.observer,
    }));
  }

  /**
   * The active accounts that may decide a stage: holders (accepted) of a group role, people of the responsible
   * unit with a directory tag or position, or a named person.
   */
  async approvers(
    manager: EntityManager,
    incident: { id: string; responsibleOrgUnitId: string },
    specs: ApproverSpec[],
  ): Promise<ApproverUser[]> {
    const roles = specs.flatMap((s) => (s.kind === 'group_role' ? [s.role] : []));
    const tags = specs.flatMap((s) => (s.kind === 'unit_tag' ? [s.tag] : []));
    const positions = specs.flatMap((s) => (s.kind === 'unit_position' ? [s.position] : []));
    const personIds = specs.flatMap((s) => (s.kind === 'person' ? [s.personId] : []));
    const rows: { user_id: string; person_id: string | null; display_name: string }[] = await manager.query(
      `SELECT DISTINCT u.id AS user_id, u.person_id, u.display_name
         FROM users u JOIN people p ON p.id = u.person_id
        WHERE u.active
          AND (
            EXISTS (SELECT 1 FROM working_group_members m
                     WHERE m.incident_id = $1 AND m.person_id = p.id AND m.status = 'accepted'
                       AND m.role = ANY($3::text[]))
            OR (p.org_unit_id = $2 AND p.tags && $4::text[])
            OR (p.org_unit_id = $2 AND lower(btrim(p.position)) = ANY(
                  SELECT lower(btrim(pos)) FROM unnest($5::text[]) pos))
            OR p.id = ANY($6::uuid[])
          )
        ORDER BY u.display_name`,
      [incident.id, incident.responsibleOrgUnitId, roles, tags, positions, personIds],
    );
    return rows.map((r) => ({ userId: r.user_id, personId: r.person_id, displayName: r.display_name }));
  }

  /** Leaders to warn about the legal clock: the group's team leader and approving leader, the unit's leaders. */
  async clockRecipients(manager: EntityManager, incident: { id: string; responsibleOrgUnitId: string }) {
    const rows: { id: string }[] = await manager.query(
      `SELECT DISTINCT u.id FROM users u
         LEFT JOIN people p ON p.id = u.person_id
        WHERE u.active AND (
          EXISTS (SELECT 1 FROM working_group_members m
                   WHERE m.incident_id = $1 AND m.person_id = u.person_id AND m.status = 'accepted'
                     AND m.role IN ('team_leader', 'deputy', 'approving_leader', 'spokesperson'))
          OR (p.org_unit_id = $2 AND 'leader' = ANY(u.roles::text[]))
        )`,
      [incident.id, incident.responsibleOrgUnitId],
    );
    return rows.map((r) => r.id);
  }

  /** People tagged `head` of the responsible unit who have an account (escalation of an overdue stage). */
  async unitHeads(manager: EntityManager, orgUnitId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id FROM users u JOIN people p ON p.id = u.person_id
        WHERE u.active AND p.org_unit_id = $1 AND 'head' = ANY(p.tags)`,
      [orgUnitId],
    );
    return rows.map((r) => r.id);
  }

  /** The legal-clock events of an incident (warnings given, clocks stopped), optionally for one rule. */
  async clockEvents(
    manager: EntityManager,
    incidentId: string,
    ruleKey?: string,
  ): Promise<{ type: string; ruleKey: string; percent: string | null }[]> {
    const rows: { type: string; rule_key: string; percent: string | null }[] = await manager.query(
      `SELECT type, payload->>'ruleKey' AS rule_key, payload->>'percent' AS percent FROM incident_events
        WHERE incident_id = $1 AND type IN ('legal_clock.warning', 'legal_clock.stopped')
          AND ($2::text IS NULL OR payload->>'ruleKey' = $2)`,
      [incidentId, ruleKey ?? null],
    );
    return rows.map((r) => ({ type: r.type, ruleKey: r.rule_key, percent: r.percent }));
  }

  /** Active stages of versions under review (the inbox is filtered from these by eligibility). */
  async activeStages(manager: EntityManager): Promise<
    {
      stage_id: string;
      statement_id: string;
      incident_id: string;
      responsible_org_unit_id: string;
      approvers: ApproverSpec[];
    }[]
  > {
    return manager.query(
      `SELECT st.id AS stage_id, st.statement_id, s.incident_id, i.responsible_org_unit_id, st.approvers
         FROM statement_approval_stages st
         JOIN statements s ON s.id = st.statement_id AND s.status = 'in_review'
         JOIN incidents i ON i.id = s.incident_id
        WHERE st.status = 'active'
        ORDER BY st.due_at NULLS LAST`,
    );
  }

  /**
   * Who signs a version: whoever approved its last approval step (the earlier steps review, the last one signs);
   * until then the working group's approving leader (accepted); with the signer's own unit (for KT./TM./TL.).
   */
  async signerOf(
    manager: EntityManager,
    versionId: string,
    incidentId: string,
  ): Promise<VersionSigner | null> {
    const approved: VersionSigner[] = await manager.query(
      `SELECT p.full_name AS "fullName", p.position, o.name AS "unitName", o.short_name AS "unitShortName",
              o.unit_type AS "unitType", true AS "approved"
         FROM statement_decisions d
         JOIN statement_approval_stages s ON s.id = d.stage_id
         JOIN users u ON u.id = d.decided_by_user_id
         JOIN people p ON p.id = u.person_id
         JOIN org_units o ON o.id = p.org_unit_id
        WHERE d.version_id = $1 AND d.decision = 'approve'
          AND s.step = (SELECT max(step) FROM statement_approval_stages WHERE version_id = $1)
        ORDER BY d.created_at DESC
        LIMIT 1`,
      [versionId],
    );
    if (approved[0]) return approved[0];
    const expected: VersionSigner[] = await manager.query(
      `SELECT p.full_name AS "fullName", p.position, o.name AS "unitName", o.short_name AS "unitShortName",
              o.unit_type AS "unitType", false AS "approved"
         FROM working_group_members m
         JOIN people p ON p.id = m.person_id
         JOIN org_units o ON o.id = p.org_unit_id
        WHERE m.incident_id = $1 AND m.role = 'approving_leader' AND m.status = 'accepted'
        ORDER BY m.assumed_at ASC
        LIMIT 1`,
      [incidentId],
    );
    return expected[0] ?? null;
  }
}

export interface VersionSigner {
  fullName: string;
  position: string;
  unitName: string;
  unitShortName: string | null;
  unitType: string;
  /** True when this person approved the version (rather than being the leader expected to). */
  approved: boolean;
}
