/**
 * Outgoing email (password reset). Only a hosted deployment with SMTP configured has one; without it no
 * email is sent and `POST /v1/auth/forgot-password` still answers the same (it never reveals whether an
 * account exists). Tests pass a fake that records messages, standing in for an SMTP server we cannot run here.
 */
export interface Mailer {
  sendPasswordReset(message: { to: string; token: string; expiresAt: string }): Promise<void>;
}
