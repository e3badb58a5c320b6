// SQL for AI conversations: one conversation per room and user, in insertion order.
import type { SqliteDatabase } from '../database.ts';
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
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  insert(m: Omit<AiMessageRecord, 'seq'>): AiMessageRecord {
    const { lastInsertRowid } = this.#db
      .prepare('INSERT INTO ai_messages (id, room_id, user_id, role, content, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(m.id, m.roomId, m.userId, m.role, m.content, m.createdAt);
    return { ...m, seq: Number(lastInsertRowid) };
  }

  get(id: string): AiMessageRecord | undefined {
    const row = this.#db.prepare('SELECT * FROM ai_messages WHERE id = ?').get(id) as MessageRow | undefined;
    return row && toMessage(row);
  }

  /** Oldest first; `afterSeq` is the previous page's last `seq`. Fetches `limit + 1` rows (see toPage). */
  list(roomId: string, userId: string, limit: number, afterSeq = 0): AiMessageRecord[] {
    return (
      this.#db
        .prepare('SELECT * FROM ai_messages WHERE room_id = ? AND user_id = ? AND seq > ? ORDER BY seq LIMIT ?')
        .all(roomId, userId, afterSeq, limit + 1) as MessageRow[]
    ).map(toMessage);
  }

  /** The last `limit` messages of a conversation, oldest first, up to and including `uptoSeq`. */
  tail(roomId: string, userId: string, limit: number, uptoSeq = Number.MAX_SAFE_INTEGER): AiMessageRecord[] {
    return (
      this.#db
        .prepare('SELECT * FROM ai_messages WHERE room_id = ? AND user_id = ? AND seq <= ? ORDER BY seq DESC LIMIT ?')
        .all(roomId, userId, uptoSeq, limit) as MessageRow[]
    )
      .map(toMessage)
      .reverse();
  }
}
