import { Role } from '../auth/role.js';

/**
 * The permission table, machine-readable: one entry per HTTP route (`METHOD /path` as Express registers it) and
 * per `/rooms` socket command. The route-level rows of README.md are generated from it, and the authorization
 * matrix test (test/authorization-matrix.e2e.spec.ts) asks every route and command, as every platform role of
 * the owning unit and of another unit, and compares the answer with `expectedAnswer`. A route or command with no
 * entry fails that test.
 *
 * How a request is decided, once the caller is signed in and through the route's role guard:
 * - `none`: nothing of a unit (the directory, one's own inbox, the role catalogue…);
 * - `list`: a list filtered to the caller's units (another unit's rows never appear in it);
 * - `unit`: a unit's data: admins, and the roles of the unit scope `kind` acting for the unit (or one above it);
 * - `incident`: an incident the caller sees (admins, leaders and officers over its unit, group members); of
 *   those who see it, `allow` may act (default: every writer), the others get 403; whoever does not see it, 404;
 * - `owner`: a thing addressed to one person (an invitation, a delegation to revoke): everyone else gets 404
 *   (admins 403 where `deny` says so: they see invitations in the group's view);
 * - `public`: no token needed; `secret`: the holder of a source's secret (HMAC), never a user token.
 * Long file: the route table is data, one entry per route and socket command, kept in one place so that every
 * route's rule can be found and checked against the authorization matrix.
 */
export type Scope = 'public' | 'secret' | 'none' | 'list' | 'unit' | 'incident' | 'owner';

export interface Permission {
  /** Platform roles let through by the route's guard (`@Roles`); absent: every signed-in user. Admins always pass. */
  roles?: readonly Role[];
  scope: Scope;
  /** For `unit`: which unit scope counts (IncidentVisibility.unitScope). Default `unitData`. */
  kind?: 'incidents' | 'unitData';
  /**
   * For `unit` and `incident`: the roles that may act when in scope (default: the scope's roles / writers). For
   * `none`: the roles let through without a further mark of the person (the callers carry none, e.g. no press
   * office tag); the others get 403.
   */
  allow?: readonly Role[];
  /** Admins pass too (default). False where the rule names people, not a role (a stage's approvers). */
  admins?: false;
  /** What a caller out of scope gets (default 404: the same as a missing thing). */
  deny?: 403 | 404;
  /** Who, in plain words, for the README table. */
  who: string;
}

/** The answer a caller should get: let through (2xx, or a 400/409 from the input or the state), or refused. */
export type Answer = 'allow' | 'unauthenticated' | 'forbidden' | 'hidden';

const { Admin, Leader, Officer, Analyst } = Role;
const WRITERS: readonly Role[] = [Leader, Officer];
const UNIT_DATA_ROLES: readonly Role[] = [Leader, Officer, Analyst];

const p = (scope: Scope, who: string, more: Omit<Permission, 'scope' | 'who'> = {}): Permission => ({
  scope,
  who,
  ...more,
});
const admins = p('none', 'admins', { roles: [Admin] });
const signedIn = p('none', 'every signed-in user');
const visible = p('incident', 'who sees the incident');
const writers = p('incident', 'writers who see the incident');
/** Needs a working-group role (or admin): leaders and officers who see the incident but hold none get 403. */
const groupRole = (who: string) => p('incident', who, { allow: [] });

