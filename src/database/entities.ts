import { PressConferenceCadenceRule } from '../press/conferences/entities/press-conference-cadence-rule.entity.js';
import { PressConferenceCommitment } from '../press/conferences/entities/press-conference-commitment.entity.js';
import { PressConferenceQuestion } from '../press/conferences/entities/press-conference-question.entity.js';
import { PressConference } from '../press/conferences/entities/press-conference.entity.js';
import { PressCoverage } from '../press/coverage/entities/press-coverage.entity.js';
import { IncidentPlaybook } from '../playbooks/entities/incident-playbook.entity.js';
import { LibraryCase } from '../playbooks/entities/library-case.entity.js';
import { PlaybookProposal } from '../playbooks/entities/playbook-proposal.entity.js';
import { PlaybookVersion } from '../playbooks/entities/playbook-version.entity.js';
import { Playbook } from '../playbooks/entities/playbook.entity.js';
import { PressInquiryEvent } from '../press/entities/press-inquiry-event.entity.js';
import { PressInquiryQuestion } from '../press/entities/press-inquiry-question.entity.js';
import { PressInquiry } from '../press/entities/press-inquiry.entity.js';
import { PressJournalist } from '../press/entities/press-journalist.entity.js';
import { PressRefusalGround } from '../press/entities/press-refusal-ground.entity.js';
import { PressOutlet } from '../press/entities/press-outlet.entity.js';
import { IncidentReview } from '../reports/entities/incident-review.entity.js';
import { IncidentRoleRequirement } from '../working-groups/entities/incident-role-requirement.entity.js';
import { AuditEntry } from '../audit/entities/audit-entry.entity.js';
import { RefreshToken } from '../auth/entities/refresh-token.entity.js';
import { User } from '../auth/entities/user.entity.js';
import { DetectionSettings } from '../detection/entities/detection-settings.entity.js';
import { Detection } from '../detection/entities/detection.entity.js';
import { DetectionLabel } from '../detection/entities/detection-label.entity.js';
import { WatchSignal } from '../detection/entities/watch-signal.entity.js';
import { DeadlineRule } from '../incidents/entities/deadline-rule.entity.js';
import { IncidentEvent } from '../incidents/entities/incident-event.entity.js';
import { IncidentMention } from '../incidents/entities/incident-mention.entity.js';
import { IncidentTopic } from '../incidents/entities/incident-topic.entity.js';
import { IncidentFact } from '../incidents/entities/incident-fact.entity.js';
import { IncidentTask } from '../incidents/entities/incident-task.entity.js';
import { IncidentUnit } from '../incidents/entities/incident-unit.entity.js';
import { Incident } from '../incidents/entities/incident.entity.js';
import { OrgUnitCapability } from '../directory/entities/org-unit-capability.entity.js';
import { OrgUnitSuccession } from '../directory/entities/org-unit-succession.entity.js';
import { OrgUnit } from '../directory/entities/org-unit.entity.js';
import { Person } from '../directory/entities/person.entity.js';
import { Feed } from '../feeds/entities/feed.entity.js';
import { ScheduledJob } from '../jobs/entities/scheduled-job.entity.js';
import { NotificationDelivery } from '../notifications/entities/notification-delivery.entity.js';
import { Notification } from '../notifications/entities/notification.entity.js';
import { IncidentChatMessage } from '../rooms/entities/incident-chat-message.entity.js';
import { SpokespersonDesignation } from '../directory/entities/spokesperson-designation.entity.js';
import { MentionTopic } from '../signals/entities/mention-topic.entity.js';
import { Mention } from '../signals/entities/mention.entity.js';
import { SignalSource } from '../signals/entities/signal-source.entity.js';
import { SignalWebhookReceipt } from '../signals/entities/signal-webhook-receipt.entity.js';
import {
  SignalReject,
  SignalSourceHour,
  SignalSourceTopicHour,
} from '../signals/entities/signal-source-activity.entity.js';
import {
  SignalImport,
  SignalImportError,
  SignalImportMapping,
} from '../signal-imports/entities/signal-import.entity.js';
import { OfficerReport } from '../officer-reports/entities/officer-report.entity.js';
import { TopicBucket } from '../signals/entities/topic-bucket.entity.js';
import { Topic } from '../signals/entities/topic.entity.js';
import { ApprovalDecision } from '../statements/entities/approval-decision.entity.js';
import { ApprovalDelegation } from '../statements/entities/approval-delegation.entity.js';
import { ApprovalPolicy } from '../statements/entities/approval-policy.entity.js';
import { ApprovalStage } from '../statements/entities/approval-stage.entity.js';
import { PreApprovedLine } from '../statements/entities/pre-approved-line.entity.js';
import { StatementComment } from '../statements/entities/statement-comment.entity.js';
import { StatementDocSnapshot } from '../statements/entities/statement-doc-snapshot.entity.js';
import { StatementDocUpdate } from '../statements/entities/statement-doc-update.entity.js';
import { StatementPublication } from '../statements/entities/statement-publication.entity.js';
import { StatementVersionReview } from '../statements/entities/statement-version-review.entity.js';
import { StatementVersion } from '../statements/entities/statement-version.entity.js';
import { Statement } from '../statements/entities/statement.entity.js';
import { AssemblyRule } from '../working-groups/entities/assembly-rule.entity.js';
import { PersonAvailability } from '../working-groups/entities/person-availability.entity.js';
import { WorkingGroupMember } from '../working-groups/entities/working-group-member.entity.js';
import { WorkingGroupRole } from '../working-groups/entities/working-group-role.entity.js';
import { WorkingGroup } from '../working-groups/entities/working-group.entity.js';

