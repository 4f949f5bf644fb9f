import JSZip from 'jszip';

export interface DocxContent {
  /** Part names of the package ([Content_Types].xml, word/document.xml, …). */
  parts: string[];
  /** word/document.xml as stored. */
  documentXml: string;
  /** The text of word/document.xml: runs joined, one line per paragraph (NFC, no-break spaces as spaces). */
  text: string;
  /** Header and footer parts' text, by part name. */
  headers: Record<string, string>;
  /** docProps/core.xml (title, subject, keywords). */
  coreXml: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The text of a WordprocessingML part: `<w:t>` contents, a line break at each paragraph end. */
export function wordText(xml: string): string {
  return decode(
    xml
      .replace(/<\/w:p>/g, '\n')
      .replace(/<w:tab\/>/g, '\t')
      .replace(/<w:br\/>/g, '\n')
      .replace(/<(?!\/?w:t[ >])[^>]+>/g, '')
      .replace(/<\/?w:t[^>]*>/g, ''),
  )
    .normalize('NFC')
    .replace(/\u00a0/g, ' ');
}

/** Opens a DOCX as the Office Open XML (ZIP) package it must be; throws when it is not one. */
export async function openDocx(buffer: Buffer): Promise<DocxContent> {
  const zip = await JSZip.loadAsync(buffer);
  const parts = Object.keys(zip.files);
  const read = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`DOCX has no ${name}`);
    return f.async('string');
  };
  const documentXml = await read('word/document.xml');
  const headers: Record<string, string> = {};
  for (const p of parts.filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n))) {
    headers[p] = wordText(await read(p));
  }
  return {
    parts,
    documentXml,
    text: wordText(documentXml),
    headers,
    coreXml: await read('docProps/core.xml'),
  };
}
