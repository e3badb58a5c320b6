// Bookmarks routes: a user's bookmarked problems, newest first.
import { isUuid } from '../../protocol/api/common.ts';
import type { BookmarksRepository } from '../../storage/control/bookmarks-repository.ts';
import type { BookmarkRouteDeps } from '../context.ts';
import { toPage } from '../../pagination.ts';
import { toTimestamp } from '../../protocol/timestamps.ts';
import { handle } from '../handle-route.ts';
import type { ProblemCatalog } from './problem-catalog.ts';
import { notFound } from './problem-routes.ts';

const SCOPE = 'bookmarks';

export function registerBookmarkRoutes(ctx: BookmarkRouteDeps, catalog: ProblemCatalog, bookmarks: BookmarksRepository): void {
  const { router } = ctx;
  handle(router, 'GET /v1/bookmarks', async (req, input) => {
    const user = await ctx.auth.requireUser(req);
    const query = input.query();
    const after = query.cursor ? (ctx.cursors.decode(SCOPE, query.cursor, ['number', 'string']) as [number, string]) : undefined;
    const rows = await bookmarks.list(user.id, query.limit + 1, after);
    const page = toPage(rows, query.limit, ctx.cursors, SCOPE, (b) => [b.createdAt, b.problemId], (b) => b);
    const problems = await Promise.all(page.items.map(async (b) => (await catalog.findAny(b.problemId))!));
    const summaries = await catalog.summaries(problems, user.id);
    return {
      status: 200,
      body: { items: page.items.map((b, i) => ({ problem: summaries[i]!, createdAt: toTimestamp(b.createdAt) })), nextCursor: page.nextCursor },
    };
  });

  handle(router, 'PUT /v1/bookmarks/:problemId', async (req, { params }) => {
    const user = await ctx.auth.requireUser(req);
    const id = params.problemId;
    if (!isUuid(id) || !(await catalog.findSelectable(id))) throw notFound();
    await bookmarks.add(user.id, id, Date.now());
    return { status: 204 };
  });

  handle(router, 'DELETE /v1/bookmarks/:problemId', async (req, { params }) => {
    const user = await ctx.auth.requireUser(req);
    const id = params.problemId;
    if (!isUuid(id)) throw notFound();
    await bookmarks.remove(user.id, id);
    return { status: 204 };
  });
}
