import type { EditorView } from '@codemirror/view';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { StatementSync } from '../../api/statement-sync.js';
import type { DraftField } from '../../api/statement-sync.js';
import type { StatementComment, StatementDetail } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import type { HighlightRange } from '../../components/CollabEditor.js';
import { ErrorNote } from '../../components/common.js';

/** Comment anchors resolved to where their text is now (they follow concurrent edits). */
export function useHighlights(
  sync: StatementSync,
  comments: StatementComment[] | undefined,
  field: DraftField,
): HighlightRange[] | undefined {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onUpdate = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setTick((n) => n + 1), 400);
    };
    sync.doc.on('update', onUpdate);
    return () => {
      clearTimeout(timer);
      sync.doc.off('update', onUpdate);
    };
  }, [sync]);
  return useMemo(() => {
    void tick; // recomputed after edits settle
    if (!comments || !sync.synced) return undefined;
    return comments
      .filter((c) => c.field === field && c.status === 'open')
      .map((c) => ({
        id: c.id,
        from: sync.resolve(c.anchor.start) ?? -1,
        to: sync.resolve(c.anchor.end) ?? -1,
      }))
      .filter((r) => r.from >= 0 && r.to > r.from);
  }, [comments, sync, sync.synced, field, tick]);
}

/** The statement's comments, anchored to a selection of the draft: show, resolve or reopen, add. */
export function Comments({
  statement,
  sync,
  views,
  comments,
  reload,
}: {
  statement: StatementDetail;
  sync: StatementSync;
  views: Record<DraftField, EditorView | null>;
  comments: StatementComment[] | undefined;
  reload: () => Promise<void>;
}) {
  const { api, t } = useApp();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [hint, setHint] = useState('');
  const lastSelection = useRef<{ field: DraftField; from: number; to: number } | null>(null);

  // Remember the last non-empty selection: focusing the comment box must not lose it.
  useEffect(() => {
    const timer = setInterval(() => {
      for (const field of ['title', 'body'] as DraftField[]) {
        const v = views[field];
        if (!v || !v.hasFocus) continue;
        const sel = v.state.selection.main;
        if (sel.to > sel.from) lastSelection.current = { field, from: sel.from, to: sel.to };
      }
    }, 200);
    return () => clearInterval(timer);
  }, [views]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    const sel = lastSelection.current;
    if (!sel) {
      setHint(t('commentNeedSelection'));
      return;
    }
    setBusy(true);
    setError(null);
    setHint('');
    try {
      await sync.flushed();
      await api.addComment(statement.id, {
        field: sel.field,
        anchorStart: sync.anchor(sel.field, sel.from, 0),
        anchorEnd: sync.anchor(sel.field, sel.to, -1),
        body: body.trim(),
      });
      setBody('');
      lastSelection.current = null;
      await reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const show = (c: StatementComment) => {
    const v = views[c.field];
    const from = sync.resolve(c.anchor.start);
    const to = sync.resolve(c.anchor.end);
    if (!v || from === null || to === null) return;
    v.dispatch({ selection: { anchor: from, head: to }, scrollIntoView: true });
    v.focus();
  };

  const toggle = async (c: StatementComment) => {
    setError(null);
    try {
      await api.setCommentStatus(statement.id, c.id, c.status === 'open');
      await reload();
    } catch (err) {
      setError(err);
    }
  };

  // A finished incident is read-only: no new comments, nothing to resolve.
  const canComment = statement.rights.canComment && !sync.incidentReadOnly;
  return (
    <>
      {comments && !comments.length && <p className="muted">{t('commentsEmpty')}</p>}
      <ul className="comments">
        {comments?.map((c) => (
          <li key={c.id} className={`comment comment-${c.status}`}>
            <blockquote>{c.range ? c.range.text : <em>{t('commentGone')}</em>}</blockquote>
            <p>{c.body}</p>
            <div className="button-row">
              {c.range && (
                <button type="button" className="small-button" onClick={() => show(c)}>
                  {t('commentShow')}
                </button>
              )}
              {canComment && (
                <button type="button" className="small-button" onClick={() => void toggle(c)}>
                  {c.status === 'open' ? t('commentResolve') : t('commentReopen')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {canComment && (
        <form className="stack-form" onSubmit={add}>
          <label htmlFor="comment-body">{t('commentBody')}</label>
          <textarea id="comment-body" rows={2} value={body} onChange={(e) => setBody(e.target.value)} />
          <button type="submit" disabled={busy || !body.trim()}>
            {busy ? t('saving') : t('commentAdd')}
          </button>
          {hint && (
            <p className="notice" role="status">
              {hint}
            </p>
          )}
          <ErrorNote error={error} />
        </form>
      )}
    </>
  );
}
