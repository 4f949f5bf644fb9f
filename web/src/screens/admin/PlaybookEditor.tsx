import { useState } from 'react';
import type { FormEvent } from 'react';
import { itemsOf } from '../../api/client.js';
import type { PlaybookDetail } from '../../api/types.js';
import { useApp, useAsync } from '../../app-context.js';
import { ErrorNote, Link, Spinner } from '../../components/common.js';
import { useSubmit } from './fields.js';

/**
 * A new version of a playbook: its title and content (stages and tasks, roles, statement templates, holding
 * lines, legal references, guidance) edited from the current version. Incidents that applied an earlier version
 * keep it.
 */
export function PlaybookEditorAdmin() {
  const { api, t } = useApp();
  const list = useAsync(async () => itemsOf(await api.playbooks()), []);
  const [chosen, setChosen] = useState<PlaybookDetail | null>(null);
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [saved, setSaved] = useState<number | null>(null);
  const form = useSubmit();

  const choose = (id: string) =>
    form.run(async () => {
      setSaved(null);
      if (!id) return setChosen(null);
      const detail = await api.playbook(id);
      setChosen(detail);
      setTitle(detail.current.title);
      setContent(JSON.stringify(detail.current.content, null, 2));
    });
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    void form.run(async () => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(content);
      } catch {
        throw new Error(t('adminJsonInvalid'));
      }
      const made = await api.post<PlaybookDetail>(`/api/playbooks/${chosen.id}/versions`, {
        title: title.trim(),
        content: parsed,
      });
      setChosen(made);
      setSaved(made.currentVersion);
    });
  };

  return (
    <>
      {list.loading && !list.data && <Spinner />}
      <ErrorNote error={list.error} />
      <div className="filters">
        <label htmlFor="playbook-pick">{t('adminPlaybookPick')}</label>
        <select id="playbook-pick" value={chosen?.id ?? ''} onChange={(e) => void choose(e.target.value)}>
          <option value="">—</option>
          {(list.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      {chosen && (
        <form className="stack-form" onSubmit={save}>
          <p>
            <Link to={`/playbooks/${chosen.id}`}>
              {t('adminPlaybookCurrent', { n: chosen.currentVersion })}
            </Link>
          </p>
          <label htmlFor="playbook-title">{t('adminPlaybookTitle')}</label>
          <input
            id="playbook-title"
            required
            minLength={5}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <label htmlFor="playbook-content">{t('adminPlaybookContent')}</label>
          <p className="muted small">{t('adminPlaybookContentHelp')}</p>
          <textarea
            id="playbook-content"
            rows={24}
            className="mono"
            value={content}
            onChange={(e) => setContent(e.target.value)}
          />
          <div className="button-row">
            <button type="submit" className="primary" disabled={form.busy}>
              {form.busy ? t('saving') : t('adminPlaybookSave')}
            </button>
            {saved !== null && (
              <span role="status" className="ok-note">
                {t('adminPlaybookSaved', { n: saved })}
              </span>
            )}
          </div>
        </form>
      )}
      <ErrorNote error={form.error} />
    </>
  );
}
