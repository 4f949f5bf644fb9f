import { useState } from 'react';
import type { FormEvent } from 'react';
import type { FeedItem, SignalSource } from '../../api/admin-types.js';
import { useApp, useAsync } from '../../app-context.js';
import { ErrorNote } from '../../components/common.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { formatDateTime, formatNumber } from '../../format.js';
import type { MessageKey } from '../../i18n.js';
import { Field, FormError, ListStatus, RowAction, SubmitButton, useSubmit } from './fields.js';

const OUTLET_TYPES = ['online_news', 'print', 'radio_tv', 'magazine', 'portal'] as const;

interface Draft {
  sourceId: string;
  url: string;
  outletName: string;
  outletType: FeedItem['outletType'];
  majorOutlet: boolean;
  minutes: string;
}

const EMPTY: Draft = {
  sourceId: '',
  url: '',
  outletName: '',
  outletType: 'online_news',
  majorOutlet: false,
  minutes: '5',
};

/** News feeds of the signal sources of kind "feed": add, edit, switch off, remove, poll now, and their health. */
export function FeedsAdmin() {
  const { api, t, lang } = useApp();
  const sources = useAsync(
    async () => (await api.get<SignalSource[]>('/api/signal-sources')).filter((s) => s.kind === 'feed'),
    [],
  );
  const feeds = useAsync(() => api.get<FeedItem[]>('/api/feeds'), []);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [editing, setEditing] = useState<FeedItem | null>(null);
  const [removing, setRemoving] = useState<FeedItem | null>(null);
  const form = useSubmit();
  const row = useSubmit();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const sourceId = draft.sourceId || sources.data?.[0]?.id || '';

  const save = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const body = {
        url: draft.url.trim(),
        outletName: draft.outletName.trim(),
        outletType: draft.outletType,
        majorOutlet: draft.majorOutlet,
        intervalSeconds: Math.round(Number(draft.minutes) * 60),
      };
      if (editing) await api.patch(`/api/feeds/${editing.id}`, body);
      else await api.post('/api/feeds', { ...body, sourceId });
      setEditing(null);
      setDraft(EMPTY);
      await feeds.reload();
    });
  };
  const edit = (f: FeedItem) => {
    setEditing(f);
    setDraft({
      sourceId: f.sourceId,
      url: f.url,
      outletName: f.outletName,
      outletType: f.outletType,
      majorOutlet: f.majorOutlet,
      minutes: String(f.intervalSeconds / 60),
    });
  };
  const act = (work: () => Promise<unknown>) =>
    row.run(async () => {
      await work();
      await feeds.reload();
    });

  return (
    <>
      <section className="panel" aria-labelledby="feed-form">
        <header className="panel-header">
          <h2 id="feed-form">{editing ? t('feedEdit') : t('feedNew')}</h2>
        </header>
        {sources.data && !sources.data.length ? (
          <p className="panel-body">{t('feedNoSource')}</p>
        ) : (
          <form className="panel-body form-grid" onSubmit={save}>
            {!editing && (
              <Field label={t('feedSource')} id="feed-source">
                <select id="feed-source" value={sourceId} onChange={(e) => set({ sourceId: e.target.value })}>
                  {(sources.data ?? []).map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </Field>
            )}
            <Field label={t('feedUrl')} id="feed-url">
              <input
                id="feed-url"
                type="url"
                required
                maxLength={2000}
                placeholder="https://…/rss"
                value={draft.url}
                onChange={(e) => set({ url: e.target.value })}
              />
            </Field>
            <Field label={t('feedOutlet')} id="feed-outlet">
              <input
                id="feed-outlet"
                required
                minLength={2}
                maxLength={300}
                value={draft.outletName}
                onChange={(e) => set({ outletName: e.target.value })}
              />
            </Field>
            <Field label={t('feedOutletType')} id="feed-type">
              <select
                id="feed-type"
                value={draft.outletType}
                onChange={(e) => set({ outletType: e.target.value as Draft['outletType'] })}
              >
                {OUTLET_TYPES.map((k) => (
                  <option key={k} value={k}>
                    {t(`feedOutletType_${k}` as MessageKey)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('feedInterval')} id="feed-interval">
              <input
                id="feed-interval"
                type="number"
                required
                min={1}
                max={1440}
                value={draft.minutes}
                onChange={(e) => set({ minutes: e.target.value })}
              />
            </Field>
            <label className="wide checkbox">
              <input
                type="checkbox"
                checked={draft.majorOutlet}
                onChange={(e) => set({ majorOutlet: e.target.checked })}
              />{' '}
              {t('feedMajor')}
            </label>
            <SubmitButton busy={form.busy} label={editing ? t('feedSave') : t('feedAdd')} />
            {editing && (
              <button
                type="button"
                onClick={() => {
                  setEditing(null);
                  setDraft(EMPTY);
                }}
              >
                {t('feedCancel')}
              </button>
            )}
            <FormError error={form.error} />
          </form>
        )}
      </section>
      <ErrorNote error={row.error} />
      <ListStatus list={feeds} />
      {feeds.data && !feeds.data.length && <p>{t('feedEmpty')}</p>}
      {!!feeds.data?.length && (
        <table className="data-table" data-testid="feed-health">
          <caption>{t('feedHealth')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('feedOutlet')}</th>
              <th scope="col">{t('feedIntervalHeader')}</th>
              <th scope="col">{t('feedLastSuccess')}</th>
              <th scope="col">{t('feedLastError')}</th>
              <th scope="col">{t('feedItems')}</th>
              <th scope="col">{t('feedNextPoll')}</th>
              <th scope="col">{t('adminActions')}</th>
            </tr>
          </thead>
          <tbody>
            {feeds.data.map((f) => (
              <tr key={f.id}>
                <td>
                  <strong>{f.outletName}</strong> · {t(`feedOutletType_${f.outletType}` as MessageKey)}
                  {f.majorOutlet && (
                    <>
                      {' '}
                      <span className="badge">{t('feedMajorBadge')}</span>
                    </>
                  )}
                  {!f.active && (
                    <>
                      {' '}
                      <span className="badge">{t('adminInactive')}</span>
                    </>
                  )}
                  <br />
                  <span className="small">{f.url}</span>
                  {f.health.lastStatus && (
                    <>
                      <br />
                      <span className="small">{t(`feedStatus_${f.health.lastStatus}` as MessageKey)}</span>
                    </>
                  )}
                </td>
                <td>{t('feedIntervalShort', { n: formatNumber(f.intervalSeconds / 60, lang) })}</td>
                <td>
                  {f.health.lastSuccessAt ? formatDateTime(f.health.lastSuccessAt, lang) : t('feedNever')}
                </td>
                <td>
                  {f.health.lastError ? (
                    <>
                      <span className={f.health.lastStatus === 'error' ? 'feed-error' : undefined}>
                        {f.health.lastError}
                      </span>
                      <br />
                      <span className="small">{formatDateTime(f.health.lastErrorAt, lang)}</span>
                      {f.health.consecutiveFailures > 0 && (
                        <>
                          <br />
                          <span className="small">
                            {t('feedFailures', { n: f.health.consecutiveFailures })}
                          </span>
                        </>
                      )}
                    </>
                  ) : (
                    '—'
                  )}
                  {f.health.rejects.length > 0 && (
                    <details>
                      <summary>
                        {t('feedRejects')} ({f.health.rejects.length})
                      </summary>
                      <ul className="small">
                        {f.health.rejects.map((r) => (
                          <li key={r.index}>
                            {r.reason}
                            {r.title ? ` — «${r.title}»` : r.link ? ` — ${r.link}` : ''}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
                <td>
                  {f.health.lastPolledAt
                    ? `${formatNumber(f.health.itemsSeen, lang)} / ${formatNumber(f.health.itemsNew, lang)}`
                    : '—'}
                </td>
                <td>{f.health.nextPollAt ? formatDateTime(f.health.nextPollAt, lang) : '—'}</td>
                <td className="item-tools">
                  <RowAction
                    label={t('feedPollNow')}
                    subject={f.outletName}
                    disabled={row.busy || !f.active}
                    onClick={() => void act(() => api.post(`/api/feeds/${f.id}/poll`))}
                  />
                  <RowAction label={t('feedEditShort')} subject={f.outletName} onClick={() => edit(f)} />
                  <RowAction
                    label={f.active ? t('adminDeactivate') : t('adminActivate')}
                    subject={f.outletName}
                    disabled={row.busy}
                    onClick={() => void act(() => api.patch(`/api/feeds/${f.id}`, { active: !f.active }))}
                  />
                  <RowAction
                    label={t('feedRemove')}
                    subject={f.outletName}
                    disabled={row.busy}
                    onClick={() => setRemoving(f)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t('feedRemoveTitle')}
        busy={row.busy}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const f = removing;
          setRemoving(null);
          if (f) void act(() => api.request('DELETE', `/api/feeds/${f.id}`));
        }}
      >
        <p>{removing && t('feedRemoveConfirm', { url: removing.url, outlet: removing.outletName })}</p>
      </ConfirmDialog>
    </>
  );
}
