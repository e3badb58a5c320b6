// Types the scripted hour into a room through the real server: two stock y-websocket clients (candidate and
// interviewer), one Yjs transaction per key as the editor binding makes them, each author at their own cursor.
import * as Y from 'yjs';
import { pollUntil } from '../../test/support/poll.ts';
import { connectSynced, type RoomClient } from '../../test/control/rooms/room-client.ts';
import type { KeyOp, Who } from './typing-hour.ts';

type Joined = Parameters<typeof connectSynced>[0];

export async function typeIntoRoom(ops: readonly KeyOp[], joined: Record<Who, Joined>): Promise<{ text: string }> {
  const clients: Record<Who, RoomClient> = { candidate: await connectSynced(joined.candidate), interviewer: await connectSynced(joined.interviewer) };
  const cursors = new Map<Who, Y.RelativePosition>();
  let last: Who | null = null;
  // Each client has its own edits, so equal texts mean each has all of the other's: the server relayed everything.
  const settle = () =>
    pollUntil(() => clients.interviewer.text() === clients.candidate.text(), Boolean, { timeoutMs: 30_000, what: 'both clients in step' });
  try {
    for (const [i, op] of ops.entries()) {
      // A change of author, and every few hundred keys, waits for the two documents to agree (the server kept up).
      if ((last !== null && op.who !== last) || i % 300 === 0) await settle();
      last = op.who;
      const text = clients[op.who].ydoc.getText('code');
      const doc = clients[op.who].ydoc;
      const saved = cursors.get(op.who);
      const at = saved ? (Y.createAbsolutePositionFromRelativePosition(saved, doc)?.index ?? text.length) : op.who === 'candidate' ? text.length : 0;
      let next = at;
      if (op.kind === 'insert') {
        text.insert(at, op.text);
        next = at + op.text.length;
      } else if (op.kind === 'backspace' && at > 0) {
        text.delete(at - 1, 1);
        next = at - 1;
      } else if (op.kind === 'delete-line') {
        const lineStart = text.toString().lastIndexOf('\n', at - 1) + 1;
        const from = Math.max(lineStart, at - 40);
        if (at > from) text.delete(from, at - from);
        next = from;
      }
      cursors.set(op.who, Y.createRelativePositionFromTypeIndex(text, next));
    }
    await settle();
    return { text: clients.candidate.text() };
  } finally {
    clients.candidate.destroy();
    clients.interviewer.destroy();
  }
}
