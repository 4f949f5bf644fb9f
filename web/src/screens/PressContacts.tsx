import { useState } from 'react';
import type { FormEvent } from 'react';
import { itemsOf } from '../api/client.js';
import type { PressJournalist, PressOutlet } from '../api/press-types.js';
import type { Page } from '../api/types.js';
import { useApp, useAsync } from '../app-context.js';
import { Link, Panel } from '../components/common.js';
import { downloadFile } from '../download.js';
import { formatDate } from '../format.js';
import { OUTLET_TYPES, pressLabel } from '../i18n-press.js';
import { Field, FormError, ListStatus, SubmitButton, useSubmit } from './admin/fields.js';

/** Outlets and journalists; contacts shown only to the press office (the API leaves them out for others). */
export function PressContactsScreen() {
  const { api, t, lang, user } = useApp();
  const outlets = useAsync(
    () => api.get<Page<PressOutlet>>('/api/press/outlets', { limit: 500 }).then(itemsOf),
    [],
  );
  const journalists = useAsync(
    () => api.get<Page<PressJournalist>>('/api/press/journalists', { limit: 500 }).then(itemsOf),
    [],
  );
  const admin = user.roles.includes('admin');
  return (
    <div className="page">
      <p className="backlink">
        <Link to="/press">← {t('pressTitle')}</Link>
      </p>
      <h1>{t('pressContacts')}</h1>
      {admin && (
        <p className="button-row">
          <button
            type="button"
            className="secondary"
            onClick={() => void downloadFile(api, '/api/press/export/journalists.csv', {}, 'nha-bao.csv')}
          >
            {t('pressExportCsv')}
          </button>
        </p>
      )}
      <Panel title={t('pressOutlets')} id="press-outlets">
        <ListStatus list={outlets} />
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('pressOutletName')}</th>
              <th>{t('pressOutletType')}</th>
              <th>{t('pressLicence')}</th>
              <th>{t('pressGoverning')}</th>
            </tr>
          </thead>
          <tbody>
            {(outlets.data ?? []).map((o) => (
              <tr key={o.id}>
                <td>{o.name}</td>
                <td>{pressLabel(lang, 'outletType', o.type)}</td>
                <td>{o.licenceNumber ?? '—'}</td>
                <td>{o.governingBody ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {(admin || user.roles.includes('leader')) && <OutletForm onSaved={() => void outlets.reload()} />}
      </Panel>
      <Panel title={t('pressJournalists')} id="press-journalists">
        <ListStatus list={journalists} />
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('pressFullName')}</th>
              <th>{t('pressOutletName')}</th>
              <th>{t('pressBeat')}</th>
              <th>{t('pressEmail')}</th>
              <th>{t('pressPhone')}</th>
              <th>{t('pressCard')}</th>
            </tr>
          </thead>
          <tbody>
            {(journalists.data ?? []).map((j) => (
              <tr key={j.id}>
                <td>{j.fullName}</td>
                <td>{j.outletName}</td>
                <td>{j.beat ?? '—'}</td>
                {j.contactsHidden ? (
                  <td colSpan={3} className="muted">
                    {t('pressHidden')}
                  </td>
                ) : (
                  <>
                    <td>{j.email ?? '—'}</td>
                    <td>{j.phone ?? '—'}</td>
                    <td>
                      {j.pressCardNumber ?? '—'}
                      {j.pressCardExpiresOn ? ` (${formatDate(j.pressCardExpiresOn, lang)})` : ''}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <JournalistForm outlets={outlets.data ?? []} onSaved={() => void journalists.reload()} />
      </Panel>
    </div>
  );
}

function OutletForm({ onSaved }: { onSaved: () => void }) {
  const { api, t, lang } = useApp();
  const [name, setName] = useState('');
  const [type, setType] = useState('newspaper');
  const [licence, setLicence] = useState('');
  const [governing, setGoverning] = useState('');
  const { busy, error, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.post('/api/press/outlets', {
        name: name.trim(),
        type,
        ...(licence.trim() ? { licenceNumber: licence.trim() } : {}),
        ...(governing.trim() ? { governingBody: governing.trim() } : {}),
      });
      setName('');
      setLicence('');
      setGoverning('');
      onSaved();
    });
  };
  return (
    <form className="form-grid" onSubmit={submit} aria-label={t('pressAddOutlet')}>
      <Field label={t('pressOutletName')} id="outlet-name">
        <input
          id="outlet-name"
          required
          minLength={2}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field label={t('pressOutletType')} id="outlet-type">
        <select id="outlet-type" value={type} onChange={(e) => setType(e.target.value)}>
          {OUTLET_TYPES.map((o) => (
            <option key={o} value={o}>
              {pressLabel(lang, 'outletType', o)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('pressLicence')} id="outlet-licence">
        <input id="outlet-licence" value={licence} onChange={(e) => setLicence(e.target.value)} />
      </Field>
      <Field label={t('pressGoverning')} id="outlet-governing">
        <input id="outlet-governing" value={governing} onChange={(e) => setGoverning(e.target.value)} />
      </Field>
      <div className="wide button-row">
        <SubmitButton busy={busy} label={t('pressAddOutlet')} />
      </div>
      <FormError error={error} />
    </form>
  );
}

function JournalistForm({ outlets, onSaved }: { outlets: PressOutlet[]; onSaved: () => void }) {
  const { api, t } = useApp();
  const [fullName, setFullName] = useState('');
  const [outletId, setOutletId] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [card, setCard] = useState('');
  const [expiry, setExpiry] = useState('');
  const [beat, setBeat] = useState('');
  const { busy, error, run } = useSubmit();
  const opt = (k: string, v: string) => (v.trim() ? { [k]: v.trim() } : {});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.post('/api/press/journalists', {
        fullName: fullName.trim(),
        outletId,
        ...opt('email', email),
        ...opt('phone', phone),
        ...opt('pressCardNumber', card),
        ...opt('pressCardExpiresOn', expiry),
        ...opt('beat', beat),
      });
      setFullName('');
      setEmail('');
      setPhone('');
      setCard('');
      setExpiry('');
      setBeat('');
      onSaved();
    });
  };
  return (
    <form className="form-grid" onSubmit={submit} aria-label={t('pressAddJournalist')}>
      <Field label={t('pressFullName')} id="journalist-name">
        <input
          id="journalist-name"
          required
          minLength={2}
          value={fullName}
          onChange={(e) => setFullName(e.target.value)}
        />
      </Field>
      <Field label={t('pressOutletName')} id="journalist-outlet">
        <select
          id="journalist-outlet"
          required
          value={outletId}
          onChange={(e) => setOutletId(e.target.value)}
        >
          <option value="">—</option>
          {outlets.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('pressEmail')} id="journalist-email">
        <input id="journalist-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </Field>
      <Field label={t('pressPhone')} id="journalist-phone">
        <input id="journalist-phone" value={phone} onChange={(e) => setPhone(e.target.value)} />
      </Field>
      <Field label={t('pressCard')} id="journalist-card">
        <input id="journalist-card" value={card} onChange={(e) => setCard(e.target.value)} />
      </Field>
      <Field label={t('pressCardExpiry')} id="journalist-expiry">
        <input
          id="journalist-expiry"
          type="date"
          value={expiry}
          onChange={(e) => setExpiry(e.target.value)}
        />
      </Field>
      <Field label={t('pressBeat')} id="journalist-beat">
        <input id="journalist-beat" value={beat} onChange={(e) => setBeat(e.target.value)} />
      </Field>
      <div className="wide button-row">
        <SubmitButton busy={busy} label={t('pressAddJournalist')} />
      </div>
      <FormError error={error} />
    </form>
  );
}
