import type { ReactNode } from 'react';
import { ApiError, NETWORK_ERROR } from '../api/client.js';
import { RoomCommandError } from '../api/rooms.js';
import { useI18n } from '../app-context.js';
import { navigate } from '../router.js';

export function Spinner({ label }: { label?: string }) {
  const { t } = useI18n();
  return (
    <span className="spinner" role="status">
      <span className="spinner-dot" aria-hidden="true" />
      {label ?? t('loading')}
    </span>
  );
}

/** An error in plain words: the API's own Vietnamese message, its reference for support. */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  if (!error) return null;
  let message = String((error as Error)?.message ?? error);
  let reference: string | undefined;
  let fields: string[] = [];
  if (error instanceof ApiError) {
    message = error.code === NETWORK_ERROR ? t('networkError') : error.message;
    reference = error.correlationId;
    fields = Object.values(error.fieldMessages()).flat();
  } else if (error instanceof RoomCommandError) {
    fields = Array.isArray(error.details)
      ? (error.details as { messages?: string[] }[]).flatMap((d) => d.messages ?? [])
      : [];
  }
  return (
    <div className="error-note" role="alert">
      <strong>{t('errorPrefix')}:</strong> {message}
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
      {reference && (
        <small className="muted">
          {' '}
          ({t('errorReference')}: {reference})
        </small>
      )}
      {onRetry && (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

export function SeverityBadge({ severity }: { severity: string }) {
  const { l } = useI18n();
  return <span className={`badge severity-${severity}`}>{l('severity', severity)}</span>;
}

export function StatusBadge({
  status,
  group = 'status',
}: {
  status: string;
  group?: 'status' | 'statementStatus';
}) {
  const { l } = useI18n();
  return <span className={`badge status status-${status}`}>{l(group, status)}</span>;
}

export function Panel({
  title,
  id,
  children,
  actions,
  className,
}: {
  title: string;
  id: string;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <section className={`panel ${className ?? ''}`} aria-labelledby={`${id}-title`} id={id}>
      <header className="panel-header">
        <h2 id={`${id}-title`}>{title}</h2>
        {actions}
      </header>
      <div className="panel-body">{children}</div>
    </section>
  );
}

/** A link that changes the page without reloading it (and still opens in a new tab on ctrl/middle click). */
export function Link({ to, children, className }: { to: string; children: ReactNode; className?: string }) {
  return (
    <a
      href={to}
      className={className}
      onClick={(e) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
