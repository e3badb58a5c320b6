// /v1/problems and /v1/bookmarks against the seeded bank: search, stable keyset pages, signed cursors,
// hidden tests, admin authoring, soft delete, tags.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ADMIN, call, loginAdmin, registerUser } from './api.ts';

const newProblem = (slug: string) => ({
  slug,
  title: `Zeta ${slug}`,
  difficulty: 'hard',
  description: 'Read n and print n.',
  tags: ['io', 'zeta'],
  languages: ['python', 'javascript'],
  starterCode: { python: 'print(input())\n' },
  testCases: [
    { input: '1\n', expectedOutput: '1\n', hidden: false },
    { input: '2\n', expectedOutput: '2\n', hidden: true },
  ],
});

describe('problems and bookmarks', () => {
  let server: TestServer;
  let user: Awaited<ReturnType<typeof registerUser>>;
  let admin: Awaited<ReturnType<typeof loginAdmin>>;
  const get = (path: string, token = user.accessToken) => call(server, 'GET', path, { token });

  beforeAll(async () => {
    server = await startTestServer({ rateLimits: false, adminEmail: ADMIN.email, adminPassword: ADMIN.password });
    user = await registerUser(server, 'Solver');
    admin = await loginAdmin(server);
  });
  afterAll(() => server.stop());

  async function allPages(path: string, limit: number): Promise<any[]> {
    const items: any[] = [];
    let cursor: string | null = null;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res = await get(`${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(res.status).toBe(200);
      items.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    return items;
  }

  it('lists every problem by title then id across stable pages', async () => {
    const paged = await allPages('/v1/problems', 7);
    const whole = (await get('/v1/problems?limit=100')).body;
    expect(whole.nextCursor).toBeNull();
    expect(paged.map((p) => p.id)).toEqual(whole.items.map((p: any) => p.id));
    expect(new Set(paged.map((p) => p.id)).size).toBe(paged.length);
    const titles = paged.map((p) => p.title.toLowerCase());
    expect([...titles].sort()).toEqual(titles);
    expect(paged[0]).toMatchObject({ acceptanceRate: null, bookmarked: false, solved: false });
    expect(paged.length).toBeGreaterThanOrEqual(10);
  });

  it('refuses tampered and foreign cursors', async () => {
    const first = await get('/v1/problems?limit=2');
    const cursor: string = first.body.nextCursor;
    const tampered = cursor.slice(0, -2) + (cursor.endsWith('AA') ? 'BB' : 'AA');
    for (const bad of [tampered, 'garbage', `${cursor}.x`]) {
      const res = await get(`/v1/problems?cursor=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(400);
      expect(res.body.details.fields[0].path).toBe('cursor');
    }
    // A valid cursor of another list (bookmarks) is foreign here.
    for (const p of first.body.items) await call(server, 'PUT', `/v1/bookmarks/${p.id}`, { token: user.accessToken });
    const bookmarks = await get('/v1/bookmarks?limit=1');
    expect(bookmarks.body.nextCursor).toEqual(expect.any(String));
    const foreign = await get(`/v1/problems?cursor=${encodeURIComponent(bookmarks.body.nextCursor)}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.code).toBe('VALIDATION_FAILED');
    for (const p of first.body.items) await call(server, 'DELETE', `/v1/bookmarks/${p.id}`, { token: user.accessToken });
  });

  it('filters by q, difficulty, tags, language and bookmarked', async () => {
    const q = (await get('/v1/problems?q=SUM&limit=100')).body.items;
    expect(q.length).toBeGreaterThan(0);
    for (const p of q) expect(`${p.title} ${p.slug}`.toLowerCase()).toContain('sum');
    const easy = (await get('/v1/problems?difficulty=easy&limit=100')).body.items;
    expect(easy.length).toBeGreaterThan(0);
    expect(easy.every((p: any) => p.difficulty === 'easy')).toBe(true);
    const tags = (await get('/v1/problems/tags')).body.items as { name: string; problemCount: number }[];
    expect(tags.map((t) => t.name)).toEqual([...tags.map((t) => t.name)].sort());
    const [a, b] = [tags[0]!, tags[1]!];
    const one = (await get(`/v1/problems?tags=${a.name}&limit=100`)).body.items;
    expect(one).toHaveLength(a.problemCount);
    const both = (await get(`/v1/problems?tags=${a.name},${b.name}&limit=100`)).body.items;
    expect(both.every((p: any) => p.tags.includes(a.name) && p.tags.includes(b.name))).toBe(true);
    expect((await get('/v1/problems?language=rust&limit=1')).body.items[0].languages).toContain('rust');
    expect((await get('/v1/problems?q=%25&limit=100')).body.items).toEqual([]);

    const target = easy[0];
    expect((await call(server, 'PUT', `/v1/bookmarks/${target.id}`, { token: user.accessToken })).status).toBe(204);
    const marked = (await get('/v1/problems?bookmarked=true&limit=100')).body.items;
    expect(marked.map((p: any) => p.id)).toEqual([target.id]);
    expect(marked[0].bookmarked).toBe(true);
    const unmarked = (await get('/v1/problems?bookmarked=false&limit=100')).body.items;
    expect(unmarked.some((p: any) => p.id === target.id)).toBe(false);
    expect((await get('/v1/problems?solved=true')).body.items).toEqual([]);
    await call(server, 'DELETE', `/v1/bookmarks/${target.id}`, { token: user.accessToken });
  });

  it('shows hidden test cases to admins only and never serves reference solutions', async () => {
    const twoSum = (await get('/v1/problems?q=two-sum')).body.items[0];
    const asUser = (await get(`/v1/problems/${twoSum.id}`)).body;
    const asAdmin = (await get(`/v1/problems/${twoSum.id}`, admin.accessToken)).body;
    expect(asUser.testCases.length).toBeGreaterThan(0);
    expect(asUser.testCases.every((t: any) => !t.hidden)).toBe(true);
    expect(asAdmin.testCases.some((t: any) => t.hidden)).toBe(true);
    expect(Object.keys(asUser.starterCode).sort()).toEqual([...asUser.languages].sort());
    expect(JSON.stringify(asAdmin)).not.toMatch(/solution/i);
    expect(asUser).toMatchObject({ timeLimitMs: expect.any(Number), memoryLimitKb: expect.any(Number), description: expect.stringContaining('Input') });
  });

  it('lets admins create, update and soft-delete problems with audit entries', async () => {
    const denied = await call(server, 'POST', '/v1/problems', { token: user.accessToken, body: newProblem('zeta-one') });
    expect(denied.body.code).toBe('ADMIN_FORBIDDEN');
    const created = await call(server, 'POST', '/v1/problems', { token: admin.accessToken, body: newProblem('zeta-one') });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ slug: 'zeta-one', timeLimitMs: 2000, memoryLimitKb: 262144, createdBy: admin.user.id, constraints: [], examples: [] });
    expect(created.body.testCases).toHaveLength(2);
    const id = created.body.id;
    const taken = await call(server, 'POST', '/v1/problems', { token: admin.accessToken, body: newProblem('zeta-one') });
    expect(taken.body.code).toBe('PROBLEM_SLUG_TAKEN');
    const stray = await call(server, 'POST', '/v1/problems', { token: admin.accessToken, body: { ...newProblem('zeta-two'), starterCode: { go: 'x' } } });
    expect(stray.body.details.fields[0].path).toBe('starterCode.go');

    const patched = await call(server, 'PATCH', `/v1/problems/${id}`, {
      token: admin.accessToken,
      body: { title: 'Zeta renamed', testCases: [{ input: '3\n', expectedOutput: '3\n', hidden: false }] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.title).toBe('Zeta renamed');
    expect(patched.body.testCases).toEqual([expect.objectContaining({ input: '3\n', hidden: false })]);
    expect((await call(server, 'PATCH', `/v1/problems/${id}`, { token: admin.accessToken, body: { slug: 'two-sum' } })).body.code).toBe('PROBLEM_SLUG_TAKEN');
    expect((await call(server, 'PATCH', `/v1/problems/${id}`, { token: user.accessToken, body: { title: 'x' } })).body.code).toBe('ADMIN_FORBIDDEN');
    expect((await get('/v1/problems/tags')).body.items).toContainEqual({ name: 'zeta', problemCount: 1 });

    expect((await call(server, 'DELETE', `/v1/problems/${id}`, { token: user.accessToken })).body.code).toBe('ADMIN_FORBIDDEN');
    expect((await call(server, 'DELETE', `/v1/problems/${id}`, { token: admin.accessToken })).status).toBe(204);
    expect((await get(`/v1/problems/${id}`)).body.code).toBe('PROBLEM_NOT_FOUND');
    expect((await call(server, 'DELETE', `/v1/problems/${id}`, { token: admin.accessToken })).body.code).toBe('PROBLEM_NOT_FOUND');
    expect((await get('/v1/problems?q=zeta')).body.items).toEqual([]);
    expect((await get('/v1/problems/tags')).body.items.some((t: any) => t.name === 'zeta')).toBe(false);

    const audit = await call(server, 'GET', `/v1/admin/audit-logs?targetId=${id}`, { token: admin.accessToken });
    expect(audit.body.items.map((e: any) => e.action)).toEqual(['problem.deleted', 'problem.updated', 'problem.created']);
  });

  it('bookmarks: idempotent PUT/DELETE, newest first, unknown problems refused', async () => {
    const u = await registerUser(server, 'Marker');
    const problems = (await get('/v1/problems?limit=3')).body.items;
    for (const p of problems) {
      expect((await call(server, 'PUT', `/v1/bookmarks/${p.id}`, { token: u.accessToken })).status).toBe(204);
      await new Promise((r) => setTimeout(r, 2)); // distinct createdAt milliseconds make the order observable
    }
    expect((await call(server, 'PUT', `/v1/bookmarks/${problems[0].id}`, { token: u.accessToken })).status).toBe(204);
    const all = await call(server, 'GET', '/v1/bookmarks', { token: u.accessToken });
    expect(all.body.items.map((b: any) => b.problem.id)).toEqual([...problems].reverse().map((p: any) => p.id));
    expect(all.body.items[0]).toMatchObject({ problem: { bookmarked: true }, createdAt: expect.stringMatching(/Z$/) });
    const page1 = await call(server, 'GET', '/v1/bookmarks?limit=2', { token: u.accessToken });
    const page2 = await call(server, 'GET', `/v1/bookmarks?limit=2&cursor=${encodeURIComponent(page1.body.nextCursor)}`, { token: u.accessToken });
    expect([...page1.body.items, ...page2.body.items].map((b: any) => b.problem.id)).toEqual(all.body.items.map((b: any) => b.problem.id));
    expect(page2.body.nextCursor).toBeNull();

    expect((await call(server, 'DELETE', `/v1/bookmarks/${problems[1].id}`, { token: u.accessToken })).status).toBe(204);
    expect((await call(server, 'DELETE', `/v1/bookmarks/${problems[1].id}`, { token: u.accessToken })).status).toBe(204);
    expect((await call(server, 'GET', '/v1/bookmarks', { token: u.accessToken })).body.items).toHaveLength(2);
    const missing = await call(server, 'PUT', '/v1/bookmarks/00000000-0000-4000-8000-000000000000', { token: u.accessToken });
    expect(missing.body.code).toBe('PROBLEM_NOT_FOUND');
    expect((await call(server, 'PUT', '/v1/bookmarks/nope', { token: u.accessToken })).status).toBe(404);
  });
});
