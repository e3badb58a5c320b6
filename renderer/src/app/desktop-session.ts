// Desktop start-up: main hands over the active profile and, from the OS keychain, its tokens. The renderer
// needs the full AuthTokens (with the user), so it asks the server who that is, refreshing once if needed.
import type { ActiveSession } from '../../../preload/api.ts';
import { ApiClient } from '../api/api-client.ts';
import { routeUrl } from '../api/route-url.ts';
import { refreshTokens } from '../auth/auth-actions.ts';
import type { AuthTokens, UserProfile } from '../api/types.ts';

export async function restoreDesktopSession(active: ActiveSession): Promise<AuthTokens | null> {
  const saved = active.tokens;
  if (!saved) return null;
  const noKeeper = { current: () => null, update: () => undefined, expire: () => undefined };
  const api = new ApiClient(active.profile.baseUrl, noKeeper);
  try {
    const res = await fetch(routeUrl(api.baseUrl, 'GET /v1/users/me'), { headers: { authorization: `Bearer ${saved.accessToken}` } });
    if (res.ok) {
      const user = (await res.json()) as UserProfile;
      // Expiry times are not kept by main; the client refreshes on AUTH_TOKEN_EXPIRED anyway.
      return { ...saved, user, accessTokenExpiresAt: '', refreshTokenExpiresAt: '' };
    }
    return await refreshTokens(api, saved.refreshToken);
  } catch {
    // Refused tokens: sign in again. Unreachable server: the session kept in localStorage (if any) is used.
    return null;
  }
}
