// Wire shapes the REST API and the collab wire share (room events, internal API): config, timer, swaps, snapshots.

import type { LockReason, RoomMode, RoomRole, RoomStatus, SnapshotTrigger, SupportedLanguage } from './enums.ts';

/** ISO-8601 UTC with milliseconds, e.g. `2026-03-01T12:00:00.000Z`. */
export type Timestamp = string;

export interface RoomConfig {
  maxParticipants: number;
  allowSpectators: boolean;
  warmupDurationMs: number;
  codingDurationMs: number;
  wrapupDurationMs: number;
  autoAdvance: boolean;
  aiEnabled: boolean;
}

export interface TimerState {
  phase: RoomStatus;
  durationMs: number;
  elapsedMs: number;
  remainingMs: number;
  running: boolean;
  startedAt: Timestamp | null;
  pausedAt: Timestamp | null;
  /** Set only while running. */
  endsAt: Timestamp | null;
  serverTime: Timestamp;
}

export interface RoleSwapRequest {
  id: string;
  roomId: string;
  requestedBy: string;
  counterpartId: string;
  status: 'pending' | 'accepted' | 'declined' | 'expired';
  createdAt: Timestamp;
  expiresAt: Timestamp;
  resolvedAt: Timestamp | null;
}

export interface CodeSnapshot {
  id: string;
  roomId: string;
  takenAt: Timestamp;
  trigger: SnapshotTrigger;
  /** base64 of `Y.encodeStateAsUpdate(codeDoc)` (update format v1). */
  bytes: string;
  sizeBytes: number;
}

export type { LockReason, RoomMode, RoomRole, RoomStatus, SupportedLanguage };
