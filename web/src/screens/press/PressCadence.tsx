import { useState } from 'react';
import { useApp, useAsync } from '../../app-context.js';
import { Panel } from '../../components/common.js';
import { formatDate } from '../../format.js';
import { Field, ListStatus, todayVn } from '../admin/fields.js';
import { PressTabs } from './PressTabs.js';
import type { CadenceDashboard } from '../../api/press-types.js';

/** The units that must hold regular press conferences, when the next one is due, and those that are late. */
export function PressCadenceScreen() {
  const { api, t, lang } = useApp();
  const [on, setOn] = useState(todayVn());
  const board = useAsync(() => api.get<CadenceDashboard>('/api/press/conferences/cadence', { on }), [on]);
  return (
    <div className="page">
      <PressTabs active="cadence" />
      <h1>{t('cadenceTitle')}</h1>
      <p className="muted">{t('cadenceIntro')}</p>
      <div className="filters">
        <Field label={t('cadenceOn')} id="cadence-on">
          <input
            id="cadence-on"
            type="date"
            value={on}
            onChange={(e) => e.target.value && setOn(e.target.value)}
          />
        </Field>
      </div>
      <Panel title={t('cadenceUnits')} id="cadence">
        <ListStatus list={board} />
        {board.data && board.data.units.length > 0 && (
          <p className={board.data.late ? 'error-note' : 'ok-note'}>
            {t('cadenceLateCount', { n: board.data.late })}
          </p>
        )}
        {board.data && !board.data.units.length && <p className="empty">{t('cadenceEmpty')}</p>}
        {board.data && board.data.units.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('cadenceUnit')}</th>
                <th scope="col">{t('cadenceRule')}</th>
                <th scope="col">{t('cadenceLast')}</th>
                <th scope="col">{t('cadenceDueBy')}</th>
                <th scope="col">{t('colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {board.data.units.map((u) => (
                <tr key={u.orgUnitId} className={u.late ? 'row-late' : undefined}>
                  <td>{u.orgUnitName}</td>
                  <td>
                    {t('cadenceEvery', { n: u.rule.intervalMonths })}
                    <div className="muted small">{u.rule.legalSource}</div>
                  </td>
                  <td>{u.lastHeldOn ? formatDate(u.lastHeldOn, lang) : t('cadenceNever')}</td>
                  <td>{formatDate(u.dueBy, lang)}</td>
                  <td>
                    <span className={`badge ${u.late ? 'status-late' : 'status-ok'}`}>
                      {u.late ? t('cadenceLate', { days: u.daysLate }) : t('cadenceOnTime')}
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
