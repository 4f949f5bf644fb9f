import type { ApiClient } from '../api/client.js';
import type { Lang } from '../i18n.js';

import type {
  EffectiveDetectionSettings,
  ThresholdSuggestion,
  TopicQuality,
  WatchSignal,
  WatchSignalOpened,
} from '../../../src/contracts/index.js';

export type { TopicQuality };
export type Suggestion = ThresholdSuggestion;

/** A watch signal as the detection screens show it: the contract, with the parts of its evidence they read. */
export type WatchSignalView = Omit<WatchSignal, 'evidence'> & {
  evidence: {
    topMentions?: {
      id: string;
      outlet: string | null;
      title: string | null;
      snippet: string | null;
      url: string | null;
    }[];
    trigger?: { outlet: string | null; url: string | null; reach: number };
  };
};

export const DISMISS_REASONS = ['false_positive', 'not_relevant', 'handled_elsewhere', 'other'] as const;

export const detectionApi = (api: ApiClient) => ({
  watchSignals: (query: Record<string, string | number | undefined>) =>
    api.get<{ items: WatchSignalView[]; total: number }>('/api/watch-signals', query),
  open: (id: string) =>
    api.post<Omit<WatchSignalOpened, 'watchSignal'> & { watchSignal: WatchSignalView }>(
      `/api/watch-signals/${id}/open`,
    ),
  dismiss: (id: string, reason: string, note?: string) =>
    api.post<WatchSignalView>(`/api/watch-signals/${id}/dismiss`, note ? { reason, note } : { reason }),
  quality: (topicId: string) => api.get<TopicQuality>(`/api/detection-quality/topics/${topicId}`),
  apply: (topicId: string, setting: string) =>
    api.post(`/api/detection-quality/topics/${topicId}/apply`, { setting }),
  effective: (unitId: string) =>
    api.get<EffectiveDetectionSettings>(`/api/detection-settings/effective/${unitId}`),
  saveSettings: (unitId: string, body: Record<string, unknown>) =>
    api.request('PUT', `/api/detection-settings/${unitId}`, body),
});

const VI = {
  watchTitle: 'Danh sách theo dõi',
  watchIntro:
    'Tín hiệu chưa đủ để mở phòng xử lý: nhiều người bàn nhưng không tiêu cực, một bài tiêu cực trên báo lớn chưa được đưa lại. Mở sự cố nếu cần, hoặc bỏ qua kèm lý do.',
  watchEmpty: 'Không có tín hiệu nào đang chờ.',
  watchLive: 'Tự cập nhật khi có tín hiệu mới',
  pending: 'Đang chờ',
  opened: 'Đã mở sự cố',
  dismissed: 'Đã bỏ qua',
  open: 'Mở sự cố',
  dismiss: 'Bỏ qua',
  dismissReason: 'Lý do bỏ qua',
  dismissNote: 'Ghi chú (không bắt buộc)',
  confirmDismiss: 'Xác nhận bỏ qua',
  cancel: 'Hủy',
  topic: 'Chủ đề',
  window: 'Thời gian',
  sources: 'Đề cập nổi bật',
  viewTopic: 'Xem chủ đề',
  viewIncident: 'Xem sự cố',
  reason_false_positive: 'Báo động nhầm',
  reason_not_relevant: 'Không liên quan đến đơn vị',
  reason_handled_elsewhere: 'Đã được xử lý ở nơi khác',
  reason_other: 'Lý do khác',
  qualityTitle: 'Độ tin cậy của phát hiện',
  qualityIntro: 'Trong {days} ngày qua: số phòng được mở tự động và số lần bị bỏ qua vì báo động nhầm.',
  roomsOpened: 'Phòng đã mở',
  falseAlarms: 'Báo động nhầm',
  precision: 'Độ chính xác',
  noRooms: 'chưa mở phòng nào',
  suggestionsTitle: 'Ngưỡng gợi ý',
  suggestionsNone: 'Chưa có gợi ý: không có báo động nhầm nào vượt ngưỡng hiện tại.',
  suggestionText:
    '{setting}: đang là {current}, gợi ý {suggested}. Tránh được {avoids} lần báo động nhầm; bỏ lỡ {wouldMiss} phòng đúng.',
  apply: 'Áp dụng',
  applied: 'Đã áp dụng cho đơn vị của chủ đề.',
  applyHint: 'Không có gì tự thay đổi: ngưỡng chỉ đổi khi bấm Áp dụng, và được ghi nhật ký.',
  signalsOfTopic: 'Tín hiệu theo dõi của chủ đề',
  settingsTitle: 'Ngưỡng phát hiện theo đơn vị',
  settingsIntro:
    'Mỗi đơn vị dùng ngưỡng của mình, nếu không thì của đơn vị cấp trên gần nhất, nếu không thì mặc định. Mỗi lần sửa đều được ghi lại.',
  unit: 'Đơn vị',
  from: 'Đang áp dụng ngưỡng của',
  fromDefault: 'mặc định',
  fromOwn: 'chính đơn vị này',
  fromParent: 'đơn vị cấp trên',
  save: 'Lưu',
  saved: 'Đã lưu.',
  field_negativeSpikeZ: 'Độ vọt của ý kiến tiêu cực so với bình thường (càng cao càng ít báo)',
  field_negativeSpikeMinCount: 'Số đề cập tiêu cực tối thiểu trong 5 phút',
  field_negativeSpikeMinShare: 'Tỷ lệ tiêu cực tối thiểu của đợt tăng đột biến',
  field_trendMinAuthors: 'Số người, trang mới lên tiếng phê phán tối thiểu của xu hướng tăng dần',
  field_trendMinShare: 'Tỷ lệ tiêu cực tối thiểu của xu hướng tăng dần',
  field_trendMinCount: 'Số đề cập tiêu cực tối thiểu của xu hướng',
  field_trendSignificance: 'Mức khác thường của xu hướng tiêu cực (càng cao càng ít báo)',
  field_tractionMinMentions: 'Số đề cập tiêu cực đưa lại bài báo lớn',
  field_tractionMinOutlets: 'Số trang, tài khoản khác đưa lại',
  field_tractionMinNewVoices: 'Trong đó số trang, tài khoản mới (trước đó chưa nhắc đến chủ đề)',
  field_authorityOpenReachThreshold: 'Lượt tiếp cận để một bài tự mở phòng',
  field_coalesceMinutes: 'Gộp cập nhật trong phòng (phút)',
  field_coldStartHours: 'Chủ đề mới: số giờ đầu chỉ đưa vào danh sách theo dõi',
  field_coldStartOpenCount: 'Chủ đề mới: số đề cập tiêu cực vẫn đủ để mở phòng',
  field_spikeZ: 'Độ vọt của lượng thảo luận để đưa vào danh sách theo dõi',
};

