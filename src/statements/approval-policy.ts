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
 * What a placeholder may be filled with: a name, a time, a place, a phone number, an address; a closed set of
 * characters, at most 150 of them. Letters (with their diacritics), digits, single plain spaces and the
 * punctuation such values use. No line break of any kind (a lone `\r`, U+2028, …), no other space (a
 * non-breaking space after a full stop reads as a new sentence), no sentence mark (`!?;…`), and a full stop only
 * inside a token (`anhoa.gov.vn`, `02.12.2026`, `a.b@x.vn`) with a lower-case letter or a digit after it, so a
 * filling cannot end one sentence and start another of its own.
 */
const FILLER_CHAR = String.raw`(?:[\p{L}\p{M}\p{N},/:()@&+'’–-]|(?<! ) (?! )|(?<=[\p{L}\p{N}])\.(?=[a-z0-9]))`;
const FILLER = `(${FILLER_CHAR}{1,150}?)`;

/** A pre-approved line as a pattern: each placeholder stands for one short filling (see FILLER_CHAR). */
export function linePattern(text: string): RegExp {
  const parts = text.normalize('NFC').trim().split(PLACEHOLDER).map(escapeRegExp);
  return new RegExp(`^${parts.join(FILLER)}$`, 'u');
}

/**
 * Titles a holding statement on the fast path may carry: the title is published as the first line, so it is
 * held to the same rule as the body (no free title around pre-approved sentences).
 */
export const PRE_APPROVED_HOLDING_TITLES: readonly Pick<PreApprovedLine, 'id' | 'text'>[] = [
  { id: 'title:thong-tin-ban-dau', text: 'Thông tin ban đầu' },
  { id: 'title:thong-tin-ban-dau-ve', text: 'Thông tin ban đầu về {su_viec}' },
];

/**
 * Whether a text as rendered for approval (renderCanonical: the title, a blank line, then the body) is made only
 * of pre-approved lines: the title matches a pre-approved title and each non-empty line of the body, list markers
 * stripped, matches one line's pattern. Returns the lines that did not match, to show why the fast path was not
 * taken. Matching the rendered text, not the draft, means what is checked is exactly what is approved and
 * published: a `\r` or a U+2028 the renderer or a reader turns into a new line is a new line here too.
 */
export function matchPreApproved(
  rendered: string,
  lines: Pick<PreApprovedLine, 'id' | 'text'>[],
  titles: readonly Pick<PreApprovedLine, 'id' | 'text'>[] = PRE_APPROVED_HOLDING_TITLES,
): { eligible: boolean; matchedLineIds: string[]; unmatched: string[] } {
  const patterns = lines.map((l) => ({ id: l.id, re: linePattern(l.text) }));
  const titlePatterns = titles.map((l) => ({ id: l.id, re: linePattern(l.text) }));
  const text = rendered.normalize('NFC');
  const split = text.indexOf('\n\n');
  const title = (split < 0 ? '' : text.slice(0, split)).trim();
  const paragraphs = (split < 0 ? text : text.slice(split + 2))
    .split(/\r\n?|[\n\v\f\u0085\u2028\u2029]/u)
    .map((l) => l.replace(/^\s*(?:[-*+]|\d+[.)])\s+/u, '').trim())
    .filter((l) => l.length > 0);
  const matched = new Set<string>();
  const unmatched: string[] = [];
  if (!titlePatterns.some((x) => x.re.test(title))) unmatched.push(title);
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
