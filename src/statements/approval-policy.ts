import { SEVERITY_RANK } from '../incidents/incident-types.js';
import type { Severity } from '../incidents/incident-types.js';
import type { ApprovalPolicy } from './entities/approval-policy.entity.js';
import type { PreApprovedLine } from './entities/pre-approved-line.entity.js';

export interface PolicyContext {
  statementType: string;
  severity: Severity;
  /** The responsible unit and every unit above it. */
  unitLineage: string[];
  /** Vietnam date of the submission. */
  day: string;
  /** Every paragraph of the text is a pre-approved line. */
  fastPathEligible: boolean;
}

/** Policies that apply, best first: highest priority, then the newest version. */
export function applicablePolicies(policies: ApprovalPolicy[], ctx: PolicyContext): ApprovalPolicy[] {
  const rank = SEVERITY_RANK[ctx.severity];
  return policies
    .filter(
      (p) =>
        p.effectiveFrom <= ctx.day &&
        (p.effectiveTo === null || p.effectiveTo >= ctx.day) &&
        (p.statementTypes.length === 0 || p.statementTypes.includes(ctx.statementType)) &&
        (p.minSeverity === null || rank >= SEVERITY_RANK[p.minSeverity as Severity]) &&
        (p.maxSeverity === null || rank <= SEVERITY_RANK[p.maxSeverity as Severity]) &&
        (p.orgUnitId === null || ctx.unitLineage.includes(p.orgUnitId)) &&
        (!p.fastPath || ctx.fastPathEligible),
    )
    .sort((a, b) => b.priority - a.priority || b.version - a.version);
}

/** `{don_vi}` in the pre-approved lines table, `{{don_vi}}` in playbooks' holding lines. */
const PLACEHOLDER = /\{\{?[a-z_]+\}?\}/g;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A pre-approved line as a pattern: a placeholder stands for a short filling (a name, a time, a place: up to 150
 * characters, no sentence break), so it cannot smuggle in sentences of its own.
 */
export function linePattern(text: string): RegExp {
  const parts = text.normalize('NFC').trim().split(PLACEHOLDER).map(escapeRegExp);
  return new RegExp(`^${parts.join('((?:(?!\\. )[^!?;\\n]){1,150}?)')}$`, 'u');
}

/**
 * Whether a body is made only of pre-approved lines (each non-empty line, list markers stripped, matches one
 * line's pattern). Returns the lines that did not match, to show why the fast path was not taken.
 */
export function matchPreApproved(
  body: string,
  lines: Pick<PreApprovedLine, 'id' | 'text'>[],
): { eligible: boolean; matchedLineIds: string[]; unmatched: string[] } {
  const patterns = lines.map((l) => ({ id: l.id, re: linePattern(l.text) }));
  const paragraphs = body
    .normalize('NFC')
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/u, '').trim())
    .filter((l) => l.length > 0);
  const matched = new Set<string>();
  const unmatched: string[] = [];
  for (const p of paragraphs) {
    const hit = patterns.find((x) => x.re.test(p));
    if (hit) matched.add(hit.id);
    else unmatched.push(p);
  }
  return {
    eligible: paragraphs.length > 0 && unmatched.length === 0,
    matchedLineIds: [...matched],
    unmatched,
  };
}
