// A real SMTP server for tests (the `smtp-server` package) on 127.0.0.1, port 0: plain SMTP without STARTTLS,
// a login required, every accepted message kept with its envelope. Always `await stop()`. And parseMail, which
// reads what nodemailer writes (a multipart/alternative message) well enough for a test to check its words.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The user name the sender logged in with. */
  user: string;
  mailFrom: string | undefined;
  rcptTo: string[];
  /** The message as it arrived: headers and MIME body. */
  raw: string;
}

export interface TestSmtpServer {
  port: number;
  /** Every SMTP session opened, with or without a message. */
  sessions: number;
  /** The user names of refused logins. */
  refusedLogins: string[];
  received: ReceivedMail[];
  stop(): Promise<void>;
}

export async function startTestSmtpServer(credentials: { user: string; pass: string }): Promise<TestSmtpServer> {
  const state = { sessions: 0, refusedLogins: [] as string[], received: [] as ReceivedMail[] };
  const smtp = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    // Logins over plain text: this server is only reached over loopback.
    allowInsecureAuth: true,
    logger: false,
    onConnect(_session, callback) {
      state.sessions++;
      callback();
    },
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass) return callback(null, { user: auth.username });
      state.refusedLogins.push(auth.username ?? '');
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        state.received.push({
          user: String(session.user),
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  return {
    port: (smtp.server.address() as AddressInfo).port,
    get sessions() {
      return state.sessions;
    },
    refusedLogins: state.refusedLogins,
    received: state.received,
    stop: () => new Promise<void>((resolve) => smtp.close(resolve)),
  };
}

export interface ParsedMail {
  /** Unfolded, by lower-case name. */
  headers: Map<string, string>;
  text: string;
  html: string;
}

/** The headers and the decoded text/plain and text/html parts of a multipart/alternative message. */
export function parseMail(raw: string): ParsedMail {
  const message = entity(raw.replace(/\r\n/g, '\n'));
  const boundary = /boundary="?([^";]+)"?/.exec(message.headers.get('content-type') ?? '')?.[1];
  if (boundary === undefined) throw new Error(`not a multipart message: ${message.headers.get('content-type')}`);
  const parts = message.body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => entity(part.replace(/^\n/, '')));
  const decoded = (type: string): string => {
    const part = parts.find((p) => p.headers.get('content-type')?.split(';')[0] === type);
    if (!part) throw new Error(`no ${type} part`);
    return decodeBody(part.body.replace(/\n$/, ''), part.headers.get('content-transfer-encoding') ?? '7bit');
  };
  return { headers: message.headers, text: decoded('text/plain'), html: decoded('text/html') };
}

/** Headers and body of a message or a MIME part (LF line ends). */
function entity(text: string): { headers: Map<string, string>; body: string } {
  const end = text.indexOf('\n\n');
  const head = text.slice(0, end).replace(/\n[ \t]+/g, ' ');
  const headers = new Map(
    head.split('\n').map((line): [string, string] => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  return { headers, body: text.slice(end + 2) };
}

function decodeBody(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case 'quoted-printable': {
      const bytes = body.replace(/=\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    }
    case 'base64':
      return Buffer.from(body, 'base64').toString('utf8');
    default:
      return body;
  }
}
