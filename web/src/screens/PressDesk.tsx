import { useState } from 'react';
import type { FormEvent } from 'react';
import { itemsOf } from '../api/client.js';
import type { PressDashboard, PressInquiryDetail, PressJournalist } from '../api/press-types.js';
import type { Incident, Page } from '../api/types.js';
import { useApp, useAsync } from '../app-context.js';
import { Link, Panel } from '../components/common.js';
import { formatDateTime, formatNumber } from '../format.js';
import { INQUIRY_CAPABILITIES, INQUIRY_CHANNELS, pressLabel } from '../i18n-press.js';
import { navigate } from '../router.js';
import { Field, FormError, ListStatus, SubmitButton, UnitSelect, useSubmit } from './admin/fields.js';

/** The press desk: what is waiting and for how long, which units are late, and logging a new request. */
export function PressDeskScreen() {
  const { api, t, lang } = useApp();
  const dash = useAsync(() => api.get<PressDashboard>('/api/press/dashboard'), []);
  const d = dash.data;
  return (
    <div className="page">
      <h1>{t('pressTitle')}</h1>
      <p className="muted">{t('pressIntro')}</p>
      <p className="button-row">
        <Link to="/press/contacts">{t('pressContacts')}</Link>
      </p>
      <ListStatus list={dash} />
      {d && (
        <>
          <dl className="stat-row" aria-label={t('pressTitle')}>
            {(
              [
                ['pressTotalsOpen', d.totals.open],
                ['pressTotalsOverdue', d.totals.overdue],
                ['pressTotalsClosed', d.totals.closed],
                ['pressTotalsOnTime', d.totals.onTime],
              ] as const
            ).map(([k, v]) => (
              <div key={k} className="stat">
                <dt>{t(k)}</dt>
                <dd>{formatNumber(v, lang)}</dd>
              </div>
            ))}
          </dl>
          <Panel title={t('pressOpen')} id="press-open">
            {d.open.length === 0 ? (
              <p className="muted">{t('pressNoOpen')}</p>
            ) : (
              <table className="data-table">
                <thead>
                  <tr>
                    <th>{t('pressColDue')}</th>
                    <th>{t('pressColSubject')}</th>
                    <th>{t('pressColJournalist')}</th>
                    <th>{t('pressColUnit')}</th>
                    <th>{t('pressColStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.open.map((i) => (
                    <tr key={i.id} className={i.overdue ? 'overdue' : undefined}>
                      <td>
                        {formatDateTime(i.dueAt, lang)}
                        {i.overdue && <span className="badge severity-L3"> {t('pressOverdueBadge')}</span>}
                      </td>
                      <td>
                        <Link to={`/press/inquiries/${i.id}`}>{i.subject}</Link>
                      </td>
                      <td>
                        {i.journalist.fullName} ({i.outlet.name})
                      </td>
                      <td>{i.orgUnitName}</td>
                      <td>{pressLabel(lang, 'inquiryStatus', i.status)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Panel>
          <div className="two-columns">
            <Panel title={t('pressOverdueByUnit')} id="press-overdue">
              {d.overdueByUnit.length === 0 ? (
                <p className="muted">{t('pressNoOverdue')}</p>
              ) : (
                <table className="data-table">
                  <thead>
                    <tr>
                      <th>{t('pressColUnit')}</th>
                      <th>{t('pressColOverdue')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.overdueByUnit.map((r) => (
                      <tr key={r.orgUnitId}>
                        <td>{r.orgUnitName}</td>
                        <td>{r.overdue}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Panel>
            <Panel title={t('pressResponseByUnit')} id="press-response">
              {d.responseByUnit.length === 0 ? (
                <p className="muted">{t('pressNoResponses')}</p>
              ) : (
                <table className="data-table">
                  <thead>
                    <tr>
                      <th>{t('pressColUnit')}</th>
                      <th>{t('pressColAnswered')}</th>
                      <th>{t('pressColDeclined')}</th>
                      <th>{t('pressColOnTime')}</th>
                      <th>{t('pressColAvg')}</th>
                      <th>{t('pressColMedian')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.responseByUnit.map((r) => (
                      <tr key={r.orgUnitId}>
                        <td>{r.orgUnitName}</td>
                        <td>{r.answered}</td>
                        <td>{r.declined}</td>
                        <td>{r.onTime}</td>
                        <td>{r.avgHours ?? '—'}</td>
                        <td>{r.medianHours ?? '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Panel>
          </div>
        </>
      )}
      <NewInquiryForm />
    </div>
  );
}

function NewInquiryForm() {
  const { api, t, lang } = useApp();
  const journalists = useAsync(
    () => api.get<Page<PressJournalist>>('/api/press/journalists', { limit: 500 }).then(itemsOf),
    [],
  );
  const incidents = useAsync(() => api.incidents({ limit: 100 }).then(itemsOf), []);
  const [channel, setChannel] = useState('email');
  const [receivedAt, setReceivedAt] = useState('');
  const [subject, setSubject] = useState('');
  const [questions, setQuestions] = useState('');
  const [journalistId, setJournalistId] = useState('');
  const [unit, setUnit] = useState('');
  const [capability, setCapability] = useState('');
  const [incidentId, setIncidentId] = useState('');
  const { busy, error, run } = useSubmit();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const created = await api.post<PressInquiryDetail>('/api/press/inquiries', {
        channel,
        ...(receivedAt ? { receivedAt: new Date(receivedAt).toISOString() } : {}),
        subject: subject.trim(),
        questions: questions
          .split('\n')
          .map((q) => q.trim())
          .filter(Boolean),
        journalistId,
        ...(unit ? { addressedOrgUnitId: unit } : {}),
        ...(capability ? { capability } : {}),
        ...(incidentId ? { incidentId } : {}),
      });
      navigate(`/press/inquiries/${created.id}`);
    });
  };

  const open = (incidents.data ?? []).filter((i: Incident) =>
    ['detected', 'triaged', 'active', 'monitoring'].includes(i.status),
  );
  return (
    <Panel title={t('pressNew')} id="press-new">
      <form className="form-grid" onSubmit={submit}>
        <Field label={t('pressChannel')} id="press-channel">
          <select id="press-channel" value={channel} onChange={(e) => setChannel(e.target.value)}>
            {INQUIRY_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {pressLabel(lang, 'inquiryChannel', c)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('pressReceivedAt')} id="press-received">
          <input
            id="press-received"
            type="datetime-local"
            value={receivedAt}
            onChange={(e) => setReceivedAt(e.target.value)}
          />
        </Field>
        <Field label={t('pressJournalist')} id="press-journalist">
          <select
            id="press-journalist"
            required
            value={journalistId}
            onChange={(e) => setJournalistId(e.target.value)}
          >
            <option value="">—</option>
            {(journalists.data ?? []).map((j) => (
              <option key={j.id} value={j.id}>
                {j.fullName} – {j.outletName}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('pressAddressed')} id="press-unit">
          <UnitSelect id="press-unit" value={unit} onChange={setUnit} allowEmpty />
        </Field>
        <Field label={t('pressCapability')} id="press-capability">
          <select id="press-capability" value={capability} onChange={(e) => setCapability(e.target.value)}>
            <option value="">{t('pressCapabilityNone')}</option>
            {INQUIRY_CAPABILITIES.map((c) => (
              <option key={c} value={c}>
                {pressLabel(lang, 'capability', c)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('pressIncident')} id="press-incident">
          <select id="press-incident" value={incidentId} onChange={(e) => setIncidentId(e.target.value)}>
            <option value="">{t('pressIncidentNone')}</option>
            {open.map((i) => (
              <option key={i.id} value={i.id}>
                {i.code} – {i.title}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('pressSubject')} id="press-subject" wide>
          <input
            id="press-subject"
            required
            minLength={3}
            maxLength={500}
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
          />
        </Field>
        <Field label={t('pressQuestions')} id="press-questions" wide>
          <textarea
            id="press-questions"
            required
            rows={4}
            value={questions}
            onChange={(e) => setQuestions(e.target.value)}
          />
        </Field>
        <div className="wide button-row">
          <SubmitButton busy={busy} label={t('pressSubmit')} disabled={!journalistId} />
        </div>
        <FormError error={error} />
      </form>
    </Panel>
  );
}
