import { useState } from 'react';
import type { FormEvent } from 'react';
import type { SignalSource, SignalSourceWithSecret } from '../../api/admin-types.js';
import { useApp, useAsync } from '../../app-context.js';
import { ErrorNote } from '../../components/common.js';
import { formatDateTime } from '../../format.js';
import type { MessageKey } from '../../i18n.js';
import {
  Field,
  FormError,
  ListStatus,
  RowAction,
  SecretOnce,
  SubmitButton,
  UnitSelect,
  useSubmit,
  useUnits,
} from './fields.js';
import { SourceActivityPanel } from './SourceActivity.js';

const KINDS = ['social_listening', 'commercial_platform', 'press_review', 'manual', 'feed'] as const;

/**
 * Monitoring feeds: create one (its webhook secret shown once), rotate a secret, switch a feed off (admins), and
 * what each delivered over the last day (admins, leaders, analysts).
 */
export function SourcesAdmin() {
  const { api, t, lang, user } = useApp();
  const isAdmin = user.roles.includes('admin');
  const [shown, setShown] = useState<string | null>(null);
  const sources = useAsync(() => api.get<SignalSource[]>('/api/signal-sources'), []);
  const units = useUnits();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('social_listening');
  const [unit, setUnit] = useState('');
  const [secret, setSecret] = useState<SignalSourceWithSecret | null>(null);
  const form = useSubmit();
  const row = useSubmit();

  const create = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const made = await api.post<SignalSourceWithSecret>('/api/signal-sources', {
        name: name.trim(),
        kind,
        ...(unit ? { orgUnitId: unit } : {}),
      });
      setSecret(made);
      setName('');
      await sources.reload();
    });
  };
  const rotate = (s: SignalSource) =>
    row.run(async () => {
      setSecret(await api.post<SignalSourceWithSecret>(`/api/signal-sources/${s.id}/rotate-secret`));
      await sources.reload();
    });
  const toggle = (s: SignalSource) =>
    row.run(async () => {
      await api.patch(`/api/signal-sources/${s.id}`, { active: !s.active });
      await sources.reload();
    });

  return (
    <>
      {isAdmin && (
        <section className="panel" aria-labelledby="source-new">
          <header className="panel-header">
            <h2 id="source-new">{t('adminSourceNew')}</h2>
          </header>
          <form className="panel-body form-grid" onSubmit={create}>
            <Field label={t('adminSourceName')} id="source-name">
              <input
                id="source-name"
                required
                minLength={3}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            </Field>
            <Field label={t('adminSourceKind')} id="source-kind">
              <select id="source-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`adminSourceKind_${k}` as MessageKey)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('adminUnit')} id="source-unit">
              <UnitSelect
                id="source-unit"
                value={unit}
                onChange={setUnit}
                allowEmpty
                emptyLabel={t('adminAnyUnit')}
              />
            </Field>
            <SubmitButton busy={form.busy} label={t('adminSourceCreate')} />
            <FormError error={form.error} />
          </form>
        </section>
      )}
      {secret && (
        <SecretOnce
          message={t('adminSourceSecretOnce', { name: secret.source.name })}
          secret={secret.secret}
          testId="source-secret"
          dismissLabel={t('adminSecretSaved')}
          onDismiss={() => setSecret(null)}
        >
          <p className="small">
            {t('adminSourceWebhook')}:{' '}
            <code>{`${window.location.origin}/api/signal-sources/${secret.source.id}/webhook`}</code>
          </p>
        </SecretOnce>
      )}
      <ErrorNote error={row.error} />
      <ListStatus list={sources} />
      <table className="data-table">
        <caption className="visually-hidden">{t('adminSources')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('adminSourceName')}</th>
            <th scope="col">{t('adminSourceKind')}</th>
            <th scope="col">{t('adminUnit')}</th>
            <th scope="col">{t('adminSourceRotated')}</th>
            <th scope="col">{t('adminActions')}</th>
          </tr>
        </thead>
        <tbody>
          {(sources.data ?? []).map((s) => (
            <tr key={s.id}>
              <td>
                {s.name}
                {!s.active && <span className="badge"> {t('adminInactive')}</span>}
              </td>
              <td>{t(`adminSourceKind_${s.kind}` as MessageKey)}</td>
              <td>{units.data?.find((u) => u.id === s.orgUnitId)?.name ?? t('adminAnyUnit')}</td>
              <td>{formatDateTime(s.secretRotatedAt, lang)}</td>
              <td className="item-tools">
                <RowAction
                  label={shown === s.id ? t('sourceActivityHide') : t('sourceActivityShow')}
                  subject={s.name}
                  onClick={() => setShown(shown === s.id ? null : s.id)}
                />
                {isAdmin && (
                  <>
                    <RowAction
                      label={t('adminSourceRotate')}
                      subject={s.name}
                      disabled={row.busy}
                      onClick={() => void rotate(s)}
                    />
                    <RowAction
                      label={s.active ? t('adminDeactivate') : t('adminActivate')}
                      subject={s.name}
                      disabled={row.busy}
                      onClick={() => void toggle(s)}
                    />
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown && (
        <SourceActivityPanel
          key={shown}
          sourceId={shown}
          name={sources.data?.find((x) => x.id === shown)?.name ?? ''}
        />
      )}
    </>
  );
}
