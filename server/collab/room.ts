import type { CollabDoc, RoomRole } from '../protocol/index.ts';
import type { ParticipantRecord, RoomRecord } from '../storage/collab/index.ts';
import type { CollabConnection } from './collab-connection.ts';
import type { LiveDoc } from './live-doc.ts';

/** A room known to this process: its cached record, participants (roles, left/kicked markers) and loaded docs. */
export class Room {
  readonly id: string;
  record: RoomRecord;
  readonly participants: Map<string, ParticipantRecord>;
  readonly docs = new Map<CollabDoc, LiveDoc>();
  /** Documents being loaded or unloaded: a caller waits for the one in progress (PlaneCore.doc). */
  readonly transitions = new Map<CollabDoc, Promise<void>>();
  periodicTimer: NodeJS.Timeout | null = null;

  constructor(record: RoomRecord, participants: ParticipantRecord[]) {
    this.id = record.roomId;
    this.record = record;
    this.participants = new Map(participants.map((p) => [p.userId, p]));
  }

  /** The effective role (docs/collab-protocol.md, "Effective role"): the plane's entry, else the token's role. */
  roleOf(userId: string, tokenRole: RoomRole): RoomRole {
    return this.participants.get(userId)?.role ?? tokenRole;
  }

  participant(userId: string): ParticipantRecord {
    let p = this.participants.get(userId);
    if (!p) this.participants.set(userId, (p = { userId, role: null, leftAt: null, kicked: false }));
    return p;
  }

  connections(): CollabConnection[] {
    const all: CollabConnection[] = [];
    for (const doc of this.docs.values()) all.push(...doc.connections);
    return all;
  }

  connectionsOf(userId: string): CollabConnection[] {
    return this.connections().filter((c) => c.userId === userId);
  }

  get closed(): boolean {
    return this.record.destroyedAt !== null || this.record.phase === 'finished';
  }
}
