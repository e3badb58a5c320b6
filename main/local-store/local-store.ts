// The desktop app's own SQLite file: every Yjs update the renderer produced or received, per (server,
// room, doc), so closing the app offline (or a crash) loses nothing (ARCHITECTURE.md "Data flow of an
// edit", step 3); plus settings, recent rooms, and the cached history of sessions (read offline).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import * as Y from 'yjs';
import type { HistoryKey, HistorySession, LocalDocKey, RecentRoom } from '../../preload/api.ts';
import { migrateLocalStore } from './local-store-schema.ts';

export interface LocalStoreOptions {
  /** The SQLite file, e.g. `<userData>/local-store.sqlite`; `:memory:` for throwaway use. */
  file: string;
  /** Updates kept per document before they are merged into one (Y.mergeUpdates). Default 100. */
  compactAfterUpdates?: number;
  /** Documents untouched for this long are dropped on open (finished rooms). Default 30 days; 0 keeps all. */
  retentionMs?: number;
  /** Recent rooms kept. Default 20. */
  recentLimit?: number;
  now?: () => number;
}

const DAY_MS = 86_400_000;

export class LocalStore {
  readonly #db: Database.Database;
  readonly #compactAfter: number;
  readonly #recentLimit: number;
  readonly #now: () => number;

