// User-facing text for an error, chosen by its code (never by the server's message, which is not stable).
import { ErrorCode } from '../../../server/protocol/index.ts';
import { ClientErrorCode, isApiError } from '../api/api-client.ts';

const TEXT: Partial<Record<ErrorCode | ClientErrorCode, string>> = {
  [ClientErrorCode.NETWORK_UNREACHABLE]: 'The server cannot be reached. Check your connection.',
  [ClientErrorCode.BAD_RESPONSE]: 'The server answered something unexpected.',
  [ErrorCode.VALIDATION_FAILED]: 'Some fields are not valid.',
  [ErrorCode.AUTH_INVALID_CREDENTIALS]: 'Wrong email or password.',
  [ErrorCode.AUTH_EMAIL_TAKEN]: 'An account with this email already exists.',
  [ErrorCode.AUTH_ACCOUNT_BANNED]: 'This account is banned.',
  [ErrorCode.AUTH_UNAUTHENTICATED]: 'Please sign in again.',
  [ErrorCode.AUTH_REFRESH_INVALID]: 'Your session has ended. Please sign in again.',
  [ErrorCode.AUTH_WRONG_PASSWORD]: 'The password is wrong.',
  [ErrorCode.AUTH_RESET_TOKEN_INVALID]: 'This reset link is invalid, expired or already used. Ask for a new one.',
  [ErrorCode.AUTH_REFRESH_REUSED]: 'Your session was used elsewhere and has been ended for safety. Please sign in again.',
  [ErrorCode.RATE_LIMITED]: 'Too many attempts. Wait a moment and try again.',
  [ErrorCode.ROOM_NOT_FOUND]: 'No open room has this code.',
  [ErrorCode.ROOM_CODE_INVALID]: 'The invite code is wrong.',
  [ErrorCode.ROOM_KICKED]: 'You were removed from this room and cannot rejoin.',
  [ErrorCode.ROOM_FULL]: 'The room is full.',
  [ErrorCode.ROOM_ROLE_UNAVAILABLE]: 'That seat is not available.',
  [ErrorCode.ROOM_CLOSED]: 'This room has finished.',
  [ErrorCode.ROOM_FORBIDDEN]: 'Your role cannot do that.',
  [ErrorCode.ROOM_EDITOR_LOCKED]: 'The editor is locked by the interviewer.',
  [ErrorCode.ROOM_INVALID_PHASE]: 'Not possible in the current phase.',
  [ErrorCode.ROOM_INVALID_TRANSITION]: 'The room is already past that phase.',
  [ErrorCode.ROOM_TIMER_CONFLICT]: 'The timer is not in a state that allows this.',
  [ErrorCode.ROOM_COLLAB_UNAVAILABLE]: 'The collaboration service is unavailable.',
  [ErrorCode.ROOM_MEDIA_UNAVAILABLE]: 'Video is not available on this server.',
  [ErrorCode.EXEC_UNAVAILABLE]: 'This language cannot run on this server.',
  [ErrorCode.EXEC_NO_PROBLEM]: 'Choose a problem before submitting.',
  [ErrorCode.EXEC_SUBMISSION_IN_PROGRESS]: 'A submission is already being judged.',
  [ErrorCode.PROBLEM_LANGUAGE_UNSUPPORTED]: 'This problem does not support that language.',
  [ErrorCode.PROBLEM_NOT_FOUND]: 'That problem does not exist.',
  [ErrorCode.SESSION_NOT_FOUND]: 'That session does not exist.',
  [ErrorCode.SESSION_FORBIDDEN]: 'You cannot see this session.',
  [ErrorCode.SESSION_NOT_FINISHED]: 'The session has not finished yet.',
  [ErrorCode.USER_QUOTA_EXCEEDED]: 'You have reached your plan limit.',
};

export function errorText(error: unknown): string {
  if (isApiError(error)) return TEXT[error.code] ?? `Something went wrong (${error.code}).`;
  return 'Something went wrong.';
}

/** The `code` of an error, for `data-error-code` attributes tests and support staff can read. */
export function errorCode(error: unknown): string {
  return isApiError(error) ? error.code : 'UNKNOWN';
}
