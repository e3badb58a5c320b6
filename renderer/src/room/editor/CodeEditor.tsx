// Monaco bound to the room's `code` Y.Text. Undo/redo go through a Yjs UndoManager that tracks only this
// binding's transactions, so Ctrl/Cmd+Z never reverts a collaborator's edit. Static analysis shows its issues as
// markers on the same model (AnalysisBar under the editor).
import { useEffect, useRef, useState } from 'react';
import { MonacoBinding } from 'y-monaco';
import * as Y from 'yjs';
import { CODE_TEXT, type SupportedLanguage } from '../../../../server/protocol/index.ts';
import { useSession } from '../../app/session-context.tsx';
import type { DocConnection } from '../collab/doc-connection.ts';
import { AnalysisBar } from './AnalysisBar.tsx';
import { EDITOR_THEME, monaco, monacoLanguage } from './monaco-setup.ts';
import { trackRemoteCursors } from './remote-cursors.ts';
import { useAnalysis } from './use-analysis.ts';

export interface CodeEditorProps {
  conn: DocConnection;
  roomId: string;
  /** Whether the caller may start a static analysis (not a spectator, room not finished). */
  canAnalyse: boolean;
  language: SupportedLanguage;
  readOnly: boolean;
  readOnlyMessage: string;
  onRun: () => void;
  onSubmit: () => void;
  /** The editor once created, null once disposed (panels that draw in it: AI review comments). */
  onEditor?: (editor: monaco.editor.IStandaloneCodeEditor | null) => void;
}

export function CodeEditor({ conn, roomId, canAnalyse, language, readOnly, readOnlyMessage, onRun, onSubmit, onEditor }: CodeEditorProps) {
  const { api } = useSession();
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const [model, setModel] = useState<monaco.editor.ITextModel | null>(null);
  const analysis = useAnalysis(api, roomId, model, language);
  const actions = useRef({ onRun, onSubmit });
  actions.current = { onRun, onSubmit };

  useEffect(() => {
    const model = monaco.editor.createModel('', monacoLanguage(language));
    const editor = monaco.editor.create(host.current!, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      scrollBeyondLastLine: false,
      // EditContext lets tldraw's document-level shortcuts eat keystrokes meant for the editor.
      editContext: false,
      tabSize: 4,
      // Interviews judge the candidate, not an autocomplete: no suggestion popups (they also swallow Enter).
      quickSuggestions: false,
      suggestOnTriggerCharacters: false,
      wordBasedSuggestions: 'off',
      theme: EDITOR_THEME,
      // Hovers (a marker's message) near the top would be clipped by the rounded, overflow-hidden frame.
      fixedOverflowWidgets: true,
      // The margin where review comments show their glyph.
      glyphMargin: true,
    });
    editorRef.current = editor;
    setModel(model);
    onEditor?.(editor);
    let undo: Y.UndoManager | null = null;
    let unbind = () => {};
    const bind = (doc: Y.Doc) => {
      unbind();
      const ytext = doc.getText(CODE_TEXT);
      const binding = new MonacoBinding(ytext, model, new Set([editor]));
      undo = new Y.UndoManager(ytext, { trackedOrigins: new Set([binding]), captureTimeout: 500 });
      const stopCursors = trackRemoteCursors(editor, ytext, conn.provider.awareness);
      unbind = () => {
        stopCursors();
        undo?.destroy();
        binding.destroy();
      };
    };
    bind(conn.doc);
    const onReplaced = (doc: Y.Doc) => bind(doc);
    conn.on('doc-replaced', onReplaced);

    const { KeyMod, KeyCode } = monaco;
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyZ, () => undo?.undo());
    editor.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.KeyZ, () => undo?.redo());
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.KeyY, () => undo?.redo());
    editor.addCommand(KeyMod.CtrlCmd | KeyCode.Enter, () => actions.current.onRun());
    editor.addCommand(KeyMod.CtrlCmd | KeyMod.Shift | KeyCode.Enter, () => actions.current.onSubmit());
    return () => {
      conn.off('doc-replaced', onReplaced);
      unbind();
      onEditor?.(null);
      editor.dispose();
      model.dispose();
      editorRef.current = null;
      setModel(null);
    };
    // The editor lives as long as the connection; language and lock are applied below without a rebuild.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [conn]);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelLanguage(model, monacoLanguage(language));
  }, [language]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly, readOnlyMessage: { value: readOnlyMessage } });
  }, [readOnly, readOnlyMessage]);

  return (
    <>
      <div ref={host} className="code-editor" data-testid="code-editor" data-readonly={readOnly} />
      <AnalysisBar analysis={analysis} enabled={canAnalyse} />
    </>
  );
}
