// The "This computer" profile needs no typing: on first start main registers an account with a random
// email and password on the embedded server (POST /v1/auth/register), and signs in with it afterwards.
import { randomBytes } from 'node:crypto';
import { AppError, LAUNCH_SECRET_HEADER, type ErrorCode } from '../../server/protocol/index.ts';
import type { CredentialStore } from '../credentials/credential-store.ts';
import type { SettingsStore } from './profile-service.ts';

export interface LocalAccountOptions {
  /** The embedded server's URL and the launch secret it requires. */
  baseUrl: string;
  launchSecret: string;
  credentials: CredentialStore;
  settings: SettingsStore;
  fetch?: typeof fetch;
}

interface StoredLocalAccount {
  email: string;
  /**
   * Only where there is no keychain. The password guards an account on a loopback server that also
   * requires the per-launch secret, and that server's database sits in the same directory as this
   * setting: a keychain would protect nothing more. Losing it would orphan the local practice history.
   */
  password?: string;
}

/** The fields of AuthTokens (the REST sign-in response) main needs; the renderer reads the rest itself. */
export interface LocalSignIn {
  email: string;
  accessToken: string;
  refreshToken: string;
}

const SETTINGS_KEY = 'local-account';
const PASSWORD_ACCOUNT = 'local-account-password';

/** Signs in the local account, registering it first when there is none (or the server forgot it). */
export async function signInLocalAccount(options: LocalAccountOptions): Promise<LocalSignIn> {
  const stored = options.settings.getSetting<StoredLocalAccount>(SETTINGS_KEY);
  if (stored) {
    const password = stored.password ?? (await options.credentials.get(PASSWORD_ACCOUNT));
    if (password) {
      try {
        return await post(options, '/v1/auth/login', { email: stored.email, password });
      } catch (error) {
        // A wiped embedded database: start over with a fresh account rather than lock the user out.
        if (!(error instanceof AppError && error.code === 'AUTH_INVALID_CREDENTIALS')) throw error;
      }
    }
  }
  const email = `me-${randomBytes(8).toString('hex')}@syncode.local`;
  const password = randomBytes(24).toString('base64url');
  const tokens = await post(options, '/v1/auth/register', { email, password, displayName: 'Me' });
  if (options.credentials.persistent) {
    await options.credentials.set(PASSWORD_ACCOUNT, password);
    options.settings.setSetting(SETTINGS_KEY, { email } satisfies StoredLocalAccount);
  } else {
    options.settings.setSetting(SETTINGS_KEY, { email, password } satisfies StoredLocalAccount);
  }
  return tokens;
}

async function post(options: LocalAccountOptions, path: string, body: unknown): Promise<LocalSignIn> {
  const res = await (options.fetch ?? fetch)(`${options.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [LAUNCH_SECRET_HEADER]: options.launchSecret },
    body: JSON.stringify(body),
  });
  const payload: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const code = (payload as { code?: ErrorCode } | null)?.code ?? 'INTERNAL';
    throw new AppError(code, `${path} answered ${res.status}`);
  }
  const tokens = payload as { accessToken?: unknown; refreshToken?: unknown; user?: { email?: unknown } } | null;
  if (typeof tokens?.accessToken !== 'string' || typeof tokens.refreshToken !== 'string' || typeof tokens.user?.email !== 'string') {
    throw new AppError('INTERNAL', `${path} answered without tokens`);
  }
  return { email: tokens.user.email, accessToken: tokens.accessToken, refreshToken: tokens.refreshToken };
}
