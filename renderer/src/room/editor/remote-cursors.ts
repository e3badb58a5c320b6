// Remote cursors and selections from `code` awareness (docs/collab-protocol.md, "Awareness state shape":
// `{ user, cursor: { anchor, head } }` with Y.RelativePosition JSON), drawn as Monaco decorations in each
// participant's colour with a name label.
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { watchSilentClients } from '../collab/silent-peers.ts';
import { monaco } from './monaco-setup.ts';

interface RemoteState {
  user?: { id?: string; name?: string; color?: string };
  cursor?: { anchor: unknown; head: unknown } | null;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

export function trackRemoteCursors(editor: monaco.editor.IStandaloneCodeEditor, ytext: Y.Text, awareness: Awareness): () => void {
  const doc = ytext.doc!;
  const style = document.createElement('style');
  document.head.appendChild(style);
  const decorations = editor.createDecorationsCollection();
  // A participant whose connection went silent is "reconnecting" in the People list; their cursor is
  // hidden until they are back rather than left standing where it was.
  let silent: ReadonlySet<number> = new Set();

  const render = () => {
    const model = editor.getModel();
    if (!model) return;
    const rules: string[] = [];
    const next: monaco.editor.IModelDeltaDecoration[] = [];
    awareness.getStates().forEach((raw, clientId) => {
      const state = raw as RemoteState;
      if (clientId === doc.clientID || silent.has(clientId) || !state.cursor || !state.user) return;
      const anchor = toIndex(state.cursor.anchor, doc);
      const head = toIndex(state.cursor.head, doc);
      if (anchor === null || head === null) return;
      const color = state.user.color && COLOR.test(state.user.color) ? state.user.color : '#888888';
      rules.push(
        `.remote-selection-${clientId}{background-color:${color}40}`,
        `.remote-cursor-${clientId}{border-left:2px solid ${color}}`,
        `.remote-cursor-${clientId}::after{content:${cssString(state.user.name ?? 'Guest')};background:${color}}`,
      );
      const start = model.getPositionAt(Math.min(anchor, head));
      const end = model.getPositionAt(Math.max(anchor, head));
      const at = model.getPositionAt(head);
      if (anchor !== head) {
        next.push({ range: monaco.Range.fromPositions(start, end), options: { className: `remote-selection remote-selection-${clientId}` } });
      }
      next.push({
        range: monaco.Range.fromPositions(at, at),
        // On the first line a label above the cursor would be clipped by the editor's top edge.
        options: { beforeContentClassName: `remote-cursor remote-cursor-${clientId}${at.lineNumber === 1 ? ' below' : ''}`, stickiness: monaco.editor.TrackedRangeStickiness.NeverGrowsWhenTypingAtEdges },
      });
    });
    style.textContent = rules.join('\n');
    decorations.set(next);
  };

  const publish = () => {
    const model = editor.getModel();
    const sel = editor.getSelection();
    if (!model || !sel) return;
    const anchor = model.getOffsetAt(sel.getSelectionStart());
    const head = model.getOffsetAt(sel.getPosition());
    awareness.setLocalStateField('cursor', {
      anchor: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(ytext, anchor)),
      head: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(ytext, head)),
    });
  };

  awareness.on('change', render);
  ytext.observe(render);
  const selectionSub = editor.onDidChangeCursorSelection(publish);
  const stopWatching = watchSilentClients(awareness, (clients) => {
    silent = clients;
    render();
  });
  render();
  return () => {
    stopWatching();
    awareness.off('change', render);
    ytext.unobserve(render);
    selectionSub.dispose();
    decorations.clear();
    style.remove();
  };
}

function toIndex(json: unknown, doc: Y.Doc): number | null {
  try {
    const abs = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), doc);
    return abs ? abs.index : null;
  } catch {
    return null;
  }
}

/** A CSS string literal for `content:` (names are user input). */
function cssString(s: string): string {
  return `"${s.slice(0, 40).replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
}
