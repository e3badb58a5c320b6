// A live room: the two documents (code, whiteboard), the room view fed by events and REST, and token
// renewal. React reads it through subscribe/getView (useSyncExternalStore).
import type { CollabDoc, RoomEvent } from '../../../../server/protocol/index.ts';
import type { ApiClient } from '../../api/api-client.ts';
import type { JoinRoomResponse, RoomDetail } from '../../api/types.ts';
import { DocConnection, type DocStop } from './doc-connection.ts';
import { rememberJoin } from './join-cache.ts';
import { applyRoomEvent, initialView, withRoomDetail, type RoomView } from './room-view.ts';
import { joinRoom, roomActions } from '../room-actions.ts';

const DISCARDED_NOTICE = 'The server refused some of your edits (the editor was locked or your access changed). Your unsynced edits were discarded and the document was reloaded from the server.';

export class RoomConnection {
  readonly roomId: string;
  readonly code: DocConnection;
  readonly whiteboard: DocConnection;
  readonly #api: ApiClient;
  #view: RoomView;
  #listeners = new Set<() => void>();
  #refetchTimer: ReturnType<typeof setTimeout> | null = null;
  #closed = false;
  #renewing: Promise<string> | null = null;
  #join: JoinRoomResponse;
  #joinedAt = Date.now();

  constructor(api: ApiClient, join: JoinRoomResponse, clockOffsetMs?: number) {
    this.#api = api;
    this.roomId = join.room.id;
    this.#join = join;
    this.#view = initialView(join, clockOffsetMs);
    const user = { id: join.me.userId, name: join.me.displayName, color: join.me.color, role: join.me.role };
    const common = {
      serverUrl: api.baseUrl,
      collabUrl: join.collabUrl,
      roomId: join.room.id,
      token: join.collabToken,
      renewToken: () => this.renewToken(),
    };
    this.code = new DocConnection({ ...common, doc: 'code', awarenessState: () => ({ user: { ...user, role: this.#view.role }, cursor: null }) });
    this.whiteboard = new DocConnection({
      ...common,
      doc: 'whiteboard',
      awarenessState: () => ({ user: { ...user, role: this.#view.role }, pointer: null, selectedIds: [] }),
    });
    this.#wire('code', this.code);
    this.#wire('whiteboard', this.whiteboard);
  }

  getView = (): RoomView => this.#view;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Joins again: a join is the only way to get a fresh collab token. Both docs share one call. */
  renewToken(): Promise<string> {
    this.#renewing ??= this.#rejoin().finally(() => {
      this.#renewing = null;
    });
    return this.#renewing;
  }

  async #rejoin(): Promise<string> {
    const join = await joinRoom(this.#api, this.roomId);
    this.#join = join;
    this.#joinedAt = Date.now();
    this.code.setToken(join.collabToken);
    this.whiteboard.setToken(join.collabToken);
    this.#set(withRoomDetail({ ...this.#view, me: join.me }, join.room));
    return join.collabToken;
  }

  /** Re-reads the REST detail (participants, problem, timer) now. */
  async refresh(): Promise<void> {
    const room = await roomActions(this.#api, this.roomId).detail();
    if (this.#closed) return;
    this.#set(withRoomDetail(this.#view, room));
    this.#saveForOffline();
  }

  dismissNotice(): void {
    this.#set({ ...this.#view, notice: null });
  }

  /** Hides a resolved role-swap notice (a pending request stays until the server resolves it). */
  dismissRoleSwap(): void {
    if (this.#view.roleSwap?.request.status !== 'pending') this.#set({ ...this.#view, roleSwap: null });
  }

  /** "Use here" after 4009: reconnect both documents, displacing the other tab or device. */
  useHere(): void {
    this.#set({ ...this.#view, stop: null });
    this.code.reconnect();
    this.whiteboard.reconnect();
  }

  close(): void {
    this.#closed = true;
    if (this.#refetchTimer) clearTimeout(this.#refetchTimer);
    this.code.destroy();
    this.whiteboard.destroy();
    this.#listeners.clear();
  }

  #wire(name: CollabDoc, conn: DocConnection): void {
    conn.on('state', (state, pending) => this.#set({ ...this.#view, [name]: { state, pending } }));
    conn.on('room-event', (event) => this.#onEvent(event));
    conn.on('stopped', (stop) => this.#onStop(stop));
    conn.on('doc-replaced', () => this.#set({ ...this.#view, notice: DISCARDED_NOTICE }));
    conn.on('rate-limited', (ms) => this.#set({ ...this.#view, rateLimitedUntil: Date.now() + ms }));
  }

  #onEvent(event: RoomEvent): void {
    const { view, refetch } = applyRoomEvent(this.#view, event);
    this.#set(view);
    if (refetch) this.#scheduleRefetch();
    else this.#saveForOffline();
  }

  /** Keeps the cached join current, so an offline reload shows the phase, lock and timer last known. */
  #saveForOffline(): void {
    const v = this.#view;
    const room: RoomDetail = { ...v.room, status: v.phase, editorLocked: v.editorLocked, lockReason: v.lockReason, language: v.language, timer: v.timer, myRole: v.role };
    rememberJoin(this.#api.baseUrl, { ...this.#join, room }, this.#joinedAt, v.clockOffsetMs);
  }

  #onStop(stop: DocStop): void {
    // The first stop wins: a kick closes both sockets, and "room closed" must not be overwritten by "left".
    if (!this.#view.stop) this.#set({ ...this.#view, stop });
  }

  #scheduleRefetch(): void {
    if (this.#refetchTimer) return;
    this.#refetchTimer = setTimeout(() => {
      this.#refetchTimer = null;
      this.refresh().catch(() => undefined);
    }, 50);
  }

  #set(view: RoomView): void {
    this.#view = view;
    for (const l of this.#listeners) l();
  }
}