const EN: Record<keyof typeof VI, string> = {
  watchTitle: 'Watch list',
  watchIntro:
    'Signals below the bar for a response room: much talk that is not negative, one major outlet’s negative article nobody picked up. Open an incident if needed, or dismiss with a reason.',
  watchEmpty: 'No signal is waiting.',
  watchLive: 'Updates live when a new signal arrives',
  pending: 'Waiting',
  opened: 'Incident opened',
  dismissed: 'Dismissed',
  open: 'Open incident',
  dismiss: 'Dismiss',
  dismissReason: 'Reason',
  dismissNote: 'Note (optional)',
  confirmDismiss: 'Confirm dismissal',
  cancel: 'Cancel',
  topic: 'Topic',
  window: 'Time',
  sources: 'Top mentions',
  viewTopic: 'View topic',
  viewIncident: 'View incident',
  reason_false_positive: 'False alarm',
  reason_not_relevant: 'Not about our unit',
  reason_handled_elsewhere: 'Handled elsewhere',
  reason_other: 'Other reason',
  qualityTitle: 'How far detection can be trusted',
  qualityIntro: 'Over the last {days} days: rooms opened automatically and those dismissed as false alarms.',
  roomsOpened: 'Rooms opened',
  falseAlarms: 'False alarms',
  precision: 'Precision',
  noRooms: 'no room opened',
  suggestionsTitle: 'Suggested thresholds',
  suggestionsNone: 'No suggestion: no false alarm above the current thresholds.',
  suggestionText:
    '{setting}: now {current}, suggested {suggested}. Avoids {avoids} false alarms; misses {wouldMiss} true rooms.',
  apply: 'Apply',
  applied: 'Applied to the topic’s unit.',
  applyHint: 'Nothing changes by itself: a threshold changes only when you press Apply, and it is logged.',
  signalsOfTopic: 'Watch signals of the topic',
  settingsTitle: 'Detection thresholds per unit',
  settingsIntro:
    'A unit uses its own thresholds, else its nearest parent’s, else the defaults. Every change is logged.',
  unit: 'Unit',
  from: 'Thresholds in force come from',
  fromDefault: 'the defaults',
  fromOwn: 'this unit',
  fromParent: 'a parent unit',
  save: 'Save',
  saved: 'Saved.',
  field_negativeSpikeZ: 'Jump of negative mentions over usual (higher: fewer alerts)',
  field_negativeSpikeMinCount: 'Minimum negative mentions in 5 minutes',
  field_negativeSpikeMinShare: 'Minimum negative share of a spike',
  field_trendMinAuthors: 'Minimum new voices criticising, for a rising trend',
  field_trendMinShare: 'Minimum negative share of a rising trend',
  field_trendMinCount: 'Minimum negative mentions of a trend',
  field_trendSignificance: 'How unusual a negative trend must be (higher: fewer alerts)',
  field_tractionMinMentions: 'Negative mentions picking up a major article',
  field_tractionMinOutlets: 'Other outlets or accounts picking it up',
  field_tractionMinNewVoices: 'Of which new voices (had not posted on the topic before)',
  field_authorityOpenReachThreshold: 'Reach at which one article opens a room',
  field_coalesceMinutes: 'Room updates grouped over (minutes)',
  field_coldStartHours: 'New topic: first hours that only feed the watch list',
  field_coldStartOpenCount: 'New topic: negative mentions that still open a room',
  field_spikeZ: 'Jump of talk that puts a topic on the watch list',
};

export type DetectionText = keyof typeof VI;

/** The detection screens' own texts (kept here so that the shared i18n file stays small). */
export function dt(lang: Lang, key: DetectionText, params: Record<string, string | number> = {}): string {
  const text = (lang === 'en' ? EN : VI)[key];
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}