// Entity classes as TypeORM takes them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type EntitySchemaTarget = new (...args: any[]) => object;

/**
 * Every TypeORM entity of the service, listed once. The app, the migration scripts and the tests all load
 * this list (no globs), so compiled and TypeScript runs see the same schema.
 */
export const ENTITIES: EntitySchemaTarget[] = [
  AuditEntry,
  User,
  RefreshToken,
  OrgUnit,
  OrgUnitSuccession,
  OrgUnitCapability,
  Person,
  SpokespersonDesignation,
  Incident,
  IncidentEvent,
  IncidentUnit,
  IncidentTask,
  IncidentFact,
  DeadlineRule,
  IncidentTopic,
  IncidentMention,
  Detection,
  DetectionSettings,
  DetectionLabel,
  WatchSignal,
  SignalSource,
  Mention,
  Topic,
  MentionTopic,
  TopicBucket,
  SignalWebhookReceipt,
  Feed,
  SignalSourceHour,
  SignalSourceTopicHour,
  SignalReject,
  SignalImportMapping,
  SignalImport,
  SignalImportError,
  OfficerReport,
  IncidentChatMessage,
  ScheduledJob,
  Notification,
  NotificationDelivery,
  WorkingGroupRole,
  AssemblyRule,
  WorkingGroup,
  WorkingGroupMember,
  PersonAvailability,
  Statement,
  StatementDocUpdate,
  StatementDocSnapshot,
  StatementVersion,
  StatementVersionReview,
  StatementComment,
  ApprovalPolicy,
  ApprovalStage,
  ApprovalDecision,
  ApprovalDelegation,
  StatementPublication,
  PreApprovedLine,
  IncidentRoleRequirement,
  Playbook,
  PlaybookVersion,
  PlaybookProposal,
  IncidentPlaybook,
  LibraryCase,
  IncidentReview,
  PressOutlet,
  PressJournalist,
  PressInquiry,
  PressInquiryQuestion,
  PressInquiryEvent,
  PressRefusalGround,
  PressCoverage,
  PressConference,
  PressConferenceQuestion,
  PressConferenceCommitment,
  PressConferenceCadenceRule,
];
