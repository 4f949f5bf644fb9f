export { CATEGORY_LABEL_VI, SEVERITY_LABEL_VI, STATUS_LABEL_VI } from '../contracts/labels.js';

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

/** Statuses in which an incident is "open": new detections on its topics attach to it. */
export const OPEN_STATUSES: IncidentStatus[] = [
  IncidentStatus.Detected,
  IncidentStatus.Triaged,
  IncidentStatus.Active,
  IncidentStatus.Monitoring,
];
