/**
 * Whether a URL may be handed to the OS browser (`shell.openExternal`): absolute https only, no embedded
 * credentials. Plain http is refused even for loopback: the only local server is the embedded one, which a
 * browser cannot use anyway (it requires the per-launch secret), so there is nothing legitimate to open.
 */
export function isSafeExternalUrl(raw: unknown): raw is string {
  if (typeof raw !== 'string' || raw.length > 2048) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === 'https:' && url.hostname !== '' && url.username === '' && url.password === '';
}
