import { useState } from 'react';
import { useApp, useAsync } from '../../app-context.js';
import type { PlaybookDetail } from '../../api/types.js';
import { ErrorNote, Link, Spinner } from '../../components/common.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';

/** The playbook this incident follows, or the best-matching ones (with why) to apply. */
export function PlaybookPanel({
  incidentId,
  readOnly,
  refresh,
}: {
  incidentId: string;
  readOnly: boolean;
  refresh: number;
}) {
  const { api, t } = useApp();
  const state = useAsync(async () => {
    const applied = await api.appliedPlaybook(incidentId);
    if (applied) return { applied, suggestions: [], canApply: false };
    const { items, canApply } = await api.playbookSuggestions(incidentId);
    return { applied, suggestions: items, canApply };
  }, [incidentId, refresh]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  /** The playbook the user asked to apply, read in full so the question says what applying it creates. */
  const [asking, setAsking] = useState<PlaybookDetail | null>(null);

  const ask = async (playbookId: string) => {
    setBusy(playbookId);
    setError(null);
    try {
      setAsking(await api.playbook(playbookId));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const apply = async (playbookId: string) => {
    setBusy(playbookId);
    setError(null);
    try {
      await api.applyPlaybook(incidentId, playbookId);
      setAsking(null);
      setDone(true);
      await state.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  if (state.loading && !state.data) return <Spinner />;
  if (state.error) return <ErrorNote error={state.error} onRetry={() => void state.reload()} />;
  const { applied, suggestions, canApply } = state.data!;
  return (
    <>
      {done && (
        <p className="ok-note" role="status">
          {t('playbookApplyDone')}
        </p>
      )}
      {applied ? (
        <p>
          <Link to={`/playbooks/${applied.playbookId}`}>
            {t('playbookApplied', {
              title: applied.title,
              version: t('playbookVersion', { n: applied.version }),
            })}
          </Link>
        </p>
      ) : (
        <ul className="items suggestions-list">
          {suggestions.slice(0, 3).map((s) => (
            <li key={s.playbookId}>
              <span>
                <Link to={`/playbooks/${s.playbookId}`}>{s.title}</Link>
                <span className="muted small"> — {s.reasons.join('; ')}</span>
              </span>
              {!readOnly && canApply && (
                <button
                  type="button"
                  className="small-button"
                  disabled={busy !== null}
                  onClick={() => void ask(s.playbookId)}
                >
                  {busy === s.playbookId ? t('saving') : t('playbookApply')}
                  <span className="visually-hidden">: {s.title}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={error} />
      <ConfirmDialog
        open={asking !== null}
        title={t('playbookApplyTitle')}
        busy={busy !== null}
        onCancel={() => setAsking(null)}
        onConfirm={() => asking && void apply(asking.id)}
      >
        {asking && (
          <p>
            {t('playbookApplyConfirm', {
              name: asking.current.title,
              tasks: asking.current.content.stages.reduce((n, st) => n + st.tasks.length, 0),
              templates: asking.current.content.statementTemplates.length,
              roles: asking.current.content.roleRequirements.length,
            })}
          </p>
        )}
        <ErrorNote error={error} />
      </ConfirmDialog>
    </>
  );
}