export const HTTP_PERMISSIONS: Readonly<Record<string, Permission>> = {
  // auth and users
  'POST /api/auth/login': p('public', 'anyone (the credentials)'),
  'POST /api/auth/refresh': p('public', 'anyone (the refresh token)'),
  'POST /api/auth/logout': signedIn,
  'GET /api/me': signedIn,
  'GET /api/users': admins,
  'POST /api/users': admins,
  'GET /api/users/:id': admins,
  'PATCH /api/users/:id': admins,
  'GET /api/audit': admins,
  'GET /api/audit/verify': admins,
  'GET /health': p('public', 'anyone (monitoring)'),
  // directory
  'GET /api/org-units': signedIn,
  'POST /api/org-units': admins,
  'GET /api/org-units/:id': signedIn,
  'PATCH /api/org-units/:id': admins,
  'POST /api/org-units/:id/capabilities': admins,
  'PATCH /api/org-units/:id/capabilities/:capabilityId': admins,
  'POST /api/org-units/:id/successions': admins,
  'GET /api/org-units/:id/lineage': signedIn,
  'GET /api/org-units/:id/spokespersons': signedIn,
  'GET /api/people': signedIn,
  'GET /api/people/:id': signedIn,
  'POST /api/people': admins,
  'PATCH /api/people/:id': admins,
  'GET /api/spokesperson-designations': signedIn,
  'POST /api/spokesperson-designations': admins,
  'PATCH /api/spokesperson-designations/:id': admins,
  'POST /api/directory/import': admins,
  'GET /api/directory/export': admins,
  'GET /api/directory/export/people.csv': admins,
  'POST /api/directory/import/people.csv': admins,
  // signals
  'POST /api/signal-sources': admins,
  'GET /api/signal-sources': p(
    'list',
    'admins; leaders, analysts: sources of their units and province-wide ones',
    {
      roles: [Admin, Leader, Analyst],
    },
  ),
  'GET /api/signal-sources/:id': p('unit', 'admins; leaders, analysts of the source’s unit', {
    roles: [Admin, Leader, Analyst],
  }),
  'PATCH /api/signal-sources/:id': admins,
  'POST /api/signal-sources/:id/rotate-secret': admins,
  'POST /api/signals': p('unit', 'admins; analysts, officers of the source’s unit', {
    roles: [Admin, Analyst, Officer],
    deny: 403,
  }),
  'GET /api/mention-retention-policies': admins,
  'POST /api/mention-retention-policies': admins,
  'POST /api/signal-sources/:id/webhook': p('secret', 'the holder of the source’s secret (HMAC)'),
  'GET /api/topics': p('list', 'admins; leaders, officers, analysts: topics of their units', {
    roles: [Admin, ...UNIT_DATA_ROLES],
  }),
  'POST /api/topics': p('unit', 'admins; leaders, analysts for a unit in scope', {
    roles: [Admin, Leader, Analyst],
    deny: 403,
  }),
  'POST /api/topics/preview': p('list', 'admins; leaders, analysts: mentions of their units’ sources', {
    roles: [Admin, Leader, Analyst],
  }),
  'GET /api/topics/:id': p('unit', 'admins; leaders, officers, analysts of the topic’s unit', {
    roles: [Admin, ...UNIT_DATA_ROLES],
  }),
  'PATCH /api/topics/:id': p('unit', 'admins; leaders, analysts of the topic’s unit', {
    roles: [Admin, Leader, Analyst],
  }),
  'GET /api/topics/:id/buckets': p('unit', 'admins; leaders, officers, analysts of the topic’s unit', {
    roles: [Admin, ...UNIT_DATA_ROLES],
  }),
  'GET /api/topics/:id/mentions': p('unit', 'admins; leaders, officers, analysts of the topic’s unit', {
    roles: [Admin, ...UNIT_DATA_ROLES],
  }),
  'GET /api/signal-sources/:id/activity': p(
    'unit',
    'as reading the source: admins; leaders, analysts in scope',
    {
      roles: [Admin, Leader, Analyst],
    },
  ),
  // news feeds
  'GET /api/feeds': p('list', 'admins; leaders, analysts: feeds of the sources they may read', {
    roles: [Admin, Leader, Analyst],
  }),
  'GET /api/feeds/:id': p('unit', 'admins; leaders, analysts who may read the feed’s source', {
    roles: [Admin, Leader, Analyst],
  }),
  'POST /api/feeds': p('unit', 'admins; leaders, analysts with the source’s unit in scope', {
    roles: [Admin, Leader, Analyst],
  }),
  'PATCH /api/feeds/:id': p('unit', 'admins; leaders, analysts with the source’s unit in scope', {
    roles: [Admin, Leader, Analyst],
  }),
  'DELETE /api/feeds/:id': p('unit', 'admins; leaders, analysts with the source’s unit in scope', {
    roles: [Admin, Leader, Analyst],
  }),
  'POST /api/feeds/:id/poll': p('unit', 'admins; leaders, analysts with the source’s unit in scope', {
    roles: [Admin, Leader, Analyst],
  }),
  // file imports
  'POST /api/signal-imports': p(
    'unit',
    'as pushing signals: admins; analysts, officers of the source’s unit',
    {
      roles: [Admin, Analyst, Officer],
      deny: 403,
    },
  ),
  'GET /api/signal-imports': p(
    'list',
    'admins; leaders, analysts, officers: jobs of the sources they may read',
    {
      roles: [Admin, Leader, Analyst, Officer],
    },
  ),
  'GET /api/signal-imports/:id': p(
    'unit',
    'whoever may read the source: admins; leaders, analysts, officers',
    {
      roles: [Admin, Leader, Analyst, Officer],
    },
  ),
  'POST /api/signal-imports/:id/preview': p('unit', 'admins; analysts, officers of the source’s unit', {
    roles: [Admin, Analyst, Officer],
  }),
  'POST /api/signal-imports/:id/start': p('unit', 'admins; analysts, officers of the source’s unit', {
    roles: [Admin, Analyst, Officer],
  }),
  'GET /api/signal-sources/:id/import-mapping': p(
    'unit',
    'whoever may read the source: admins; leaders, analysts, officers',
    { roles: [Admin, Leader, Analyst, Officer] },
  ),
  'PUT /api/signal-sources/:id/import-mapping': p('unit', 'admins; analysts, officers of the source’s unit', {
    roles: [Admin, Analyst, Officer],
  }),
  // officers' reports
  'POST /api/officer-reports': p('unit', 'admins; leaders, officers for a unit in scope', {
    roles: [Leader, Officer],
    kind: 'incidents',
    deny: 403,
  }),
  'GET /api/officer-reports': p('list', 'admins; leaders, officers, analysts: reports of their units', {
    roles: [...UNIT_DATA_ROLES],
  }),
  'GET /api/officer-reports/:id': p('unit', 'admins; leaders, officers, analysts of the report’s unit', {
    roles: [...UNIT_DATA_ROLES],
  }),
  'GET /api/officer-reports/:id/evidence': p(
    'unit',
    'admins; leaders, officers, analysts of the report’s unit',
    {
      roles: [...UNIT_DATA_ROLES],
    },
  ),
  // press desk: outlets and journalists (shared by every unit)
  'GET /api/press/outlets': signedIn,
  'GET /api/press/outlets/:id': signedIn,
  'POST /api/press/outlets': p('none', 'admins, leaders', { roles: [Admin, Leader] }),
  'PATCH /api/press/outlets/:id': p('none', 'admins, leaders', { roles: [Admin, Leader] }),
  'GET /api/press/journalists': p('none', 'admins, leaders, officers (contacts: the press office)', {
    roles: [Admin, ...WRITERS],
  }),
  'GET /api/press/journalists/:id': p('none', 'admins, leaders, officers (contacts: the press office)', {
    roles: [Admin, ...WRITERS],
  }),
  'GET /api/press/journalists/:id/inquiries': p(
    'list',
    'admins, leaders, officers: requests of their units',
    {
      roles: [Admin, ...WRITERS],
    },
  ),
  'POST /api/press/journalists': p('none', 'the press office: admins, leaders, press officers', {
    roles: [Admin, ...WRITERS],
    allow: [Leader],
  }),
  'PATCH /api/press/journalists/:id': p('none', 'the press office: admins, leaders, press officers', {
    roles: [Admin, ...WRITERS],
    allow: [Leader],
  }),
  'GET /api/press/export/journalists.csv': admins,
  'POST /api/press/import/journalists.csv': admins,
  // press desk: requests for information
  'GET /api/press/dashboard': p('list', 'admins; leaders, officers: requests of their units', {
    roles: [Admin, ...WRITERS],
  }),
  'GET /api/press/inquiries': p('list', 'admins; leaders, officers: requests of their units', {
    roles: [Admin, ...WRITERS],
  }),
  'POST /api/press/inquiries': p('unit', 'admins; leaders, officers acting for the routed unit', {
    roles: [Admin, ...WRITERS],
    kind: 'incidents',
    deny: 403,
  }),
  'GET /api/press/inquiries/:id': p('unit', 'admins; leaders, officers with the request’s unit in scope', {
    roles: [Admin, ...WRITERS],
    kind: 'incidents',
  }),
  'POST /api/press/inquiries/:id/assign': p(
    'unit',
    'admins; leaders, officers acting for the request’s unit',
    {
      roles: [Admin, ...WRITERS],
      kind: 'incidents',
    },
  ),
  'PATCH /api/press/inquiries/:id/questions/:questionId': p(
    'unit',
    'admins; leaders, officers acting for the request’s unit',
    { roles: [Admin, ...WRITERS], kind: 'incidents' },
  ),
  'POST /api/press/inquiries/:id/incident': p(
    'unit',
    'admins; leaders, officers acting for the request’s unit',
    {
      roles: [Admin, ...WRITERS],
      kind: 'incidents',
    },
  ),
  'POST /api/press/inquiries/:id/transfer': p(
    'unit',
    'admins; leaders, officers acting for the request’s unit',
    {
      roles: [Admin, ...WRITERS],
      kind: 'incidents',
    },
  ),
  'POST /api/press/inquiries/:id/answer': p(
    'unit',
    'admins; leaders, officers acting for the request’s unit, with a statement editor’s role',
    { roles: [Admin, ...WRITERS], kind: 'incidents', allow: [] },
  ),
  'POST /api/press/inquiries/:id/send': p(
    'unit',
    'admins; leaders, officers acting for the request’s unit, with a publisher’s role',
    { roles: [Admin, ...WRITERS], kind: 'incidents' },
  ),
  'GET /api/press/refusal-grounds': p('none', 'admins, leaders, officers', { roles: [Admin, ...WRITERS] }),
  'POST /api/press/refusal-grounds': admins,
  'PATCH /api/press/refusal-grounds/:id': admins,
  // press reports (coverage)
  'GET /api/press/coverage': p('list', 'admins; leaders, officers: reports of their units and below', {
    roles: [...WRITERS],
  }),
  'POST /api/press/coverage': p('unit', 'admins; leaders, officers for a unit in scope', {
    roles: [...WRITERS],
    kind: 'incidents',
    deny: 403,
  }),
  'GET /api/press/coverage/:id': p('unit', 'admins; leaders, officers with the report’s unit in scope', {
    roles: [...WRITERS],
    kind: 'incidents',
  }),
  'POST /api/press/coverage/:id/verification': p(
    'unit',
    'admins; leaders, officers with the report’s unit in scope',
    {
      roles: [...WRITERS],
      kind: 'incidents',
    },
  ),
  'POST /api/press/coverage/:id/response': p(
    'unit',
    'admins; leaders, officers with the report’s unit in scope',
    {
      roles: [...WRITERS],
      kind: 'incidents',
    },
  ),
  'POST /api/press/coverage/:id/outcome': p(
    'unit',
    'admins; leaders, officers with the report’s unit in scope',
    {
      roles: [...WRITERS],
      kind: 'incidents',
    },
  ),
  // press conferences
  'GET /api/press/conferences': p('list', 'admins; leaders, officers: conferences of their units and below', {
    roles: [...WRITERS],
  }),
  'POST /api/press/conferences': p('unit', 'admins; leaders, officers for a unit in scope', {
    roles: [...WRITERS],
    kind: 'incidents',
    deny: 403,
  }),
  'GET /api/press/conferences/cadence': p('list', 'admins; leaders, officers: units in scope', {
    roles: [...WRITERS],
  }),
  'GET /api/press/conferences/cadence-rules': p('none', 'admins, leaders, officers', { roles: [...WRITERS] }),
  'POST /api/press/conferences/cadence-rules': p(
    'unit',
    'admins (the default, no unit); leaders for a unit in scope',
    { roles: [Leader], kind: 'incidents', deny: 403 },
  ),
  'GET /api/press/conferences/:id': p(
    'unit',
    'admins; leaders, officers with the conference’s unit in scope',
    {
      roles: [...WRITERS],
      kind: 'incidents',
    },
  ),
  'PATCH /api/press/conferences/:id': p(
    'unit',
    'admins; leaders, officers with the conference’s unit in scope',
    {
      roles: [...WRITERS],
      kind: 'incidents',
    },
  ),
  'GET /api/press/conferences/:id/prepared-line-sources': p(
    'unit',
    'admins; leaders, officers with the conference’s unit in scope (lines: incidents they see)',
    { roles: [...WRITERS], kind: 'incidents' },
  ),
  'POST /api/press/conferences/:id/held': p(
    'unit',
    'admins; leaders, officers with the conference’s unit in scope',
    {
      roles: [...WRITERS],
      kind: 'incidents',
    },
  ),
  'POST /api/press/conferences/:id/questions': p(
    'unit',
    'admins; leaders, officers with the conference’s unit in scope',
    { roles: [...WRITERS], kind: 'incidents' },
  ),
  'POST /api/press/conferences/:id/commitments': p(
    'unit',
    'admins; leaders, officers with the conference’s unit in scope',
    { roles: [...WRITERS], kind: 'incidents' },
  ),
  'POST /api/press/conferences/:id/commitments/:commitmentId/done': p(
    'unit',
    'admins; leaders, officers with the conference’s unit in scope',
    { roles: [...WRITERS], kind: 'incidents' },
  ),
  'GET /api/press/conferences/:id/minutes': p(
    'unit',
    'admins; leaders, officers with the conference’s unit in scope',
    { roles: [...WRITERS], kind: 'incidents' },
  ),
  // detection
  'GET /api/watch-signals': p('list', 'leaders, officers, analysts: signals of their units', {
    roles: [...UNIT_DATA_ROLES],
  }),
  'POST /api/watch-signals/:id/open': p('unit', 'leaders, officers of the signal’s unit', {
    roles: [...WRITERS],
    kind: 'incidents',
  }),
  'POST /api/watch-signals/:id/dismiss': p('unit', 'leaders, officers of the signal’s unit', {
    roles: [...WRITERS],
    kind: 'incidents',
  }),
  'GET /api/detection-quality/topics/:topicId': p('unit', 'leaders, officers, analysts of the topic’s unit', {
    roles: [...UNIT_DATA_ROLES],
  }),
  'POST /api/detection-quality/topics/:topicId/apply': p(
    'unit',
    'admins; leaders, analysts of the topic’s unit',
    {
      roles: [Admin, Leader, Analyst],
    },
  ),
  'GET /api/detections': p('list', 'leaders, officers, analysts: detections of their units', {
    roles: [...UNIT_DATA_ROLES],
  }),
  'GET /api/detections/:id': p('unit', 'leaders, officers, analysts of the detection’s unit', {
    roles: [...UNIT_DATA_ROLES],
  }),
  'POST /api/detections/manual': p(
    'unit',
    'leaders, officers for a unit in scope, with a topic of that unit',
    {
      roles: [...WRITERS],
      kind: 'incidents',
      deny: 403,
    },
  ),
  'GET /api/detection-settings': p('list', 'leaders, analysts: the default and their units', {
    roles: [Leader, Analyst],
  }),
  'GET /api/detection-settings/effective/:orgUnitId': p('unit', 'leaders, officers, analysts of the unit', {
    roles: [...UNIT_DATA_ROLES],
    deny: 403,
  }),
  'PUT /api/detection-settings/default': admins,
  'PUT /api/detection-settings/:orgUnitId': p('unit', 'admins; leaders of the unit', {
    roles: [Admin, Leader],
    deny: 403,
  }),
  // incidents
  'GET /api/incidents': p('list', 'every signed-in user: the incidents they see'),
  'POST /api/incidents': p('unit', 'writers, for a unit in scope', {
    kind: 'incidents',
    allow: [...WRITERS],
    deny: 403,
  }),
  'GET /api/incidents/:id': visible,
  'PATCH /api/incidents/:id': writers,
  'POST /api/incidents/:id/transitions': writers,
  'GET /api/incidents/:id/events': visible,
  'GET /api/incidents/:id/mentions': visible,
  'GET /api/incidents/:id/topic-buckets': visible,
  'GET /api/incidents/:id/tasks': visible,
  'POST /api/incidents/:id/tasks': writers,
  'PATCH /api/incidents/:id/tasks/:taskId': writers,
  'GET /api/incidents/:id/facts': visible,
  'POST /api/incidents/:id/facts': writers,
  'PATCH /api/incidents/:id/facts/:factId': writers,
  'GET /api/deadline-rules': signedIn,
  'POST /api/deadline-rules': admins,
  'PATCH /api/deadline-rules/:id': admins,
  // working groups
  'GET /api/incidents/:id/working-group': visible,
  'POST /api/incidents/:id/working-group': writers,
  'GET /api/incidents/:id/working-group/decision': visible,
  'POST /api/incidents/:id/working-group/members': groupRole('admins, the group’s team leader or deputy'),
  'DELETE /api/incidents/:id/working-group/members/:memberId': groupRole(
    'admins, the group’s team leader or deputy',
  ),
  'POST /api/incidents/:id/working-group/members/:memberId/replace': groupRole(
    'admins, the group’s team leader or deputy',
  ),
  'POST /api/incidents/:id/working-group/members/:memberId/handover': groupRole(
    'the member, the group’s team leader or deputy, admins',
  ),
  'POST /api/invitations/:id/accept': p('owner', 'the invited person', { deny: 403 }),
  'POST /api/invitations/:id/decline': p('owner', 'the invited person', { deny: 403 }),
  'GET /api/working-group-roles': signedIn,
  'GET /api/working-group-rules': signedIn,
  'POST /api/working-group-rules': admins,
  'POST /api/availability': p('none', 'admins, leaders', { roles: [Admin, Leader] }),
  // statements
  'GET /api/incidents/:id/statements': visible,
  'POST /api/incidents/:id/statements': groupRole('admins, group roles that edit statements'),
  'GET /api/statements/:id': visible,
  'PATCH /api/statements/:id': groupRole('admins, group roles that edit statements'),
  'POST /api/statements/:id/submit': groupRole('admins, group roles that edit statements'),
  'GET /api/statements/:id/versions': visible,
  'GET /api/statements/:id/versions/:n': visible,
  'GET /api/statements/:id/versions/:n/document': visible,
  'GET /api/statements/:id/diff': visible,
  'POST /api/statements/:id/versions/:n/decisions': p('incident', 'the stage’s approvers or their deputies', {
    allow: [],
    admins: false,
  }),
  'GET /api/statements/:id/publications': visible,
  'POST /api/statements/:id/publications': groupRole('admins, group publishers'),
  'POST /api/statements/:id/corrections': groupRole('admins, group roles that edit statements'),
  'GET /api/statements/:id/comments': visible,
  'POST /api/statements/:id/comments': groupRole('editors and approving roles'),
  'POST /api/statements/:id/comments/:commentId/resolve': groupRole('editors and approving roles'),
  'POST /api/statements/:id/comments/:commentId/reopen': groupRole('editors and approving roles'),
  'GET /api/me/approvals': signedIn,
  'GET /api/approval-delegations': p('none', 'every signed-in user: the delegations given or received'),
  'POST /api/approval-delegations': p(
    'incident',
    'who may approve: admins, approving group roles, leaders in scope',
    {
      allow: [Leader],
    },
  ),
  'POST /api/approval-delegations/:id/revoke': p('owner', 'the delegator'),
  'GET /api/approval-policies': p('none', 'admins, leaders, officers', { roles: [Admin, ...WRITERS] }),
  'POST /api/approval-policies': admins,
  'GET /api/pre-approved-lines': p('none', 'admins, leaders, officers', { roles: [Admin, ...WRITERS] }),
  'POST /api/pre-approved-lines': admins,
  // playbooks
  'GET /api/playbooks': signedIn,
  'POST /api/playbooks': p('unit', 'admins; leaders for a unit in scope', {
    roles: [Admin, Leader],
    kind: 'incidents',
    deny: 403,
  }),
  'GET /api/playbooks/:id': signedIn,
  'GET /api/playbooks/:id/versions/:version': signedIn,
  'POST /api/playbooks/:id/versions': p('unit', 'admins; leaders of the playbook’s unit', {
    roles: [Admin, Leader],
    kind: 'incidents',
    deny: 403,
  }),
  'POST /api/playbook-proposals': p('none', 'admins, leaders, officers', { roles: [Admin, ...WRITERS] }),
  'GET /api/playbook-proposals': p('none', 'admins, leaders', { roles: [Admin, Leader] }),
  'POST /api/playbook-proposals/:id/decision': p('unit', 'admins, leaders of the playbook’s unit', {
    roles: [Admin, Leader],
    kind: 'incidents',
    deny: 403,
  }),
  'GET /api/incidents/:id/playbook-suggestions': visible,
  'GET /api/incidents/:id/playbook': visible,
  'POST /api/incidents/:id/playbooks/:playbookId/apply': p(
    'incident',
    'admins, the group’s team leader or deputy, leaders in scope',
    { allow: [Leader] },
  ),
  'GET /api/search': p('list', 'every signed-in user (incident hits: the incidents they see)'),
  // reports
  'GET /api/incidents/:id/review': visible,
  'PUT /api/incidents/:id/review': writers,
  'POST /api/incidents/:id/review/complete': writers,
  'POST /api/incidents/:id/review/reopen': writers,
  'POST /api/incidents/:id/review/playbook-proposals': writers,
  'GET /api/incidents/:id/report': visible,
  'GET /api/reports/periodic': p('unit', 'admins; leaders, officers for a unit in scope', {
    kind: 'incidents',
    deny: 403,
  }),
  // notifications
  'GET /api/me/notifications': signedIn,
  'GET /api/notifications/outbox': admins,
};

