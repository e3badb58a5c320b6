export type { CollabStore, LoggedUpdate, NewUpdate, ParticipantRecord, RoomPatch, RoomRecord, StoredDocument } from './collab-store.ts';
export { SERVER_CLIENT_OWNER } from './collab-store.ts';
export { openSqliteCollabStore } from './sqlite-collab-store.ts';
