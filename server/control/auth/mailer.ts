/**
 * Outgoing email (password reset). Only a hosted deployment with SMTP configured has one (smtp-mailer.ts, from
 * SYNCODE_SMTP_URL); without it no email is sent and `POST /v1/auth/forgot-password` still answers the same (it
 * never reveals whether an account exists). Tests may pass a fake that records the messages instead.
 */
export interface Mailer {
  sendPasswordReset(message: { to: string; token: string; expiresAt: string }): Promise<void>;
}
