import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useApp, useAsync } from '../app-context.js';
import { ErrorNote, Link, SeverityBadge, Spinner } from '../components/common.js';
import { Marked } from '../components/Marked.js';
import { SimpleMarkdown } from '../components/SimpleMarkdown.js';
import { formatDateTime } from '../format.js';
import { navigate } from '../router.js';

/** The playbook library (Chỉ thị 07: a handbook and a process) and full-text search over it and past cases. */
export function PlaybooksScreen({ playbookId }: { playbookId?: string }) {
  const { api, t, l } = useApp();
  const params = new URLSearchParams(window.location.search);
  const [q, setQ] = useState(params.get('q') ?? '');
  const [query, setQuery] = useState(params.get('q') ?? '');
  const list = useAsync(() => api.playbooks(), []);
  const results = useAsync(() => (query ? api.search(query) : Promise.resolve(null)), [query]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = q.trim();
    setQuery(next);
    navigate(next ? `/playbooks?q=${encodeURIComponent(next)}` : '/playbooks', { replace: true });
  };

  if (playbookId) return <PlaybookDetailView id={playbookId} />;
  return (
    <div className="page">
      <h1>{t('playbooksTitle')}</h1>
      <p className="muted">{t('playbooksIntro')}</p>
      <form className="filters" role="search" onSubmit={submit}>
        <label htmlFor="library-search">{t('searchLibrary')}</label>
        <input
          id="library-search"
          type="search"
          value={q}
          placeholder={t('searchLibraryHint')}
          onChange={(e) => setQ(e.target.value)}
        />
        <button type="submit" className="primary">
          {t('search')}
        </button>
      </form>
      {query && (
        <section aria-labelledby="results-title" className="panel">
          <header className="panel-header">
            <h2 id="results-title">{t('searchResults', { q: query })}</h2>
          </header>
          <div className="panel-body">
            {results.loading && <Spinner />}
            <ErrorNote error={results.error} />
            {results.data && !results.data.items.length && <p className="muted">{t('searchNothing')}</p>}
            <ul className="results">
              {results.data?.items.map((h) => (
                <li key={`${h.kind}-${h.id}`} data-kind={h.kind}>
                  <span className="badge">{h.kind === 'playbook' ? t('kindPlaybook') : t('kindCase')}</span>{' '}
                  <Link to={h.kind === 'playbook' ? `/playbooks/${h.id}` : `/incidents/${h.id}/report`}>
                    <Marked html={h.titleHtml} />
                  </Link>
                  {h.kind === 'incident' && (
                    <span className="muted small">
                      {' '}
                      · {h.code} · {h.responsibleUnitName}
                    </span>
                  )}
                  <p className="snippet">
                    <Marked html={h.snippetHtml} />
                  </p>
                </li>
              ))}
            </ul>
          </div>
        </section>
      )}
      {list.loading && !list.data && <Spinner />}
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
      <ul className="cards playbook-cards">
        {list.data?.items.map((p) => (
          <li key={p.id} className="card">
            <h2>
              <Link to={`/playbooks/${p.id}`}>{p.title}</Link>
            </h2>
            <p className="small">
              {p.categories.map((c) => l('category', c)).join(', ')} ·{' '}
              <SeverityBadge severity={p.severityMin} /> – <SeverityBadge severity={p.severityMax} /> ·{' '}
              {t('playbookVersion', { n: p.currentVersion })}
            </p>
            <p>{p.summary}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}

function PlaybookDetailView({ id }: { id: string }) {
  const { api, t, l, lang } = useApp();
  const playbook = useAsync(() => api.playbook(id), [id]);
  const roles = useAsync(() => api.groupRoles(), []);
  const roleName = (key: string) => roles.data?.find((r) => r.key === key)?.nameVi ?? key;
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [id]);
  if (!playbook.data) {
    return <div className="page">{playbook.error ? <ErrorNote error={playbook.error} /> : <Spinner />}</div>;
  }
  const { current } = playbook.data;
  const c = current.content;
  return (
    <div className="page narrow-wide">
      <p className="backlink">
        <Link to="/playbooks">← {t('playbooksTitle')}</Link>
      </p>
      <h1>{current.title}</h1>
      <p className="muted">
        {t('playbookVersion', { n: current.version })} · {formatDateTime(current.createdAt, lang)} ·{' '}
        {c.categories.map((x) => l('category', x)).join(', ')}
      </p>
      <p>{c.summary}</p>
      <h2>{t('playbookStages')}</h2>
      <ol className="stages-list">
        {c.stages.map((s) => (
          <li key={s.key}>
            <strong>{s.title}</strong>
            <ul>
              {s.tasks.map((task) => (
                <li key={task.title}>
                  {task.title}{' '}
                  <span className="muted small">
                    ({t('playbookDue', { minutes: task.dueAfterMinutes })}
                    {task.role ? ` · ${roleName(task.role)}` : ''})
                  </span>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
      {c.holdingLines.length > 0 && (
        <>
          <h2>{t('playbookHoldingLines')}</h2>
          <ul>
            {c.holdingLines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {c.statementTemplates.length > 0 && (
        <>
          <h2>{t('playbookTemplates')}</h2>
          {c.statementTemplates.map((tpl) => (
            <details key={tpl.title}>
              <summary>
                {l('statementType', tpl.type)}: {tpl.title}
              </summary>
              <pre className="version-text">{tpl.body}</pre>
            </details>
          ))}
        </>
      )}
      {c.legalReferences.length > 0 && (
        <>
          <h2>{t('playbookLegal')}</h2>
          <ul>
            {c.legalReferences.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      )}
      {c.guidanceMarkdown && (
        <>
          <h2>{t('playbookGuidance')}</h2>
          <SimpleMarkdown text={c.guidanceMarkdown} />
        </>
      )}
    </div>
  );
}
