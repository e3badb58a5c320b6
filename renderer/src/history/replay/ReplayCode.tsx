// The code at the player's moment: a read-only Monaco whose text is the replayed `code` document, each
// author's surviving insertions tinted in their colour. A seek reports its cost as the User Timing measure
// `replay-seek` (document built from the nearest checkpoint, text and tints handed to Monaco).
import { useLayoutEffect, useRef } from 'react';
import { CODE_TEXT, type SupportedLanguage } from '../../../../server/protocol/index.ts';
import { EDITOR_THEME, monaco, monacoLanguage } from '../../room/editor/monaco-setup.ts';
import { authorRuns, TrackCursor, type ReplayTrack } from './replay-track.ts';

export interface ReplayCodeProps {
  track: ReplayTrack;
  /** Steps applied: the document after the first `count` updates. */
  count: number;
  /** Changes on every user seek (scrub, marker, keys), not on playback: only seeks are measured. */
  seekId: number;
  language: SupportedLanguage;
  /** Tint class per author (`replay-author-N`, styled by the player). */
  authorClass: ReadonlyMap<string, string>;
}

export function ReplayCode({ track, count, seekId, language, authorClass }: ReplayCodeProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<{ editor: monaco.editor.IStandaloneCodeEditor; tints: monaco.editor.IEditorDecorationsCollection; cursor: TrackCursor } | null>(null);
  const lastSeek = useRef(seekId);
  const lastTints = useRef<ReadonlyMap<string, string> | null>(null);

  // A layout effect like the one below, and declared first: the editor exists when the first position is shown.
  useLayoutEffect(() => {
    const model = monaco.editor.createModel('', monacoLanguage(language));
    const editor = monaco.editor.create(host.current!, {
      model,
      readOnly: true,
      domReadOnly: true,
      ariaLabel: 'The code at this point of the replay',
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      scrollBeyondLastLine: false,
      theme: EDITOR_THEME,
    });
    view.current = { editor, tints: editor.createDecorationsCollection(), cursor: new TrackCursor(track) };
    lastTints.current = null;
    return () => {
      view.current?.cursor.destroy();
      view.current = null;
      editor.dispose();
      model.dispose();
    };
  }, [track, language]);

  useLayoutEffect(() => {
    const v = view.current;
    if (!v) return;
    const measured = seekId !== lastSeek.current;
    lastSeek.current = seekId;
    if (measured) performance.mark('replay-seek-start');
    const moved = v.cursor.moveTo(count);
    if (moved || lastTints.current !== authorClass) render(v.editor, v.tints, v.cursor, authorClass);
    lastTints.current = authorClass;
    if (measured) performance.measure('replay-seek', 'replay-seek-start');
    host.current!.dataset.step = String(v.cursor.count);
  }, [track, count, seekId, authorClass]);

  return <div ref={host} className="replay-code" data-testid="replay-code" />;
}

function render(
  editor: monaco.editor.IStandaloneCodeEditor,
  tints: monaco.editor.IEditorDecorationsCollection,
  cursor: TrackCursor,
  authorClass: ReadonlyMap<string, string>,
): void {
  const model = editor.getModel();
  if (!model) return;
  const ytext = cursor.doc.getText(CODE_TEXT);
  const text = ytext.toString();
  if (model.getValue() !== text) model.setValue(text);
  const decorations: monaco.editor.IModelDeltaDecoration[] = [];
  for (const run of authorRuns(ytext, cursor.track.clientAuthor)) {
    const className = authorClass.get(run.userId);
    if (!className) continue;
    const range = monaco.Range.fromPositions(model.getPositionAt(run.start), model.getPositionAt(run.start + run.length));
    decorations.push({ range, options: { inlineClassName: className } });
  }
  tints.set(decorations);
}
