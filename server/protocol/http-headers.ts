/** Embedded mode: the per-launch secret that the desktop app adds to every request and socket. */
export const LAUNCH_SECRET_HEADER = 'x-syncode-launch-secret';
export const REQUEST_ID_HEADER = 'x-request-id';
/**
 * On every /v1 response: the origins besides its own that this server's clients connect to (the collab socket's,
 * LiveKit's), space-separated, as the web client's CSP `connect-src` names them. The desktop app lets its window
 * reach those origins of the servers the user added, and no others.
 */
export const CONNECT_SOURCES_HEADER = 'x-syncode-connect-sources';
/** Split deployment: the secret shared by the control and collab processes on their /internal routes. */
export const INTERNAL_SECRET_HEADER = 'x-internal-secret';
