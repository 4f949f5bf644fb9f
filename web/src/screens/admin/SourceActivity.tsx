import type { SourceActivity } from '../../api/admin-types.js';
import { useApp, useAsync } from '../../app-context.js';
import { ErrorNote, Spinner } from '../../components/common.js';
import { formatDateTime } from '../../format.js';
import type { MessageKey } from '../../i18n.js';

/** What one source delivered over the last day: arrivals per hour, topics matched, refusals and why. */
export function SourceActivityPanel({ sourceId, name }: { sourceId: string; name: string }) {
  const { api, t, lang } = useApp();
  const activity = useAsync(
    () => api.get<SourceActivity>(`/api/signal-sources/${sourceId}/activity`),
    [sourceId],
  );
  if (activity.error) return <ErrorNote error={activity.error} onRetry={() => void activity.reload()} />;
  const a = activity.data;
  if (!a) return <Spinner />;
  const peak = Math.max(1, ...a.hours.map((h) => h.accepted + h.duplicates + h.rejected));
  const hourLabel = (iso: string) =>
    new Date(iso).toLocaleTimeString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
  return (
    <section className="panel source-activity" aria-label={t('sourceActivityTitle', { name })}>
      <header className="panel-header">
        <h3>{t('sourceActivityTitle', { name })}</h3>
      </header>
      <div className="panel-body">
        <p data-testid="source-activity-total">
          {t('sourceActivityTotal', {
            accepted: a.total.accepted,
            duplicates: a.total.duplicates,
            rejected: a.total.rejected,
          })}
        </p>
        <div className="hour-bars" role="img" aria-label={t('sourceActivityChart')}>
          {a.hours.map((h) => {
            const total = h.accepted + h.duplicates + h.rejected;
            return (
              <div
                key={h.hourStart}
                className="hour-bar"
                title={`${hourLabel(h.hourStart)}: ${t('sourceActivityTotal', h)}`}
              >
                <span className="bar-rejected" style={{ height: `${(h.rejected / peak) * 100}%` }} />
                <span className="bar-duplicates" style={{ height: `${(h.duplicates / peak) * 100}%` }} />
                <span className="bar-accepted" style={{ height: `${(h.accepted / peak) * 100}%` }} />
                <span className="visually-hidden">{total}</span>
              </div>
            );
          })}
        </div>
        <p className="small muted hour-axis">
          <span>{hourLabel(a.hours[0]?.hourStart ?? a.since)}</span>
          <span>
            <i className="legend bar-accepted" /> {t('sourceActivityAccepted')}{' '}
            <i className="legend bar-duplicates" /> {t('sourceActivityDuplicates')}{' '}
            <i className="legend bar-rejected" /> {t('sourceActivityRejected')}
          </span>
          <span>{hourLabel(a.hours[a.hours.length - 1]?.hourStart ?? a.since)}</span>
        </p>
        <h4>{t('sourceActivityTopics')}</h4>
        {a.topics.length ? (
          <ul className="chips">
            {a.topics.map((tp) => (
              <li key={tp.topicId}>
                {tp.name ?? tp.topicId} <strong>{tp.mentions}</strong>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('sourceActivityNoTopics')}</p>
        )}
        <h4>{t('sourceActivityRejects')}</h4>
        {a.rejects.length ? (
          <table className="data-table compact">
            <thead>
              <tr>
                <th scope="col">{t('sourceRejectField')}</th>
                <th scope="col">{t('sourceRejectReason')}</th>
                <th scope="col">{t('sourceRejectVia')}</th>
                <th scope="col">{t('sourceRejectCount')}</th>
                <th scope="col">{t('sourceRejectLast')}</th>
              </tr>
            </thead>
            <tbody>
              {a.rejects.map((r) => (
                <tr key={`${r.via}|${r.field}|${r.reason}`}>
                  <td>{r.field}</td>
                  <td>{r.reason}</td>
                  <td>{t(`sourceVia_${r.via}` as MessageKey)}</td>
                  <td>{r.count}</td>
                  <td>{formatDateTime(r.lastAt, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{t('sourceActivityNoRejects')}</p>
        )}
      </div>
    </section>
  );
}
