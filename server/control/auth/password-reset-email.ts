// The password-reset email a user reads: subject, plain text, and a simple HTML alternative of the same words.

export interface PasswordResetEmail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The web client's reset screen, with the token in the URL fragment: a browser never sends the fragment, so the
 * token stays out of request lines, access logs and Referer headers, here and at any proxy in between.
 */
export function passwordResetLink(publicUrl: string, token: string): string {
  return `${publicUrl}/reset-password#token=${encodeURIComponent(token)}`;
}

export function passwordResetEmail(input: { publicUrl: string; token: string; expiresAt: string }): PasswordResetEmail {
  const host = new URL(input.publicUrl).host;
  const link = passwordResetLink(input.publicUrl, input.token);
  const expires = utcMinute(input.expiresAt);
  const asked = `Someone asked to reset the password of the SynCode account for this email address on ${host}.`;
  const once = `The link works once, until ${expires}.`;
  const ignore = 'If you did not ask for this, ignore this email: your password stays as it is.';
  const text = [asked, 'To choose a new password, open this link:', link, once, ignore].join('\n\n');
  const html = [
    `<p>${escapeHtml(asked)}</p>`,
    `<p><a href="${escapeHtml(link)}">Choose a new password</a></p>`,
    `<p>Or open this link:<br>${escapeHtml(link)}</p>`,
    `<p>${escapeHtml(once)}</p>`,
    `<p>${escapeHtml(ignore)}</p>`,
  ].join('\n');
  return { subject: 'Reset your SynCode password', text, html };
}

/** `2026-03-03 14:05 UTC`: one reading whatever the recipient's time zone; seconds dropped, so never later than the expiry. */
function utcMinute(timestamp: string): string {
  const iso = new Date(timestamp).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
