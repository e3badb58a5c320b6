export type { ClientClaim, CollabStore, LoggedUpdate, NewUpdate, ParticipantRecord, RoomPatch, RoomRecord, StoredDocument } from './collab-store.ts';
export { SERVER_CLIENT_OWNER } from './collab-store.ts';
export { openCollabStore } from './sql-collab-store.ts';
