import { useState } from 'react';
import type { FormEvent } from 'react';
import type { AdminUser } from '../../api/admin-types.js';
import { itemsOf } from '../../api/client.js';
import type { Page } from '../../api/types.js';
import { useApp, useAsync } from '../../app-context.js';
import { ErrorNote } from '../../components/common.js';
import { formatDateTime } from '../../format.js';
import type { MessageKey } from '../../i18n.js';
import { Field, FormError, ListStatus, RowAction, SecretOnce, SubmitButton, useSubmit } from './fields.js';

const ROLES = ['admin', 'leader', 'officer', 'analyst', 'observer'] as const;

/** A password the browser draws (crypto), shown once to the administrator who hands it over. */
function drawPassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Accounts: create, roles, deactivate, reset a password (shown once). */
export function UsersAdmin() {
  const { api, t, lang } = useApp();
  const users = useAsync(
    async () => itemsOf(await api.get<Page<AdminUser>>('/api/users', { limit: 200 })),
    [],
  );
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<string[]>(['officer']);
  const [shown, setShown] = useState<{ email: string; password: string } | null>(null);
  const form = useSubmit();
  const row = useSubmit();

  const create = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      await api.post('/api/users', { email: email.trim(), displayName: name.trim(), password, roles });
      setShown({ email: email.trim(), password });
      setEmail('');
      setName('');
      setPassword('');
      await users.reload();
    });
  };
  const patch = (u: AdminUser, body: Record<string, unknown>, after?: () => void) =>
    row.run(async () => {
      await api.patch(`/api/users/${u.id}`, body);
      after?.();
      await users.reload();
    });

  return (
    <>
      <section className="panel" aria-labelledby="users-new">
        <header className="panel-header">
          <h2 id="users-new">{t('adminUserNew')}</h2>
        </header>
        <form className="panel-body form-grid" onSubmit={create}>
          <Field label={t('email')} id="user-email">
            <input
              id="user-email"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          </Field>
          <Field label={t('adminUserName')} id="user-name">
            <input
              id="user-name"
              required
              minLength={2}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <Field label={t('adminUserPassword')} id="user-password">
            <input
              id="user-password"
              type="text"
              autoComplete="new-password"
              required
              minLength={10}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </Field>
          <button type="button" onClick={() => setPassword(drawPassword())}>
            {t('adminUserDraw')}
          </button>
          <fieldset className="wide">
            <legend>{t('adminUserRoles')}</legend>
            {ROLES.map((r) => (
              <label key={r} className="check">
                <input
                  type="checkbox"
                  checked={roles.includes(r)}
                  onChange={(e) =>
                    setRoles((prev) => (e.target.checked ? [...prev, r] : prev.filter((x) => x !== r)))
                  }
                />{' '}
                {t(`adminRole_${r}`)}
              </label>
            ))}
          </fieldset>
          <SubmitButton busy={form.busy} label={t('adminUserCreate')} disabled={!roles.length} />
          <FormError error={form.error} />
        </form>
      </section>
      {shown && (
        <SecretOnce
          message={t('adminUserPasswordOnce', { email: shown.email })}
          secret={shown.password}
          testId="shown-password"
          dismissLabel={t('close')}
          onDismiss={() => setShown(null)}
        />
      )}
      <ErrorNote error={row.error} />
      <ListStatus list={users} />
      <table className="data-table">
        <caption className="visually-hidden">{t('adminUsers')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('adminUserName')}</th>
            <th scope="col">{t('email')}</th>
            <th scope="col">{t('adminUserRoles')}</th>
            <th scope="col">{t('adminUserLastLogin')}</th>
            <th scope="col">{t('adminActions')}</th>
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((u) => (
            <tr key={u.id} data-user-email={u.email}>
              <td>
                {u.displayName}
                {!u.active && <span className="badge"> {t('adminInactive')}</span>}
              </td>
              <td>{u.email}</td>
              <td>{u.roles.map((r) => t(`adminRole_${r}` as MessageKey)).join(', ')}</td>
              <td>{formatDateTime(u.lastLoginAt, lang)}</td>
              <td className="item-tools">
                <RowAction
                  label={u.active ? t('adminDeactivate') : t('adminActivate')}
                  subject={u.email}
                  disabled={row.busy}
                  onClick={() => void patch(u, { active: !u.active })}
                />
                <RowAction
                  label={t('adminResetPassword')}
                  subject={u.email}
                  disabled={row.busy}
                  onClick={() => {
                    const next = drawPassword();
                    void patch(u, { password: next }, () => setShown({ email: u.email, password: next }));
                  }}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
