/** Embedded mode: the per-launch secret that the desktop app adds to every request and socket. */
export const LAUNCH_SECRET_HEADER = 'x-syncode-launch-secret';
export const REQUEST_ID_HEADER = 'x-request-id';
/** Split deployment: the secret shared by the control and collab processes on their /internal routes. */
export const INTERNAL_SECRET_HEADER = 'x-internal-secret';
