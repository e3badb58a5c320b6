// The problem bank's REST calls: search, tags, one problem, bookmarks.
import type { RouteQuery } from '../../../server/protocol/api/routes/index.ts';
import type { ApiClient } from '../api/api-client.ts';

export function listProblems(api: ApiClient, query: RouteQuery<'GET /v1/problems'>) {
  return api.call('GET /v1/problems', query);
}

export function listTags(api: ApiClient) {
  return api.call('GET /v1/problems/tags');
}

export function getProblem(api: ApiClient, problemId: string) {
  return api.call('GET /v1/problems/:problemId', { problemId });
}

export function setBookmarked(api: ApiClient, problemId: string, bookmarked: boolean): Promise<undefined> {
  return bookmarked ? api.call('PUT /v1/bookmarks/:problemId', { problemId }) : api.call('DELETE /v1/bookmarks/:problemId', { problemId });
}
