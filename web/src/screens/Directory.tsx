import { useEffect, useState } from 'react';
import type { PersonSummary, Speaker } from '../api/types.js';
import { useApp, useAsync } from '../app-context.js';
import { ErrorNote, Link, Spinner } from '../components/common.js';
import { formatDate, todayInVietnam } from '../format.js';

/** Units on a date (the directory is temporal) and who may speak for each: head, spokespersons, authorized. */
export function DirectoryScreen({ unitId }: { unitId?: string }) {
  const { api, t, l } = useApp();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [on, setOn] = useState(
    () => new URLSearchParams(window.location.search).get('on') ?? todayInVietnam(),
  );
  const units = useAsync(() => api.orgUnits({ q: query || undefined, on }), [query, on]);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(q.trim()), 300);
    return () => clearTimeout(timer);
  }, [q]);

  const items = units.data?.items ?? [];
  return (
    <div className="page">
      <h1>{t('directoryTitle')}</h1>
      <div className="filters">
        <label htmlFor="unit-search">{t('directorySearch')}</label>
        <input id="unit-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <label htmlFor="unit-on">{t('directoryOn')}</label>
        <input
          id="unit-on"
          type="date"
          value={on}
          onChange={(e) => e.target.value && setOn(e.target.value)}
        />
      </div>
      <div className="directory-grid">
        <section aria-label={t('navDirectory')} className="panel">
          <div className="panel-body">
            {units.loading && !units.data && <Spinner />}
            <ErrorNote error={units.error} onRetry={() => void units.reload()} />
            {units.data && !items.length && <p className="muted">{t('directoryEmpty')}</p>}
            <ul className="unit-list">
              {items.map((u) => (
                <li key={u.id} className={u.id === unitId ? 'selected' : undefined}>
                  <Link to={`/directory/${u.id}?on=${on}`}>{u.name}</Link>
                  <div className="muted small">
                    {l('unitType', u.unitType)} · {u.code}
                  </div>
                </li>
              ))}
            </ul>
          </div>
        </section>
        <section className="panel" aria-live="polite">
          <div className="panel-body">
            {unitId ? <UnitDetail unitId={unitId} on={on} /> : <p className="muted">{t('directoryPick')}</p>}
          </div>
        </section>
      </div>
    </div>
  );
}

function UnitDetail({ unitId, on }: { unitId: string; on: string }) {
  const { api, t, l, lang } = useApp();
  const detail = useAsync(async () => {
    const [unit, speakers] = await Promise.all([api.orgUnit(unitId, on), api.spokespersons(unitId, on)]);
    return { unit, speakers };
  }, [unitId, on]);
  if (detail.loading && !detail.data) return <Spinner />;
  if (detail.error) return <ErrorNote error={detail.error} onRetry={() => void detail.reload()} />;
  if (!detail.data) return null;
  const { unit, speakers } = detail.data;
  return (
    <article>
      <h2>{unit.name}</h2>
      <p className="muted">
        {l('unitType', unit.unitType)} · {unit.code} ·{' '}
        {t('unitValid', {
          from: formatDate(unit.validFrom, lang),
          to: unit.validTo ? formatDate(unit.validTo, lang) : t('unitStillValid'),
        })}
      </p>
      {!unit.validOnDate && <p className="notice">{t('unitEnded')}</p>}
      {unit.parent && (
        <p>
          {t('unitParent')}: <Link to={`/directory/${unit.parent.id}?on=${on}`}>{unit.parent.name}</Link>
        </p>
      )}
      {(unit.phone || unit.email || unit.address) && (
        <p className="small">
          {t('contact')}: {[unit.address, unit.phone, unit.email].filter(Boolean).join(' · ')}
        </p>
      )}
      <h3>{t('heads')}</h3>
      <People people={speakers.heads} />
      <h3>{t('spokespersons')}</h3>
      <Speakers speakers={speakers.spokespersons} />
      <h3>{t('authorized')}</h3>
      <Speakers speakers={speakers.authorized} />
      {unit.successors.length > 0 && (
        <>
          <h3>{t('unitSuccessors')}</h3>
          <ul>
            {unit.successors.map((s) => (
              <li key={s.unit.id}>
                <Link to={`/directory/${s.unit.id}?on=${on}`}>{s.unit.name}</Link> ({s.kind},{' '}
                {formatDate(s.effectiveOn, lang)})
              </li>
            ))}
          </ul>
        </>
      )}
      {unit.children.length > 0 && (
        <>
          <h3>{t('unitChildren')}</h3>
          <ul className="unit-children">
            {unit.children.map((c) => (
              <li key={c.id}>
                <Link to={`/directory/${c.id}?on=${on}`}>{c.name}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}

function People({ people }: { people: PersonSummary[] }) {
  const { t } = useApp();
  if (!people.length) return <p className="muted">{t('nobody')}</p>;
  return (
    <ul className="people">
      {people.map((p) => (
        <li key={p.id}>
          <strong>{p.fullName}</strong> — {p.position}
          <div className="muted small">{[p.phone, p.email].filter(Boolean).join(' · ')}</div>
        </li>
      ))}
    </ul>
  );
}

function Speakers({ speakers }: { speakers: (Speaker & { matter?: string })[] }) {
  const { t, lang } = useApp();
  if (!speakers.length) return <p className="muted">{t('nobody')}</p>;
  return (
    <ul className="people">
      {speakers.map((s) => (
        <li key={s.designationId}>
          <strong>{s.person.fullName}</strong> — {s.person.position}
          <div className="muted small">
            {[s.person.phone, s.person.email].filter(Boolean).join(' · ')}
            {s.matter && <> · {t('matter', { matter: s.matter })}</>}
            {s.validTo && <> · {t('validUntil', { date: formatDate(s.validTo, lang) })}</>}
            {s.decisionRef && <> · {s.decisionRef}</>}
          </div>
        </li>
      ))}
    </ul>
  );
}
