/**
 * Shapes of the public HTTP API as the console reads them (see /docs). Websocket payloads come from the server's
 * own event map, src/rooms/rooms.events.ts.
 */

export type {
  AppliedPlaybook,
  ApprovalChain,
  ApprovalItem,
  ApprovalStage,
  CreateIncident,
  Deadline,
  Decision,
  DecisionKind,
  DecisionResult,
  Detection,
  Fact,
  GroupMember,
  InAppNotification,
  Incident,
  IncidentDetail,
  IncidentStatus,
  LoginResult,
  Mention,
  Page,
  PlaybookContent,
  PlaybookApplication,
  PlaybookDetail,
  PlaybookSuggestion,
  PlaybookSuggestions,
  PlaybookSummary,
  Publication,
  Role,
  SearchHit,
  SearchResult,
  Severity,
  Statement,
  StatementComment,
  StatementDetail,
  StatementStatus,
  SubmitResult,
  Task,
  TopicBucket,
  UnitSnapshot,
  User,
  Version,
  VersionDetail,
  VersionDocument,
  VersionSummary,
  WorkingGroup,
  WorkingGroupRole,
} from '../../../src/contracts/index.js';
export type {
  AuthorizedSpeaker,
  OfficerReportResult,
  OrgUnitDetail,
  OrgUnitListItem as OrgUnit,
  PeriodicReport,
  PersonSummary,
  ReviewReport,
  Speaker,
  UnitSpeakers as Spokespersons,
} from '../../../src/contracts/index.js';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details?: unknown;
  correlationId?: string;
}
