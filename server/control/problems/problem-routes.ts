// Problems routes: the catalog for everybody, its editing for admins.
import { AppError } from '../../protocol/index.ts';
import { isUuid } from '../../protocol/api/common.ts';
import { DEFAULT_MEMORY_LIMIT_KB, DEFAULT_TIME_LIMIT_MS, type ProblemInput } from '../../protocol/api/problems.ts';
import type { ProblemFields, ProblemRecord } from '../../storage/control/problems-repository.ts';
import type { ProblemRouteDeps } from '../context.ts';
import { toPage } from '../../pagination.ts';
import { handle } from '../handle-route.ts';
import { validationFailed } from '../../protocol/validation.ts';
import type { ProblemCatalog } from './problem-catalog.ts';

const SCOPE = 'problems';

export function notFound(): AppError {
  return new AppError('PROBLEM_NOT_FOUND', 'No such problem.');
}

/** Input fields with the defaults (no constraints, tags or examples; 2 s and 256 MiB limits); starterCode keys must be among `languages`. */
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
  const { router } = ctx;
  const repo = catalog.repo;
  /** After auth: 404 for a malformed/unknown/deleted id, checked before permission so non-admins learn nothing more. */
  const loadProblem = async (id: string): Promise<ProblemRecord> => {
    const problem = isUuid(id) ? await catalog.findSelectable(id) : undefined;
    if (!problem) throw notFound();
    return problem;
  };

  handle(router, 'GET /v1/problems', async (req, input) => {
    const user = await ctx.auth.requireUser(req);
    const query = input.query();
    const after = query.cursor ? (ctx.cursors.decode(SCOPE, query.cursor, ['string', 'string']) as [string, string]) : undefined;
    const tags = query.tags?.split(',').map((t) => t.trim()).filter(Boolean);
    const rows = await repo.list({ ...query, tags }, user.id, query.limit + 1, after);
    const page = toPage(rows, query.limit, ctx.cursors, SCOPE, (p) => [p.title, p.id], (p) => p);
    return { status: 200, body: { items: await catalog.summaries(page.items, user.id), nextCursor: page.nextCursor } };
  });

  handle(router, 'POST /v1/problems', async (req, { body }) => {
    const admin = await ctx.auth.requireAdmin(req);
    const input = body();
    const fields = toProblemFields(input);
    const id = await repo.insert(fields, input.testCases, admin.id, Date.now());
    if (!id) throw slugTaken();
    await ctx.audit.record('problem.created', { actorId: admin.id, actorType: 'admin', targetType: 'problem', targetId: id, ip: req.ip, details: { slug: fields.slug } });
    return { status: 201, body: await catalog.detail((await repo.findById(id))!, admin.id, true) };
  });

  handle(router, 'GET /v1/problems/tags', async (req) => {
    await ctx.auth.requireUser(req);
    return { status: 200, body: { items: await repo.tags() } };
  });

  handle(router, 'GET /v1/problems/:problemId', async (req, { params }) => {
    const user = await ctx.auth.requireUser(req);
    const problem = await loadProblem(params.problemId);
    return { status: 200, body: await catalog.detail(problem, user.id, user.role === 'admin') };
  });

  handle(router, 'PATCH /v1/problems/:problemId', async (req, { params, body }) => {
    const user = await ctx.auth.requireUser(req);
    const problem = await loadProblem(params.problemId);
    const admin = await ctx.auth.requireAdmin(req);
    const patch = body();
    // Narrowing `languages` without sending `starterCode` drops the starters of removed languages.
    const starterCode = patch.starterCode ?? Object.fromEntries(
      Object.entries(problem.starterCode).filter(([lang]) => !patch.languages || patch.languages.includes(lang as never)),
    );
    const fields = toProblemFields({ ...problem, ...patch, starterCode, testCases: [] });
    if (patch.slug !== undefined && (await repo.slugExists(patch.slug, problem.id))) throw slugTaken();
    await repo.update(problem.id, fields, patch.testCases, Date.now());
    await ctx.audit.record('problem.updated', {
      actorId: admin.id, actorType: 'admin', targetType: 'problem', targetId: problem.id, ip: req.ip, details: { fields: Object.keys(patch) },
    });
    return { status: 200, body: await catalog.detail((await repo.findById(problem.id))!, user.id, true) };
  });

  handle(router, 'DELETE /v1/problems/:problemId', async (req, { params }) => {
    await ctx.auth.requireUser(req);
    const problem = await loadProblem(params.problemId);
    const admin = await ctx.auth.requireAdmin(req);
    if (await ctx.rooms.isProblemInUse(problem.id)) {
      throw new AppError('PROBLEM_IN_USE', 'The problem is selected in a room that has not finished.');
    }
    await repo.softDelete(problem.id, Date.now());
    await ctx.audit.record('problem.deleted', { actorId: admin.id, actorType: 'admin', targetType: 'problem', targetId: problem.id, ip: req.ip });
    return { status: 204 };
  });
}

function slugTaken(): AppError {
  return new AppError('PROBLEM_SLUG_TAKEN', 'Another problem already uses this slug.');
}
