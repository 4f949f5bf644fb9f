import { useState } from 'react';
import type { FormEvent } from 'react';
import { useApp, useAsync } from '../../app-context.js';
import { Link, Panel } from '../../components/common.js';
import { formatDateTime } from '../../format.js';
import { pressLabel } from '../../i18n-press-conferences.js';
import { navigate } from '../../router.js';
import { Field, FormError, ListStatus, SubmitButton, UnitSelect, useSubmit } from '../admin/fields.js';
import { PressTabs } from './PressTabs.js';
import type { PressCoverage, PressCoverageList, PressOutletList } from '../../api/press-types.js';

/** "2026-12-03T14:30" (a datetime-local value) in Vietnam time → ISO instant. */
export const vnLocalToIso = (local: string) => new Date(`${local}:00+07:00`).toISOString();

/** The press reports to answer of the units in scope, soonest due first, and the form that logs one. */
export function PressCoverageListScreen() {
  const { api, t, lang } = useApp();
  const [overdue, setOverdue] = useState(false);
  const list = useAsync(
    () =>
      api.get<PressCoverageList>('/api/press/coverage', {
        limit: 100,
        ...(overdue ? { overdue: 'true' } : {}),
      }),
    [overdue],
  );
  const outlets = useAsync(
    () => api.get<PressOutletList>('/api/press/outlets', { limit: 200 }).catch(() => ({ items: [] })),
    [],
  );
  const [unit, setUnit] = useState('');
  const [outletId, setOutletId] = useState('');
  const [outletName, setOutletName] = useState('');
  const [medium, setMedium] = useState('online');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  const [summary, setSummary] = useState('');
  const [evidence, setEvidence] = useState('');
  const { busy, error, run } = useSubmit();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const created = await api.post<PressCoverage>('/api/press/coverage', {
        orgUnitId: unit,
        ...(outletId ? { outletId } : { outletName: outletName.trim() }),
        medium,
        title: title.trim(),
        ...(url.trim() ? { url: url.trim() } : {}),
        publishedAt: vnLocalToIso(publishedAt),
        summary: summary.trim(),
        ...(evidence.trim() ? { evidence: [{ kind: 'archive', url: evidence.trim() }] } : {}),
      });
      navigate(`/press/coverage/${created.id}`);
    });
  };

  return (
    <div className="page">
      <PressTabs active="coverage" />
      <h1>{t('coverageTitle')}</h1>
      <p className="muted">{t('coverageIntro')}</p>
      <Panel title={t('coverageList')} id="coverage-list">
        <label className="check">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />{' '}
          {t('coverageOverdueOnly')}
        </label>
        <ListStatus list={list} />
        {list.data && !list.data.items.length && <p className="empty">{t('coverageEmpty')}</p>}
        {list.data && list.data.items.length > 0 && (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('coverageArticle')}</th>
                <th scope="col">{t('coverageOutlet')}</th>
                <th scope="col">{t('coverageDue')}</th>
                <th scope="col">{t('colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/press/coverage/${c.id}`}>{c.title}</Link>
                    <div className="muted small">{pressLabel(lang, 'medium', c.medium)}</div>
                  </td>
                  <td>{c.outletName}</td>
                  <td>
                    {formatDateTime(c.dueAt, lang)}
                    {c.overdue && <div className="badge status-late">{t('coverageOverdue')}</div>}
                  </td>
                  <td>
                    <span className={`badge status status-${c.status}`}>
                      {pressLabel(lang, 'coverageStatus', c.status)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Panel>
      <Panel title={t('coverageNew')} id="coverage-new">
        <form className="form-grid" onSubmit={submit}>
          <Field label={t('coverageUnit')} id="coverage-unit">
            <UnitSelect id="coverage-unit" value={unit} onChange={setUnit} />
          </Field>
          <Field label={t('coverageOutlet')} id="coverage-outlet">
            <select id="coverage-outlet" value={outletId} onChange={(e) => setOutletId(e.target.value)}>
              <option value="">{t('coverageOutletOther')}</option>
              {(outlets.data?.items ?? []).map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </Field>
          {!outletId && (
            <Field label={t('coverageOutletName')} id="coverage-outlet-name">
              <input
                id="coverage-outlet-name"
                required
                maxLength={300}
                value={outletName}
                onChange={(e) => setOutletName(e.target.value)}
              />
            </Field>
          )}
          <Field label={t('coverageMedium')} id="coverage-medium">
            <select id="coverage-medium" value={medium} onChange={(e) => setMedium(e.target.value)}>
              {['print', 'online', 'radio_tv'].map((m) => (
                <option key={m} value={m}>
                  {pressLabel(lang, 'medium', m)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('coverageArticle')} id="coverage-title" wide>
            <input
              id="coverage-title"
              required
              minLength={5}
              maxLength={500}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          </Field>
          <Field label={t('coverageUrl')} id="coverage-url">
            <input id="coverage-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
          </Field>
          <Field label={t('coveragePublishedAt')} id="coverage-published">
            <input
              id="coverage-published"
              type="datetime-local"
              required
              value={publishedAt}
              onChange={(e) => setPublishedAt(e.target.value)}
            />
          </Field>
          <Field label={t('coverageSummary')} id="coverage-summary" wide>
            <textarea
              id="coverage-summary"
              rows={3}
              required
              minLength={10}
              maxLength={10000}
              value={summary}
              onChange={(e) => setSummary(e.target.value)}
            />
          </Field>
          <Field label={t('coverageEvidence')} id="coverage-evidence" wide>
            <input
              id="coverage-evidence"
              type="url"
              value={evidence}
              onChange={(e) => setEvidence(e.target.value)}
            />
          </Field>
          <div className="wide button-row">
            <SubmitButton busy={busy} label={t('coverageNew')} disabled={!unit} />
          </div>
          <FormError error={error} />
        </form>
      </Panel>
    </div>
  );
}
