import { useState } from 'react';
import type { FormEvent } from 'react';
import type { DeadlineRule } from '../../api/admin-types.js';
import { useApp, useAsync } from '../../app-context.js';
import { ErrorNote } from '../../components/common.js';
import { formatDate } from '../../format.js';
import { DEADLINE_ANCHORS } from '../../../../src/contracts/enums.js';
import type { DeadlineAnchor } from '../../../../src/contracts/enums.js';
import type { MessageKey } from '../../i18n.js';
import { Field, FormError, ListStatus, RowAction, SubmitButton, todayVn, useSubmit } from './fields.js';

/** The names of what a clock counts from; typed over the API's anchors, so a new anchor without a name fails the build. */
const ANCHOR_LABEL: Record<DeadlineAnchor, MessageKey> = {
  detected: 'adminAnchor_detected',
  takedown_requested: 'adminAnchor_takedown_requested',
  press_inquiry_received: 'adminAnchor_press_inquiry_received',
  press_report_received: 'adminAnchor_press_report_received',
};
const isAnchor = (a: string): a is DeadlineAnchor => (DEADLINE_ANCHORS as readonly string[]).includes(a);
const UNITS = ['minutes', 'hours', 'days'] as const;

/**
 * The legal clock's dated rules (deadlines are policy, not code): every version stays, with its dates and legal
 * source; a new value is a new row from a date, and the old one is ended the day before.
 */
