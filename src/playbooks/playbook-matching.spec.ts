import { IncidentCategory, Severity } from '../incidents/incident-types.js';
import type { PlaybookContent } from './playbook-content.js';
import { MATCH_WEIGHTS, matchPlaybook } from './playbook-matching.js';

const content = (over: Partial<PlaybookContent>): PlaybookContent => ({
  summary: 'Mẫu',
  categories: [IncidentCategory.FakeNews],
  severityMin: Severity.L1,
  severityMax: Severity.L3,
  triggers: { keywords: ['tin giả', 'bịa đặt', 'cắt ghép'], topicKeys: ['chu-tich-tinh'] },
  stages: [],
  roleRequirements: [],
  statementTemplates: [],
  holdingLines: [],
  legalReferences: [],
  guidanceMarkdown: '',
  ...over,
});

describe('matchPlaybook', () => {
  it('scores category, severity range, accent-insensitive whole-word keywords and topics, with reasons', () => {
    const m = matchPlaybook(content({}), {
      category: IncidentCategory.FakeNews,
      severity: Severity.L2,
      text: 'Lan truyền TIN GIA về Chủ tịch tỉnh; video bị cắt ghép',
      topicKeys: ['chu-tich-tinh'],
    })!;
    expect(m.keywords).toEqual(['tin giả', 'cắt ghép']);
    expect(m.score).toBe(
      MATCH_WEIGHTS.category +
        MATCH_WEIGHTS.severityInRange +
        2 * MATCH_WEIGHTS.keyword +
        MATCH_WEIGHTS.topic,
    );
    expect(m.reasons[0]).toBe('Cùng loại sự cố: Tin giả, tin sai sự thật');
    expect(m.reasons).toContain('Từ khóa khớp: "tin giả", "cắt ghép"');
  });

  it('does not match inside words, and drops another category without keyword hits', () => {
    expect(
      matchPlaybook(content({}), {
        category: IncidentCategory.PublicHealth,
        severity: Severity.L2,
        text: 'Tin giang sông Tiền dâng cao',
        topicKeys: [],
      }),
    ).toBeNull();
  });

  it('penalises a severity outside the range', () => {
    const m = matchPlaybook(content({}), {
      category: IncidentCategory.FakeNews,
      severity: Severity.L4,
      text: '',
      topicKeys: [],
    })!;
    expect(m.score).toBe(MATCH_WEIGHTS.category + MATCH_WEIGHTS.severityOutOfRange);
    expect(m.reasons[1]).toContain('ngoài phạm vi L1–L3');
  });
});