/** The `/rooms` socket commands (the handshake needs a valid token: without, every command is unauthenticated). */
export const SOCKET_PERMISSIONS: Readonly<Record<string, Permission>> = {
  'room:join': visible,
  'room:resync': visible,
  'room:leave': p('none', 'every signed-in user (leaving needs no right)'),
  'chat:send': writers,
  'typing:update': p('incident', 'a socket already in the room: who sees the incident'),
  'task:create': writers,
  'task:update': writers,
  'fact:create': writers,
  'fact:update': writers,
  'invitation:accept': p('owner', 'the invited person', { deny: 403 }),
  'invitation:decline': p('owner', 'the invited person', { deny: 403 }),
  'statement:open': visible,
  'statement:close': p('none', 'every signed-in user (closing needs no right)'),
  'yjs:sync': groupRole('editors change the draft; who sees it reads'),
  'yjs:awareness': visible,
};

/** The roles whose unit scope of this kind covers a unit (IncidentVisibility). */
function scopeRoles(kind: 'incidents' | 'unitData'): readonly Role[] {
  return kind === 'incidents' ? WRITERS : UNIT_DATA_ROLES;
}

/**
 * What a caller with this platform role (null: no token) should get, the thing belonging to the caller's own unit
 * (`own`) or to another unit (`other`). Callers here hold no working-group role.
 */
