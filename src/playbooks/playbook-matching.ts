import { CATEGORY_LABEL_VI, SEVERITY_RANK } from '../incidents/incident-types.js';
import type { IncidentCategory, Severity } from '../incidents/incident-types.js';
import { foldText } from '../common/text.js';
import type { PlaybookContent } from './playbook-content.js';

/** What a suggestion looks at: the incident's category and severity, its text and the keys of its topics. */
export interface MatchInput {
  category: IncidentCategory;
  severity: Severity;
  /** Title, summary, topic names, titles of the evidence mentions. */
  text: string;
  /** Ids and names of the incident's watchlist topics. */
  topicKeys: string[];
}

export interface PlaybookMatch {
  score: number;
  reasons: string[];
  keywords: string[];
}

/** Weights of the suggestion score (documented in src/playbooks/README.md). */
export const MATCH_WEIGHTS = {
  category: 50,
  severityInRange: 20,
  severityOutOfRange: -20,
  keyword: 10,
  topic: 15,
};
const MAX_KEYWORD_POINTS = 40;

/**
 * Scores a playbook version for an incident, with the reasons in Vietnamese. Matching is accent- and
 * case-insensitive on whole words (`tin gia` matches `Tin giả`, not `tin giang`). A playbook of another category
 * is suggested only when its keywords match.
 */
export function matchPlaybook(content: PlaybookContent, input: MatchInput): PlaybookMatch | null {
  const reasons: string[] = [];
  let score = 0;
  const sameCategory = content.categories.includes(input.category);
  if (sameCategory) {
    score += MATCH_WEIGHTS.category;
    reasons.push(`Cùng loại sự cố: ${CATEGORY_LABEL_VI[input.category]}`);
  }
  const rank = SEVERITY_RANK[input.severity];
  if (rank >= SEVERITY_RANK[content.severityMin] && rank <= SEVERITY_RANK[content.severityMax]) {
    score += MATCH_WEIGHTS.severityInRange;
    reasons.push(
      `Mức ${input.severity} nằm trong phạm vi ${content.severityMin}–${content.severityMax} của cẩm nang`,
    );
  } else {
    score += MATCH_WEIGHTS.severityOutOfRange;
    reasons.push(
      `Mức ${input.severity} ngoài phạm vi ${content.severityMin}–${content.severityMax} của cẩm nang`,
    );
  }
  const text = ` ${foldText(input.text).replace(/[^a-z0-9]+/g, ' ')} `;
  const keywords = content.triggers.keywords.filter((k) => {
    const folded = foldText(k)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    return folded.length > 0 && text.includes(` ${folded} `);
  });
  if (keywords.length) {
    score += Math.min(MAX_KEYWORD_POINTS, keywords.length * MATCH_WEIGHTS.keyword);
    reasons.push(`Từ khóa khớp: ${keywords.map((k) => `"${k}"`).join(', ')}`);
  }
  const incidentTopics = new Set(input.topicKeys.map(foldText));
  const topics = (content.triggers.topicKeys ?? []).filter((t) => incidentTopics.has(foldText(t)));
  if (topics.length) {
    score += MATCH_WEIGHTS.topic;
    reasons.push(`Chủ đề theo dõi: ${topics.join(', ')}`);
  }
  if (!sameCategory && !keywords.length && !topics.length) return null;
  return { score, reasons, keywords };
}
