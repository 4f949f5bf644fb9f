import { useState } from 'react';
import type { ReactNode } from 'react';
import { itemsOf } from '../../api/client.js';
import type { OrgUnit } from '../../api/types.js';
import { useApp, useAsync } from '../../app-context.js';
import type { AsyncState } from '../../app-context.js';
import { ErrorNote, Spinner } from '../../components/common.js';
import type { MessageKey } from '../../i18n.js';
import { SEVERITIES } from '../../../../src/contracts/enums.js';

/** Incident categories, in the order the forms offer them. */
export const CATEGORIES = [
  'fake_news',
  'policy_backlash',
  'accident_disaster',
  'public_health',
  'service_failure',
  'misconduct_allegation',
  'data_leak',
  'other',
];

/** Terms typed one per line (or separated by commas) → the list the API takes. */
export function termsOf(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export const termsText = (terms: string[] | undefined) => (terms ?? []).join('\n');

/** Today in Vietnam (YYYY-MM-DD), the first day a new dated rule usually takes effect. */
export function todayVn(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

export function Field({
  label,
  id,
  children,
  wide,
}: {
  label: string;
  id: string;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className={wide ? 'field wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {children}
    </div>
  );
}

/** The units of the directory valid today, for choosing the unit a rule, topic or incident belongs to. */
export function useUnits() {
  const { api } = useApp();
  return useAsync(async () => itemsOf(await api.orgUnits({ limit: 500 })) as OrgUnit[], []);
}

export function UnitSelect({
  id,
  value,
  onChange,
  allowEmpty,
  emptyLabel,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  allowEmpty?: boolean;
  emptyLabel?: string;
}) {
  const units = useUnits();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{allowEmpty ? (emptyLabel ?? '—') : '—'}</option>
      {(units.data ?? []).map((u) => (
        <option key={u.id} value={u.id}>
          {u.name}
        </option>
      ))}
    </select>
  );
}

/** A submit handler's busy flag and error, the same way in every form. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}

/** A list's first load (spinner) and its loading error, with a retry. */
export function ListStatus({
  list,
}: {
  list: Pick<AsyncState<unknown>, 'data' | 'error' | 'loading' | 'reload'>;
}) {
  return (
    <>
      {list.loading && !list.data && <Spinner />}
      <ErrorNote error={list.error} onRetry={() => void list.reload()} />
    </>
  );
}

/** A form's primary submit button, saying it is saving while `busy`. */
export function SubmitButton({
  busy,
  label,
  disabled,
}: {
  busy: boolean;
  label: string;
  disabled?: boolean;
}) {
  const { t } = useApp();
  return (
    <button type="submit" className="primary" disabled={busy || disabled}>
      {busy ? t('saving') : label}
    </button>
  );
}

/** A form-grid form's error, across the whole width. */
export function FormError({ error }: { error: unknown }) {
  return (
    <div className="wide">
      <ErrorNote error={error} />
    </div>
  );
}

/** A table row's action button; screen readers also hear which row (`subject`) it acts on. */
export function RowAction({
  label,
  subject,
  disabled,
  onClick,
}: {
  label: string;
  subject: string;
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button type="button" className="small-button" disabled={disabled} onClick={onClick}>
      {label}
      <span className="visually-hidden">: {subject}</span>
    </button>
  );
}

/** A secret shown once (a webhook secret, a drawn password), until the administrator says it is kept. */
export function SecretOnce({
  message,
  secret,
  testId,
  dismissLabel,
  onDismiss,
  children,
}: {
  message: string;
  secret: string;
  testId: string;
  dismissLabel: string;
  onDismiss: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="callout" role="status">
      <p>{message}</p>
      <p className="secret-box" data-testid={testId}>
        {secret}
      </p>
      {children}
      <button type="button" onClick={onDismiss}>
        {dismissLabel}
      </button>
    </div>
  );
}

/** An incident's category and severity as two selects: declaring, an officer's report, a press request or report. */
export function CategorySeverityFields({
  idPrefix,
  category,
  severity,
  onCategory,
  onSeverity,
  categoryLabel = 'adminCategory',
  severityLabel = 'colSeverity',
}: {
  idPrefix: string;
  category: string;
  severity: string;
  onCategory: (value: string) => void;
  onSeverity: (value: string) => void;
  categoryLabel?: MessageKey;
  severityLabel?: MessageKey;
}) {
  const { t, l } = useApp();
  return (
    <>
      <Field label={t(categoryLabel)} id={`${idPrefix}-category`}>
        <select id={`${idPrefix}-category`} value={category} onChange={(e) => onCategory(e.target.value)}>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {l('category', c)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t(severityLabel)} id={`${idPrefix}-severity`}>
        <select id={`${idPrefix}-severity`} value={severity} onChange={(e) => onSeverity(e.target.value)}>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {l('severity', s)}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
