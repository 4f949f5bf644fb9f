import type { IncidentDetail, Mention, TopicBucket } from '../../api/types.js';
import { useApp, useAsync } from '../../app-context.js';
import { ErrorNote, Spinner } from '../../components/common.js';
import { MentionChart } from '../../components/MentionChart.js';
import type { VolumePoint } from '../../components/MentionChart.js';
import { formatDateTime, formatNumber } from '../../format.js';

const HOUR = 3600_000;

/**
 * What detection found: the mention volume of the incident's topics around its detection (topic buckets), or,
 * without topics, its attached mentions per hour; then the attached mentions, widest reach first.
 */
export function Evidence({ incident, refresh }: { incident: IncidentDetail; refresh: number }) {
  const { api, t, lang } = useApp();
  const mentions = useAsync(() => api.mentions(incident.id, 200), [incident.id, refresh]);
  const series = useAsync(async (): Promise<{ points: VolumePoint[]; windowMinutes: number }> => {
    const to = new Date();
    const from = new Date(
      Math.min(new Date(incident.detectedAt).getTime() - 12 * HOUR, to.getTime() - 24 * HOUR),
    );
    if (incident.topics.length) {
      // The incident's own buckets: readable by everyone who sees the incident (observers too).
      const buckets = await api.get<TopicBucket[]>(`/api/incidents/${incident.id}/topic-buckets`, {
        from: from.toISOString(),
        to: to.toISOString(),
      });
      const byStart = new Map<number, VolumePoint>();
      let seconds = 300;
      for (const b of buckets) {
        const start = new Date(b.bucketStart).getTime();
        seconds = b.bucketSeconds;
        const p = byStart.get(start) ?? { start, volume: 0, negative: 0 };
        p.volume += b.volume;
        p.negative += b.negativeCount;
        byStart.set(start, p);
      }
      if (byStart.size) {
        return {
          points: [...byStart.values()].sort((a, b) => a.start - b.start),
          windowMinutes: seconds / 60,
        };
      }
    }
    const page = await api.mentions(incident.id, 500);
    return { points: perHour(page.items), windowMinutes: 60 };
  }, [incident.id, incident.topics.length, refresh]);

  const items = mentions.data?.items ?? [];
  return (
    <>
      <h3>{t('chartTitle')}</h3>
      {series.loading && !series.data && <Spinner />}
      <ErrorNote error={series.error} />
      {series.data && <MentionChart points={series.data.points} windowMinutes={series.data.windowMinutes} />}
      <ErrorNote error={mentions.error} />
      {mentions.data && !items.length && <p className="muted">{t('evidenceEmpty')}</p>}
      <ul className="mentions">
        {items.slice(0, 5).map((m) => (
          <li key={m.id} className={`mention sentiment-${m.sentiment ?? 'unknown'}`}>
            <div>
              {m.url ? (
                <a href={m.url} target="_blank" rel="noreferrer noopener">
                  {m.title || m.snippet?.slice(0, 80) || m.url}
                </a>
              ) : (
                (m.title ?? m.snippet?.slice(0, 80))
              )}
            </div>
            <div className="muted small">
              {[m.outlet ?? m.platform, m.publishedAt ? formatDateTime(m.publishedAt, lang) : null]
                .filter(Boolean)
                .join(' · ')}
              {m.reach ? ` · ${t('mentionReach', { reach: formatNumber(m.reach, lang) })}` : ''}
              {m.fakeNewsLabel ? ` · ${m.fakeNewsLabel}` : ''}
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

function perHour(mentions: Mention[]): VolumePoint[] {
  const byHour = new Map<number, VolumePoint>();
  for (const m of mentions) {
    if (!m.publishedAt) continue;
    const start = Math.floor(new Date(m.publishedAt).getTime() / HOUR) * HOUR;
    const p = byHour.get(start) ?? { start, volume: 0, negative: 0 };
    p.volume++;
    if (m.sentiment === 'negative') p.negative++;
    byHour.set(start, p);
  }
  return [...byHour.values()].sort((a, b) => a.start - b.start);
}
