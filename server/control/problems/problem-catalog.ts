// Problem views (the wire shapes of server/protocol/api/problems.ts) and the lookups the rooms side needs
// (selection, starter code, judging data). acceptanceRate and solved come from recorded execution outcomes.
import type { ProblemDetail, ProblemSummary, TestCase } from '../../protocol/api/problems.ts';
import type { BookmarksRepository } from '../../storage/control/bookmarks-repository.ts';
import type { OutcomesRepository } from '../../storage/control/outcomes-repository.ts';
import type { ProblemRecord, ProblemsRepository } from '../../storage/control/problems-repository.ts';
import { toTimestamp } from '../../protocol/timestamps.ts';

/** acceptanceRate is null before this many completed submissions. */
export const MIN_SUBMISSIONS_FOR_RATE = 10;

export class ProblemCatalog {
  readonly repo: ProblemsRepository;
  readonly #bookmarks: BookmarksRepository;
  readonly #outcomes: OutcomesRepository;

  constructor(repo: ProblemsRepository, bookmarks: BookmarksRepository, outcomes: OutcomesRepository) {
    this.repo = repo;
    this.#bookmarks = bookmarks;
    this.#outcomes = outcomes;
  }

  /** A problem that can be selected (exists, not deleted); undefined otherwise (→ PROBLEM_NOT_FOUND). */
  async findSelectable(id: string): Promise<ProblemRecord | undefined> {
    const problem = await this.repo.findById(id);
    return problem && problem.deletedAt === null ? problem : undefined;
  }

  /** Any problem, deleted ones included (past sessions still show them). */
  findAny(id: string): Promise<ProblemRecord | undefined> {
    return this.repo.findById(id);
  }

  /** Every test case, hidden ones included, in order: for judging. */
  testCases(problemId: string): Promise<TestCase[]> {
    return this.repo.testCases(problemId);
  }

  /** ProblemSummary for each record, `bookmarked`/`solved` about `viewerId`. */
  async summaries(problems: readonly ProblemRecord[], viewerId: string): Promise<ProblemSummary[]> {
    const ids = problems.map((p) => p.id);
    const bookmarked = await this.#bookmarks.bookmarkedAmong(viewerId, ids);
    const stats = await this.#outcomes.problemStats(ids, viewerId);
    return problems.map((p) => {
      const s = stats.get(p.id);
      return {
        id: p.id,
        slug: p.slug,
        title: p.title,
        difficulty: p.difficulty,
        tags: p.tags,
        languages: p.languages,
        acceptanceRate: s && s.submissions >= MIN_SUBMISSIONS_FOR_RATE ? s.accepted / s.submissions : null,
        bookmarked: bookmarked.has(p.id),
        solved: s?.solvedByViewer ?? false,
      };
    });
  }

  async summary(problem: ProblemRecord, viewerId: string): Promise<ProblemSummary> {
    return (await this.summaries([problem], viewerId))[0]!;
  }

  /** ProblemDetail; hidden test cases only when `includeHidden` (admins). */
  async detail(problem: ProblemRecord, viewerId: string, includeHidden: boolean): Promise<ProblemDetail> {
    return {
      ...(await this.summary(problem, viewerId)),
      description: problem.description,
      constraints: problem.constraints,
      examples: problem.examples,
      starterCode: problem.starterCode,
      testCases: (await this.repo.testCases(problem.id)).filter((t) => includeHidden || !t.hidden),
      timeLimitMs: problem.timeLimitMs,
      memoryLimitKb: problem.memoryLimitKb,
      createdBy: problem.createdBy,
      createdAt: toTimestamp(problem.createdAt),
      updatedAt: toTimestamp(problem.updatedAt),
    };
  }
}
