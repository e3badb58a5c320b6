// Problems routes (/v1/problems).
import { AppError } from '../../protocol/index.ts';
import { isUuid } from '../../protocol/api/common.ts';
import {
  DEFAULT_MEMORY_LIMIT_KB,
  DEFAULT_TIME_LIMIT_MS,
  zProblemDetail,
  zProblemInput,
  zProblemListQuery,
  zProblemPatch,
  zProblemSummary,
  zTagList,
  type ProblemInput,
} from '../../protocol/api/problems.ts';
import { zPage } from '../../protocol/api/common.ts';
import type { ProblemFields, ProblemRecord } from '../../storage/control/problems-repository.ts';
import type { ProblemRouteDeps } from '../context.ts';
import { toPage } from '../../pagination.ts';
import { parseBody, parseQuery, validationFailed } from '../../protocol/validation.ts';
import { defineRoute } from '../route-docs.ts';
import type { ProblemCatalog } from './problem-catalog.ts';

const SCOPE = 'problems';

export function notFound(): AppError {
  return new AppError('PROBLEM_NOT_FOUND', 'No such problem.');
}

/** Input fields with the Problem schema's defaults; starterCode keys must be among `languages`. */
export function toProblemFields(input: ProblemInput): ProblemFields {
  const fields: ProblemFields = {
    slug: input.slug,
    title: input.title,
    difficulty: input.difficulty,
    description: input.description,
    constraints: input.constraints ?? [],
    tags: [...new Set(input.tags)],
    languages: [...new Set(input.languages)],
    examples: input.examples ?? [],
    starterCode: input.starterCode ?? {},
    timeLimitMs: input.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS,
    memoryLimitKb: input.memoryLimitKb ?? DEFAULT_MEMORY_LIMIT_KB,
  };
  const stray = Object.keys(fields.starterCode).filter((lang) => !fields.languages.includes(lang as never));
  if (stray.length > 0) {
    throw validationFailed(stray.map((lang) => ({ path: `starterCode.${lang}`, message: 'is not one of the problem languages' })));
  }
  return fields;
}

export function registerProblemRoutes(ctx: ProblemRouteDeps, catalog: ProblemCatalog): void {
  const { router, docs } = ctx;
  const tag = 'problems';
  const repo = catalog.repo;
  /** Auth, then 404 for a malformed/unknown/deleted id (not found is checked before permission). */
  const loadProblem = (id: string): ProblemRecord => {
    const problem = isUuid(id) ? catalog.findSelectable(id) : undefined;
    if (!problem) throw notFound();
    return problem;
  };

  defineRoute(router, docs, 'GET', '/v1/problems', {
    summary: 'List and search problems (title, then id)', tag, query: zProblemListQuery, response: zPage(zProblemSummary),
  }, async (req) => {
    const user = await ctx.auth.requireUser(req);
    const query = parseQuery(zProblemListQuery, req.query);
    const after = query.cursor ? (ctx.cursors.decode(SCOPE, query.cursor, ['string', 'string']) as [string, string]) : undefined;
    const tags = query.tags?.split(',').map((t) => t.trim()).filter(Boolean);
    const rows = repo.list({ ...query, tags }, user.id, query.limit + 1, after);
    const page = toPage(rows, query.limit, ctx.cursors, SCOPE, (p) => [p.title, p.id], (p) => p);
    return { status: 200, body: { items: catalog.summaries(page.items, user.id), nextCursor: page.nextCursor } };
  });

  defineRoute(router, docs, 'POST', '/v1/problems', {
    summary: 'Create a problem (admin)', tag, body: zProblemInput, status: 201, response: zProblemDetail,
    errors: ['ADMIN_FORBIDDEN', 'PROBLEM_SLUG_TAKEN'],
  }, async (req) => {
    const admin = await ctx.auth.requireAdmin(req);
    const input = parseBody(zProblemInput, req.body);
    const fields = toProblemFields(input);
    if (repo.slugExists(fields.slug)) throw slugTaken();
    const id = repo.insert(fields, input.testCases, admin.id, Date.now());
    ctx.audit.record('problem.created', { actorId: admin.id, actorType: 'admin', targetType: 'problem', targetId: id, ip: req.ip, details: { slug: fields.slug } });
    return { status: 201, body: catalog.detail(repo.findById(id)!, admin.id, true) };
  });

  defineRoute(router, docs, 'GET', '/v1/problems/tags', { summary: 'Tags with problem counts', tag, response: zTagList }, async (req) => {
    await ctx.auth.requireUser(req);
    return { status: 200, body: { items: repo.tags() } };
  });

  defineRoute(router, docs, 'GET', '/v1/problems/:problemId', {
    summary: 'Problem detail (hidden tests for admins only)', tag, response: zProblemDetail, errors: ['PROBLEM_NOT_FOUND'],
  }, async (req) => {
    const user = await ctx.auth.requireUser(req);
    const problem = loadProblem(req.params.problemId!);
    return { status: 200, body: catalog.detail(problem, user.id, user.role === 'admin') };
  });

  defineRoute(router, docs, 'PATCH', '/v1/problems/:problemId', {
    summary: 'Update a problem (admin); testCases replaces the list', tag, body: zProblemPatch, response: zProblemDetail,
    errors: ['ADMIN_FORBIDDEN', 'PROBLEM_NOT_FOUND', 'PROBLEM_SLUG_TAKEN'],
  }, async (req) => {
    const user = await ctx.auth.requireUser(req);
    const problem = loadProblem(req.params.problemId!);
    const admin = await ctx.auth.requireAdmin(req);
    const patch = parseBody(zProblemPatch, req.body);
    // Narrowing `languages` without sending `starterCode` drops the starters of removed languages.
    const starterCode = patch.starterCode ?? Object.fromEntries(
      Object.entries(problem.starterCode).filter(([lang]) => !patch.languages || patch.languages.includes(lang as never)),
    );
    const fields = toProblemFields({ ...problem, ...patch, starterCode, testCases: [] });
    if (patch.slug !== undefined && repo.slugExists(patch.slug, problem.id)) throw slugTaken();
    repo.update(problem.id, fields, patch.testCases, Date.now());
    ctx.audit.record('problem.updated', {
      actorId: admin.id, actorType: 'admin', targetType: 'problem', targetId: problem.id, ip: req.ip, details: { fields: Object.keys(patch) },
    });
    return { status: 200, body: catalog.detail(repo.findById(problem.id)!, user.id, true) };
  });

  defineRoute(router, docs, 'DELETE', '/v1/problems/:problemId', {
    summary: 'Delete a problem (admin, soft)', tag, status: 204, errors: ['ADMIN_FORBIDDEN', 'PROBLEM_NOT_FOUND', 'PROBLEM_IN_USE'],
  }, async (req) => {
    await ctx.auth.requireUser(req);
    const problem = loadProblem(req.params.problemId!);
    const admin = await ctx.auth.requireAdmin(req);
    if (ctx.rooms.isProblemInUse(problem.id)) {
      throw new AppError('PROBLEM_IN_USE', 'The problem is selected in a room that has not finished.');
    }
    repo.softDelete(problem.id, Date.now());
    ctx.audit.record('problem.deleted', { actorId: admin.id, actorType: 'admin', targetType: 'problem', targetId: problem.id, ip: req.ip });
    return { status: 204 };
  });
}

function slugTaken(): AppError {
  return new AppError('PROBLEM_SLUG_TAKEN', 'Another problem already uses this slug.');
}
