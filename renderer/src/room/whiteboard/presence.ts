// Whiteboard awareness (`{ user, pointer: { x, y } | null, selectedIds }`) shown as
// tldraw presence records, so collaborators get tldraw's own coloured cursors with name tags.
import { createUserId, InstancePresenceRecordType, type Editor, type TLInstancePresence, type TLShapeId } from 'tldraw';
import type { Awareness } from 'y-protocols/awareness';
import { watchSilentClients } from '../collab/silent-peers.ts';

interface BoardState {
  user?: { id?: string; name?: string; color?: string };
  pointer?: { x: number; y: number } | null;
  selectedIds?: string[];
}

export function syncPresence(editor: Editor, awareness: Awareness): () => void {
  const localId = awareness.clientID;
  let lastSent = 0;
  const publish = () => {
    const now = performance.now();
    if (now - lastSent < 40) return;
    lastSent = now;
    const p = editor.inputs.getCurrentPagePoint();
    awareness.setLocalState({
      ...(awareness.getLocalState() ?? {}),
      pointer: { x: Math.round(p.x), y: Math.round(p.y) },
      selectedIds: editor.getSelectedShapeIds(),
    });
  };
  const onEvent = (info: { name: string }) => {
    if (info.name === 'pointer_move') publish();
  };
  editor.on('event', onEvent);

  // A collaborator whose connection went silent ("reconnecting" in the People list) has no cursor drawn
  // until they are back.
  let silent: ReadonlySet<number> = new Set();
  const render = () => {
    const records: TLInstancePresence[] = [];
    const keep = new Set<string>();
    awareness.getStates().forEach((raw, clientId) => {
      const s = raw as BoardState;
      if (clientId === localId || silent.has(clientId) || !s.user?.id) return;
      const id = InstancePresenceRecordType.createId(String(clientId));
      keep.add(id);
      records.push(
        InstancePresenceRecordType.create({
          id,
          userId: createUserId(s.user.id),
          userName: s.user.name ?? 'Guest',
          color: s.user.color ?? '#888888',
          currentPageId: editor.getCurrentPageId(),
          lastActivityTimestamp: Date.now(),
          selectedShapeIds: (s.selectedIds ?? []) as TLShapeId[],
          cursor: s.pointer ? { x: s.pointer.x, y: s.pointer.y, type: 'default', rotation: 0 } : null,
        }),
      );
    });
    const stale = editor.store.query.records('instance_presence').get().filter((r) => !keep.has(r.id));
    editor.store.mergeRemoteChanges(() => {
      if (stale.length) editor.store.remove(stale.map((r) => r.id));
      if (records.length) editor.store.put(records);
    });
  };
  awareness.on('change', render);
  const stopWatching = watchSilentClients(awareness, (clients) => {
    silent = clients;
    render();
  });
  render();
  return () => {
    stopWatching();
    editor.off('event', onEvent);
    awareness.off('change', render);
  };
}
