import { useState } from 'react';
import type { ReactNode } from 'react';
import { itemsOf } from '../../api/client.js';
import type { OrgUnit } from '../../api/types.js';
import { useApp, useAsync } from '../../app-context.js';

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
