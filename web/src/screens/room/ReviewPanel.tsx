import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { Review } from '../../api/admin-types.js';
import type { IncidentStatus } from '../../api/types.js';
import { useApp, useAsync } from '../../app-context.js';
import { ErrorNote, Link, Spinner } from '../../components/common.js';
import type { MessageKey } from '../../i18n.js';

const FIELDS: [keyof Review & string, MessageKey][] = [
  ['wentWell', 'reviewWentWell'],
  ['wentPoorly', 'reviewWentPoorly'],
  ['causes', 'reviewCauses'],
  ['lessons', 'reviewLessons'],
  ['proposals', 'reviewProposals'],
];

/**
 * The post-incident review (rút kinh nghiệm), written by the group once the crisis is contained; completing it
 * is what allows closing the incident. Read-only once the incident is closed.
 */
export function ReviewPanel({
  incidentId,
  status,
  readOnly,
  refresh,
}: {
  incidentId: string;
  status: IncidentStatus;
  readOnly: boolean;
  refresh: number;
}) {
  const { api, t } = useApp();
  const review = useAsync(
    () => api.get<Review>(`/api/incidents/${incidentId}/review`),
    [incidentId, refresh],
  );
  const [text, setText] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!review.data) return;
    setText(Object.fromEntries(FIELDS.map(([f]) => [f, String(review.data![f] ?? '')])));
  }, [review.data]);

  if (review.loading && !review.data) return <Spinner />;
  if (review.error) return <ErrorNote error={review.error} onRetry={() => void review.reload()} />;
  const data = review.data!;
  const completed = data.status === 'completed';
  const editable = !readOnly && !completed && ['active', 'monitoring', 'resolved'].includes(status);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await work();
      await review.reload();
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void act(() => api.request('PUT', `/api/incidents/${incidentId}/review`, text));
  };

  return (
    <>
      <p className="muted small">
        {completed ? t('reviewCompleted') : t('reviewDraft')} ·{' '}
        <Link to={`/incidents/${incidentId}/report`}>{t('reportOpen')}</Link>
      </p>
      {editable ? (
        <form className="stack-form" onSubmit={save}>
          {FIELDS.map(([field, label]) => (
            <div key={field} className="stack-form">
              <label htmlFor={`review-${field}`}>{t(label)}</label>
              <textarea
                id={`review-${field}`}
                rows={3}
                value={text[field] ?? ''}
                onChange={(e) => setText((prev) => ({ ...prev, [field]: e.target.value }))}
              />
            </div>
          ))}
          <div className="button-row">
            <button type="submit" disabled={busy}>
              {busy ? t('saving') : t('reviewSave')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  await api.request('PUT', `/api/incidents/${incidentId}/review`, text);
                  await api.post(`/api/incidents/${incidentId}/review/complete`);
                })
              }
            >
              {t('reviewComplete')}
            </button>
            {saved && (
              <span role="status" className="ok-note">
                {t('reviewSaved')}
              </span>
            )}
          </div>
        </form>
      ) : (
        <dl className="review-text">
          {FIELDS.map(([field, label]) => (
            <div key={field}>
              <dt>{t(label)}</dt>
              <dd className="prose">{String(data[field] ?? '') || t('none')}</dd>
            </div>
          ))}
        </dl>
      )}
      <ErrorNote error={error} />
    </>
  );
}
