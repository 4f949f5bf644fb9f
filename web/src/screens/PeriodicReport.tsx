import { useState } from 'react';
import type { FormEvent } from 'react';
import { useApp } from '../app-context.js';
import { ErrorNote, Spinner } from '../components/common.js';
import { downloadFile } from '../download.js';
import { formatDate, formatDuration, formatNumber } from '../format.js';
import { Field, todayVn, UnitSelect } from './admin/fields.js';
import type { PeriodicReport } from '../api/types.js';

/** The periodic report of a unit (incidents, deadlines kept, statements, press conferences), with its documents. */
export function PeriodicReportScreen() {
  const { api, t, l, lang } = useApp();
  const today = todayVn();
  const [unit, setUnit] = useState('');
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [report, setReport] = useState<PeriodicReport | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const query = { orgUnitId: unit, from, to };

  const show = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setReport(await api.get<PeriodicReport>('/api/reports/periodic', { ...query, format: 'json' }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const download = async (format: 'pdf' | 'docx') => {
    setError(null);
    try {
      await downloadFile(
        api,
        '/api/reports/periodic',
        { ...query, format },
        `bao-cao-dinh-ky-${from}-${to}.${format}`,
      );
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="page report">
      <h1>{t('periodicTitle')}</h1>
      <form className="form-grid panel panel-body" onSubmit={show}>
        <Field label={t('adminUnit')} id="periodic-unit">
          <UnitSelect id="periodic-unit" value={unit} onChange={setUnit} />
        </Field>
        <Field label={t('periodicFrom')} id="periodic-from">
          <input
            id="periodic-from"
            type="date"
            required
            value={from}
            onChange={(e) => setFrom(e.target.value)}
          />
        </Field>
        <Field label={t('periodicTo')} id="periodic-to">
          <input id="periodic-to" type="date" required value={to} onChange={(e) => setTo(e.target.value)} />
        </Field>
        <button type="submit" className="primary" disabled={busy || !unit}>
          {busy ? t('loading') : t('periodicShow')}
        </button>
      </form>
      <ErrorNote error={error} />
      {busy && <Spinner />}
      {report && (
        <>
          <div className="button-row">
            <button type="button" onClick={() => void download('pdf')}>
              {t('periodicPdf')}
            </button>
            <button type="button" onClick={() => void download('docx')}>
              {t('periodicDocx')}
            </button>
          </div>
          <section className="panel" aria-labelledby="periodic-summary">
            <header className="panel-header">
              <h2 id="periodic-summary">
                {report.unit.name} · {formatDate(report.period.from, lang)} –{' '}
                {formatDate(report.period.to, lang)}
              </h2>
            </header>
            <div className="panel-body">
              <p>
                {t('periodicTotals', {
                  n: formatNumber(report.totals.incidents, lang),
                  dismissed: formatNumber(report.totals.dismissed, lang),
                  statements: formatNumber(report.statements.published, lang),
                  conferences: formatNumber(report.pressConferences, lang),
                })}
              </p>
              <p>
                {t('periodicPress', {
                  held: formatNumber(report.press.conferences.held, lang),
                  required: report.press.conferences.required
                    ? t('periodicPressRequired', {
                        own: formatNumber(report.press.conferences.ownRegularHeld, lang),
                        count: formatNumber(report.press.conferences.required.count, lang),
                      })
                    : t('periodicPressNoRule'),
                  received: formatNumber(report.press.coverage.received, lang),
                  answered: formatNumber(report.press.coverage.answered, lang),
                  onTime: formatNumber(report.press.coverage.answeredOnTime, lang),
                  open: formatNumber(report.press.coverage.open, lang),
                  inquiries: formatNumber(report.press.inquiries.received, lang),
                  inqAnswered: formatNumber(report.press.inquiries.answered, lang),
                  inqOnTime: formatNumber(report.press.inquiries.answeredOnTime, lang),
                  refused: report.press.inquiries.refusalsByGround.length
                    ? report.press.inquiries.refusalsByGround.map((g) => `${g.label}: ${g.count}`).join('; ')
                    : '0',
                })}
              </p>
              <ul>
                {report.byCategory
                  .filter((c) => c.total > 0)
                  .map((c) => (
                    <li key={c.category}>
                      {`${c.label}: ${formatNumber(c.total, lang)} (${Object.entries(c.bySeverity)
                        .filter(([, n]) => n > 0)
                        .map(([s, n]) => `${l('severity', s)}: ${formatNumber(n, lang)}`)
                        .join('; ')})`}
                    </li>
                  ))}
              </ul>
              <table className="data-table">
                <caption className="visually-hidden">{t('periodicIncidents')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('colCode')}</th>
                    <th scope="col">{t('colTitle')}</th>
                    <th scope="col">{t('colSeverity')}</th>
                    <th scope="col">{t('colStatus')}</th>
                    <th scope="col">{t('periodicHolding')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.incidents.map((i) => (
                    <tr key={i.code}>
                      <td>{i.code}</td>
                      <td>
                        {i.title}
                        <div className="muted small">{i.categoryLabel}</div>
                      </td>
                      <td>{l('severity', i.severity)}</td>
                      <td>{i.statusLabel}</td>
                      <td>
                        {i.holdingStatementSeconds === null
                          ? t('none')
                          : formatDuration(i.holdingStatementSeconds * 1000, lang)}
                        {i.initialInformationMet !== null && (
                          <div className="small">
                            {i.initialInformationMet ? t('reportMet') : t('reportLate')}
                          </div>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
