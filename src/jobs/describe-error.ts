/** Longest error text kept in a `last_error` column. */
const MAX_ERROR_LENGTH = 2000;

/** The text kept for a failed attempt (timers, notification deliveries). */
export function describeError(e: unknown): string {
  const text = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
