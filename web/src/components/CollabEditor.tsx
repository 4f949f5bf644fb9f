import { Compartment, EditorState, StateEffect, StateField } from '@codemirror/state';
import type { Extension, Range } from '@codemirror/state';
import { Decoration, EditorView, keymap, placeholder as placeholderExt } from '@codemirror/view';
import type { DecorationSet } from '@codemirror/view';
import { useEffect, useRef } from 'react';
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next';
import * as Y from 'yjs';
import type { Awareness } from 'y-protocols/awareness';

export interface HighlightRange {
  from: number;
  to: number;
  id: string;
}

/** Ranges of the text that carry comments, moved along with edits until they are recomputed. */
export const setHighlights = StateEffect.define<HighlightRange[]>();

const highlightField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (!e.is(setHighlights)) continue;
      const ranges: Range<Decoration>[] = e.value
        .filter((r) => r.to > r.from && r.to <= tr.newDoc.length)
        .sort((a, b) => a.from - b.from)
        .map((r) =>
          Decoration.mark({ class: 'cm-comment-anchor', attributes: { 'data-comment-id': r.id } }).range(
            r.from,
            r.to,
          ),
        );
      deco = Decoration.set(ranges, true);
    }
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** No line breaks in a one-line field (typed or pasted); remote changes are never filtered. */
const singleLine: Extension = [
  keymap.of([{ key: 'Enter', run: () => true }]),
  EditorState.transactionFilter.of((tr) =>
    tr.docChanged && (tr.isUserEvent('input') || tr.isUserEvent('paste')) && tr.newDoc.lines > 1 ? [] : tr,
  ),
];

/**
 * A CodeMirror 6 editor bound to one Y.Text of the statement (y-codemirror.next): local edits go into the shared
 * document, others' edits and cursors appear as they happen.
 */
export function CollabEditor({
  ytext,
  awareness,
  readOnly,
  label,
  id,
  oneLine = false,
  placeholder,
  highlights,
  onView,
}: {
  ytext: Y.Text;
  awareness: Awareness;
  readOnly: boolean;
  label: string;
  id: string;
  oneLine?: boolean;
  placeholder?: string;
  highlights?: HighlightRange[];
  onView?: (view: EditorView | null) => void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const editable = useRef(new Compartment());

  useEffect(() => {
    const undoManager = new Y.UndoManager(ytext);
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: ytext.toString(),
        extensions: [
          // Typing, deleting and moving the caret are CodeMirror's own; undo follows the shared document.
          keymap.of(yUndoManagerKeymap),
          yCollab(ytext, awareness, { undoManager }),
          oneLine ? singleLine : EditorView.lineWrapping,
          highlightField,
          placeholder ? placeholderExt(placeholder) : [],
          editable.current.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          EditorView.contentAttributes.of({
            'aria-label': label,
            'aria-multiline': oneLine ? 'false' : 'true',
            id,
            role: 'textbox',
          }),
        ],
      }),
    });
    view.current = v;
    onView?.(v);
    return () => {
      onView?.(null);
      v.destroy();
      undoManager.destroy();
      view.current = null;
    };
    // The editor is made once per Y.Text; read-only and highlights are reconfigured below.
  }, [ytext, awareness]);

  useEffect(() => {
    view.current?.dispatch({
      effects: editable.current.reconfigure([
        EditorState.readOnly.of(readOnly),
        EditorView.editable.of(!readOnly),
      ]),
    });
  }, [readOnly]);

  useEffect(() => {
    if (highlights) view.current?.dispatch({ effects: setHighlights.of(highlights) });
  }, [highlights]);

  return (
    <div
      ref={host}
      className={`cm-host ${oneLine ? 'cm-one-line' : 'cm-body'} ${readOnly ? 'cm-readonly' : ''}`}
    />
  );
}
