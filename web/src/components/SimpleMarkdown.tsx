import type { ReactNode } from 'react';

/**
 * The little Markdown that playbooks' guidance uses (### headings, - lists, **bold**), turned into elements: no
 * HTML is ever injected.
 */
export function SimpleMarkdown({ text }: { text: string }) {
  const blocks: ReactNode[] = [];
  let list: ReactNode[] = [];
  let para: string[] = [];
  const flush = () => {
    if (list.length) blocks.push(<ul key={`ul-${blocks.length}`}>{list}</ul>);
    if (para.length) blocks.push(<p key={`p-${blocks.length}`}>{inline(para.join(' '))}</p>);
    list = [];
    para = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    const heading = line.match(/^#{1,6}\s+(.*)$/);
    const item = line.match(/^\s*[-*]\s+(.*)$/);
    if (heading) {
      flush();
      blocks.push(<h3 key={`h-${blocks.length}`}>{inline(heading[1])}</h3>);
    } else if (item) {
      if (para.length) flush();
      list.push(<li key={list.length}>{inline(item[1])}</li>);
    } else if (!line.trim()) {
      flush();
    } else {
      if (list.length) flush();
      para.push(line.trim());
    }
  }
  flush();
  return <div className="markdown">{blocks}</div>;
}

function inline(text: string): ReactNode[] {
  return text
    .split(/(\*\*[^*]+\*\*)/g)
    .map((part, i) =>
      part.startsWith('**') && part.endsWith('**') ? <strong key={i}>{part.slice(2, -2)}</strong> : part,
    );
}
