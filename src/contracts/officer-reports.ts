/** Officers' reports of a mention seen first-hand. Plain TypeScript: no Nest or TypeORM imports. */

export interface OfficerReport {
  id: string;
  orgUnitId: string;
  sourceId: string;
  mentionId: string;
  reportedByUserId: string;
  url: string | null;
  title: string | null;
  text: string | null;
  sourceType: string;
  sentiment: string;
  fakeNewsLabel: string | null;
  archiveUrl: string | null;
  note: string | null;
  /** The screenshot's content type (`GET /api/officer-reports/:id/evidence` sends it), null without one. */
  evidenceType: string | null;
  evidenceSize: number | null;
  evidenceSha256: string | null;
  incidentId: string | null;
  createdAt: string;
}

/** The answer to a report: the report, its mention (an earlier one when a duplicate), and the incident it opened or joined. */
export interface OfficerReportResult {
  report: OfficerReport;
  mentionId: string;
  duplicate: boolean;
  incident: { outcome: string; incidentId: string | null } | null;
}
