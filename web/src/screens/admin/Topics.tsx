import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { TopicPreview, WatchTopic } from '../../api/admin-types.js';
import { useApp, useAsync } from '../../app-context.js';
import { ErrorNote } from '../../components/common.js';
import { formatDateTime, formatNumber } from '../../format.js';
import type { MessageKey } from '../../i18n.js';
import {
  CATEGORIES,
  Field,
  FormError,
  ListStatus,
  RowAction,
  SubmitButton,
  termsOf,
  termsText,
  UnitSelect,
  useSubmit,
  useUnits,
} from './fields.js';

interface Draft {
  id: string | null;
  orgUnitId: string;
  name: string;
  category: string;
  anyTerms: string;
  allTerms: string;
  noneTerms: string;
  unitNames: string;
  leaderNames: string;
  active: boolean;
}

const EMPTY: Draft = {
  id: null,
  orgUnitId: '',
  name: '',
  category: 'other',
  anyTerms: '',
  allTerms: '',
  noneTerms: '',
  unitNames: '',
  leaderNames: '',
  active: true,
};

const rulesOf = (d: Draft) => ({
  anyTerms: termsOf(d.anyTerms),
  allTerms: termsOf(d.allTerms),
  noneTerms: termsOf(d.noneTerms),
  unitNames: termsOf(d.unitNames),
  leaderNames: termsOf(d.leaderNames),
});

