import type { EditorView } from '@codemirror/view';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { itemsOf } from '../api/client.js';
import { StatementSync } from '../api/statement-sync.js';
import type { DraftField } from '../api/statement-sync.js';
import type { StatementDetail } from '../api/types.js';
import { useApp, useAsync } from '../app-context.js';
import { CollabEditor } from '../components/CollabEditor.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { ErrorNote, Link, Panel, Spinner, StatusBadge } from '../components/common.js';
import { LegalClock } from '../components/LegalClock.js';
import { Comments, useHighlights } from './statement/Comments.js';
import { PublishPanel } from './statement/PublishPanel.js';
import { Versions } from './statement/Versions.js';
import { formatDateTime } from '../format.js';
import { useRoom, useRoomEvents } from '../room-hooks.js';

const COLORS = ['#b42318', '#1d4ed8', '#047857', '#7c3aed', '#b45309', '#be185d', '#0e7490', '#4d7c0f'];

function colorOf(id: string): string {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length];
}

export function StatementEditorScreen({ statementId }: { statementId: string }) {
  const { api } = useApp();
  const statement = useAsync(() => api.statement(statementId), [statementId]);
  if (!statement.data) {
    return (
      <div className="page">
        {statement.error ? (
          <ErrorNote error={statement.error} onRetry={() => void statement.reload()} />
        ) : (
          <Spinner />
        )}
      </div>
    );
  }
  return <Editor statement={statement.data} reload={() => statement.reload()} />;
}

