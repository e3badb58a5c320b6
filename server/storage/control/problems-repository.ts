import { randomUUID } from 'node:crypto';
import type { SqlDatabase, SqlDialect } from '../sql/index.ts';
import type { Difficulty, SupportedLanguage } from '../../protocol/index.ts';
import type { ProblemExample, TestCase } from '../../protocol/api/problems.ts';

/** One problem as stored (deleted ones included). Instants are epoch ms. */
export interface ProblemRecord {
  id: string;
  slug: string;
  title: string;
  difficulty: Difficulty;
  description: string;
  constraints: string[];
  tags: string[];
  languages: SupportedLanguage[];
  examples: ProblemExample[];
  starterCode: Partial<Record<SupportedLanguage, string>>;
  timeLimitMs: number;
  memoryLimitKb: number;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
}

/** The editable fields, all present (defaults applied by the caller). */
export type ProblemFields = Omit<ProblemRecord, 'id' | 'createdBy' | 'createdAt' | 'updatedAt' | 'deletedAt'>;
export type NewTestCase = Omit<TestCase, 'id'>;

interface ProblemRow {
  id: string;
  slug: string;
  title: string;
  difficulty: Difficulty;
  description: string;
  constraints: string;
  tags: string;
  languages: string;
  examples: string;
  starter_code: string;
  time_limit_ms: number;
  memory_limit_kb: number;
  created_by: string;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
}

