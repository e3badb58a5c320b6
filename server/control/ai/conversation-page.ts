// One page of an AI conversation (the room's AI history and the session's ai-history), oldest first.
import { messageView, type AiService } from '../../ai/index.ts';
import type { AiMessage } from '../../protocol/api/ai.ts';
import type { Page } from '../../protocol/api/common.ts';
import { toPage, type CursorCodec } from '../../pagination.ts';

/** `scope` names the list (cursors of one route and conversation are refused by any other). */
export async function conversationPage(
  ai: Pick<AiService, 'history'>,
  cursors: CursorCodec,
  scope: string,
  conversation: { roomId: string; userId: string },
  q: { limit: number; cursor?: string },
): Promise<Page<AiMessage>> {
  const listScope = `${scope}.${conversation.roomId}.${conversation.userId}`;
  const after = q.cursor ? Number(cursors.decode(listScope, q.cursor, ['number'])[0]) : undefined;
  const rows = await ai.history(conversation.roomId, conversation.userId, q.limit, after);
  return toPage(rows, q.limit, cursors, listScope, (m) => [m.seq], messageView);
}