/** Watch-list topics: list, create, edit, with the recent mentions the rule would match shown as it is typed. */
export function TopicsAdmin() {
  const { api, t, l } = useApp();
  const topics = useAsync(() => api.get<WatchTopic[]>('/api/topics'), []);
  const units = useUnits();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [saved, setSaved] = useState<string | null>(null);
  const form = useSubmit();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const edit = (topic: WatchTopic) => {
    setSaved(null);
    setDraft({
      id: topic.id,
      orgUnitId: topic.orgUnitId,
      name: topic.name,
      category: topic.category,
      anyTerms: termsText(topic.anyTerms),
      allTerms: termsText(topic.allTerms),
      noneTerms: termsText(topic.noneTerms),
      unitNames: termsText(topic.unitNames),
      leaderNames: termsText(topic.leaderNames),
      active: topic.active,
    });
  };

  const save = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      const body = {
        orgUnitId: draft.orgUnitId,
        name: draft.name.trim(),
        category: draft.category,
        ...rulesOf(draft),
      };
      if (draft.id) await api.patch(`/api/topics/${draft.id}`, { ...body, active: draft.active });
      else await api.post('/api/topics', body);
      setSaved(draft.name.trim());
      setDraft(EMPTY);
      await topics.reload();
    });
  };

  const unitName = (id: string) => units.data?.find((u) => u.id === id)?.name ?? '';
  return (
    <>
      <section className="panel" aria-labelledby="topic-form-title">
        <header className="panel-header">
          <h2 id="topic-form-title">
            {draft.id ? t('adminTopicEdit', { name: draft.name }) : t('adminTopicNew')}
          </h2>
        </header>
        <form className="panel-body form-grid" onSubmit={save}>
          <Field label={t('adminTopicName')} id="topic-name">
            <input
              id="topic-name"
              required
              minLength={3}
              value={draft.name}
              onChange={(e) => set({ name: e.target.value })}
            />
          </Field>
          <Field label={t('adminUnit')} id="topic-unit">
            <UnitSelect id="topic-unit" value={draft.orgUnitId} onChange={(v) => set({ orgUnitId: v })} />
          </Field>
          <Field label={t('adminCategory')} id="topic-category">
            <select
              id="topic-category"
              value={draft.category}
              onChange={(e) => set({ category: e.target.value })}
            >
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {l('category', c)}
                </option>
              ))}
            </select>
          </Field>
          {(
            [
              ['anyTerms', 'adminTopicAny'],
              ['allTerms', 'adminTopicAll'],
              ['noneTerms', 'adminTopicNone'],
              ['unitNames', 'adminTopicUnitNames'],
              ['leaderNames', 'adminTopicLeaderNames'],
            ] as [keyof Draft, MessageKey][]
          ).map(([field, label]) => (
            <Field key={field} label={t(label)} id={`topic-${field}`}>
              <textarea
                id={`topic-${field}`}
                rows={3}
                value={String(draft[field])}
                onChange={(e) => set({ [field]: e.target.value })}
              />
            </Field>
          ))}
          {draft.id && (
            <label className="check">
              <input
                type="checkbox"
                checked={draft.active}
                onChange={(e) => set({ active: e.target.checked })}
              />{' '}
              {t('adminActiveLabel')}
            </label>
          )}
          <div className="wide button-row">
            <SubmitButton
              busy={form.busy}
              label={draft.id ? t('adminSave') : t('adminTopicCreate')}
              disabled={!draft.orgUnitId}
            />
            {draft.id && (
              <button type="button" onClick={() => setDraft(EMPTY)}>
                {t('cancel')}
              </button>
            )}
            {saved && (
              <span role="status" className="ok-note">
                {t('adminSaved', { name: saved })}
              </span>
            )}
          </div>
          <FormError error={form.error} />
        </form>
        <div className="panel-body">
          <RulePreview draft={draft} />
        </div>
      </section>
      <ListStatus list={topics} />
      <table className="data-table">
        <caption className="visually-hidden">{t('adminTopics')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('adminTopicName')}</th>
            <th scope="col">{t('adminUnit')}</th>
            <th scope="col">{t('adminTopicRules')}</th>
            <th scope="col">{t('adminActions')}</th>
          </tr>
        </thead>
        <tbody>
          {(topics.data ?? []).map((topic) => (
            <tr key={topic.id}>
              <td>
                {topic.name}
                {!topic.active && <span className="badge"> {t('adminInactive')}</span>}
              </td>
              <td>{unitName(topic.orgUnitId)}</td>
              <td className="small">
                {[...topic.anyTerms, ...topic.allTerms, ...topic.unitNames, ...topic.leaderNames].join(', ')}
              </td>
              <td>
                <RowAction label={t('adminEdit')} subject={topic.name} onClick={() => edit(topic)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Which recent mentions the rule being typed matches (asked again half a second after the typing stops). */
function RulePreview({ draft }: { draft: Draft }) {
  const { api, t, lang } = useApp();
  const [result, setResult] = useState<{ preview?: TopicPreview; error?: unknown } | null>(null);
  const rules = rulesOf(draft);
  const key = JSON.stringify(rules);
  const empty =
    !rules.anyTerms.length && !rules.allTerms.length && !rules.unitNames.length && !rules.leaderNames.length;
  useEffect(() => {
    if (empty) {
      setResult(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      api.post<TopicPreview>('/api/topics/preview', JSON.parse(key)).then(
        (preview) => live && setResult({ preview }),
        (error: unknown) => live && setResult({ error }),
      );
    }, 500);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, key, empty]);

  return (
    <div aria-live="polite" data-testid="topic-preview">
      <h3>{t('adminPreviewTitle')}</h3>
      {empty && <p className="muted">{t('adminPreviewEmpty')}</p>}
      {result?.error ? <ErrorNote error={result.error} /> : null}
      {result?.preview && (
        <>
          <p>
            {t('adminPreviewCount', {
              matched: formatNumber(result.preview.matched, lang),
              scanned: formatNumber(result.preview.scanned, lang),
              since: formatDateTime(result.preview.since, lang),
            })}
          </p>
          <ul className="mentions">
            {result.preview.items.map((m) => (
              <li key={m.id} className={`mention sentiment-${m.sentiment ?? 'unknown'}`}>
                <strong>{m.title ?? m.outlet ?? t('adminPreviewNoTitle')}</strong>
                <span className="muted small">
                  {' '}
                  · {m.outlet ?? ''} · {formatDateTime(m.publishedAt ?? m.collectedAt, lang)}
                </span>
                {m.text && <div className="small">{m.text}</div>}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
