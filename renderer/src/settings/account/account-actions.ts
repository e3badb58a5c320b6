// The signed-in user's own account: profile changes, usage against the plan, and deletion.
import type { RouteBody } from '../../../../server/protocol/api/routes/index.ts';
import type { ApiClient } from '../../api/api-client.ts';

export function updateProfile(api: ApiClient, body: RouteBody<'PATCH /v1/users/me'>) {
  return api.call('PATCH /v1/users/me', body);
}

export function deleteAccount(api: ApiClient, password: string) {
  return api.call('DELETE /v1/users/me', { password });
}

/** Today's usage against my plan's daily allowances (null: unlimited). */
export function myQuotas(api: ApiClient) {
  return api.call('GET /v1/users/me/quotas');
}
