/**
 * What each detection rule is called where a person reads it (reports, statements, the console).
 * Rule identifiers never reach those readers; an unknown rule reads as an automatic detection.
 */
export const DETECTION_RULE_LABELS: Readonly<Record<string, string>> = {
  volume_spike: 'Lượng thảo luận tăng đột biến (chủ yếu không tiêu cực)',
  negative_spike: 'Ý kiến tiêu cực tăng đột biến',
  negative_trend: 'Ý kiến tiêu cực tăng dần trong nhiều giờ',
  negative_share: 'Dư luận tiêu cực tăng cao',
  high_authority_negative: 'Bài tiêu cực trên báo lớn, tài khoản lớn',
  authority_traction: 'Bài tiêu cực trên báo lớn đang được đưa lại rộng rãi',
  fake_news_named: 'Tin giả, tin sai sự thật nêu tên đơn vị',
  manual: 'Cán bộ khai báo',
};

/** What each threshold a suggestion may change is called in the console. */
export const DETECTION_SETTING_LABELS: Readonly<Record<string, string>> = {
  negativeSpikeZ: 'Độ vọt của ý kiến tiêu cực so với bình thường',
  spikeZ: 'Độ vọt của lượng thảo luận so với bình thường',
  trendSignificance: 'Mức khác thường của xu hướng tiêu cực',
  negativeShareThreshold: 'Tỷ lệ đề cập tiêu cực',
  tractionMinMentions: 'Số đề cập tiêu cực đưa lại bài của báo lớn',
  authorityOpenReachThreshold: 'Lượt tiếp cận để một bài tự mở phòng',
};

export function detectionRuleLabel(rule: string): string {
  return DETECTION_RULE_LABELS[rule] ?? 'Phát hiện tự động';
}
