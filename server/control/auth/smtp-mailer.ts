// The Mailer of a hosted server with SMTP configured (SYNCODE_SMTP_URL). One connection per message, no pool:
// reset emails are rare, and a pooled connection would mostly sit idle until the SMTP server drops it.
import { createTransport } from 'nodemailer';
import type { Logger } from '../../server-options.ts';
import type { Mailer } from './mailer.ts';
import { passwordResetEmail } from './password-reset-email.ts';

/**
 * How long each step of a delivery (DNS, connecting, the greeting, every reply) may take: the reset request has
 * long been answered, and a dead or stalled SMTP server must not pile up sockets.
 */
const SMTP_TIMEOUT_MS = 10_000;

export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://user:pass@host:465`; credentials URL-encoded. */
  url: string;
  /** The From header. Default `SynCode <no-reply@HOST>`, HOST the public URL's host name. */
  from: string | undefined;
  /** The server's public origin, the reset link's; read per message, as the bound address is known only once listening. */
  publicUrl: () => string;
  log: Logger;
}

export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const url = new URL(options.url);
  const secure = url.protocol === 'smtps:';
  const port = url.port === '' ? (secure ? 465 : 587) : Number(url.port);
  const server = `${url.hostname}:${port}`;
  const transport = createTransport({
    // An IPv6 address comes bracketed in a URL, not in a socket's address.
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    secure,
    ...(url.username === '' && url.password === '' ? {} : { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }),
    dnsTimeout: SMTP_TIMEOUT_MS,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  return {
    async sendPasswordReset({ to, token, expiresAt }) {
      const publicUrl = options.publicUrl();
      const from = options.from ?? `SynCode <no-reply@${new URL(publicUrl).hostname}>`;
      let response: string;
      try {
        ({ response } = await transport.sendMail({ from, to, ...passwordResetEmail({ publicUrl, token, expiresAt }) }));
      } catch (error) {
        // The caller logs this: which server and why (nodemailer's error quotes the SMTP reply), never the email,
        // which carries the token.
        throw new Error(`SMTP ${server}: ${error instanceof Error ? error.message : String(error)}`);
      }
      options.log.info('password reset email sent', { smtpResponse: response });
    },
  };
}
