import { useState } from 'react';
import { useApp, useAsync } from '../app-context.js';
import { ErrorNote, Link, Spinner } from '../components/common.js';
import { MentionChart } from '../components/MentionChart.js';
import type { ReviewReport } from '../api/types.js';
import type { MessageKey } from '../i18n.js';
import { formatDateTime, formatDuration, formatNumber, formatPercent } from '../format.js';

/**
 * The post-incident review report (báo cáo kết quả xử lý, rút kinh nghiệm) as the service projects it from the
 * timeline, in the sections of the administrative pattern, with the signed-off PDF to download.
 */
export function ReportScreen({ incidentId }: { incidentId: string }) {
  const { api, t, lang } = useApp();
  const report = useAsync(() => api.report(incidentId), [incidentId]);
  const [downloading, setDownloading] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const download = async (format: 'pdf' | 'docx') => {
    setDownloading(true);
    setError(null);
    try {
      const blob = await api.reportDocument(incidentId, format);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `bao-cao-${report.data?.incident.code ?? incidentId}.${format}`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e);
    } finally {
      setDownloading(false);
    }
  };

  if (!report.data) {
    return (
      <div className="page">
        {report.error ? <ErrorNote error={report.error} onRetry={() => void report.reload()} /> : <Spinner />}
      </div>
    );
  }
  const r = report.data;
  const none = <p className="muted">{t('none')}</p>;
  const text = (s: string | undefined | null) => (s && s.trim() ? <p className="prose">{s}</p> : none);
  // One numbering with the PDF and DOCX: the titles come with the report; in English, its numbers.
  const section = (key: SectionKey, label: MessageKey) => {
    const server = r.sections?.[key];
    if (server && lang === 'vi') return server;
    const number = server?.match(/^\d+\./)?.[0];
    return number ? `${number} ${t(label)}` : t(label);
  };
  return (
    <div className="page report">
      <p className="backlink">
        <Link to={`/incidents/${incidentId}`}>
          ← {r.incident.code} · {r.incident.title}
        </Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{t('reportTitle')}</h1>
          <p className="muted">
            {r.incident.code} · {t('reportGenerated', { time: formatDateTime(r.generatedAt, lang) })}
          </p>
        </div>
        <div className="button-row">
          <button
            type="button"
            className="primary"
            onClick={() => void download('pdf')}
            disabled={downloading}
          >
            {downloading ? t('reportDownloading') : t('reportPdf')}
          </button>
          <button type="button" onClick={() => void download('docx')} disabled={downloading}>
            {t('reportDocx')}
          </button>
        </div>
      </div>
      <ErrorNote error={error} />
      {r.review?.status !== 'completed' && <p className="notice">{t('reportDraft')}</p>}

      <section className="panel">
        <div className="panel-body">
          <h2>{section('general', 'reportGeneral')}</h2>
          <dl className="facts-list">
            <dt>{t('colTitle')}</dt>
            <dd>{r.incident.title}</dd>
            <dt>{t('colSeverity')}</dt>
            <dd>{r.incident.severityLabel}</dd>
            <dt>{t('colStatus')}</dt>
            <dd>{r.incident.statusLabel}</dd>
            <dt>{t('colUnit')}</dt>
            <dd>{r.incident.responsibleUnit?.name}</dd>
            <dt>{t('detectedAtLabel')}</dt>
            <dd>{formatDateTime(r.incident.detectedAt, lang)}</dd>
            {r.playbook && (
              <>
                <dt>{t('navPlaybooks')}</dt>
                <dd>
                  {r.playbook.title} ({t('playbookVersion', { n: r.playbook.version })})
                </dd>
              </>
            )}
          </dl>
          <h3>{t('roomGroup')}</h3>
          <ul className="members">
            {r.team.map((m, i) => (
              <li key={i}>
                <strong>{m.roleName}</strong>: {m.fullName}
                {m.unitName ? <span className="muted small"> · {m.unitName}</span> : null}
              </li>
            ))}
          </ul>

          <h2>{section('timeline', 'reportTimeline')}</h2>
          <ol className="report-timeline">
            {r.timeline.items.map((e) => (
              <li key={e.seq}>
                <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> — {e.text}
              </li>
            ))}
          </ol>
          <p className="muted small">
            {t('reportEventsShown', { shown: r.timeline.shown, total: r.timeline.totalEvents })}
          </p>

          <h2>{section('spread', 'reportSpread')}</h2>
          <MentionChart
            points={r.spread.series.map((b) => ({
              start: new Date(b.start).getTime(),
              volume: b.volume,
              negative: b.negative,
            }))}
            windowMinutes={r.spread.bucketMinutes}
          />
          <p>
            {t('reportMentions', {
              total: formatNumber(r.spread.totalMentions, lang),
              negative: formatNumber(r.spread.negativeMentions, lang),
              share: formatPercent(r.spread.negativeShare, lang),
            })}
          </p>
          {r.spread.topOutlets.length > 0 && (
            <ul>
              {r.spread.topOutlets.slice(0, 5).map((o) => (
                <li key={o.outlet}>
                  {o.outlet}: {o.mentions}
                </li>
              ))}
            </ul>
          )}

          <h2>{section('assessment', 'reportAssessment')}</h2>
          <p>
            {r.incident.categoryLabel} · {r.incident.severityLabel}
          </p>
          {r.assessment && r.assessment.severityChanges.length + r.assessment.detections.length > 0 && (
            <ul>
              {r.assessment.severityChanges.map((c) => (
                <li key={`s-${c.at}`}>
                  {formatDateTime(c.at, lang)}: {c.from} → {c.to}
                  {c.reason ? ` (${c.reason})` : ''}
                </li>
              ))}
              {r.assessment.detections.map((d, i) => (
                <li key={`d-${i}`}>
                  {formatDateTime(d.at, lang)}: {d.ruleLabel}, {d.severity}
                </li>
              ))}
            </ul>
          )}

          <h2>{section('actions', 'reportActions')}</h2>
          {r.actions.publications.length ? (
            <ul>
              {r.actions.publications.map((p) => (
                <li key={`${p.statementId}-${p.publishedAt}`}>
                  {p.typeLabel} «{p.title}» — {p.channelLabel}, {formatDateTime(p.publishedAt, lang)}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
          <p className="small">
            {t('reportApprovals', {
              versions: r.approvals.versions,
              changes: r.approvals.changesRequested,
              rejections: r.approvals.rejections,
              done: r.tasks.done,
              tasks: r.tasks.total,
            })}
          </p>

          <h2>{section('results', 'reportResults')}</h2>
          {r.spread.peakNegative ? (
            <p>
              {t('reportPeakNegative', {
                share: formatPercent(r.spread.peakNegative.share, lang),
                time: formatDateTime(r.spread.peakNegative.at, lang),
              })}
            </p>
          ) : (
            none
          )}

          <h2>{section('deadlines', 'reportDeadlines')}</h2>
          <table className="compact-table">
            <tbody>
              {r.metrics.map((m) => (
                <tr key={m.key}>
                  <th scope="row">{m.label}</th>
                  <td>{m.seconds === null ? '—' : formatDuration(m.seconds * 1000, lang)}</td>
                  <td>
                    {m.deadline
                      ? m.deadline.met === true
                        ? t('reportMet')
                        : m.deadline.met === false
                          ? t('reportLate')
                          : ''
                      : ''}
                  </td>
                </tr>
              ))}
              {r.deadlines.map((d) => (
                <tr key={d.key}>
                  <th scope="row">{d.label}</th>
                  <td>{d.stoppedAt ? formatDateTime(d.stoppedAt, lang) : '—'}</td>
                  <td>{d.met ? t('reportMet') : d.overdue ? t('reportLate') : t('reportPending')}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h2>{section('shortcomings', 'reportShortcomings')}</h2>
          {text([r.review?.wentPoorly, r.review?.causes].filter(Boolean).join('\n\n'))}
          <h2>{section('lessons', 'reportLessons')}</h2>
          {text(r.review?.lessons)}
          <h2>{section('proposals', 'reportProposals')}</h2>
          {text(r.review?.proposals)}
          {r.review && r.review.actionItems.length > 0 && (
            <ul>
              {r.review.actionItems.map((a) => (
                <li key={a.title}>
                  {a.title} — {a.ownerName}
                  {a.dueDate ? ` (${a.dueDate})` : ''}
                </li>
              ))}
            </ul>
          )}

          <h2>{section('annex', 'reportAnnex')}</h2>
          {r.actions.publications.length ? (
            <ul className="report-annex">
              {r.actions.publications.map((p) => (
                <li key={`a-${p.statementId}-${p.publishedAt}`}>
                  {p.title} — <code className="small">{p.sha256}</code>
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </div>
      </section>
    </div>
  );
}

type SectionKey = keyof NonNullable<ReviewReport['sections']>;
