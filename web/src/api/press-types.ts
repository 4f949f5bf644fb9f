/** Shapes of the press desk's API (src/press). */
export interface PressOutlet {
  id: string;
  name: string;
  type: 'newspaper' | 'magazine' | 'radio_tv' | 'online';
  licenceNumber: string | null;
  governingBody: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  active: boolean;
}

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

export interface InquiryRouting {
  on: string;
  reason: 'addressed' | 'successor' | 'capability';
  addressed: { id: string; name: string } | null;
  via: { id: string; name: string; kind: string; effectiveOn: string }[];
  unit: { id: string; name: string };
  spokespersons: { personId: string; fullName: string; position: string }[];
}

export interface PressInquiry {
  id: string;
  channel: string;
  channelLabel: string;
  receivedAt: string;
  subject: string;
  journalist: PressJournalist;
  outlet: { id: string; name: string; type: string };
  orgUnitId: string;
  orgUnitName: string;
  routing: InquiryRouting;
  dueAt: string;
  overdue: boolean;
  ownerUserId: string | null;
  status: string;
  statusLabel: string;
  open: boolean;
  incidentId: string | null;
  statementId: string | null;
  outcome: 'answer' | 'refusal' | null;
  refusalGroundKey: string | null;
  closedAt: string | null;
  sentVersionNumber: number | null;
  sentSha256: string | null;
  warnedPercent: number;
}

export interface InquiryQuestion {
  id: string;
  position: number;
  text: string;
  answer: string | null;
}

export interface InquiryEvent {
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  occurredAt: string;
}

export interface PressInquiryDetail extends PressInquiry {
  questions: InquiryQuestion[];
  events: InquiryEvent[];
}

export interface RefusalGround {
  id: string;
  key: string;
  label: string;
  legalSource: string;
  effectiveFrom: string;
  effectiveTo: string | null;
}

export interface PressDashboard {
  generatedAt: string;
  totals: { open: number; overdue: number; closed: number; onTime: number };
  open: PressInquiry[];
  overdueByUnit: { orgUnitId: string; orgUnitName: string; overdue: number; oldestDueAt: string }[];
  responseByUnit: {
    orgUnitId: string;
    orgUnitName: string;
    answered: number;
    declined: number;
    onTime: number;
    avgHours: number | null;
    medianHours: number | null;
  }[];
}
