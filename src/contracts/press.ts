/**
 * The press desk: outlets and journalists, requests for information and their answers, press reports to answer
 * (báo nêu), press conferences and their cadence. Plain TypeScript shared by the service (response DTOs implement
 * these) and the web console: no Nest or TypeORM imports here.
 */

export type OutletType = 'newspaper' | 'magazine' | 'radio_tv' | 'online';

/** A press outlet (cơ quan báo chí). */
export interface PressOutlet {
  id: string;
  name: string;
  type: OutletType;
  licenceNumber: string | null;
  governingBody: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  /** The unit whose own list holds the outlet; null: the province's list. */
  orgUnitId: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface PressOutletList {
  items: PressOutlet[];
  total: number;
}

/** A journalist; the contacts (e-mail, phone, press card) only for the press office (`contactsHidden` false). */
export interface PressJournalist {
  id: string;
  fullName: string;
  outletId: string;
  outletName: string | null;
  beat: string | null;
  active: boolean;
  contactsHidden: boolean;
  email?: string | null;
  phone?: string | null;
  pressCardNumber?: string | null;
  pressCardExpiresOn?: string | null;
}

export interface PressJournalistList {
  items: PressJournalist[];
  total: number;
}

/** What a CSV import of journalists did (or would do, on a dry run). */
export interface JournalistsImportResult {
  dryRun: boolean;
  outletsAdded: number;
  added: number;
  updated: number;
}

/** How the unit concerned was found: the unit asked, the successor or capability holder chosen, who speaks. */
export interface InquiryRouting {
  on: string;
  reason: 'addressed' | 'successor' | 'capability';
  addressed: { id: string; name: string } | null;
  via: { id: string; name: string; kind: string; effectiveOn: string }[];
  unit: { id: string; name: string };
  spokespersons: { personId: string; fullName: string; position: string }[];
}

export type InquiryStatusValue =
  'received' | 'assigned' | 'drafting' | 'in_review' | 'answered' | 'declined' | 'transferred';

/** A journalist's request for information (đề nghị cung cấp thông tin). */
export interface PressInquiry {
  id: string;
  channel: string;
  channelLabel: string;
  receivedAt: string;
  subject: string;
  journalist: PressJournalist;
  outlet: { id: string; name: string; type: OutletType };
  addressedOrgUnitId: string | null;
  capability: string | null;
  orgUnitId: string;
  orgUnitName: string;
  routing: InquiryRouting;
  spokespersonPersonId: string | null;
  ruleKey: string;
  ruleId: string | null;
  dueAt: string;
  overdue: boolean;
  ownerUserId: string | null;
  status: InquiryStatusValue;
  statusLabel: string;
  open: boolean;
  incidentId: string | null;
  statementId: string | null;
  outcome: 'answer' | 'refusal' | null;
  refusalGroundKey: string | null;
  transferredToOrgUnitId: string | null;
  closedAt: string | null;
  sentVersionNumber: number | null;
  sentSha256: string | null;
  /** The highest share of the deadline (50, 80, 100) already warned about. */
  warnedPercent: number;
  createdAt: string;
}

export interface InquiryQuestion {
  id: string;
  inquiryId: string;
  position: number;
  text: string;
  answer: string | null;
  answeredAt: string | null;
}

export interface InquiryEvent {
  id: string;
  inquiryId: string;
  seq: number;
  type: string;
  actorUserId: string | null;
  payload: Record<string, unknown>;
  occurredAt: string;
}

export interface PressInquiryDetail extends PressInquiry {
  questions: InquiryQuestion[];
  events: InquiryEvent[];
}

export interface PressInquiryList {
  items: PressInquiry[];
  total: number;
}

/** A transfer closes the request and opens a copy at the unit it goes to. */
export interface InquiryTransfer {
  transferred: PressInquiryDetail;
  created: { id: string };
}

/** A ground for refusing information, in force between two dates. */
export interface RefusalGround {
  id: string;
  key: string;
  label: string;
  legalSource: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface RefusalGroundList {
  items: RefusalGround[];
}

export interface PressOverdueByUnit {
  orgUnitId: string;
  orgUnitName: string;
  overdue: number;
  oldestDueAt: string;
}

export interface PressResponseByUnit {
  orgUnitId: string;
  orgUnitName: string;
  answered: number;
  declined: number;
  onTime: number;
  avgHours: number | null;
  medianHours: number | null;
  maxHours: number | null;
}

export interface PressDashboard {
  generatedAt: string;
  period: { from: string; to: string };
  totals: { open: number; overdue: number; closed: number; onTime: number };
  open: PressInquiry[];
  overdueByUnit: PressOverdueByUnit[];
  responseByUnit: PressResponseByUnit[];
}

export type CoverageMedium = 'print' | 'online' | 'radio_tv';
export type CoverageStatus = 'received' | 'verified' | 'responded' | 'closed';
export type CoverageVerificationStatus = 'pending' | 'accurate' | 'partly_accurate' | 'inaccurate';
export type CoverageResponseKind = 'answer' | 'correction_request' | 'reply_request' | 'incident';
export type CoverageOutcomeKind = 'correction_published' | 'follow_up_article' | 'no_change';

export interface CoverageEvidence {
  kind: 'screenshot' | 'archive' | 'document' | 'other';
  url: string;
  note: string | null;
}

/** A press report to answer (báo nêu): verification, the agency's answer, the outcome. */
export interface PressCoverage {
  id: string;
  orgUnitId: string;
  outletId: string | null;
  /** The outlet's name as it was when the report was logged. */
  outletName: string;
  medium: CoverageMedium;
  title: string;
  url: string | null;
  publishedAt: string;
  receivedAt: string;
  summary: string;
  evidence: CoverageEvidence[];
  dueAt: string | null;
  deadlineRuleId: string | null;
  status: CoverageStatus;
  verificationStatus: CoverageVerificationStatus;
  verificationNotes: string | null;
  verifiedByUserId: string | null;
  verifiedAt: string | null;
  responseKind: CoverageResponseKind | null;
  responseText: string | null;
  respondedByUserId: string | null;
  respondedAt: string | null;
  incidentId: string | null;
  outcomeKind: CoverageOutcomeKind | null;
  outcomeUrl: string | null;
  outcomeNotes: string | null;
  outcomeAt: string | null;
  createdByUserId: string;
  createdAt: string;
  updatedAt: string;
  overdue: boolean;
  /** Whether the answer came by the deadline; null while unanswered or without a deadline. */
  answeredOnTime: boolean | null;
}

export interface PressCoverageList {
  items: PressCoverage[];
  total: number;
}

export type ConferenceKind = 'regular' | 'thematic' | 'emergency';
export type ConferenceStatus = 'planned' | 'held' | 'cancelled';

/** A verified fact or approved statement a prepared line rests on. */
export interface LineSource {
  kind: 'fact' | 'statement';
  id: string;
}

export interface AnticipatedQuestion {
  question: string;
  preparedLine: string;
  sources: LineSource[];
}

export interface StatementIssued {
  title: string;
  statementId: string | null;
}

export interface ConferenceAttendance {
  outletId: string | null;
  outletName: string;
}

/** A press conference as listed: the plan and, once held, what happened. */
export interface PressConference {
  id: string;
  orgUnitId: string;
  kind: ConferenceKind;
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string;
  chairName: string;
  chairPosition: string | null;
  spokespersonDesignationId: string | null;
  spokespersonName: string | null;
  spokespersonPosition: string | null;
  incidentId: string | null;
  agenda: string[];
  invitedOutletIds: string[];
  anticipatedQuestions: AnticipatedQuestion[];
  statementsIssued: StatementIssued[];
  status: ConferenceStatus;
  heldAt: string | null;
  attendance: ConferenceAttendance[];
  conclusion: string | null;
  createdByUserId: string;
  createdAt: string;
  updatedAt: string;
}

export interface PressConferenceList {
  items: PressConference[];
  total: number;
}

/** A question a journalist asked at the conference, and the answer given. */
export interface ConferenceQuestion {
  id: string;
  conferenceId: string;
  position: number;
  journalistId: string | null;
  askedBy: string;
  outletId: string | null;
  outletName: string | null;
  question: string;
  answer: string | null;
  answeredBy: string | null;
  createdAt: string;
}

/** A commitment made at the conference: what, by which unit, by when. */
export interface ConferenceCommitment {
  id: string;
  conferenceId: string;
  questionId: string | null;
  description: string;
  ownerOrgUnitId: string;
  ownerOrgUnitName: string | null;
  ownerName: string | null;
  dueAt: string;
  doneAt: string | null;
  createdAt: string;
  overdue: boolean;
}

export interface PressConferenceDetail extends PressConference {
  invitedOutlets: { id: string; name: string | null }[];
  questions: ConferenceQuestion[];
  commitments: ConferenceCommitment[];
}

/** The verified facts and approved statements of the linked incident, to prepare lines from. */
export interface PreparedLineSources {
  facts: { kind: 'fact'; id: string; text: string; source: string }[];
  statements: {
    kind: 'statement';
    id: string;
    typeLabel: string;
    title: string;
    text: string;
    version: number;
    sha256: string;
  }[];
}

/** How often a unit must hold a regular press conference, from a date (a unit's own, or everyone's default). */
export interface CadenceRule {
  id: string;
  /** Null: the default for every unit. */
  orgUnitId: string | null;
  intervalMonths: number;
  effectiveFrom: string;
  effectiveTo: string | null;
  legalSource: string;
  note: string | null;
  createdAt: string;
}

export interface CadenceRow {
  orgUnitId: string;
  orgUnitName: string;
  unitType: string;
  rule: { id: string; intervalMonths: number; legalSource: string; own: boolean };
  lastHeldOn: string | null;
  dueBy: string;
  late: boolean;
  daysLate: number;
}

export interface CadenceDashboard {
  on: string;
  units: CadenceRow[];
  late: number;
}