export function expectedAnswer(perm: Permission, role: Role | null, unit: 'own' | 'other'): Answer {
  if (perm.scope === 'public') return 'allow';
  if (perm.scope === 'secret' || role === null) return 'unauthenticated';
  // Addressed to one person: the others meet a missing thing; admins, who see it elsewhere, may be told (`deny`).
  if (perm.scope === 'owner') return role === Admin && perm.deny === 403 ? 'forbidden' : 'hidden';
  if (role === Admin) return perm.admins === false ? 'forbidden' : 'allow';
  if (perm.roles && !perm.roles.includes(role)) return 'forbidden';
  const refused: Answer = perm.deny === 403 ? 'forbidden' : 'hidden';
  switch (perm.scope) {
    case 'none':
      return !perm.allow || perm.allow.includes(role) ? 'allow' : 'forbidden';
    case 'list':
      return 'allow';
    case 'unit': {
      const inScope = unit === 'own' && scopeRoles(perm.kind ?? 'unitData').includes(role);
      if (!inScope) return refused;
      return !perm.allow || perm.allow.includes(role) ? 'allow' : 'forbidden';
    }
    case 'incident': {
      if (unit === 'other' || !WRITERS.includes(role)) return 'hidden';
      return (perm.allow ?? WRITERS).includes(role) ? 'allow' : 'forbidden';
    }
  }
}

