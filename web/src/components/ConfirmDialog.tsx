import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../app-context.js';

/**
 * A modal question before an action that changes much at once (applying a playbook, submitting a statement):
 * the native <dialog> traps the focus, Escape cancels, and the confirm button takes the focus first.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel?: string;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby="confirm-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open && (
        <>
          <h2 id="confirm-dialog-title">{title}</h2>
          <div className="confirm-dialog-body">{children}</div>
          <div className="button-row">
            <button type="button" className="primary" disabled={busy} onClick={onConfirm} autoFocus>
              {confirmLabel ?? t('confirmYes')}
            </button>
            <button type="button" disabled={busy} onClick={onCancel}>
              {t('cancel')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