/** Live co-drafting of one statement, its comments, versions and approval, with the legal clock in view. */
function Editor({ statement, reload }: { statement: StatementDetail; reload: () => Promise<void> }) {
  const { api, rooms, t, l, lang, user } = useApp();
  const room = useRoom(statement.incidentId);
  const incident = useAsync(() => api.incident(statement.incidentId), [statement.incidentId]);
  const comments = useAsync(() => api.comments(statement.id), [statement.id]);
  const versions = useAsync(() => api.versions(statement.id), [statement.id, statement.currentVersion]);
  const sync = useMemo(() => new StatementSync(rooms, statement.id), [rooms, statement.id]);
  useSyncExternalStore(
    useCallback((cb: () => void) => sync.subscribe(cb), [sync]),
    () => sync.version,
  );
  const [views, setViews] = useState<Record<DraftField, EditorView | null>>({ title: null, body: null });
  const [submitting, setSubmitting] = useState(false);
  const [submitted, setSubmitted] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const bodyHighlights = useHighlights(sync, comments.data?.items, 'body');

  // Opened and closed with the statement only: a fresh copy of the user (a renewed session) must not close the
  // document under the editor.
  useEffect(() => {
    void sync.open();
    return () => sync.close();
  }, [sync]);
  useEffect(() => {
    sync.awareness.setLocalStateField('user', {
      name: user.displayName,
      color: colorOf(user.id),
      colorLight: `${colorOf(user.id)}33`,
    });
  }, [sync, user.displayName, user.id]);

  // Someone else submitted, an approver decided, it was published: read the statement again.
  useRoomEvents(room, (events) => {
    if (events.some((e) => e.type.startsWith('statement.') && e.payload.statementId === statement.id)) {
      void reload();
      void comments.reload();
    }
  });
  useEffect(() => sync.onStatus(() => void reload()), [sync, reload]);

  const others = [...sync.awareness.getStates().entries()]
    .filter(([id, s]) => id !== sync.doc.clientID && s.user)
    .map(([id, s]) => ({
      id,
      name: String((s.user as { name?: string }).name ?? ''),
      color: (s.user as { color?: string }).color,
    }));
  const draft = sync.synced && sync.status === 'draft';
  const readOnly = !sync.synced || !sync.canEdit;

  const readOnlyNote = sync.incidentReadOnly
    ? t('editorReadOnlyIncident')
    : sync.status === 'in_review'
      ? t('editorReadOnlyReview')
      : sync.status === 'approved'
        ? t('editorReadOnlyApproved')
        : sync.status === 'published'
          ? t('editorReadOnlyPublished')
          : sync.status === 'draft'
            ? t('editorReadOnlyRights')
            : t('editorReadOnly');

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      await sync.flushed();
      const result = await api.submitStatement(statement.id);
      setConfirming(false);
      setSubmitted(result.version.number);
      await reload();
    } catch (e) {
      setError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const deadlines = incident.data?.deadlines ?? [];
  return (
    <div className="page editor-page">
      <header className="room-head">
        <p className="backlink">
          <Link to={`/incidents/${statement.incidentId}`}>
            ← {incident.data ? `${incident.data.code} · ${incident.data.title}` : t('back')}
          </Link>
        </p>
        <h1>{l('statementType', statement.type) || statement.typeLabel}</h1>
        <div className="room-facts">
          <StatusBadge status={sync.status ?? statement.status} group="statementStatus" />
          {statement.currentVersion && <span>{t('versionLabel', { n: statement.currentVersion })}</span>}
          <span className={`save-state save-${sync.saveState}`} role="status" data-testid="save-state">
            {sync.saveState === 'saved'
              ? t('editorSaved')
              : sync.saveState === 'saving'
                ? t('editorSaving')
                : t('editorUnsaved')}
          </span>
        </div>
        <div className="clocks" aria-label={t('roomClocks')}>
          {deadlines.map((d) => (
            <LegalClock key={d.key} deadline={d} />
          ))}
        </div>
      </header>
      <div className="editor-grid">
        <div className="col col-main">
          <section className="panel" aria-labelledby="draft-title">
            <header className="panel-header">
              <h2 id="draft-title">{t('editorBodyLabel')}</h2>
              <div className="others" aria-live="polite" data-testid="co-drafters">
                {others.length > 0 && <span className="muted small">{t('editorOthers')}: </span>}
                {others.map((o) => (
                  <span key={o.id} className="avatar" style={{ borderColor: o.color }}>
                    {o.name}
                  </span>
                ))}
              </div>
            </header>
            <div className="panel-body">
              {!sync.synced && !sync.error && <Spinner label={t('editorOpening')} />}
              <ErrorNote error={sync.error} />
              {sync.synced && readOnly && (
                <p className="notice" data-testid="editor-read-only">
                  {readOnlyNote}
                </p>
              )}
              <label className="field-label" htmlFor="statement-title-editor">
                {t('editorTitleLabel')}
              </label>
              <CollabEditor
                id="statement-title-editor"
                ytext={sync.title}
                awareness={sync.awareness}
                readOnly={readOnly}
                label={t('editorTitleLabel')}
                oneLine
                onView={(v) => setViews((prev) => ({ ...prev, title: v }))}
              />
              <label className="field-label" htmlFor="statement-body-editor">
                {t('editorBodyLabel')}
              </label>
              <CollabEditor
                id="statement-body-editor"
                ytext={sync.body}
                awareness={sync.awareness}
                readOnly={readOnly}
                label={t('editorBodyLabel')}
                highlights={bodyHighlights}
                onView={(v) => setViews((prev) => ({ ...prev, body: v }))}
              />
              <div className="button-row">
                <button
                  type="button"
                  className="primary"
                  disabled={!draft || !sync.canEdit || submitting}
                  onClick={() => setConfirming(true)}
                >
                  {submitting ? t('editorSubmitting') : t('editorSubmit')}
                </button>
                {submitted && (
                  <span role="status" className="ok-note">
                    {t('editorSubmitted', { n: submitted })}
                  </span>
                )}
              </div>
              <ErrorNote error={error} />
              <ConfirmDialog
                open={confirming}
                title={t('editorSubmit')}
                busy={submitting}
                onCancel={() => setConfirming(false)}
                onConfirm={() => void submit()}
              >
                <p>{t('editorSubmitConfirm')}</p>
                <ErrorNote error={error} />
              </ConfirmDialog>
            </div>
          </section>
          <Panel id="versions" title={t('versionsTitle')}>
            <Versions
              statementId={statement.id}
              versions={versions.data ? itemsOf(versions.data) : undefined}
              draftText={sync.synced ? `${sync.title.toString()}\n\n${sync.body.toString()}\n` : null}
            />
            <ErrorNote error={versions.error} />
          </Panel>
        </div>
        <div className="col">
          <Panel id="comments" title={t('commentsTitle')}>
            <Comments
              statement={statement}
              sync={sync}
              views={views}
              comments={comments.data?.items}
              reload={() => comments.reload()}
            />
            <ErrorNote error={comments.error} />
          </Panel>
          <Panel id="approval" title={t('approvalChain')}>
            {!statement.approval ? (
              <p className="muted">{t('versionsEmpty')}</p>
            ) : (
              <ol className="stages">
                {statement.approval.stages.map((s) => (
                  <li key={s.key} className={`stage stage-${s.status}`}>
                    <strong>{s.name}</strong> <span className="badge">{l('stageStatus', s.status)}</span>
                    {s.dueAt && s.status === 'active' && (
                      <div className="muted small">
                        {t('approvalDue', { time: formatDateTime(s.dueAt, lang) })}
                      </div>
                    )}
                    {s.decisions.map((d) => (
                      <div key={d.id} className="small">
                        {l('decision', d.decision)} · {room.nameOf(d.decidedByUserId) ?? t('unknownUser')} ·{' '}
                        {formatDateTime(d.createdAt, lang)}
                        {d.reason ? ` — ${d.reason}` : ''}
                      </div>
                    ))}
                  </li>
                ))}
              </ol>
            )}
            <PublishPanel statement={statement} onDone={() => void reload()} />
            {statement.publications.length > 0 && (
              <>
                <h3>{t('publications')}</h3>
                <ul className="items">
                  {statement.publications.map((p) => (
                    <li key={p.id}>
                      {l('channel', p.channel)} · {formatDateTime(p.publishedAt, lang)}
                      {p.url && (
                        <>
                          {' '}
                          ·{' '}
                          <a href={p.url} target="_blank" rel="noreferrer noopener">
                            {p.url}
                          </a>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Panel>
        </div>
      </div>
    </div>
  );
}