/**
 * What is wrong between what the app registered and the table: a route or command with no entry (a new route
 * must be given one), or an entry for one that no longer exists. Empty when they match.
 */
export function checkPermissionTable(
  routes: readonly string[],
  commands: readonly string[],
  http: Readonly<Record<string, Permission>> = HTTP_PERMISSIONS,
  socket: Readonly<Record<string, Permission>> = SOCKET_PERMISSIONS,
): string[] {
  const missing = (registered: readonly string[], table: Readonly<Record<string, Permission>>) =>
    registered.filter((key) => !Object.hasOwn(table, key));
  const stale = (registered: readonly string[], table: Readonly<Record<string, Permission>>) => {
    const known = new Set(registered);
    return Object.keys(table).filter((key) => !known.has(key));
  };
  return [
    ...missing(routes, http).map((k) => `no permission entry for route ${k}`),
    ...missing(commands, socket).map((k) => `no permission entry for socket command ${k}`),
    ...stale(routes, http).map((k) => `permission entry for a route that does not exist: ${k}`),
    ...stale(commands, socket).map((k) => `permission entry for a socket command that does not exist: ${k}`),
  ];
}

/** The README's route table, generated from HTTP_PERMISSIONS and SOCKET_PERMISSIONS. */
export function permissionTableMarkdown(): string {
  const rows = [
    '| route or command | platform roles (guard) | who |',
    '| --- | --- | --- |',
    ...Object.entries(HTTP_PERMISSIONS).map(([k, v]) => `| \`${k}\` | ${guardText(v)} | ${v.who} |`),
    ...Object.entries(SOCKET_PERMISSIONS).map(([k, v]) => `| socket \`${k}\` | ${guardText(v)} | ${v.who} |`),
  ];
  return rows.join('\n');
}

function guardText(perm: Permission): string {
  if (perm.scope === 'public' || perm.scope === 'secret') return 'none (no token)';
  return perm.roles ? perm.roles.join(', ') : 'any';
}
