import { useApp } from '../../app-context.js';
import { navigate } from '../../router.js';

/** The three screens of press reports and conferences, one click apart. */
export function PressTabs({ active }: { active: 'coverage' | 'conferences' | 'cadence' }) {
  const { t } = useApp();
  const tabs = [
    { key: 'coverage', to: '/press/coverage', label: t('coverageTitle') },
    { key: 'conferences', to: '/press/conferences', label: t('conferencesTitle') },
    { key: 'cadence', to: '/press/cadence', label: t('cadenceTitle') },
  ] as const;
  return (
    <nav className="admin-tabs" aria-label={t('navPressCoverage')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.key}>
            <a
              href={tab.to}
              aria-current={tab.key === active ? 'page' : undefined}
              onClick={(e) => {
                if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                e.preventDefault();
                navigate(tab.to);
              }}
            >
              {tab.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