export function toProblemRecord(row: ProblemRow): ProblemRecord {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    difficulty: row.difficulty,
    description: row.description,
    constraints: JSON.parse(row.constraints) as string[],
    tags: JSON.parse(row.tags) as string[],
    languages: JSON.parse(row.languages) as SupportedLanguage[],
    examples: JSON.parse(row.examples) as ProblemExample[],
    starterCode: JSON.parse(row.starter_code) as Partial<Record<SupportedLanguage, string>>,
    timeLimitMs: row.time_limit_ms,
    memoryLimitKb: row.memory_limit_kb,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

export interface ProblemFilter {
  q?: string;
  difficulty?: Difficulty;
  tags?: string[];
  language?: SupportedLanguage;
  bookmarked?: boolean;
  solved?: boolean;
}

/** Problems, their tags (denormalized for filtering) and test cases. */
export class ProblemsRepository {
  readonly #db: SqlDatabase;

  constructor(db: SqlDatabase) {
    this.#db = db;
  }

  async findById(id: string): Promise<ProblemRecord | undefined> {
    const row = await this.#db.get<ProblemRow>('SELECT * FROM problems WHERE id = ?', [id]);
    return row && toProblemRecord(row);
  }

  /** Every slug in use, deleted problems' included. */
  async slugs(): Promise<Set<string>> {
    return new Set((await this.#db.all<{ slug: string }>('SELECT slug FROM problems')).map((r) => r.slug));
  }

  async slugExists(slug: string, exceptId?: string): Promise<boolean> {
    const row = exceptId === undefined
      ? await this.#db.get('SELECT 1 AS found FROM problems WHERE slug = ?', [slug])
      : await this.#db.get('SELECT 1 AS found FROM problems WHERE slug = ? AND id <> ?', [slug, exceptId]);
    return row !== undefined;
  }

  /** The new problem's id, or undefined when the slug is taken (the UNIQUE constraint decides races). */
  async insert(fields: ProblemFields, tests: readonly NewTestCase[], createdBy: string, now: number): Promise<string | undefined> {
    const id = randomUUID();
    return this.#db.transaction(async () => {
      const { changes } = await this.#db.run(
        `INSERT INTO problems (id, slug, title, difficulty, description, constraints, tags, languages, examples,
           starter_code, time_limit_ms, memory_limit_kb, created_by, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [id, ...fieldValues(fields), createdBy, now, now],
      );
      if (changes === 0) return undefined;
      await this.#writeTags(id, fields.tags);
      await this.#writeTests(id, tests);
      return id;
    });
  }

  /**
   * Inserts each problem whose slug is free, all in one transaction (one commit for the whole problem bank);
   * returns how many were inserted. A slug taken meanwhile (another process seeding too) is skipped.
   */
  insertAll(problems: readonly { fields: ProblemFields; tests: readonly NewTestCase[] }[], createdBy: string, now: number): Promise<number> {
    return this.#db.transaction(async () => {
      let inserted = 0;
      for (const p of problems) if (await this.insert(p.fields, p.tests, createdBy, now)) inserted++;
      return inserted;
    });
  }

  /** Replaces the fields; `tests` (when given) replaces the whole list. */
  async update(id: string, fields: ProblemFields, tests: readonly NewTestCase[] | undefined, now: number): Promise<void> {
    await this.#db.transaction(async () => {
      await this.#db.run(
        `UPDATE problems SET slug = ?, title = ?, difficulty = ?, description = ?, constraints = ?, tags = ?,
           languages = ?, examples = ?, starter_code = ?, time_limit_ms = ?, memory_limit_kb = ?, updated_at = ?
         WHERE id = ?`,
        [...fieldValues(fields), now, id],
      );
      await this.#db.run('DELETE FROM problem_tags WHERE problem_id = ?', [id]);
      await this.#writeTags(id, fields.tags);
      if (tests) {
        await this.#db.run('DELETE FROM test_cases WHERE problem_id = ?', [id]);
        await this.#writeTests(id, tests);
      }
    });
  }

  async softDelete(id: string, now: number): Promise<void> {
    await this.#db.run('UPDATE problems SET deleted_at = ?, updated_at = ? WHERE id = ?', [now, now, id]);
  }

  async testCases(problemId: string): Promise<TestCase[]> {
    const rows = await this.#db.all<{ id: string; input: string; expected_output: string; hidden: number }>(
      'SELECT id, input, expected_output, hidden FROM test_cases WHERE problem_id = ? ORDER BY position',
      [problemId],
    );
    return rows.map((r) => ({ id: r.id, input: r.input, expectedOutput: r.expected_output, hidden: r.hidden === 1 }));
  }

  /**
   * Non-deleted problems matching the filter, ordered by title (case-insensitive) then id, starting after
   * `after` (a [title, id] key), at most `limit` rows.
   */
  async list(filter: ProblemFilter, viewerId: string, limit: number, after?: readonly [string, string]): Promise<ProblemRecord[]> {
    const where = ['p.deleted_at IS NULL'];
    const params: (string | number)[] = [];
    if (filter.q) {
      where.push(`(LOWER(p.title) LIKE LOWER(?) ESCAPE '\\' OR LOWER(p.slug) LIKE LOWER(?) ESCAPE '\\')`);
      const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      params.push(like, like);
    }
    if (filter.difficulty) {
      where.push('p.difficulty = ?');
      params.push(filter.difficulty);
    }
    for (const tag of filter.tags ?? []) {
      where.push('EXISTS (SELECT 1 FROM problem_tags t WHERE t.problem_id = p.id AND t.tag = ?)');
      params.push(tag);
    }
    if (filter.language) {
      where.push(jsonArrayHas(this.#db.dialect, 'p.languages'));
      params.push(filter.language);
    }
    if (filter.bookmarked !== undefined) {
      where.push(`${filter.bookmarked ? '' : 'NOT '}EXISTS (SELECT 1 FROM bookmarks b WHERE b.problem_id = p.id AND b.user_id = ?)`);
      params.push(viewerId);
    }
    if (filter.solved !== undefined) {
      where.push(
        `${filter.solved ? '' : 'NOT '}EXISTS (SELECT 1 FROM execution_outcomes o WHERE o.problem_id = p.id AND o.user_id = ?
           AND o.kind = 'submission' AND o.verdict = 'ACCEPTED')`,
      );
      params.push(viewerId);
    }
    if (after) {
      where.push('(LOWER(p.title) > LOWER(?) OR (LOWER(p.title) = LOWER(?) AND p.id > ?))');
      params.push(after[0], after[0], after[1]);
    }
    const rows = await this.#db.all<ProblemRow>(
      `SELECT p.* FROM problems p WHERE ${where.join(' AND ')} ORDER BY LOWER(p.title), p.id LIMIT ?`,
      [...params, limit],
    );
    return rows.map(toProblemRecord);
  }

  /** TagInfo (GET /v1/problems/tags): tags of non-deleted problems, by name. */
  tags(): Promise<{ name: string; problemCount: number }[]> {
    return this.#db.all(
      `SELECT t.tag AS name, COUNT(*) AS "problemCount" FROM problem_tags t JOIN problems p ON p.id = t.problem_id
       WHERE p.deleted_at IS NULL GROUP BY t.tag ORDER BY t.tag`,
    );
  }

  // One multi-row INSERT each (at most 10 tags and 200 tests): one round trip on PostgreSQL, not one per row.
  async #writeTags(id: string, tags: readonly string[]): Promise<void> {
    if (tags.length === 0) return;
    await this.#db.run(`INSERT INTO problem_tags (problem_id, tag) VALUES ${rows(tags.length, 2)} ON CONFLICT DO NOTHING`, tags.flatMap((tag) => [id, tag]));
  }

  async #writeTests(id: string, tests: readonly NewTestCase[]): Promise<void> {
    if (tests.length === 0) return;
    await this.#db.run(
      `INSERT INTO test_cases (id, problem_id, position, input, expected_output, hidden) VALUES ${rows(tests.length, 6)}`,
      tests.flatMap((t, i) => [randomUUID(), id, i, t.input, t.expectedOutput, t.hidden ? 1 : 0]),
    );
  }
}

/** `(?, ?), (?, ?), …`: `count` rows of `width` placeholders. */
function rows(count: number, width: number): string {
  const row = `(${Array.from({ length: width }, () => '?').join(', ')})`;
  return Array.from({ length: count }, () => row).join(', ');
}

/** SQL that holds when the JSON array (TEXT) in `column` contains the bound `?` string. */
function jsonArrayHas(dialect: SqlDialect, column: string): string {
  return dialect === 'postgres'
    ? `EXISTS (SELECT 1 FROM json_array_elements_text(${column}::json) AS e (value) WHERE e.value = ?)`
    : `EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ?)`;
}

function fieldValues(f: ProblemFields): (string | number)[] {
  return [
    f.slug,
    f.title,
    f.difficulty,
    f.description,
    JSON.stringify(f.constraints),
    JSON.stringify(f.tags),
    JSON.stringify(f.languages),
    JSON.stringify(f.examples),
    JSON.stringify(f.starterCode),
    f.timeLimitMs,
    f.memoryLimitKb,
  ];
}
