import { useState } from 'react';
import type { FormEvent } from 'react';
import type { RetentionOverview } from '../../api/admin-types.js';
import { useApp, useAsync } from '../../app-context.js';
import { formatDate, formatDateTime, formatNumber } from '../../format.js';
import { Field, FormError, ListStatus, SubmitButton, todayVn, useSubmit } from './fields.js';

const monthLabel = (month: string) => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/**
 * How long mentions are kept (dated policies: a new span is a new row from a date, never a change in place), the
 * month partitions with their estimated size and incident evidence, and what the next daily run will drop.
 */
export function MentionRetentionAdmin() {
  const { api, t, lang } = useApp();
  const overview = useAsync(() => api.get<RetentionOverview>('/api/mention-retention-policies'), []);
  const [draft, setDraft] = useState({ validFrom: todayVn(), keepMonths: '24', note: '' });
  const form = useSubmit();
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));
  const data = overview.data;

  const create = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      await api.post('/api/mention-retention-policies', {
        validFrom: draft.validFrom,
        keepMonths: Number(draft.keepMonths),
        ...(draft.note.trim() ? { note: draft.note.trim() } : {}),
      });
      await overview.reload();
    });
  };

  return (
    <>
      <ListStatus list={overview} />
      {data && (
        <section className="panel" aria-labelledby="retention-now">
          <header className="panel-header">
            <h2 id="retention-now">{t('adminRetention')}</h2>
          </header>
          <div className="panel-body">
            <p>
              {data.inForce
                ? t('retentionInForce', {
                    months: data.inForce.keepMonths,
                    from: formatDate(data.inForce.validFrom, lang),
                  })
                : t('retentionNone')}
            </p>
            <p>
              {data.nextRun
                ? data.nextRun.keepFrom
                  ? t('retentionNextRun', {
                      at: formatDateTime(data.nextRun.at, lang),
                      from: monthLabel(data.nextRun.keepFrom),
                    })
                  : t('retentionNextRunNothing', { at: formatDateTime(data.nextRun.at, lang) })
                : t('retentionNoRun')}
            </p>
            <p className="muted small">{t('retentionDedup', { days: data.dedupDays })}</p>
          </div>
        </section>
      )}
      <section className="panel" aria-labelledby="retention-new">
        <header className="panel-header">
          <h2 id="retention-new">{t('retentionNew')}</h2>
        </header>
        <form className="panel-body form-grid" onSubmit={create}>
          <Field label={t('adminEffectiveFrom')} id="retention-from">
            <input
              id="retention-from"
              type="date"
              required
              min={todayVn()}
              value={draft.validFrom}
              onChange={(e) => set({ validFrom: e.target.value })}
            />
          </Field>
          <Field label={t('retentionKeepMonths')} id="retention-months">
            <input
              id="retention-months"
              type="number"
              min={1}
              max={600}
              required
              value={draft.keepMonths}
              onChange={(e) => set({ keepMonths: e.target.value })}
            />
          </Field>
          <Field label={t('retentionNote')} id="retention-note" wide>
            <input
              id="retention-note"
              maxLength={500}
              value={draft.note}
              onChange={(e) => set({ note: e.target.value })}
            />
          </Field>
          <SubmitButton busy={form.busy} label={t('retentionCreate')} />
          <FormError error={form.error} />
        </form>
      </section>
      {data && (
        <>
          <table className="data-table">
            <caption>{t('retentionPolicies')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('adminEffectiveFrom')}</th>
                <th scope="col">{t('retentionKeepMonths')}</th>
                <th scope="col">{t('retentionNote')}</th>
              </tr>
            </thead>
            <tbody>
              {data.policies.map((p) => (
                <tr key={p.validFrom}>
                  <td>{formatDate(p.validFrom, lang)}</td>
                  <td>{p.keepMonths}</td>
                  <td className="small">{p.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className="data-table">
            <caption>{t('retentionPartitions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('retentionMonth')}</th>
                <th scope="col">{t('retentionRows')}</th>
                <th scope="col">{t('retentionEvidence')}</th>
                <th scope="col">{t('retentionState')}</th>
              </tr>
            </thead>
            <tbody>
              {data.partitions.map((p) => (
                <tr key={p.month ?? 'kept'}>
                  <td>{p.month ? monthLabel(p.month) : t('retentionKept')}</td>
                  <td>
                    {p.rowsApprox === null ? t('retentionNotEstimated') : formatNumber(p.rowsApprox, lang)}
                  </td>
                  <td>{formatNumber(p.evidence, lang)}</td>
                  <td>{p.month ? (p.dropsAtNextRun ? t('retentionDrops') : t('retentionKeeps')) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
