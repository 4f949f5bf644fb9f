import { useState } from 'react';
import type { FormEvent } from 'react';
import type { VersionedRule } from '../../api/admin-types.js';
import { itemsOf } from '../../api/client.js';
import type { Page } from '../../api/types.js';
import { useApp, useAsync } from '../../app-context.js';
import { ErrorNote } from '../../components/common.js';
import { formatDate } from '../../format.js';
import type { MessageKey } from '../../i18n.js';
import { ListStatus, RowAction, SubmitButton, todayVn, useSubmit } from './fields.js';

/**
 * Rules kept as versions (approval policies, working-group rules): the list of every version, and a new one
 * written from a copy of an existing version (its fields as JSON, the dates set to start today). Earlier versions
 * stay for the statements and groups they governed.
 */
export function VersionedRulesAdmin({
  path,
  fields,
  titleKey,
  summarize,
}: {
  path: string;
  /** The fields a new version takes (what the route's input accepts). */
  fields: string[];
  titleKey: MessageKey;
  summarize: (rule: VersionedRule) => string;
}) {
  const { api, t, lang } = useApp();
  const rules = useAsync(
    async () => itemsOf(await api.get<VersionedRule[] | Page<VersionedRule>>(path)),
    [path],
  );
  const [text, setText] = useState('');
  const [saved, setSaved] = useState(false);
  const form = useSubmit();

  const copy = (rule: VersionedRule) => {
    const body: Record<string, unknown> = {};
    for (const f of fields) if (rule[f] !== undefined && rule[f] !== null) body[f] = rule[f];
    body.effectiveFrom = todayVn();
    delete body.effectiveTo;
    setSaved(false);
    setText(JSON.stringify(body, null, 2));
  };
  const save = (e: FormEvent) => {
    e.preventDefault();
    void form.run(async () => {
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(t('adminJsonInvalid'));
      }
      await api.post(path, body);
      setSaved(true);
      setText('');
      await rules.reload();
    });
  };

  return (
    <>
      <ListStatus list={rules} />
      <table className="data-table">
        <caption className="visually-hidden">{t(titleKey)}</caption>
        <thead>
          <tr>
            <th scope="col">{t('adminRuleName')}</th>
            <th scope="col">{t('adminRuleContent')}</th>
            <th scope="col">{t('adminValidity')}</th>
            <th scope="col">{t('adminActions')}</th>
          </tr>
        </thead>
        <tbody>
          {(rules.data ?? []).map((r) => (
            <tr key={r.id}>
              <td>
                {String(r.name ?? r.key)}
                <div className="muted small">
                  {r.key}
                  {r.version ? ` · ${t('adminVersionN', { n: r.version })}` : ''}
                  {r.priority !== undefined ? ` · ${t('adminPriority', { n: r.priority })}` : ''}
                </div>
              </td>
              <td className="small">{summarize(r)}</td>
              <td>
                {r.effectiveFrom ? formatDate(String(r.effectiveFrom), lang) : ''} →{' '}
                {r.effectiveTo ? formatDate(String(r.effectiveTo), lang) : t('adminNoEnd')}
              </td>
              <td>
                <RowAction
                  label={t('adminNewVersion')}
                  subject={String(r.name ?? r.key)}
                  onClick={() => copy(r)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="stack-form" onSubmit={save}>
        <label htmlFor="rule-json">{t('adminRuleJson')}</label>
        <p className="muted small">{t('adminRuleJsonHelp')}</p>
        <textarea
          id="rule-json"
          rows={16}
          className="mono"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="button-row">
          <SubmitButton busy={form.busy} label={t('adminRuleSave')} disabled={!text.trim()} />
          {saved && (
            <span role="status" className="ok-note">
              {t('adminRuleSaved')}
            </span>
          )}
        </div>
        <ErrorNote error={form.error} />
      </form>
    </>
  );
}
