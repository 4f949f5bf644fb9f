import { useState } from 'react';
import type { FormEvent } from 'react';
import type { StatementDetail } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { ErrorNote } from '../../components/common.js';

const CHANNELS = ['portal', 'press_conference', 'press_outlets', 'social_page', 'press_briefing', 'platform'];

/**
 * Recording that the approved version went out on a channel (NĐ 09/2017 art. 4 forms): one record per channel,
 * bound to the version and its SHA-256; the first one stops the legal clocks it meets. Only the group's speakers
 * (spokesperson, press liaison, team leader, deputy) get the control; the server checks again.
 */
export function PublishPanel({ statement, onDone }: { statement: StatementDetail; onDone: () => void }) {
  const { api, t, l } = useApp();
  const version = statement.versions.find((v) => v.number === statement.currentVersion);
  const done = new Set(
    statement.publications.filter((p) => p.versionNumber === statement.currentVersion).map((p) => p.channel),
  );
  const planned = statement.channels ?? [];
  const open = [...planned, ...CHANNELS.filter((c) => !planned.includes(c))].filter((c) => !done.has(c));
  const [channel, setChannel] = useState(open[0] ?? '');
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const selected = open.includes(channel) ? channel : open[0];
  if (!statement.rights.canPublish || !version) return null;
  if (!['approved', 'published'].includes(statement.status)) return null;

  const publish = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/statements/${statement.id}/publications`, {
        versionNumber: version.number,
        sha256: version.sha256,
        channel: selected,
        ...(url.trim() ? { url: url.trim() } : {}),
      });
      setUrl('');
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack-form" onSubmit={publish} aria-labelledby="publish-title">
      <h3 id="publish-title">{t('publishTitle', { n: version.number })}</h3>
      {!open.length ? (
        <p className="muted">{t('publishAllDone')}</p>
      ) : (
        <>
          <label htmlFor="publish-channel">{t('publishChannel')}</label>
          <select id="publish-channel" value={selected} onChange={(e) => setChannel(e.target.value)}>
            {open.map((c) => (
              <option key={c} value={c}>
                {l('channel', c)}
                {planned.includes(c) ? ` (${t('publishPlanned')})` : ''}
              </option>
            ))}
          </select>
          <label htmlFor="publish-url">{t('publishUrl')}</label>
          <input
            id="publish-url"
            type="url"
            placeholder="https://"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
          <p className="muted small">{t('publishHash', { sha: version.sha256.slice(0, 16) })}</p>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('saving') : t('publishRecord')}
          </button>
        </>
      )}
      <ErrorNote error={error} />
    </form>
  );
}
