import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';

// pdfjs-dist's Node build (legacy), loaded lazily: only the report tests need it.
async function pdfjs() {
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

async function open(pdf: Buffer) {
  const { getDocument } = await pdfjs();
  return getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
}

/** The text of every page, in reading order, lines joined by spaces (NFC). */
export async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await open(pdf);
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    parts.push(content.items.map((it) => ('str' in it ? it.str : '')).join(' '));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text: parts.join('\n').normalize('NFC').replace(/\s+/g, ' ') };
}

/** The document information dictionary (Title, Subject, Keywords, …). */
export async function pdfInfo(pdf: Buffer): Promise<Record<string, string>> {
  const doc = await open(pdf);
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return info as Record<string, string>;
}

/** The text of each page separately (NFC, whitespace collapsed). */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  const doc = await open(pdf);
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((it) => ('str' in it ? it.str : ''))
        .join(' ')
        .normalize('NFC')
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  await doc.destroy();
  return pages;
}

/** The text items of one page with their position in points from the page's top-left corner. */
export async function pdfItems(
  pdf: Buffer,
  pageNumber: number,
): Promise<{ str: string; x: number; y: number; pageWidth: number }[]> {
  const doc = await open(pdf);
  const page = await doc.getPage(pageNumber);
  const [, , pageWidth, pageHeight] = page.view;
  const content = await page.getTextContent();
  const items = content.items.flatMap((it) =>
    'str' in it && it.str.trim()
      ? [{ str: it.str.normalize('NFC'), x: it.transform[4], y: pageHeight - it.transform[5], pageWidth }]
      : [],
  );
  await doc.destroy();
  return items;
}

/** Renders one page to a PNG file; returns its size and the share of non-white pixels (0 = blank page). */
export async function renderPdfPage(
  pdf: Buffer,
  pageNumber: number,
  file: string,
  scale = 1.5,
): Promise<{ width: number; height: number; inkShare: number }> {
  const doc = await open(pdf);
  const page = await doc.getPage(pageNumber);
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  type RenderParameters = Parameters<typeof page.render>[0];
  await page.render({
    canvas: canvas as unknown as RenderParameters['canvas'],
    canvasContext: ctx as unknown as RenderParameters['canvasContext'],
    viewport,
  }).promise;
  const png = await canvas.encode('png');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, png);
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  let ink = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] < 200 || data[i + 1] < 200 || data[i + 2] < 200) ink++;
  await doc.destroy();
  return { width: canvas.width, height: canvas.height, inkShare: ink / (data.length / 4) };
}
