import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useApp, useAsync } from '../app-context.js';
import { ErrorNote, Link, Spinner } from '../components/common.js';
import { formatDateTime } from '../format.js';
import { navigate } from '../router.js';
import { detectionApi, DISMISS_REASONS, dt } from './detection-shared.js';
import type { WatchSignalView } from './detection-shared.js';

/**
 * The unit's watch list (triage inbox): signals below the bar for a room, live on the user's socket room. One
 * action opens an incident (the evidence goes with it); dismissing asks for a reason.
 */
export function WatchListScreen() {
  const { api, lang, rooms, user } = useApp();
  const calls = detectionApi(api);
  const list = useAsync(() => calls.watchSignals({ status: 'pending', limit: 100 }), []);
  const canAct = user.roles.some((r) => r === 'leader' || r === 'officer');

  useEffect(
    () =>
      rooms.notification.on((n) => {
        const push = n as unknown as { type: string; data?: { watchSignal?: WatchSignalView } };
        const signal = push.data?.watchSignal;
        if (push.type !== 'detection.watch_signal' || !signal) return;
        list.setData((prev) =>
          prev && !prev.items.some((w) => w.id === signal.id)
            ? { items: [signal, ...prev.items], total: prev.total + 1 }
            : prev,
        );
      }),
    [rooms, list.setData],
  );

  const done = (id: string) =>
    list.setData((prev) => prev && { items: prev.items.filter((w) => w.id !== id), total: prev.total - 1 });

  return (
    <div className="page watch-list">
      <h1>{dt(lang, 'watchTitle')}</h1>
      <p className="muted">{dt(lang, 'watchIntro')}</p>
      <p className="small muted" aria-live="polite">
        ● {dt(lang, 'watchLive')} · <Link to="/detection-settings">{dt(lang, 'settingsTitle')}</Link>
      </p>
      {list.loading && !list.data && <Spinner />}
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      {list.data && !list.data.items.length && <p className="muted">{dt(lang, 'watchEmpty')}</p>}
      <ul className="cards watch-cards">
        {list.data?.items.map((w) => (
          <WatchCard key={w.id} signal={w} canAct={canAct} onDone={() => done(w.id)} />
        ))}
      </ul>
    </div>
  );
}

export function WatchCard({
  signal: w,
  canAct,
  onDone,
}: {
  signal: WatchSignalView;
  canAct: boolean;
  onDone?: (next: WatchSignalView) => void;
}) {
  const { api, lang } = useApp();
  const calls = detectionApi(api);
  const [dismissing, setDismissing] = useState(false);
  const [reason, setReason] = useState<string>('false_positive');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const open = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await calls.open(w.id);
      onDone?.(r.watchSignal);
      navigate(`/incidents/${r.incidentId}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const dismiss = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone?.(await calls.dismiss(w.id, reason, note.trim() || undefined));
      setDismissing(false);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const mentions = w.evidence.topMentions?.slice(0, 3) ?? [];
  return (
    <li className="card" data-status={w.status}>
      <p className="small muted">
        <span className="badge">{w.ruleLabel}</span> · {dt(lang, 'topic')}:{' '}
        <Link to={`/topics/${w.topicId}/detection`}>{w.topicName}</Link> ·{' '}
        {formatDateTime(w.window.end, lang)}
      </p>
      <h2>{w.title}</h2>
      <p>{w.summary}</p>
      {mentions.length > 0 && (
        <details>
          <summary>{dt(lang, 'sources')}</summary>
          <ul className="small">
            {mentions.map((m) => (
              <li key={m.id}>
                <strong>{m.outlet ?? '—'}</strong>: {m.title ?? m.snippet}
              </li>
            ))}
          </ul>
        </details>
      )}
      {w.status !== 'pending' && (
        <p className="small">
          <strong>{dt(lang, w.status)}</strong>
          {w.dismissReasonLabel && ` · ${w.dismissReasonLabel}`}
          {w.dismissNote && ` · ${w.dismissNote}`}
          {w.incidentId && (
            <>
              {' · '}
              <Link to={`/incidents/${w.incidentId}`}>{dt(lang, 'viewIncident')}</Link>
            </>
          )}
        </p>
      )}
      <ErrorNote error={error} />
      {canAct && w.status === 'pending' && !dismissing && (
        <div className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void open()}>
            {dt(lang, 'open')}
          </button>{' '}
          <button type="button" className="secondary" disabled={busy} onClick={() => setDismissing(true)}>
            {dt(lang, 'dismiss')}
          </button>
        </div>
      )}
      {dismissing && (
        <form className="dismiss-form" onSubmit={(e) => void dismiss(e)}>
          <fieldset>
            <legend>{dt(lang, 'dismissReason')}</legend>
            {DISMISS_REASONS.map((r) => (
              <label key={r} className="radio">
                <input
                  type="radio"
                  name={`reason-${w.id}`}
                  value={r}
                  checked={reason === r}
                  onChange={() => setReason(r)}
                />{' '}
                {dt(lang, `reason_${r}`)}
              </label>
            ))}
          </fieldset>
          <label>
            {dt(lang, 'dismissNote')}
            <input type="text" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
          </label>
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {dt(lang, 'confirmDismiss')}
            </button>{' '}
            <button type="button" className="secondary" onClick={() => setDismissing(false)}>
              {dt(lang, 'cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
