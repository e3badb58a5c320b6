// The error taxonomy: every failure the API reports is one of these codes. The HTTP status lives next to each code so that every
// transport converts an AppError the same way. UI code switches on `code`, never on `message`.

export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  VALIDATION_MALFORMED_JSON: 400,
  VALIDATION_UNKNOWN_ROUTE: 404,
  VALIDATION_METHOD_NOT_ALLOWED: 405,
  VALIDATION_PAYLOAD_TOO_LARGE: 413,
  VALIDATION_UNSUPPORTED_MEDIA_TYPE: 415,
  AUTH_UNAUTHENTICATED: 401,
  AUTH_TOKEN_EXPIRED: 401,
  AUTH_INVALID_CREDENTIALS: 401,
  AUTH_REFRESH_INVALID: 401,
  AUTH_REFRESH_REUSED: 401,
  AUTH_WRONG_PASSWORD: 403,
  AUTH_ACCOUNT_BANNED: 403,
  AUTH_EMAIL_TAKEN: 409,
  AUTH_RESET_TOKEN_INVALID: 400,
  USER_NOT_FOUND: 404,
  USER_QUOTA_EXCEEDED: 403,
  ROOM_NOT_FOUND: 404,
  ROOM_FORBIDDEN: 403,
  ROOM_CODE_INVALID: 403,
  ROOM_KICKED: 403,
  ROOM_FULL: 409,
  ROOM_ROLE_UNAVAILABLE: 409,
  ROOM_CLOSED: 409,
  ROOM_INVALID_PHASE: 409,
  ROOM_INVALID_TRANSITION: 409,
  ROOM_EDITOR_LOCKED: 409,
  ROOM_MODE_UNSUPPORTED: 409,
  ROOM_PARTICIPANT_NOT_FOUND: 404,
  ROOM_SWAP_PENDING: 409,
  ROOM_SWAP_NOT_FOUND: 404,
  ROOM_TIMER_CONFLICT: 409,
  ROOM_RECORDING_CONSENT_REQUIRED: 409,
  ROOM_RECORDING_CONFLICT: 409,
  ROOM_FEEDBACK_EXISTS: 409,
  ROOM_FEEDBACK_INVALID_TARGET: 400,
  ROOM_MEDIA_UNAVAILABLE: 503,
  ROOM_COLLAB_UNAVAILABLE: 503,
  ROOM_DOCUMENT_EXISTS: 409,
  PROBLEM_NOT_FOUND: 404,
  PROBLEM_SLUG_TAKEN: 409,
  PROBLEM_IN_USE: 409,
  PROBLEM_LANGUAGE_UNSUPPORTED: 400,
  EXEC_RUN_NOT_FOUND: 404,
  EXEC_SUBMISSION_NOT_FOUND: 404,
  EXEC_ANALYSIS_NOT_FOUND: 404,
  EXEC_NO_PROBLEM: 409,
  EXEC_SUBMISSION_IN_PROGRESS: 409,
  EXEC_UNAVAILABLE: 503,
  SESSION_NOT_FOUND: 404,
  SESSION_FORBIDDEN: 403,
  SESSION_NOT_FINISHED: 409,
  SESSION_RECORDING_NOT_FOUND: 404,
  SESSION_WHITEBOARD_NOT_FOUND: 404,
  MATCH_ALREADY_QUEUED: 409,
  MATCH_NOT_FOUND: 404,
  MATCH_EXPIRED: 409,
  MATCH_UNAVAILABLE: 503,
  AI_DISABLED: 403,
  AI_JOB_NOT_FOUND: 404,
  AI_UNAVAILABLE: 503,
  /** Only as a failed AI job's `error.code`: its owner stopped the generation (never an HTTP answer). */
  AI_CANCELLED: 409,
  ADMIN_FORBIDDEN: 403,
  ADMIN_SELF_MODIFICATION: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ErrorCode = Object.fromEntries(Object.keys(ERROR_STATUS).map((k) => [k, k])) as {
  readonly [K in ErrorCode]: K;
};

/** Body of every non-2xx response: code, message, optional details and the request id. */
export interface ErrorResponse {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
  requestId: string;
}

/**
 * The one error class thrown inside the server. Each transport converts it in exactly one place:
 * an HTTP ErrorResponse, a WebSocket close frame, or an IPC rejection.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