export function DeadlineRulesAdmin() {
  const { api, t, l, lang } = useApp();
  const rules = useAsync(() => api.get<DeadlineRule[]>('/api/deadline-rules'), []);
  const [draft, setDraft] = useState({
    key: '',
    label: '',
    value: '24',
    unit: 'hours',
    anchor: 'detected',
    minSeverity: '',
    effectiveFrom: todayVn(),
    legalSource: '',
  });
  const [ending, setEnding] = useState<{ id: string; date: string } | null>(null);
  const form = useSubmit();
  const row = useSubmit();
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }));

  const create = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      await api.post('/api/deadline-rules', {
        key: draft.key.trim(),
        label: draft.label.trim(),
        value: Number(draft.value),
        unit: draft.unit,
        anchor: draft.anchor,
        ...(draft.minSeverity ? { minSeverity: draft.minSeverity } : {}),
        effectiveFrom: draft.effectiveFrom,
        legalSource: draft.legalSource.trim(),
      });
      await rules.reload();
    });
  };
  const end = (e: FormEvent) => {
    e.preventDefault();
    if (!ending) return;
    void row.run(async () => {
      await api.patch(`/api/deadline-rules/${ending.id}`, { effectiveTo: ending.date });
      setEnding(null);
      await rules.reload();
    });
  };
  const copy = (r: DeadlineRule) =>
    setDraft({
      key: r.key,
      label: r.label,
      value: String(r.value),
      unit: r.unit,
      anchor: r.anchor,
      minSeverity: r.minSeverity ?? '',
      effectiveFrom: todayVn(),
      legalSource: r.legalSource,
    });

  return (
    <>
      <section className="panel" aria-labelledby="rule-new">
        <header className="panel-header">
          <h2 id="rule-new">{t('adminDeadlineNew')}</h2>
        </header>
        <form className="panel-body form-grid" onSubmit={create}>
          <Field label={t('adminDeadlineKey')} id="rule-key">
            <input
              id="rule-key"
              required
              pattern="[a-z0-9_]+"
              value={draft.key}
              onChange={(e) => set({ key: e.target.value })}
            />
          </Field>
          <Field label={t('adminDeadlineLabel')} id="rule-label">
            <input
              id="rule-label"
              required
              value={draft.label}
              onChange={(e) => set({ label: e.target.value })}
            />
          </Field>
          <Field label={t('adminDeadlineValue')} id="rule-value">
            <input
              id="rule-value"
              type="number"
              min={1}
              required
              value={draft.value}
              onChange={(e) => set({ value: e.target.value })}
            />
          </Field>
          <Field label={t('adminDeadlineUnit')} id="rule-unit">
            <select id="rule-unit" value={draft.unit} onChange={(e) => set({ unit: e.target.value })}>
              {UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`adminUnit_${u}` as MessageKey)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('adminDeadlineAnchor')} id="rule-anchor">
            <select id="rule-anchor" value={draft.anchor} onChange={(e) => set({ anchor: e.target.value })}>
              {DEADLINE_ANCHORS.map((a) => (
                <option key={a} value={a}>
                  {t(ANCHOR_LABEL[a])}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('adminMinSeverity')} id="rule-severity">
            <select
              id="rule-severity"
              value={draft.minSeverity}
              onChange={(e) => set({ minSeverity: e.target.value })}
            >
              <option value="">{t('adminAllSeverities')}</option>
              {['L1', 'L2', 'L3', 'L4'].map((s) => (
                <option key={s} value={s}>
                  {l('severity', s)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('adminEffectiveFrom')} id="rule-from">
            <input
              id="rule-from"
              type="date"
              required
              value={draft.effectiveFrom}
              onChange={(e) => set({ effectiveFrom: e.target.value })}
            />
          </Field>
          <Field label={t('adminLegalSource')} id="rule-source" wide>
            <input
              id="rule-source"
              required
              value={draft.legalSource}
              onChange={(e) => set({ legalSource: e.target.value })}
            />
          </Field>
          <SubmitButton busy={form.busy} label={t('adminDeadlineCreate')} />
          <FormError error={form.error} />
        </form>
      </section>
      <ListStatus list={rules} />
      <ErrorNote error={row.error} />
      <table className="data-table">
        <caption className="visually-hidden">{t('adminDeadlines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('adminDeadlineLabel')}</th>
            <th scope="col">{t('adminDeadlineValue')}</th>
            <th scope="col">{t('adminDeadlineAnchor')}</th>
            <th scope="col">{t('adminValidity')}</th>
            <th scope="col">{t('adminLegalSource')}</th>
            <th scope="col">{t('adminActions')}</th>
          </tr>
        </thead>
        <tbody>
          {(rules.data ?? []).map((r) => (
            <tr key={r.id}>
              <td>
                {r.label}
                <div className="muted small">{r.key}</div>
              </td>
              <td>
                {r.value} {t(`adminUnit_${r.unit}` as MessageKey)}
                {r.minSeverity && (
                  <div className="muted small">
                    {t('adminFromSeverity', { s: l('severity', r.minSeverity) })}
                  </div>
                )}
              </td>
              <td>{isAnchor(r.anchor) ? t(ANCHOR_LABEL[r.anchor]) : r.anchor}</td>
              <td>
                {formatDate(r.effectiveFrom, lang)} →{' '}
                {r.effectiveTo ? formatDate(r.effectiveTo, lang) : t('adminNoEnd')}
              </td>
              <td className="small">{r.legalSource}</td>
              <td className="item-tools">
                <RowAction label={t('adminNewVersion')} subject={r.label} onClick={() => copy(r)} />
                {!r.effectiveTo && (
                  <RowAction
                    label={t('adminEndRule')}
                    subject={r.label}
                    onClick={() => setEnding({ id: r.id, date: todayVn() })}
                  />
                )}
                {ending?.id === r.id && (
                  <form className="inline-form" onSubmit={end}>
                    <label htmlFor={`end-${r.id}`} className="visually-hidden">
                      {t('adminEffectiveTo')}
                    </label>
                    <input
                      id={`end-${r.id}`}
                      type="date"
                      value={ending.date}
                      onChange={(e) => setEnding({ id: r.id, date: e.target.value })}
                    />
                    <button type="submit" className="small-button" disabled={row.busy}>
                      {t('adminSave')}
                    </button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
