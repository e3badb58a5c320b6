// WebSocket close codes of /collab (standard 1xxx plus our 4xxx). Client and server import these; no bare
// numbers elsewhere.

export const CloseCode = {
  NORMAL: { code: 1000, reason: 'normal' },
  GOING_AWAY: { code: 1001, reason: 'going-away' },
  POLICY_VIOLATION: { code: 1008, reason: 'policy-violation' },
  MESSAGE_TOO_BIG: { code: 1009, reason: 'message-too-big' },
  INTERNAL_ERROR: { code: 1011, reason: 'internal-error' },
  /** Several server processes: this one is draining and hands its rooms over; reconnect at once. */
  SERVICE_RESTART: { code: 1012, reason: 'service-restart' },
  /** Several server processes: the room's owner cannot be reached yet (it died; its lease has not expired). */
  TRY_AGAIN_LATER: { code: 1013, reason: 'try-again-later' },
  UNAUTHORIZED: { code: 4001, reason: 'unauthorized' },
  KICKED: { code: 4002, reason: 'kicked' },
  ROOM_CLOSED: { code: 4003, reason: 'room-closed' },
  ROOM_NOT_FOUND: { code: 4004, reason: 'room-not-found' },
  REPLACED: { code: 4009, reason: 'replaced' },
  RATE_LIMITED: { code: 4029, reason: 'rate-limited' },
} as const;

export type CloseCodeName = keyof typeof CloseCode;

/** What a product client does after each close code (stop, back off and reconnect, rejoin, resync, …). */
export type CloseAction = 'stop' | 'reconnect-now' | 'reconnect-soon' | 'reconnect-backoff' | 'rejoin-once' | 'resync' | 'offer-use-here' | 'retry-after-10s' | 'show-session';

export function closeActionFor(code: number): CloseAction {
  switch (code) {
    case CloseCode.NORMAL.code:
    case CloseCode.POLICY_VIOLATION.code:
    case CloseCode.KICKED.code:
    case CloseCode.ROOM_NOT_FOUND.code:
      return 'stop';
    case CloseCode.ROOM_CLOSED.code:
      return 'show-session';
    case CloseCode.MESSAGE_TOO_BIG.code:
      return 'resync';
    case CloseCode.UNAUTHORIZED.code:
      return 'rejoin-once';
    case CloseCode.REPLACED.code:
      return 'offer-use-here';
    case CloseCode.RATE_LIMITED.code:
      return 'retry-after-10s';
    case CloseCode.SERVICE_RESTART.code:
      return 'reconnect-now';
    case CloseCode.TRY_AGAIN_LATER.code:
      return 'reconnect-soon';
    default:
      // 1001, 1011, 1006 (abnormal, no frame) and anything unknown.
      return 'reconnect-backoff';
  }
}
