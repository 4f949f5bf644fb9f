import type { Deadline } from '../api/types.js';
import { useI18n, useNow } from '../app-context.js';
import { formatDateTime, formatDuration } from '../format.js';

/** One deadline of the legal clock, counting down (or showing when it was met). */
export function LegalClock({ deadline, compact = false }: { deadline: Deadline; compact?: boolean }) {
  const { t, lang } = useI18n();
  const now = useNow(1000);
  let text: string;
  let tone: 'ok' | 'warn' | 'late' | 'done' | 'idle';
  if (!deadline.dueAt) {
    text = t('clockNotStarted');
    tone = 'idle';
  } else if (deadline.stoppedAt) {
    const at = formatDateTime(deadline.stoppedAt, lang);
    text = deadline.met ? t('clockMet', { time: at }) : t('clockMissed', { time: at });
    tone = deadline.met ? 'done' : 'late';
  } else {
    const remaining = new Date(deadline.dueAt).getTime() - now;
    text =
      remaining >= 0
        ? t('clockRemaining', { time: formatDuration(remaining, lang) })
        : t('clockOverdue', { time: formatDuration(remaining, lang) });
    tone = remaining < 0 ? 'late' : remaining < 6 * 3600_000 ? 'warn' : 'ok';
  }
  return (
    <span className={`clock clock-${tone}`} title={`${deadline.label} — ${deadline.rule.legalSource}`}>
      {!compact && <span className="clock-label">{deadline.label}: </span>}
      <span className="clock-value">{text}</span>
      {!compact && deadline.dueAt && !deadline.stoppedAt && (
        <span className="muted"> · {t('clockDue', { time: formatDateTime(deadline.dueAt, lang) })}</span>
      )}
    </span>
  );
}

/** The deadline that matters most in a list: the running one due first, else the first. */
export function mainDeadline(deadlines: Deadline[]): Deadline | undefined {
  const running = deadlines
    .filter((d) => d.dueAt && !d.stoppedAt)
    .sort((a, b) => new Date(a.dueAt!).getTime() - new Date(b.dueAt!).getTime());
  return running[0] ?? deadlines.find((d) => d.dueAt) ?? deadlines[0];
}
