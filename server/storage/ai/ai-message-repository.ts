// SQL for AI conversations: one conversation per room and user, in insertion order.
import type { SqlExecutor } from '../sql/index.ts';
import type { AiMessageRecord } from './ai-records.ts';

interface MessageRow {
  seq: number;
  id: string;
  room_id: string;
  user_id: string;
  role: string;
  content: string;
  created_at: number;
}

function toMessage(r: MessageRow): AiMessageRecord {
  return {
    seq: r.seq,
    id: r.id,
    roomId: r.room_id,
    userId: r.user_id,
    role: r.role as AiMessageRecord['role'],
    content: r.content,
    createdAt: r.created_at,
  };
}

export class AiMessageRepository {
  readonly #db: SqlExecutor;

  constructor(db: SqlExecutor) {
    this.#db = db;
  }

  async insert(m: Omit<AiMessageRecord, 'seq'>): Promise<AiMessageRecord> {
    const row = await this.#db.get<{ seq: number }>(
      'INSERT INTO ai_messages (id, room_id, user_id, role, content, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING seq',
      [m.id, m.roomId, m.userId, m.role, m.content, m.createdAt],
    );
    return { ...m, seq: row!.seq };
  }

  async get(id: string): Promise<AiMessageRecord | undefined> {
    const row = await this.#db.get<MessageRow>('SELECT * FROM ai_messages WHERE id = ?', [id]);
    return row && toMessage(row);
  }

  /** Oldest first; `afterSeq` is the previous page's last `seq`. Fetches `limit + 1` rows (see toPage). */
  async list(roomId: string, userId: string, limit: number, afterSeq = 0): Promise<AiMessageRecord[]> {
    const rows = await this.#db.all<MessageRow>('SELECT * FROM ai_messages WHERE room_id = ? AND user_id = ? AND seq > ? ORDER BY seq LIMIT ?', [
      roomId,
      userId,
      afterSeq,
      limit + 1,
    ]);
    return rows.map(toMessage);
  }

  /** The last `limit` messages of a conversation, oldest first, up to and including `uptoSeq`. */
  async tail(roomId: string, userId: string, limit: number, uptoSeq = Number.MAX_SAFE_INTEGER): Promise<AiMessageRecord[]> {
    const rows = await this.#db.all<MessageRow>('SELECT * FROM ai_messages WHERE room_id = ? AND user_id = ? AND seq <= ? ORDER BY seq DESC LIMIT ?', [
      roomId,
      userId,
      uptoSeq,
      limit,
    ]);
    return rows.map(toMessage).reverse();
  }
}
