import { useApp, useAsync } from '../../app-context.js';
import { Link, Panel } from '../../components/common.js';
import { formatDateTime } from '../../format.js';
import { pressLabel } from '../../i18n-press-conferences.js';
import { ListStatus } from '../admin/fields.js';
import { PressTabs } from './PressTabs.js';
import type { PressConferenceList } from '../../api/press-types.js';

/** The press conferences of the units in scope, latest first, and the way to plan a new one. */
export function PressConferencesScreen() {
  const { api, t, lang } = useApp();
  const list = useAsync(() => api.get<PressConferenceList>('/api/press/conferences'), []);
  return (
    <div className="page">
      <PressTabs active="conferences" />
      <div className="page-head">
        <h1>{t('conferencesTitle')}</h1>
        <Link to="/press/conferences/new" className="button primary">
          {t('conferencePlan')}
        </Link>
      </div>
      <p className="muted">{t('conferencesIntro')}</p>
      <Panel title={t('conferencesList')} id="conference-list">
        <ListStatus list={list} />
        {list.data && !list.data.items.length && <p className="empty">{t('conferencesEmpty')}</p>}
        {list.data && list.data.items.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('conferenceTitle')}</th>
                <th scope="col">{t('conferenceKind')}</th>
                <th scope="col">{t('conferenceStartsAt')}</th>
                <th scope="col">{t('colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/press/conferences/${c.id}`}>{c.title}</Link>
                    <div className="muted small">{c.place}</div>
                  </td>
                  <td>{pressLabel(lang, 'conferenceKind', c.kind)}</td>
                  <td>{formatDateTime(c.heldAt ?? c.startsAt, lang)}</td>
                  <td>
                    <span className={`badge status status-${c.status}`}>
                      {pressLabel(lang, 'conferenceStatus', c.status)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
    </div>
  );
}
