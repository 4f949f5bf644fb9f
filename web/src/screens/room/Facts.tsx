import { useState } from 'react';
import type { FormEvent } from 'react';
import { itemsOf } from '../../api/client.js';
import type { LiveRoom } from '../../api/rooms.js';
import type { Fact } from '../../api/types.js';
import { useApp, useAsync } from '../../app-context.js';
import { ErrorNote, Spinner } from '../../components/common.js';
import { formatDateTime } from '../../format.js';
import { useRoomEvents } from '../../room-hooks.js';

/** The incident's book of facts: recorded, verified (statements may cite only verified ones), retracted. */
export function Facts({ room, readOnly }: { room: LiveRoom; readOnly: boolean }) {
  const { api, t, l, lang } = useApp();
  const facts = useAsync(async () => itemsOf(await api.facts(room.incidentId)), [room.incidentId]);
  const [statement, setStatement] = useState('');
  const [source, setSource] = useState('');
  const [verified, setVerified] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useRoomEvents(room, (events) => {
    for (const e of events) {
      const fact = (e.payload as { fact?: Fact }).fact;
      if (!e.type.startsWith('fact.') || !fact) continue;
      facts.setData((prev) => {
        const list = prev ?? [];
        return list.some((x) => x.id === fact.id)
          ? list.map((x) => (x.id === fact.id ? fact : x))
          : [...list, fact];
      });
    }
  });

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await room.connection.call('fact:create', {
        incidentId: room.incidentId,
        statement: statement.trim(),
        source: source.trim(),
        status: verified ? 'verified' : 'unverified',
      });
      setStatement('');
      setSource('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const verify = async (fact: Fact) => {
    setError(null);
    try {
      await room.connection.call('fact:update', {
        incidentId: room.incidentId,
        factId: fact.id,
        status: 'verified',
      });
    } catch (err) {
      setError(err);
    }
  };

  const list = facts.data ?? [];
  return (
    <>
      {facts.loading && !facts.data && <Spinner />}
      <ErrorNote error={facts.error} onRetry={() => void facts.reload()} />
      {facts.data && !list.length && <p className="muted">{t('factsEmpty')}</p>}
      <ul className="items">
        {list.map((fact) => (
          <li key={fact.id} className={`fact fact-${fact.status}`}>
            <span>
              {fact.statement}
              <span className="muted small">
                {' '}
                — {fact.source}
                {fact.verifiedAt ? ` · ${formatDateTime(fact.verifiedAt, lang)}` : ''}
              </span>
            </span>
            <span className="item-tools">
              <span className={`badge fact-badge-${fact.status}`}>{l('factStatus', fact.status)}</span>
              {!readOnly && fact.status === 'unverified' && (
                <button type="button" className="small-button" onClick={() => void verify(fact)}>
                  {t('factVerify')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {!readOnly && (
        <form className="stack-form" onSubmit={add}>
          <label htmlFor="fact-statement">{t('factStatement')}</label>
          <textarea
            id="fact-statement"
            rows={2}
            value={statement}
            minLength={5}
            required
            onChange={(e) => setStatement(e.target.value)}
          />
          <label htmlFor="fact-source">{t('factSource')}</label>
          <input
            id="fact-source"
            value={source}
            minLength={3}
            required
            onChange={(e) => setSource(e.target.value)}
          />
          <label className="check">
            <input type="checkbox" checked={verified} onChange={(e) => setVerified(e.target.checked)} />
            {t('factAlreadyVerified')}
          </label>
          <button type="submit" disabled={busy || statement.trim().length < 5 || source.trim().length < 3}>
            {busy ? t('saving') : t('factAdd')}
          </button>
        </form>
      )}
      <ErrorNote error={error} />
    </>
  );
}
