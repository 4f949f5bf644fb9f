import { useState } from 'react';
import type { FormEvent } from 'react';
import { itemsOf } from '../api/client.js';
import type { ApprovalItem, DecisionKind } from '../api/types.js';
import { useApp, useAsync } from '../app-context.js';
import { ErrorNote, Link, SeverityBadge, Spinner } from '../components/common.js';
import { OfficialDocumentView, documentText } from '../components/OfficialDocument.js';
import { WordDiff } from '../components/WordDiff.js';
import { formatDateTime } from '../format.js';

/** What waits for the user's decision; one item opens to its exact text, its diff and the decision form. */
export function ApprovalInboxScreen({
  statementId,
  version,
  onDecided,
}: {
  statementId?: string;
  version?: number;
  onDecided: () => void;
}) {
  const { api, t } = useApp();
  const inbox = useAsync(async () => itemsOf(await api.approvals()), [statementId, version]);
  if (statementId && version) {
    const item = inbox.data?.find((i) => i.statementId === statementId && i.versionNumber === version);
    return <Decide statementId={statementId} number={version} item={item} onDecided={onDecided} />;
  }
  const items = inbox.data ?? [];
  return (
    <div className="page narrow">
      <h1>{t('approvalsTitle')}</h1>
      {inbox.loading && !inbox.data && <Spinner />}
      <ErrorNote error={inbox.error} onRetry={() => void inbox.reload()} />
      {inbox.data && !items.length && <p className="empty">{t('approvalsEmpty')}</p>}
      <ul className="cards">
        {items.map((i) => (
          <InboxCard key={`${i.statementId}-${i.versionNumber}-${i.stage.key}`} item={i} />
        ))}
      </ul>
    </div>
  );
}

function InboxCard({ item }: { item: ApprovalItem }) {
  const { t, l, lang } = useApp();
  return (
    <li className="card" data-statement-id={item.statementId}>
      <p className="muted small">
        {item.incident.code} · {item.incident.title}
      </p>
      <h2>{item.title}</h2>
      <p>
        {l('statementType', item.type) || item.typeLabel} · {t('versionLabel', { n: item.versionNumber })}{' '}
        {item.incident.severity && <SeverityBadge severity={item.incident.severity} />}
      </p>
      <p className="small">
        {t('approvalStage', { stage: item.stage.name })}
        {item.stage.dueAt && <> · {t('approvalDue', { time: formatDateTime(item.stage.dueAt, lang) })}</>}
      </p>
      {item.onBehalfOfUserId && <p className="notice small">{t('approvalOnBehalf')}</p>}
      <Link to={`/approvals/${item.statementId}/${item.versionNumber}`} className="button primary wide">
        {t('openInbox')}
      </Link>
    </li>
  );
}

function Decide({
  statementId,
  number,
  item,
  onDecided,
}: {
  statementId: string;
  number: number;
  item?: ApprovalItem;
  onDecided: () => void;
}) {
  const { api, t, l, lang } = useApp();
  const versions = useAsync(async () => {
    const [current, previous] = await Promise.all([
      api.version(statementId, number),
      number > 1 ? api.version(statementId, number - 1).catch(() => null) : Promise.resolve(null),
    ]);
    return { current, previous };
  }, [statementId, number]);
  const [decision, setDecision] = useState<DecisionKind>('approve');
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const v = versions.data?.current;
    if (!v) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api.decide(
        statementId,
        { number: v.number, sha256: v.sha256 },
        decision,
        decision === 'approve'
          ? { password, ...(item ? { stageKey: item.stage.key } : {}) }
          : { reason: reason.trim(), ...(item ? { stageKey: item.stage.key } : {}) },
      );
      setPassword('');
      setDone(t('decided', { status: l('statementStatus', result.statementStatus) }));
      onDecided();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const v = versions.data?.current;
  return (
    <div className="page narrow">
      <p>
        <Link to="/approvals">← {t('approvalsTitle')}</Link>
      </p>
      <h1>{v?.title ?? item?.title ?? t('loading')}</h1>
      {item && (
        <p className="muted small">
          {item.incident.code} · {l('statementType', item.type)} ·{' '}
          {t('approvalStage', { stage: item.stage.name })}
          {item.stage.dueAt && <> · {t('approvalDue', { time: formatDateTime(item.stage.dueAt, lang) })}</>}
        </p>
      )}
      {versions.loading && !versions.data && <Spinner />}
      <ErrorNote error={versions.error} onRetry={() => void versions.reload()} />
      {v && (
        <>
          <section aria-labelledby="exact-text">
            <h2 id="exact-text">
              {t('approvalExactText')} — {t('versionLabel', { n: v.number })}
            </h2>
            <OfficialDocumentView statementId={statementId} version={v} />
          </section>
          <section aria-labelledby="diff-title">
            <h2 id="diff-title">{t('approvalDiff')}</h2>
            {versions.data?.previous ? (
              <>
                <p className="muted small">{t('diffWith', { n: versions.data.previous.number })}</p>
                <p className="muted small">{t('documentDiffRendered')}</p>
                <WordDiff
                  from={documentText(versions.data.previous.document.html)}
                  to={documentText(v.document.html)}
                />
              </>
            ) : (
              <p className="muted">{t('diffFirst')}</p>
            )}
          </section>
          {done ? (
            <p className="ok-note" role="status">
              {done}
            </p>
          ) : (
            <form className="stack-form decision-form" onSubmit={submit} aria-busy={busy}>
              <fieldset>
                <legend>{t('approvalDecision')}</legend>
                {(['approve', 'request_changes', 'reject'] as DecisionKind[]).map((k) => (
                  <label key={k} className="radio">
                    <input
                      type="radio"
                      name="decision"
                      value={k}
                      checked={decision === k}
                      onChange={() => setDecision(k)}
                    />
                    {k === 'approve' ? t('approve') : k === 'reject' ? t('reject') : t('requestChanges')}
                  </label>
                ))}
              </fieldset>
              {decision === 'approve' ? (
                <>
                  <label htmlFor="approve-password">{t('approvePassword')}</label>
                  <input
                    id="approve-password"
                    type="password"
                    autoComplete="current-password"
                    required
                    value={password}
                    onChange={(e) => setPassword(e.target.value)}
                  />
                </>
              ) : (
                <>
                  <label htmlFor="decision-reason">{t('decisionReason')}</label>
                  <textarea
                    id="decision-reason"
                    rows={3}
                    required
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                  />
                </>
              )}
              <ErrorNote error={error} />
              <button
                type="submit"
                className={`wide ${decision === 'approve' ? 'primary' : 'danger'}`}
                disabled={busy || (decision === 'approve' ? !password : !reason.trim())}
              >
                {busy
                  ? t('deciding')
                  : decision === 'approve'
                    ? t('approve')
                    : decision === 'reject'
                      ? t('reject')
                      : t('requestChanges')}
              </button>
            </form>
          )}
        </>
      )}
    </div>
  );
}
