import { useEffect, useRef, useState } from 'react';
import type { Incident } from '../api/types.js';
import { useApp, useAsync } from '../app-context.js';
import { ErrorNote, Link, SeverityBadge, Spinner, StatusBadge } from '../components/common.js';
import { LegalClock, mainDeadline } from '../components/LegalClock.js';
import { formatDateTime } from '../format.js';

const OPEN = 'detected,triaged,active,monitoring';

/** Incidents the user may see, kept live by `incident:changed` pushes (no room to join). */
export function IncidentListScreen() {
  const { api, rooms, t, l, lang, user } = useApp();
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [announce, setAnnounce] = useState('');
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const known = useRef<Set<string> | null>(null);
  const list = useAsync(
    () => api.incidents({ status: filter === 'open' ? OPEN : undefined, q: query || undefined }),
    [filter, query],
  );

  useEffect(() => {
    const timer = setTimeout(() => setQuery(q.trim()), 300);
    return () => clearTimeout(timer);
  }, [q]);

  // New rows since the first load are marked and announced.
  useEffect(() => {
    if (!list.data) return;
    const ids = new Set(list.data.items.map((i) => i.id));
    if (known.current) {
      const added = list.data.items.filter((i) => !known.current!.has(i.id));
      if (added.length) {
        setFresh((prev) => new Set([...prev, ...added.map((i) => i.id)]));
        setAnnounce(t('newIncidentArrived', { title: added.map((i) => i.title).join('; ') }));
      }
    }
    known.current = ids;
  }, [list.data, t]);

  useEffect(() => {
    known.current = null;
  }, [filter, query]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const reload = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void list.reload(), 150);
    };
    const offs = [rooms.incidentChanged.on(reload), rooms.resynced.on(reload)];
    const safety = setInterval(reload, 60_000);
    return () => {
      offs.forEach((off) => off());
      clearInterval(safety);
      clearTimeout(timer);
    };
  }, [rooms, list.reload]);

  const items: Incident[] = list.data?.items ?? [];
  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>{t('incidentsTitle')}</h1>
          <p className="muted">{t('incidentsLive')}</p>
          {user.roles.some((r) => r === 'admin' || r === 'leader' || r === 'officer') && (
            <p>
              <Link to="/incidents/new" className="button-link">
                {t('declareTitle')}
              </Link>
              {' · '}
              <Link to="/reports/new" className="button-link">
                {t('reportFormTitle')}
              </Link>
              {' · '}
              <Link to="/reports/periodic">{t('periodicTitle')}</Link>
            </p>
          )}
        </div>
        <div className="filters">
          <fieldset className="segmented">
            <legend className="visually-hidden">{t('filterLabel')}</legend>
            {(['open', 'all'] as const).map((f) => (
              <label key={f} className={filter === f ? 'on' : ''}>
                <input
                  type="radio"
                  name="incident-filter"
                  value={f}
                  checked={filter === f}
                  onChange={() => setFilter(f)}
                />
                {f === 'open' ? t('filterOpen') : t('filterAll')}
              </label>
            ))}
          </fieldset>
          <label className="visually-hidden" htmlFor="incident-search">
            {t('searchIncidents')}
          </label>
          <input
            id="incident-search"
            type="search"
            placeholder={t('searchIncidents')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      {list.loading && !list.data && <Spinner />}
      {list.data && !items.length && <p className="empty">{t('incidentsEmpty')}</p>}
      {items.length > 0 && (
        <table className="incident-table" aria-busy={list.loading}>
          <thead>
            <tr>
              <th scope="col">{t('colCode')}</th>
              <th scope="col">{t('colTitle')}</th>
              <th scope="col">{t('colSeverity')}</th>
              <th scope="col">{t('colStatus')}</th>
              <th scope="col">{t('colUnit')}</th>
              <th scope="col">{t('colClock')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => {
              const deadline = mainDeadline(i.deadlines);
              return (
                <tr key={i.id} className={fresh.has(i.id) ? 'fresh' : undefined} data-incident-id={i.id}>
                  <td className="code" data-label={t('colCode')}>
                    {i.code}
                  </td>
                  <td data-label={t('colTitle')}>
                    <Link to={`/incidents/${i.id}`} className="incident-link">
                      {i.title}
                    </Link>
                    <div className="muted small">
                      {l('category', i.category)} ·{' '}
                      {t('detectedAt', { time: formatDateTime(i.detectedAt, lang) })}
                    </div>
                  </td>
                  <td data-label={t('colSeverity')}>
                    <SeverityBadge severity={i.severity} />
                  </td>
                  <td data-label={t('colStatus')}>
                    <StatusBadge status={i.status} />
                  </td>
                  <td data-label={t('colUnit')}>{i.responsibleUnitSnapshot?.name}</td>
                  <td data-label={t('colClock')}>
                    {deadline ? <LegalClock deadline={deadline} compact /> : '—'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
