// The pure room rules: phase order, per-mode defaults and seats, invite codes and
// display colours. No I/O here (an invite code's collision check is the caller's), so every rule is
// checkable in isolation.
import { randomInt } from 'node:crypto';
import {
  AppError,
  comparePhases,
  type RoomConfig,
  type RoomMode,
  type RoomRole,
  type RoomStatus,
} from '../../protocol/index.ts';
import type { FieldViolation } from '../../protocol/validation.ts';
import type { ParticipantRecord } from '../../storage/rooms/index.ts';

export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 6;

/** A fresh invite code; `taken` (a lookup in storage) lets the caller retry on the (rare) collision. */
export async function generateInviteCode(taken: (code: string) => Promise<boolean>): Promise<string> {
  for (;;) {
    let code = '';
    for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)];
    if (!(await taken(code))) return code;
  }
}

/** Lookups are case-insensitive: codes are stored upper-case. */
export function normalizeInviteCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Eight colours far enough apart to tell cursors apart; distinct within a room while possible. */
export const PARTICIPANT_COLORS = ['#e6194b', '#3cb44b', '#4363d8', '#f58231', '#911eb4', '#42d4f4', '#f032e6', '#9a6324'] as const;

/** The first palette colour nobody in the room has (left participants keep theirs), else the least used. */
export function pickColor(participants: readonly Pick<ParticipantRecord, 'color'>[]): string {
  const uses = new Map<string, number>(PARTICIPANT_COLORS.map((c) => [c, 0]));
  for (const p of participants) if (uses.has(p.color)) uses.set(p.color, uses.get(p.color)! + 1);
  let best: string = PARTICIPANT_COLORS[0];
  for (const c of PARTICIPANT_COLORS) if (uses.get(c)! < uses.get(best)!) best = c;
  return best;
}

const DEFAULT_CONFIGS: Record<RoomMode, RoomConfig> = {
  interview: {
    maxParticipants: 4,
    allowSpectators: true,
    warmupDurationMs: 300_000,
    codingDurationMs: 2_700_000,
    wrapupDurationMs: 600_000,
    autoAdvance: false,
    aiEnabled: false,
  },
  peer: {
    maxParticipants: 2,
    allowSpectators: false,
    warmupDurationMs: 0,
    codingDurationMs: 2_700_000,
    wrapupDurationMs: 600_000,
    autoAdvance: true,
    aiEnabled: false,
  },
  practice: {
    maxParticipants: 1,
    allowSpectators: false,
    warmupDurationMs: 0,
    codingDurationMs: 2_700_000,
    wrapupDurationMs: 0,
    autoAdvance: true,
    aiEnabled: true,
  },
};

export function defaultConfig(mode: RoomMode): RoomConfig {
  return { ...DEFAULT_CONFIGS[mode] };
}

/**
 * Per-mode bounds beyond the schema's 1..10: practice is fixed at 1, the others need 2..10, and a
 * settings change may not drop below the active participant count.
 */
export function configViolations(mode: RoomMode, config: RoomConfig, activeCount = 0): FieldViolation[] {
  const out: FieldViolation[] = [];
  const path = 'config.maxParticipants';
  if (mode === 'practice' && config.maxParticipants !== 1) out.push({ path, message: 'is fixed at 1 in practice mode' });
  if (mode !== 'practice' && config.maxParticipants < 2) out.push({ path, message: `must be at least 2 in ${mode} mode` });
  if (config.maxParticipants < activeCount) {
    out.push({ path, message: `must not be below the ${activeCount} active participants` });
  }
  return out;
}

/** Whether `to` is a legal phase target from `from`: strictly later (skipping allowed). */
export function isLaterPhase(from: RoomStatus, to: RoomStatus): boolean {
  return comparePhases(to, from) > 0;
}

/** The configured timer of a phase; 0 (untimed) for `waiting` and `finished`. */
export function phaseDurationMs(config: RoomConfig, phase: RoomStatus): number {
  switch (phase) {
    case 'warmup':
      return config.warmupDurationMs;
    case 'coding':
      return config.codingDurationMs;
    case 'wrapup':
      return config.wrapupDurationMs;
    case 'waiting':
    case 'finished':
      return 0;
  }
}

type Seated = Pick<ParticipantRecord, 'userId' | 'role' | 'state'>;

export function activeOf<T extends Seated>(participants: readonly T[]): T[] {
  return participants.filter((p) => p.state === 'active');
}

/** Interview and peer rooms have one candidate seat; practice has none. */
export function candidateSeatFree(mode: RoomMode, participants: readonly Seated[], exceptUserId?: string): boolean {
  if (mode === 'practice') return false;
  return !participants.some((p) => p.state === 'active' && p.role === 'candidate' && p.userId !== exceptUserId);
}

/**
 * The role a new joiner gets (seats and roles by mode), or throws: ROOM_FULL when the room is at
 * `maxParticipants`, in practice mode, or when a joiner without `requested` finds no default seat;
 * ROOM_ROLE_UNAVAILABLE when the requested role is taken or not allowed.
 */
export function seatForJoiner(
  mode: RoomMode,
  config: RoomConfig,
  participants: readonly Seated[],
  requested: 'candidate' | 'spectator' | undefined,
): RoomRole {
  const full = () => new AppError('ROOM_FULL', 'The room is full.', { maxParticipants: config.maxParticipants });
  if (mode === 'practice' || activeOf(participants).length >= config.maxParticipants) throw full();
  const seatFree = candidateSeatFree(mode, participants);
  if (requested === 'candidate') {
    if (!seatFree) throw new AppError('ROOM_ROLE_UNAVAILABLE', 'The candidate seat is taken.');
    return 'candidate';
  }
  if (requested === 'spectator') {
    if (!config.allowSpectators) throw new AppError('ROOM_ROLE_UNAVAILABLE', 'This room does not allow spectators.');
    return 'spectator';
  }
  if (seatFree) return 'candidate';
  // Interview rooms seat further joiners as spectators; a peer room's only joiner seat is the candidate's.
  if (mode === 'interview' && config.allowSpectators) return 'spectator';
  throw full();
}

/**
 * Whether a `left` participant's previous seat is still free, so they may rejoin without a code in their
 * old role. The host seat is always theirs to take back; interviewers have no seat limit.
 */
export function previousSeatFree(
  mode: RoomMode,
  config: RoomConfig,
  participants: readonly Seated[],
  me: Seated,
): boolean {
  if (activeOf(participants).length >= config.maxParticipants) return false;
  switch (me.role) {
    case 'host':
    case 'interviewer':
      return true;
    case 'candidate':
      return candidateSeatFree(mode, participants, me.userId);
    case 'spectator':
      return config.allowSpectators;
  }
}
