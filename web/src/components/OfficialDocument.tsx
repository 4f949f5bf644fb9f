import { useState } from 'react';
import type { VersionDocument } from '../api/types.js';
import { useApp } from '../app-context.js';
import { ErrorNote } from './common.js';

/** The text a reader reads in a rendered document (its style sheet left out), for word diffs between versions. */
export function documentText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('style').forEach((s) => s.remove());
  doc.querySelectorAll('div, p, li, h2, h3, tr').forEach((el) => el.append('\n'));
  return (doc.body.textContent ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}

async function save(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A statement version as the official document it is issued as (heading, body, signature block), drawn by the
 * server, with the SHA-256 of that drawing and of the text approvals bind to; the Markdown source one click away;
 * PDF and DOCX to download.
 */
export function OfficialDocumentView({
  statementId,
  version,
}: {
  statementId: string;
  version: { number: number; body: string; sha256: string; document: VersionDocument };
}) {
  const { api, t } = useApp();
  const [raw, setRaw] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const download = async (format: 'pdf' | 'docx') => {
    setError(null);
    try {
      await save(
        await api.versionDocument(statementId, version.number, format),
        `van-ban-v${version.number}.${format}`,
      );
    } catch (e) {
      setError(e);
    }
  };
  return (
    <figure className="official-doc">
      <div className="doc-toolbar">
        <button type="button" aria-pressed={raw} onClick={() => setRaw(!raw)}>
          {raw ? t('documentShowRendered') : t('documentShowMarkdown')}
        </button>
        <button type="button" onClick={() => void download('pdf')}>
          {t('documentDownloadPdf')}
        </button>
        <button type="button" onClick={() => void download('docx')}>
          {t('documentDownloadDocx')}
        </button>
      </div>
      <ErrorNote error={error} />
      {raw ? (
        <pre className="version-text" data-testid="version-markdown">
          {version.body}
        </pre>
      ) : (
        // Server-drawn HTML: every text in it is escaped and Markdown's raw HTML is not interpreted.
        <div
          className="doc-page"
          data-testid="official-document"
          aria-label={t('documentView')}
          dangerouslySetInnerHTML={{ __html: version.document.html }}
        />
      )}
      <figcaption className="muted small hash">
        <span>
          {t('documentHash')}: <code data-testid="document-sha256">{version.document.sha256}</code>
        </span>
        <br />
        <span>
          {t('documentTextHash')}: <code>{version.sha256}</code>
        </span>
      </figcaption>
    </figure>
  );
}
