import * as Y from 'yjs';
import { docFromParts, draftText, initialState, renderCanonical, sha256Hex } from './statement-text.js';

describe('statement text', () => {
  it('renders the same canonical text for drafts that read the same', () => {
    const a = renderCanonical('Thông tin ban đầu ', 'Dòng một  \r\nDòng hai\n\n\n\nDòng ba\n');
    const b = renderCanonical('Thông tin ban đầu', 'Dòng một\nDòng hai\n\nDòng ba');
    expect(a).toBe('Thông tin ban đầu\n\nDòng một\nDòng hai\n\nDòng ba\n');
    expect(sha256Hex(a)).toBe(sha256Hex(b));
  });

  it('normalizes to NFC: a decomposed "ả" hashes like the composed one', () => {
    const decomposed = 'tin gia\u0309';
    expect(decomposed).not.toBe('tin giả');
    expect(sha256Hex(renderCanonical('T', decomposed))).toBe(sha256Hex(renderCanonical('T', 'tin giả')));
  });

  it('hashes text, not Yjs history: two histories to the same text give one hash', () => {
    const one = docFromParts([initialState('Tiêu đề', 'Nội dung')]);
    const two = new Y.Doc();
    two.getText('title').insert(0, 'Tiêu');
    two.getText('title').insert(4, ' đề');
    two.getText('body').insert(0, 'Nội dung sai');
    two.getText('body').delete(8, 4);
    const render = (d: Y.Doc) => {
      const { title, body } = draftText(d);
      return sha256Hex(renderCanonical(title, body));
    };
    expect(Y.encodeStateAsUpdate(one)).not.toEqual(Y.encodeStateAsUpdate(two));
    expect(render(one)).toBe(render(two));
  });

  it('drops from the draft what no column can store: NUL and unpaired surrogates (the draft stays submittable)', () => {
    const doc = new Y.Doc();
    doc.getText('title').insert(0, 'Thông\u0000 cáo');
    doc.getText('body').insert(0, 'Nội dung\ud800 và \ud83d\ude00');
    expect(draftText(doc)).toEqual({ title: 'Thông cáo', body: 'Nội dung\ufffd và \ud83d\ude00' });
    doc.destroy();
  });
});
