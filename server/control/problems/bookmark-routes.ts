// Bookmarks routes (/v1/bookmarks).
import { zPage, zPageQuery, isUuid } from '../../protocol/api/common.ts';
import { zBookmark } from '../../protocol/api/problems.ts';
import type { BookmarksRepository } from '../../storage/control/bookmarks-repository.ts';
import type { BookmarkRouteDeps } from '../context.ts';
import { toPage } from '../../pagination.ts';
import { toTimestamp } from '../../protocol/timestamps.ts';
import { parseQuery } from '../../protocol/validation.ts';
import { defineRoute } from '../route-docs.ts';
import type { ProblemCatalog } from './problem-catalog.ts';
import { notFound } from './problem-routes.ts';

const SCOPE = 'bookmarks';

export function registerBookmarkRoutes(ctx: BookmarkRouteDeps, catalog: ProblemCatalog, bookmarks: BookmarksRepository): void {
  const { router, docs } = ctx;
  const tag = 'bookmarks';
  defineRoute(router, docs, 'GET', '/v1/bookmarks', {
    summary: 'My bookmarks, newest first', tag, query: zPageQuery, response: zPage(zBookmark),
  }, async (req) => {
    const user = await ctx.auth.requireUser(req);
    const query = parseQuery(zPageQuery, req.query);
    const after = query.cursor ? (ctx.cursors.decode(SCOPE, query.cursor, ['number', 'string']) as [number, string]) : undefined;
    const rows = bookmarks.list(user.id, query.limit + 1, after);
    const page = toPage(rows, query.limit, ctx.cursors, SCOPE, (b) => [b.createdAt, b.problemId], (b) => b);
    const problems = page.items.map((b) => catalog.findAny(b.problemId)!);
    const summaries = catalog.summaries(problems, user.id);
    return {
      status: 200,
      body: { items: page.items.map((b, i) => ({ problem: summaries[i]!, createdAt: toTimestamp(b.createdAt) })), nextCursor: page.nextCursor },
    };
  });

  defineRoute(router, docs, 'PUT', '/v1/bookmarks/:problemId', {
    summary: 'Bookmark a problem (idempotent)', tag, status: 204, errors: ['PROBLEM_NOT_FOUND'],
  }, async (req) => {
    const user = await ctx.auth.requireUser(req);
    const id = req.params.problemId!;
    if (!isUuid(id) || !catalog.findSelectable(id)) throw notFound();
    bookmarks.add(user.id, id, Date.now());
    return { status: 204 };
  });

  defineRoute(router, docs, 'DELETE', '/v1/bookmarks/:problemId', {
    summary: 'Remove a bookmark (idempotent)', tag, status: 204,
  }, async (req) => {
    const user = await ctx.auth.requireUser(req);
    const id = req.params.problemId!;
    if (!isUuid(id)) throw notFound();
    bookmarks.remove(user.id, id);
    return { status: 204 };
  });
}
