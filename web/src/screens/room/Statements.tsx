import { useState } from 'react';
import type { FormEvent } from 'react';
import type { Page, Statement } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import type { AsyncState } from '../../app-context.js';
import { ErrorNote, Link, Spinner, StatusBadge } from '../../components/common.js';
import { formatDateTime } from '../../format.js';
import { navigate } from '../../router.js';

export const STATEMENT_TYPES = [
  'holding_statement',
  'press_release',
  'spokesperson_statement',
  'press_answer',
  'correction_request',
  'takedown_request',
  'social_post',
  'qa_sheet',
];

/** The incident's statements with their state; editors start a new draft here. */
export function Statements({
  incidentId,
  statements,
  readOnly,
}: {
  incidentId: string;
  statements: AsyncState<Page<Statement>>;
  readOnly: boolean;
}) {
  const { api, t, l, lang } = useApp();
  const [open, setOpen] = useState(false);
  const [type, setType] = useState('holding_statement');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const s = await api.createStatement(incidentId, { type, title: title.trim() });
      navigate(`/statements/${s.id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const items = statements.data?.items ?? [];
  return (
    <>
      {statements.loading && !statements.data && <Spinner />}
      <ErrorNote error={statements.error} onRetry={() => void statements.reload()} />
      {statements.data && !items.length && <p className="muted">{t('statementsEmpty')}</p>}
      <ul className="items statements">
        {items.map((s) => (
          <li key={s.id} data-statement-id={s.id}>
            <span>
              <Link to={`/statements/${s.id}`}>{l('statementType', s.type) || s.typeLabel}</Link>
              <span className="muted small">
                {' '}
                · {s.currentVersion ? t('versionLabel', { n: s.currentVersion }) : ''}{' '}
                {s.publishedAt ? formatDateTime(s.publishedAt, lang) : formatDateTime(s.updatedAt, lang)}
              </span>
            </span>
            <StatusBadge status={s.status} group="statementStatus" />
          </li>
        ))}
      </ul>
      {!readOnly &&
        (open ? (
          <form className="stack-form" onSubmit={create}>
            <label htmlFor="statement-type">{t('statementType')}</label>
            <select id="statement-type" value={type} onChange={(e) => setType(e.target.value)}>
              {STATEMENT_TYPES.map((k) => (
                <option key={k} value={k}>
                  {l('statementType', k)}
                </option>
              ))}
            </select>
            <label htmlFor="statement-title">{t('statementTitle')}</label>
            <input
              id="statement-title"
              value={title}
              required
              minLength={3}
              maxLength={500}
              onChange={(e) => setTitle(e.target.value)}
            />
            <div className="button-row">
              <button type="submit" className="primary" disabled={busy || title.trim().length < 3}>
                {busy ? t('saving') : t('statementCreate')}
              </button>
              <button type="button" className="secondary" onClick={() => setOpen(false)}>
                {t('cancel')}
              </button>
            </div>
            <ErrorNote error={error} />
          </form>
        ) : (
          <button type="button" onClick={() => setOpen(true)}>
            {t('statementNew')}
          </button>
        ))}
    </>
  );
}
