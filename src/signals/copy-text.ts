/**
 * PostgreSQL `COPY … FROM STDIN` text format: one line per row, columns separated by tabs, `\N` for null, and
 * backslash, tab, newline and carriage return escaped with a backslash. Ingestion writes mentions and their topic
 * links this way: a COPY costs the database about half of what the same rows cost through a multi-row INSERT
 * (no parameter arrays to parse, no speculative insertion).
 */

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPED = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field: strings escaped, numbers as written by String(), booleans as t/f, Dates in ISO 8601 (UTC). */
export function copyField(value: string | number | boolean | Date | null): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') {
    return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPED, (c) => ESCAPES[c]) : value;
  }
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** A whole line: fields in column order, tab-separated, ending with a newline. */
export function copyLine(values: readonly (string | number | boolean | Date | null)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i) line += '\t';
    line += copyField(values[i]);
  }
  return line + '\n';
}
