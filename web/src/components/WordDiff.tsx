import { diffWords } from 'diff';
import { useMemo } from 'react';
import { useI18n } from '../app-context.js';

/** The word diff between two texts (the `diff` package's diffWords), insertions and deletions marked. */
export function WordDiff({ from, to }: { from: string; to: string }) {
  const { t } = useI18n();
  const parts = useMemo(() => diffWords(from, to), [from, to]);
  const words = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  const inserted = parts.filter((p) => p.added).reduce((n, p) => n + words(p.value), 0);
  const deleted = parts.filter((p) => p.removed).reduce((n, p) => n + words(p.value), 0);
  return (
    <div className="word-diff">
      <p className="muted">{t('diffSummary', { inserted, deleted })}</p>
      <div className="diff-text">
        {parts.map((p, i) =>
          p.added ? (
            <ins key={i}>{p.value}</ins>
          ) : p.removed ? (
            <del key={i}>{p.value}</del>
          ) : (
            <span key={i}>{p.value}</span>
          ),
        )}
      </div>
    </div>
  );
}
