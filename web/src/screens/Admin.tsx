import { useEffect } from 'react';
import type { VersionedRule } from '../api/admin-types.js';
import { useApp } from '../app-context.js';
import { Link } from '../components/common.js';
import type { MessageKey } from '../i18n.js';
import { navigate } from '../router.js';
import { DeadlineRulesAdmin } from './admin/DeadlineRules.js';
import { FeedsAdmin } from './admin/Feeds.js';
import { ImportsAdmin } from './admin/Imports.js';
import { MentionRetentionAdmin } from './admin/MentionRetention.js';
import { PlaybookEditorAdmin } from './admin/PlaybookEditor.js';
import { SourcesAdmin } from './admin/Sources.js';
import { TopicsAdmin } from './admin/Topics.js';
import { UsersAdmin } from './admin/Users.js';
import { VersionedRulesAdmin } from './admin/VersionedRules.js';

export const ADMIN_SECTIONS = [
  'users',
  'topics',
  'sources',
  'feeds',
  'imports',
  'deadlines',
  'retention',
  'approval-policies',
  'group-rules',
  'playbooks',
] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** Who may open each section (the server checks again on every route). */
const SECTION_ROLES: Record<AdminSection, string[]> = {
  users: ['admin'],
  topics: ['admin', 'leader', 'analyst'],
  sources: ['admin', 'leader', 'analyst'],
  feeds: ['admin', 'leader', 'analyst'],
  imports: ['admin', 'analyst'],
  deadlines: ['admin'],
  retention: ['admin'],
  'approval-policies': ['admin'],
  'group-rules': ['admin'],
  playbooks: ['admin', 'leader'],
};

const TITLES: Record<AdminSection, MessageKey> = {
  users: 'adminUsers',
  topics: 'adminTopics',
  sources: 'adminSources',
  feeds: 'adminFeeds',
  imports: 'adminImports',
  deadlines: 'adminDeadlines',
  retention: 'adminRetention',
  'approval-policies': 'adminApprovalPolicies',
  'group-rules': 'adminGroupRules',
  playbooks: 'adminPlaybooks',
};

export function adminSectionsFor(roles: string[]): AdminSection[] {
  return ADMIN_SECTIONS.filter((s) => SECTION_ROLES[s].some((r) => roles.includes(r)));
}

const policySummary = (r: VersionedRule) =>
  ((r.stages as { name: string; quorum: number }[] | undefined) ?? [])
    .map((s) => `${s.name} (${s.quorum})`)
    .join(' → ');
const groupRuleSummary = (r: VersionedRule) =>
  ((r.roles as { role: string; count: number }[] | undefined) ?? [])
    .map((x) => `${x.role} ×${x.count}`)
    .join(', ');

/** Setting up the service: accounts, what is watched and from where, deadlines, approvals, groups, playbooks. */
export function AdminScreen({ section }: { section?: string }) {
  const { t, user } = useApp();
  const allowed = adminSectionsFor(user.roles);
  const current = (allowed.find((s) => s === section) ?? allowed[0]) as AdminSection | undefined;
  useEffect(() => {
    if (current && section !== current) navigate(`/admin/${current}`, { replace: true });
  }, [current, section]);
  if (!current) {
    return (
      <div className="page">
        <h1>{t('navAdmin')}</h1>
        <p>{t('adminNoRights')}</p>
      </div>
    );
  }
  return (
    <div className="page">
      <h1>
        {t('navAdmin')}: {t(TITLES[current])}
      </h1>
      <nav aria-label={t('navAdmin')} className="admin-tabs">
        <ul>
          {allowed.map((s) => (
            <li key={s}>
              <a
                href={`/admin/${s}`}
                aria-current={s === current ? 'page' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/admin/${s}`);
                }}
              >
                {t(TITLES[s])}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {current === 'users' && <UsersAdmin />}
      {current === 'topics' && <TopicsAdmin />}
      {current === 'sources' && <SourcesAdmin />}
      {current === 'feeds' && <FeedsAdmin />}
      {current === 'imports' && <ImportsAdmin />}
      {current === 'deadlines' && <DeadlineRulesAdmin />}
      {current === 'retention' && <MentionRetentionAdmin />}
      {current === 'approval-policies' && (
        <VersionedRulesAdmin
          key="policies"
          path="/api/approval-policies"
          titleKey="adminApprovalPolicies"
          summarize={policySummary}
          fields={[
            'key',
            'name',
            'priority',
            'statementTypes',
            'minSeverity',
            'maxSeverity',
            'orgUnitId',
            'fastPath',
            'stages',
            'effectiveFrom',
            'legalBasis',
          ]}
        />
      )}
      {current === 'group-rules' && (
        <VersionedRulesAdmin
          key="group-rules"
          path="/api/working-group-rules"
          titleKey="adminGroupRules"
          summarize={groupRuleSummary}
          fields={[
            'key',
            'name',
            'priority',
            'categories',
            'minSeverity',
            'orgUnitId',
            'roles',
            'ackDeadlineSeconds',
            'effectiveFrom',
          ]}
        />
      )}
      {current === 'playbooks' && <PlaybookEditorAdmin />}
      <p className="muted small">
        <Link to="/">{t('navIncidents')}</Link>
      </p>
    </div>
  );
}
