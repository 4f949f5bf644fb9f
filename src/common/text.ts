/**
 * Text normalization for Vietnamese mentions.
 *
 * Three forms, each for one job:
 * - `cleanText`: what we store and show: Unicode NFC (a feed may send decomposed "e + ◌̂ + ◌́" for "ế"),
 *   zero-width characters removed, runs of whitespace collapsed, trimmed. Case and diacritics kept.
 * - `hashForm`: what the content hash is taken over: `cleanText` lower-cased. Two deliveries of the same post
 *   that differ only in case, spacing or Unicode composition hash the same; diacritics still count
 *   ("bán" and "bạn" are different words).
 * - `foldText` / `foldTokens`: what watchlist terms match on: lower-case, diacritics removed, `đ` → `d`, so a term
 *   `tin gia` matches "Tin giả", "TIN GIẢ" and a no-diacritics social post "tin gia". Tokens are runs of
 *   [a-z0-9]; everything else separates words, which gives word-boundary matching for free.
 */

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const WHITESPACE_RUN = /\s+/g;
/** Any whitespace but a plain space, or two spaces: only then is there something to collapse. */
const NEEDS_COLLAPSE = /[^\S ]| {2}/;
const COMBINING_MARKS = /[\u0300-\u036f]/g;
const NON_ASCII = /[\u0080-\uffff]/;

export function cleanText(input: string): string {
  let s = NON_ASCII.test(input) ? input.normalize('NFC').replace(ZERO_WIDTH, '') : input;
  if (NEEDS_COLLAPSE.test(s)) s = s.replace(WHITESPACE_RUN, ' ');
  return s.trim();
}

export function hashForm(input: string): string {
  return cleanText(input).toLowerCase();
}

/** Lower case, no diacritics, đ → d, whitespace collapsed. `Đường sắt` → `duong sat`. */
export function foldText(input: string): string {
  let s = input.toLowerCase();
  if (NON_ASCII.test(s)) {
    // NFD splits "ễ" into "e" + circumflex + tilde; the marks are then dropped. "đ" has no decomposition.
    s = s.normalize('NFD').replace(COMBINING_MARKS, '').replace(/đ/g, 'd').replace(ZERO_WIDTH, '');
  }
  return s.replace(WHITESPACE_RUN, ' ').trim();
}

// foldTokens runs on every mention, so it folds in one pass over the UTF-16 code units with a table filled
// lazily from foldText (the two agree on every code unit: see text.spec.ts). Table values:
const UNKNOWN = -1;
const SEPARATOR = 0;
const SKIPPED = 1; // combining marks, zero-width characters: dropped without splitting the word
const SEVERAL = 2; // folds to more than one character: see FOLD_STRINGS
const FOLD_CODES = new Int16Array(65536).fill(UNKNOWN);
const FOLD_STRINGS = new Map<number, string>();

function foldCodeUnit(c: number): number {
  // What foldText does to this one character, without the whitespace handling (whitespace separates words).
  const folded = String.fromCharCode(c)
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/đ/g, 'd')
    .replace(ZERO_WIDTH, '');
  let code: number;
  if (folded === '') code = SKIPPED;
  else if (/^[a-z0-9]$/.test(folded)) code = folded.charCodeAt(0);
  else if (/[a-z0-9]/.test(folded)) {
    FOLD_STRINGS.set(c, folded.replace(/[^a-z0-9]+/g, ' '));
    code = SEVERAL;
  } else code = SEPARATOR;
  FOLD_CODES[c] = code;
  return code;
}

let buffer = Buffer.allocUnsafe(16 * 1024);

/** The folded words of a text, in order: `"Tin giả" về Sở Y tế!` → `['tin', 'gia', 've', 'so', 'y', 'te']`. */
export function foldTokens(input: string): string[] {
  const length = input.length;
  if (buffer.length < length * 4 + 4) buffer = Buffer.allocUnsafe(length * 4 + 4);
  const out = buffer;
  let n = 0;
  let afterSeparator = true; // no separator at the start
  for (let i = 0; i < length; i++) {
    const c = input.charCodeAt(i);
    let code = FOLD_CODES[c];
    if (code === UNKNOWN) code = foldCodeUnit(c);
    if (code > SEVERAL) {
      out[n++] = code;
      afterSeparator = false;
    } else if (code === SEPARATOR) {
      if (!afterSeparator) {
        out[n++] = 0x20;
        afterSeparator = true;
      }
    } else if (code === SEVERAL) {
      for (const ch of FOLD_STRINGS.get(c)!) {
        if (ch === ' ') {
          if (!afterSeparator) {
            out[n++] = 0x20;
            afterSeparator = true;
          }
        } else {
          out[n++] = ch.charCodeAt(0);
          afterSeparator = false;
        }
      }
    }
  }
  if (n && afterSeparator) n--;
  return n ? out.toString('latin1', 0, n).split(' ') : [];
}
/**
 * A watchlist term as typed by a person (a word, or a phrase, optionally in double quotes) in folded tokens.
 * `"Sở Y tế"` → `['so', 'y', 'te']`. Empty when the term has no letters or digits.
 */
export function termTokens(term: string): string[] {
  const unquoted = term.trim().replace(/^["“”']+|["“”']+$/g, '');
  return foldTokens(unquoted);
}
