// RoomProblems over the problems module's ProblemCatalog (ControlServices.problems).
import type { ProblemCatalog } from '../problems/problem-catalog.ts';
import type { RoomProblems } from './room-problems.ts';

export function catalogProblems(catalog: ProblemCatalog): RoomProblems {
  return {
    async get(problemId) {
      const p = await catalog.findAny(problemId);
      if (!p) return undefined;
      return {
        id: p.id,
        title: p.title,
        description: p.description,
        difficulty: p.difficulty,
        languages: p.languages,
        starterCode: p.starterCode,
        testCases: await catalog.testCases(p.id),
        timeLimitMs: p.timeLimitMs,
        memoryLimitKb: p.memoryLimitKb,
        deleted: p.deletedAt !== null,
      };
    },
    async summary(problemId, viewerId) {
      const p = await catalog.findAny(problemId);
      return p && catalog.summary(p, viewerId);
    },
  };
}
