import { useState } from 'react';
import type { FormEvent } from 'react';
import { useApp, useAsync } from '../../app-context.js';
import { ErrorNote, Link, Panel, Spinner } from '../../components/common.js';
import { formatDateTime } from '../../format.js';
import { pressLabel } from '../../i18n-press-conferences.js';
import { CategorySeverityFields, Field, FormError, SubmitButton, useSubmit } from '../admin/fields.js';
import { PressTabs } from './PressTabs.js';
import type { PressCoverage } from '../../api/press-types.js';

/** One press report: what it says, its verification, the response, and what the outlet did next. */
export function PressCoverageDetailScreen({ id }: { id: string }) {
  const { api, t, lang } = useApp();
  const item = useAsync(() => api.get<PressCoverage>(`/api/press/coverage/${id}`), [id]);
  const c = item.data;
  const [verification, setVerification] = useState('inaccurate');
  const [notes, setNotes] = useState('');
  const [kind, setKind] = useState('answer');
  const [text, setText] = useState('');
  const [category, setCategory] = useState('fake_news');
  const [severity, setSeverity] = useState('L2');
  const [outcome, setOutcome] = useState('correction_published');
  const [outcomeUrl, setOutcomeUrl] = useState('');
  const verify = useSubmit();
  const respond = useSubmit();
  const close = useSubmit();
  const post = (path: string, body: unknown) => async () => {
    await api.post(`/api/press/coverage/${id}/${path}`, body);
    await item.reload();
  };

  if (!c) {
    return (
      <div className="page">
        {item.loading && <Spinner />}
        <ErrorNote error={item.error} onRetry={() => void item.reload()} />
      </div>
    );
  }
  return (
    <div className="page">
      <PressTabs active="coverage" />
      <p className="backlink">
        <Link to="/press/coverage">← {t('coverageTitle')}</Link>
      </p>
      <h1>{c.title}</h1>
      <p>
        <span className={`badge status status-${c.status}`}>
          {pressLabel(lang, 'coverageStatus', c.status)}
        </span>{' '}
        {c.overdue && <span className="badge status-late">{t('coverageOverdue')}</span>}
        {c.answeredOnTime !== null && (
          <span className="badge">
            {t(c.answeredOnTime ? 'coverageAnsweredOnTime' : 'coverageAnsweredLate')}
          </span>
        )}
      </p>
      <Panel title={t('coverageSummary')} id="coverage-summary">
        <dl className="items">
          <dt>{t('coverageOutlet')}</dt>
          <dd>
            {c.outletName} · {pressLabel(lang, 'medium', c.medium)}
          </dd>
          <dt>{t('coveragePublishedAt')}</dt>
          <dd>{formatDateTime(c.publishedAt, lang)}</dd>
          <dt>{t('coverageReceivedAt')}</dt>
          <dd>{formatDateTime(c.receivedAt, lang)}</dd>
          <dt>{t('coverageDue')}</dt>
          <dd>{formatDateTime(c.dueAt, lang)}</dd>
          {c.url && (
            <>
              <dt>{t('coverageUrl')}</dt>
              <dd>
                <a href={c.url} target="_blank" rel="noreferrer noopener">
                  {c.url}
                </a>
              </dd>
            </>
          )}
        </dl>
        <p>{c.summary}</p>
        {c.evidence.length > 0 && (
          <ul>
            {c.evidence.map((e) => (
              <li key={e.url}>
                <a href={e.url} target="_blank" rel="noreferrer noopener">
                  {e.url}
                </a>
              </li>
            ))}
          </ul>
        )}
      </Panel>

      <Panel title={t('coverageVerify')} id="coverage-verify">
        <p>
          <strong>{pressLabel(lang, 'verification', c.verificationStatus)}</strong>
          {c.verifiedAt && (
            <span className="muted">
              {' '}
              · {t('coverageVerifiedBy', { time: formatDateTime(c.verifiedAt, lang) })}
            </span>
          )}
        </p>
        {c.verificationNotes && <p>{c.verificationNotes}</p>}
        {c.status !== 'closed' && (
          <form
            className="form-grid"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void verify.run(
                post('verification', { verificationStatus: verification, notes: notes.trim() }),
              );
            }}
          >
            <Field label={t('coverageVerify')} id="verify-status">
              <select
                id="verify-status"
                value={verification}
                onChange={(e) => setVerification(e.target.value)}
              >
                {['accurate', 'partly_accurate', 'inaccurate'].map((v) => (
                  <option key={v} value={v}>
                    {pressLabel(lang, 'verification', v)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label={t('coverageVerifyNotes')} id="verify-notes" wide>
              <textarea
                id="verify-notes"
                rows={2}
                required
                minLength={5}
                value={notes}
                onChange={(e) => setNotes(e.target.value)}
              />
            </Field>
            <div className="wide button-row">
              <SubmitButton busy={verify.busy} label={t('coverageVerifySave')} />
            </div>
            <FormError error={verify.error} />
          </form>
        )}
      </Panel>

      <Panel title={t('coverageRespond')} id="coverage-respond">
        {c.responseKind ? (
          <>
            <p>
              <strong>{pressLabel(lang, 'response', c.responseKind)}</strong> ·{' '}
              <span className="muted">{formatDateTime(c.respondedAt, lang)}</span>
            </p>
            <p>{c.responseText}</p>
            {c.incidentId && <Link to={`/incidents/${c.incidentId}`}>{t('coverageOpenIncident')}</Link>}
          </>
        ) : (
          <form
            className="form-grid"
            onSubmit={(e: FormEvent) => {
              e.preventDefault();
              void respond.run(
                post('response', {
                  kind,
                  text: text.trim(),
                  ...(kind === 'incident' ? { incident: { category, severity } } : {}),
                }),
              );
            }}
          >
            <Field label={t('coverageResponseKind')} id="respond-kind">
              <select id="respond-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                {['answer', 'correction_request', 'reply_request', 'incident'].map((k) => (
                  <option key={k} value={k}>
                    {pressLabel(lang, 'response', k)}
                  </option>
                ))}
              </select>
            </Field>
            {kind === 'incident' && (
              <>
                <CategorySeverityFields
                  idPrefix="respond"
                  category={category}
                  severity={severity}
                  onCategory={setCategory}
                  onSeverity={setSeverity}
                  categoryLabel="coverageIncidentCategory"
                  severityLabel="coverageIncidentSeverity"
                />
              </>
            )}
            <Field label={t('coverageResponseText')} id="respond-text" wide>
              <textarea
                id="respond-text"
                rows={4}
                required
                minLength={10}
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </Field>
            <div className="wide button-row">
              <SubmitButton busy={respond.busy} label={t('coverageRespondSave')} />
            </div>
            <FormError error={respond.error} />
          </form>
        )}
      </Panel>

      {(c.status === 'responded' || c.status === 'closed') && (
        <Panel title={t('coverageOutcome')} id="coverage-outcome">
          {c.outcomeKind ? (
            <p>
              <strong>{pressLabel(lang, 'outcome', c.outcomeKind)}</strong>
              {c.outcomeUrl && (
                <>
                  {' · '}
                  <a href={c.outcomeUrl} target="_blank" rel="noreferrer noopener">
                    {c.outcomeUrl}
                  </a>
                </>
              )}
            </p>
          ) : (
            <form
              className="form-grid"
              onSubmit={(e: FormEvent) => {
                e.preventDefault();
                void close.run(
                  post('outcome', {
                    kind: outcome,
                    ...(outcomeUrl.trim() ? { url: outcomeUrl.trim() } : {}),
                  }),
                );
              }}
            >
              <Field label={t('coverageOutcome')} id="outcome-kind">
                <select id="outcome-kind" value={outcome} onChange={(e) => setOutcome(e.target.value)}>
                  {['correction_published', 'follow_up_article', 'no_change'].map((k) => (
                    <option key={k} value={k}>
                      {pressLabel(lang, 'outcome', k)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t('coverageOutcomeUrl')} id="outcome-url">
                <input
                  id="outcome-url"
                  type="url"
                  required={outcome !== 'no_change'}
                  value={outcomeUrl}
                  onChange={(e) => setOutcomeUrl(e.target.value)}
                />
              </Field>
              <div className="wide button-row">
                <SubmitButton busy={close.busy} label={t('coverageOutcomeSave')} />
              </div>
              <FormError error={close.error} />
            </form>
          )}
        </Panel>
      )}
    </div>
  );
}
