// Invite links: the server's own origin serves `/join/<code>` (the web client opens the join screen);
// the desktop app also registers `syncode://join/<code>`.
export function webInviteLink(serverUrl: string, code: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/join/${encodeURIComponent(code)}`;
}

export function desktopInviteLink(code: string): string {
  return `syncode://join/${encodeURIComponent(code)}`;
}
