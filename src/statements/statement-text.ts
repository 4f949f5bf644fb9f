import { createHash } from 'node:crypto';
import * as Y from 'yjs';

/** Names of the draft's shared texts: the title, and the body in Markdown. */
export const TITLE_FIELD = 'title';
export const BODY_FIELD = 'body';
export type DraftField = typeof TITLE_FIELD | typeof BODY_FIELD;

/** A document from stored parts (snapshot, then log rows), applied in one transaction. */
export function docFromParts(parts: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const part of parts) Y.applyUpdate(doc, part);
  });
  return doc;
}

/** The first state of a new draft. */
export function initialState(title: string, body: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText(TITLE_FIELD).insert(0, title.normalize('NFC'));
  doc.getText(BODY_FIELD).insert(0, body.normalize('NFC'));
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/**
 * The draft's text. What no text column can hold and no reader can see (a NUL, an unpaired UTF-16 surrogate, which
 * a co-drafting client may have typed into the shared document) is dropped or replaced by U+FFFD, so such a
 * character can never make the draft impossible to submit.
 */
export function draftText(doc: Y.Doc): { title: string; body: string } {
  return {
    title: storable(doc.getText(TITLE_FIELD).toString()),
    body: storable(doc.getText(BODY_FIELD).toString()),
  };
}

// eslint-disable-next-line no-control-regex -- the NUL is what is dropped
const NUL = /\u0000/g;

function storable(text: string): string {
  return text
    .replace(NUL, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * The canonical text of a version, the one thing hashed and approved: Unicode NFC, LF line ends, no trailing
 * spaces, title and body trimmed, title then a blank line then the body, one final newline. Two drafts that read
 * the same hash the same, whatever the Yjs history behind them.
 */
export function renderCanonical(title: string, body: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((line) => line.replace(/[ \t]+$/u, ''))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  return `${clean(title).replace(/\n+/g, ' ')}\n\n${clean(body)}\n`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
