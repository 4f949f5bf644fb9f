import { useState } from 'react';
import type { Version } from '../../api/types.js';
import { useApp } from '../../app-context.js';
import { Spinner } from '../../components/common.js';
import { OfficialDocumentView, documentText } from '../../components/OfficialDocument.js';
import { WordDiff } from '../../components/WordDiff.js';
import { formatDateTime } from '../../format.js';

/** The statement's versions as documents, each with its word diff from the one before and from the draft. */
export function Versions({
  statementId,
  versions,
  draftText,
}: {
  statementId: string;
  versions: Version[] | undefined;
  draftText: string | null;
}) {
  const { t, lang } = useApp();
  const [selected, setSelected] = useState<number | null>(null);
  if (!versions) return <Spinner />;
  if (!versions.length) return <p className="muted">{t('versionsEmpty')}</p>;
  const sorted = [...versions].sort((a, b) => a.number - b.number);
  const current = sorted.find((v) => v.number === selected) ?? sorted[sorted.length - 1];
  const previous = sorted.filter((v) => v.number < current.number).at(-1);
  return (
    <>
      <div className="version-tabs" role="group" aria-label={t('versionsTitle')}>
        {sorted.map((v) => (
          <button
            key={v.number}
            type="button"
            aria-pressed={v.number === current.number}
            onClick={() => setSelected(v.number)}
          >
            {t('versionLabel', { n: v.number })}
            <span className="muted small"> · {formatDateTime(v.createdAt, lang)}</span>
          </button>
        ))}
      </div>
      <OfficialDocumentView statementId={statementId} version={current} />
      {previous ? (
        <>
          <h3>{t('diffWith', { n: previous.number })}</h3>
          <p className="muted small">{t('documentDiffRendered')}</p>
          <WordDiff from={documentText(previous.document.html)} to={documentText(current.document.html)} />
        </>
      ) : (
        <p className="muted">{t('diffFirst')}</p>
      )}
      {draftText !== null && draftText !== current.rendered && (
        <details>
          <summary>
            {t('diffWith', { n: current.number })} → {t('editorBodyLabel')}
          </summary>
          <WordDiff from={current.rendered} to={draftText} />
        </details>
      )}
    </>
  );
}