  constructor(options: LocalStoreOptions) {
    if (options.file !== ':memory:') mkdirSync(dirname(options.file), { recursive: true });
    this.#db = new Database(options.file);
    // WAL + synchronous=NORMAL: a committed append survives the app being killed or crashing (the WAL is
    // written before the commit returns); only an OS crash or power cut may lose the last commits, which
    // costs an fsync per keystroke otherwise (about 5 ms each here). Each append is one transaction, so a
    // kill mid-write leaves either the whole update or none of it.
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = NORMAL');
    this.#db.pragma('foreign_keys = ON');
    this.#db.pragma('busy_timeout = 5000');
    migrateLocalStore(this.#db);
    this.#compactAfter = options.compactAfterUpdates ?? 100;
    this.#recentLimit = options.recentLimit ?? 20;
    this.#now = options.now ?? Date.now;
    const retentionMs = options.retentionMs ?? 30 * DAY_MS;
    if (retentionMs > 0) this.pruneOlderThan(this.#now() - retentionMs);
  }

  /** The merged state of one document as a single Yjs update, or null when nothing is stored. */
  load(key: LocalDocKey): Uint8Array | null {
    const rows = this.#updates(key);
    if (rows.length === 0) return null;
    // A copy, not a view into SQLite's buffer: it crosses IPC by structured clone.
    return rows.length === 1 ? Uint8Array.from(rows[0]!) : Y.mergeUpdates(rows);
  }

  /** Appends one update (one transaction); merges the document's log once it passes the threshold. */
  append(key: LocalDocKey, update: Uint8Array): void {
    const db = this.#db;
    db.transaction(() => {
      db.prepare(
        `INSERT INTO docs (server, room_id, doc, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (server, room_id, doc) DO UPDATE SET updated_at = excluded.updated_at`,
      ).run(key.server, key.roomId, key.doc, this.#now());
      db.prepare('INSERT INTO doc_updates (server, room_id, doc, data) VALUES (?, ?, ?, ?)').run(
        key.server,
        key.roomId,
        key.doc,
        Buffer.from(update.buffer, update.byteOffset, update.byteLength),
      );
    })();
    if (this.updateCount(key) > this.#compactAfter) this.compact(key);
  }

  /** Replaces the document's log with one merged update, atomically. */
  compact(key: LocalDocKey): void {
    const db = this.#db;
    db.transaction(() => {
      const rows = this.#updates(key);
      if (rows.length < 2) return;
      const merged = Y.mergeUpdates(rows);
      db.prepare('DELETE FROM doc_updates WHERE server = ? AND room_id = ? AND doc = ?').run(key.server, key.roomId, key.doc);
      db.prepare('INSERT INTO doc_updates (server, room_id, doc, data) VALUES (?, ?, ?, ?)').run(
        key.server,
        key.roomId,
        key.doc,
        Buffer.from(merged),
      );
    })();
  }

  /** Drops the local copy of one document (the server rejected it with `update-rejected` or close 1009, after which the client must start from a fresh Y.Doc). */
  clear(key: LocalDocKey): void {
    this.#db.prepare('DELETE FROM docs WHERE server = ? AND room_id = ? AND doc = ?').run(key.server, key.roomId, key.doc);
  }

  updateCount(key: LocalDocKey): number {
    const row = this.#db
      .prepare('SELECT COUNT(*) AS n FROM doc_updates WHERE server = ? AND room_id = ? AND doc = ?')
      .get(key.server, key.roomId, key.doc) as { n: number };
    return row.n;
  }

  /** Retention: drops every document not touched since `cutoff` (ms since epoch). Returns how many. */
  pruneOlderThan(cutoff: number): number {
    return this.#db.prepare('DELETE FROM docs WHERE updated_at < ?').run(cutoff).changes;
  }

  getSetting<T>(key: string): T | undefined {
    const row = this.#db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }

  setSetting(key: string, value: unknown): void {
    this.#db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value')
      .run(key, JSON.stringify(value));
  }

  listRecentRooms(): RecentRoom[] {
    const rows = this.#db
      .prepare('SELECT server, room_id, name, last_opened_at FROM recent_rooms ORDER BY last_opened_at DESC, rowid DESC')
      .all() as { server: string; room_id: string; name: string; last_opened_at: number }[];
    return rows.map((r) => ({
      server: r.server,
      roomId: r.room_id,
      name: r.name,
      lastOpenedAt: new Date(r.last_opened_at).toISOString(),
    }));
  }

  /** Records (or refreshes) a room as recently opened; keeps only the newest `recentLimit`. */
  addRecentRoom(room: Omit<RecentRoom, 'lastOpenedAt'>): void {
    const db = this.#db;
    db.transaction(() => {
      db.prepare(
        `INSERT INTO recent_rooms (server, room_id, name, last_opened_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (server, room_id) DO UPDATE SET name = excluded.name, last_opened_at = excluded.last_opened_at`,
      ).run(room.server, room.roomId, room.name, this.#now());
      db.prepare(
        `DELETE FROM recent_rooms WHERE rowid NOT IN
           (SELECT rowid FROM recent_rooms ORDER BY last_opened_at DESC, rowid DESC LIMIT ?)`,
      ).run(this.#recentLimit);
    })();
  }

  /** Replaces the cached part (stored as JSON). */
  putHistory(key: HistoryKey, value: unknown): void {
    this.#db
      .prepare(
        `INSERT INTO history_cache (server, session_id, part, data, cached_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (server, session_id, part) DO UPDATE SET data = excluded.data, cached_at = excluded.cached_at`,
      )
      .run(key.server, key.sessionId, key.part, JSON.stringify(value), this.#now());
  }

  getHistory(key: HistoryKey): unknown {
    const row = this.#db
      .prepare('SELECT data FROM history_cache WHERE server = ? AND session_id = ? AND part = ?')
      .get(key.server, key.sessionId, key.part) as { data: string } | undefined;
    return row ? (JSON.parse(row.data) as unknown) : null;
  }

  /** Drops every cached part of one session. */
  forgetHistory(session: HistorySession): void {
    this.#db.prepare('DELETE FROM history_cache WHERE server = ? AND session_id = ?').run(session.server, session.sessionId);
  }

  get isOpen(): boolean {
    return this.#db.open;
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }

  #updates(key: LocalDocKey): Uint8Array[] {
    const rows = this.#db
      .prepare('SELECT data FROM doc_updates WHERE server = ? AND room_id = ? AND doc = ? ORDER BY id')
      .all(key.server, key.roomId, key.doc) as { data: Buffer }[];
    return rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength));
  }
}
