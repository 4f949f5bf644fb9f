/** The shapes the press reports and press conference routes answer with (src/press/coverage, src/press/conferences). */

export interface JournalistOption {
  id: string;
  fullName: string;
  outletId: string;
  outletName: string | null;
}

export interface ConferenceView {
  id: string;
  orgUnitId: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string | null;
  place: string;
  chairName: string;
  chairPosition: string | null;
  spokespersonName: string | null;
  incidentId: string | null;
  agenda: string[];
  invitedOutlets: { id: string; name: string | null }[];
  anticipatedQuestions: { question: string; preparedLine: string; sources: { kind: string; id: string }[] }[];
  statementsIssued: { title: string; statementId: string | null }[];
  status: string;
  heldAt: string | null;
  attendance: { outletId: string | null; outletName: string }[];
  conclusion: string | null;
  questions: {
    id: string;
    position: number;
    askedBy: string;
    outletName: string | null;
    question: string;
    answer: string | null;
    answeredBy: string | null;
  }[];
  commitments: {
    id: string;
    description: string;
    ownerOrgUnitName: string | null;
    ownerName: string | null;
    dueAt: string;
    doneAt: string | null;
    overdue: boolean;
  }[];
}

export interface CadenceRow {
  orgUnitId: string;
  orgUnitName: string;
  rule: { intervalMonths: number; legalSource: string; own: boolean };
  lastHeldOn: string | null;
  dueBy: string;
  late: boolean;
  daysLate: number;
}
