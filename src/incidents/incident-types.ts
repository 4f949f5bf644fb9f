/** Categories of communication incidents (DOMAIN.md; mirrors VAFC's fake-news domains where they overlap). */
export enum IncidentCategory {
  FakeNews = 'fake_news',
  PolicyBacklash = 'policy_backlash',
  AccidentDisaster = 'accident_disaster',
  PublicHealth = 'public_health',
  ServiceFailure = 'service_failure',
  MisconductAllegation = 'misconduct_allegation',
  DataLeak = 'data_leak',
  Other = 'other',
}

/** L1 Theo dõi · L2 Đơn vị · L3 Tỉnh · L4 Quốc gia (DOMAIN.md "Severity"). */
export enum Severity {
  L1 = 'L1',
  L2 = 'L2',
  L3 = 'L3',
  L4 = 'L4',
}

export const SEVERITY_RANK: Record<Severity, number> = { L1: 1, L2: 2, L3: 3, L4: 4 };

export const SEVERITY_LABEL_VI: Record<Severity, string> = {
  L1: 'L1 – Theo dõi',
  L2: 'L2 – Đơn vị',
  L3: 'L3 – Tỉnh',
  L4: 'L4 – Quốc gia',
};

export const CATEGORY_LABEL_VI: Record<IncidentCategory, string> = {
  fake_news: 'Tin giả, tin sai sự thật',
  policy_backlash: 'Phản ứng với chính sách',
  accident_disaster: 'Tai nạn, thiên tai',
  public_health: 'Y tế công cộng',
  service_failure: 'Sự cố dịch vụ công',
  misconduct_allegation: 'Cáo buộc sai phạm của cán bộ',
  data_leak: 'Lộ lọt dữ liệu cá nhân',
  other: 'Khác',
};

export enum IncidentStatus {
  Detected = 'detected',
  Triaged = 'triaged',
  Active = 'active',
  Monitoring = 'monitoring',
  Resolved = 'resolved',
  Closed = 'closed',
  Archived = 'archived',
  Dismissed = 'dismissed',
}

export const STATUS_LABEL_VI: Record<IncidentStatus, string> = {
  detected: 'Mới phát hiện',
  triaged: 'Đã phân loại',
  active: 'Đang xử lý',
  monitoring: 'Theo dõi sau xử lý',
  resolved: 'Đã giải quyết',
  closed: 'Đã đóng',
  archived: 'Đã lưu trữ',
  dismissed: 'Đã bác bỏ (báo động nhầm)',
};

/** Statuses in which an incident is "open": new detections on its topics attach to it. */
export const OPEN_STATUSES: IncidentStatus[] = [
  IncidentStatus.Detected,
  IncidentStatus.Triaged,
  IncidentStatus.Active,
  IncidentStatus.Monitoring,
];
