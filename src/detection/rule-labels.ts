/**
 * What each detection rule is called where a person reads it (reports, statements, the console).
 * Rule identifiers never reach those readers; an unknown rule reads as an automatic detection.
 */
export const DETECTION_RULE_LABELS: Readonly<Record<string, string>> = {
  volume_spike: 'Lượng thảo luận tăng đột biến',
  negative_share: 'Dư luận tiêu cực tăng cao',
  high_authority_negative: 'Thông tin tiêu cực từ cơ quan báo chí, tài khoản lớn',
  fake_news_named: 'Tin giả, tin sai sự thật nêu tên đơn vị',
  manual: 'Cán bộ khai báo',
};

export function detectionRuleLabel(rule: string): string {
  return DETECTION_RULE_LABELS[rule] ?? 'Phát hiện tự động';
}
