import { useState } from 'react';
import type { FormEvent } from 'react';
import type { OfficerReportResult } from '../api/types.js';
import { useApp, useAsync } from '../app-context.js';
import { Link } from '../components/common.js';
import type { MessageKey } from '../i18n.js';
import { navigate } from '../router.js';
import { CategorySeverityFields, Field, FormError, SubmitButton, UnitSelect } from './admin/fields.js';

const OPEN_STATUSES = 'detected,triaged,active,monitoring';
const SOURCE_TYPES = ['social', 'online_news', 'print', 'radio_tv', 'forum', 'video'];
const SENTIMENTS = ['negative', 'neutral', 'positive'];
const FAKE_LABELS = ['tin_gia', 'tin_sai_su_that', 'tin_xac_thuc'];
/** The server checks again, by content; this only spares a phone a useless upload. */
const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;

/**
 * An officer's report (báo cáo thủ công) of a post or article seen first-hand: by URL or pasted text, with a
 * screenshot or an archive link, sentiment and fake-news label; it can open an incident or join an open one at
 * once. One column on a phone.
 */
export function OfficerReportScreen() {
  const { api, t } = useApp();
  const open = useAsync(() => api.incidents({ status: OPEN_STATUSES }).catch(() => ({ items: [] })), []);
  const [unit, setUnit] = useState('');
  const [url, setUrl] = useState('');
  const [text, setText] = useState('');
  const [outlet, setOutlet] = useState('');
  const [sourceType, setSourceType] = useState('social');
  const [sentiment, setSentiment] = useState('negative');
  const [fakeNewsLabel, setFakeNewsLabel] = useState('');
  const [evidence, setEvidence] = useState<File | null>(null);
  const [archiveUrl, setArchiveUrl] = useState('');
  const [note, setNote] = useState('');
  const [action, setAction] = useState<'none' | 'open' | 'attach'>('none');
  const [severity, setSeverity] = useState('L2');
  const [category, setCategory] = useState('other');
  const [incidentTitle, setIncidentTitle] = useState('');
  const [incidentId, setIncidentId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<OfficerReportResult | null>(null);
  const tooBig = evidence !== null && evidence.size > EVIDENCE_MAX_BYTES;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      const put = (k: string, v: string) => {
        if (v.trim()) form.append(k, v.trim());
      };
      put('orgUnitId', unit);
      put('url', url);
      put('text', text);
      put('outlet', outlet);
      put('sourceType', sourceType);
      put('sentiment', sentiment);
      put('fakeNewsLabel', fakeNewsLabel);
      put('archiveUrl', archiveUrl);
      put('note', note);
      put('action', action);
      if (action === 'open') {
        put('severity', severity);
        put('category', category);
        put('incidentTitle', incidentTitle);
      }
      if (action === 'attach') put('incidentId', incidentId);
      if (evidence) form.append('evidence', evidence, evidence.name);
      const answer = await api.postForm<OfficerReportResult>('/api/officer-reports', form);
      if (answer.incident) navigate(`/incidents/${answer.incident.incidentId}`);
      else setDone(answer);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <div className="page narrow-page">
        <h1>{t('reportFormTitle')}</h1>
        <p role="status" className="success-text">
          {done.duplicate ? t('reportSavedDuplicate') : t('reportSaved')}
        </p>
        <p>
          <button type="button" onClick={() => setDone(null)}>
            {t('reportAnother')}
          </button>{' '}
          <Link to="/">{t('navIncidents')}</Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page narrow-page">
      <p className="backlink">
        <Link to="/">← {t('navIncidents')}</Link>
      </p>
      <h1>{t('reportFormTitle')}</h1>
      <p className="muted">{t('reportFormIntro')}</p>
      <form className="form-grid panel panel-body report-form" onSubmit={submit}>
        <Field label={t('reportUnit')} id="report-unit" wide>
          <UnitSelect id="report-unit" value={unit} onChange={setUnit} />
        </Field>
        <Field label={t('reportUrl')} id="report-url" wide>
          <input
            id="report-url"
            type="url"
            inputMode="url"
            placeholder="https://"
            maxLength={2000}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </Field>
        <Field label={t('reportText')} id="report-text" wide>
          <textarea
            id="report-text"
            rows={4}
            maxLength={20000}
            required={!url.trim()}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <Field label={t('reportOutlet')} id="report-outlet">
          <input
            id="report-outlet"
            maxLength={300}
            value={outlet}
            onChange={(e) => setOutlet(e.target.value)}
          />
        </Field>
        <Field label={t('reportSourceType')} id="report-source-type">
          <select id="report-source-type" value={sourceType} onChange={(e) => setSourceType(e.target.value)}>
            {SOURCE_TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`reportSourceType_${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="wide segmented report-sentiment">
          <legend>{t('reportSentiment')}</legend>
          {SENTIMENTS.map((s) => (
            <label key={s} className={sentiment === s ? 'on' : undefined}>
              <input
                type="radio"
                name="sentiment"
                value={s}
                checked={sentiment === s}
                onChange={() => setSentiment(s)}
              />{' '}
              {t(`sentiment_${s}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        <Field label={t('reportFakeLabel')} id="report-fake">
          <select id="report-fake" value={fakeNewsLabel} onChange={(e) => setFakeNewsLabel(e.target.value)}>
            <option value="">{t('reportFakeNone')}</option>
            {FAKE_LABELS.map((f) => (
              <option key={f} value={f}>
                {t(`fakeLabel_${f}` as MessageKey)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('reportEvidence')} id="report-evidence">
          <input
            id="report-evidence"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            onChange={(e) => setEvidence(e.target.files?.[0] ?? null)}
          />
        </Field>
        {tooBig && (
          <p className="error-text wide" role="alert">
            {t('reportEvidenceTooBig')}
          </p>
        )}
        <Field label={t('reportArchiveUrl')} id="report-archive" wide>
          <input
            id="report-archive"
            type="url"
            inputMode="url"
            placeholder="https://archive.ph/…"
            maxLength={2000}
            value={archiveUrl}
            onChange={(e) => setArchiveUrl(e.target.value)}
          />
        </Field>
        <Field label={t('reportNote')} id="report-note" wide>
          <textarea
            id="report-note"
            rows={3}
            maxLength={5000}
            minLength={action === 'open' ? 10 : 0}
            required={action === 'open'}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </Field>
        <fieldset className="wide segmented report-action">
          <legend>{t('reportAction')}</legend>
          {(['none', 'open', 'attach'] as const).map((a) => (
            <label key={a} className={action === a ? 'on' : undefined}>
              <input
                type="radio"
                name="action"
                value={a}
                checked={action === a}
                onChange={() => setAction(a)}
              />{' '}
              {t(`reportAction_${a}` as MessageKey)}
            </label>
          ))}
        </fieldset>
        {action === 'open' && (
          <>
            <Field label={t('declareName')} id="report-incident-title" wide>
              <input
                id="report-incident-title"
                minLength={5}
                maxLength={300}
                value={incidentTitle}
                onChange={(e) => setIncidentTitle(e.target.value)}
              />
            </Field>
            <CategorySeverityFields
              idPrefix="report"
              category={category}
              severity={severity}
              onCategory={setCategory}
              onSeverity={setSeverity}
            />
          </>
        )}
        {action === 'attach' && (
          <Field label={t('reportAttachTo')} id="report-incident" wide>
            <select
              id="report-incident"
              required
              value={incidentId}
              onChange={(e) => setIncidentId(e.target.value)}
            >
              <option value="">—</option>
              {(open.data?.items ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  {i.code} · {i.title}
                </option>
              ))}
            </select>
          </Field>
        )}
        <div className="wide button-row">
          <SubmitButton busy={busy} label={t('reportSubmit')} disabled={!unit || tooBig} />
        </div>
        <FormError error={error} />
      </form>
    </div>
  );
}
