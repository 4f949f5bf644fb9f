/**
 * Search snippets come HTML-escaped with `<mark>` around the matched words. They are turned into elements here
 * (never injected as HTML): only the marks become tags, everything else stays text.
 */
export function Marked({ html }: { html: string }) {
  const parts = html.split(/(<mark>.*?<\/mark>)/g);
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith('<mark>') ? (
          <mark key={i}>{unescape(p.slice(6, -7))}</mark>
        ) : (
          <span key={i}>{unescape(p)}</span>
        ),
      )}
    </>
  );
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
