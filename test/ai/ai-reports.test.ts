// Training reports, hints, comparison and weaknesses against the fake provider: a finished practice session
// queues its report (pending → ready, failed when the model answers garbage twice), the report's scores feed
// SessionSummary, compare and the training stats, the weaknesses of every ready report are aggregated about
// the caller by severity, and hints come at three levels and are counted per room.
import { describe, expect, it } from 'vitest';
import { zTrainingReport, zSessionComparison } from '../../server/protocol/api/sessions.ts';
import { zWeaknesses } from '../../server/protocol/api/ai.ts';
import type { FakeReply, RecordedRequest } from '../support/fake-openai.ts';
import { pollUntil } from '../support/poll.ts';
import { as, createRoom, expectError, person, problemBySlug, type Person } from '../control/rooms/room-fixture.ts';
import { useAiWorld } from './ai-fixture.ts';

function report(score: number, weaknesses: { tag: string; severity: number }[]) {
  return {
    overallScore: score,
    summary: `Scored ${score}.`,
    dimensions: [
      { name: 'problem-solving', score: score + 2, summary: 'Found the approach.', evidence: [{ line: 1, quote: 'def two_sum', note: 'clear start' }] },
      { name: 'testing', score: score - 10, summary: 'Few tests.', evidence: [] },
    ],
    strengths: ['Clear naming'],
    improvements: ['Test edge cases'],
    weaknesses: weaknesses.map((w) => ({ ...w, label: `Label of ${w.tag}`, evidence: [{ line: 2, quote: `quote ${w.tag} ${score}`, note: 'seen here' }] })),
  };
}

const isReportRequest = (r: RecordedRequest) => JSON.stringify(r.body?.messages ?? []).includes('training report');

describe('training reports, comparison, weaknesses and hints', () => {
  const world = useAiWorld();

  /** A practice session with one chat turn, finished with `replies` queued for its report. */
  async function session(me: Person, replies: FakeReply[], options: { hold?: boolean } = {}) {
    const problem = await problemBySlug(world.server, me, 'two-sum');
    const room = await createRoom(world.server, me, { mode: 'practice', problemId: problem.id, language: 'python' });
    const api = as(world.server, me);
    const asked = await api.post(`/v1/rooms/${room.id}/ai/messages`, { content: `Is a hash map right for ${room.id}?`, code: 'def two_sum(nums, target):\n    pass\n' });
    await pollUntil(() => api.get(asked.body.pollUrl), (r) => r.body.status === 'completed', { what: 'the chat reply' });
    const held = options.hold ? world.fake.hold(0) : undefined;
    world.fake.reply(...replies.map((r) => (held && 'json' in r ? { ...r, hold: held.hold } : r)));
    await api.post(`/v1/rooms/${room.id}/control/phase`, { to: 'finished' });
    return { room, api, problem, release: held?.release };
  }

  const ready = (api: ReturnType<typeof as>, roomId: string) =>
    pollUntil(() => api.get(`/v1/sessions/${roomId}`), (r) => r.body.reportStatus !== 'pending', { what: 'the report to be generated' });

  it('a finished session queues its report: pending, then ready with the model\'s scores; SessionSummary shows the score', async () => {
    const me = await person(world.server, 'Remy');
    const { room, api, problem, release } = await session(me, [{ json: report(70, [{ tag: 'edge-cases', severity: 0.8 }, { tag: 'testing', severity: 0.3 }]) }], { hold: true });
    expect((await api.get(`/v1/sessions/${room.id}`)).body.reportStatus).toBe('pending');
    expect((await api.get(`/v1/sessions/${room.id}/report`)).body).toMatchObject({ status: 'pending', overallScore: null });
    const finished = (await api.get(`/v1/sessions/${room.id}/timeline?limit=500`)).body.items.find((e: any) => e.type === 'room-finished');
    expect(finished.data.reportStatus).toBe('pending');
    release!();

    expect((await ready(api, room.id)).body).toMatchObject({ reportStatus: 'ready', overallScore: 70 });
    const body = zTrainingReport.parse((await api.get(`/v1/sessions/${room.id}/report`)).body);
    expect(body).toMatchObject({ status: 'ready', subjectUserId: me.id, overallScore: 70, summary: 'Scored 70.', strengths: ['Clear naming'] });
    expect(body.dimensions[0]).toMatchObject({ name: 'problem-solving', score: 72, evidence: [{ sessionId: room.id, line: 1, quote: 'def two_sum' }] });
    expect(body.generatedAt).not.toBeNull();
    expect((await api.get('/v1/sessions')).body.items.find((s: any) => s.id === room.id).overallScore).toBe(70);

    const request = world.fake.chatRequests().filter(isReportRequest).at(-1)!;
    const sent = JSON.stringify(request.body?.messages);
    expect(sent).toContain(problem.title);
    expect(sent).toContain(`Is a hash map right for ${room.id}?`);
    expect(request.body?.response_format?.type).toBe('json_schema');
  });

  it('a report the model answers with garbage twice is failed; the session says so', async () => {
    const me = await person(world.server, 'Gus');
    const { room, api } = await session(me, [{ text: 'I am not JSON' }, { json: { overallScore: 'high' } }]);
    expect((await ready(api, room.id)).body.reportStatus).toBe('failed');
    expect((await api.get(`/v1/sessions/${room.id}/report`)).body).toMatchObject({ status: 'failed', overallScore: null, dimensions: [] });
  });

  it('compare uses the reports\' scores, oldest session first; weaknesses aggregate across sessions by severity', async () => {
    const me = await person(world.server, 'Cam');
    const first = await session(me, [{ json: report(50, [{ tag: 'edge-cases', severity: 0.9 }, { tag: 'naming', severity: 0.2 }]) }]);
    await ready(first.api, first.room.id);
    const second = await session(me, [{ json: report(80, [{ tag: 'edge-cases', severity: 0.5 }, { tag: 'complexity-analysis', severity: 0.6 }]) }]);
    await ready(second.api, second.room.id);

    const compare = await first.api.get(`/v1/sessions/compare?ids=${second.room.id},${first.room.id}`);
    const body = zSessionComparison.parse(compare.body);
    expect(body.sessions.map((s) => [s.sessionId, s.overallScore])).toEqual([
      [first.room.id, 50],
      [second.room.id, 80],
    ]);
    expect(body.dimensions.find((d) => d.name === 'problem-solving')!.scores).toEqual([52, 82]);
    expect(body.dimensions.find((d) => d.name === 'communication')!.scores).toEqual([null, null]);

    const lobby = await createRoom(world.server, me, { mode: 'practice', language: 'python' });
    const weaknesses = zWeaknesses.parse((await first.api.get(`/v1/rooms/${lobby.id}/ai/weaknesses`)).body).items;
    expect(weaknesses.map((w) => w.tag)).toEqual(['edge-cases', 'complexity-analysis', 'naming']);
    expect(weaknesses[0]).toMatchObject({ occurrences: 2, severity: 0.7, trend: 'improving', label: 'Label of edge-cases' });
    expect(weaknesses[0]!.evidence.map((e) => [e.sessionId, e.quote])).toEqual([
      [second.room.id, 'quote edge-cases 80'],
      [first.room.id, 'quote edge-cases 50'],
    ]);
    expect(weaknesses[1]).toMatchObject({ occurrences: 1, trend: 'stable' });

    // About the caller only: someone else has none.
    const other = await person(world.server, 'Nobody');
    const theirs = await createRoom(world.server, other, { mode: 'practice', language: 'python' });
    expect((await as(world.server, other).get(`/v1/rooms/${theirs.id}/ai/weaknesses`)).body).toEqual({ items: [] });
    const stats = (await first.api.get('/v1/users/me/stats')).body;
    expect(stats.points.map((p: any) => p.averageScore).filter((n: number | null) => n !== null)).toEqual([65]);
  });

  it('hints: level 1 by default, up to 3, counted per room and told to the model', async () => {
    const me = await person(world.server, 'Hugo');
    const room = await createRoom(world.server, me, { mode: 'practice', language: 'python' });
    const api = as(world.server, me);
    world.fake.reply({ text: 'Think about what you have already seen.' }, { text: 'Walk the array once with a hash map.' });
    const one = await api.post(`/v1/rooms/${room.id}/ai/hints`, {});
    expect(one.body.pollUrl).toBe(`/v1/rooms/${room.id}/ai/hints/${one.body.id}`);
    const first = (await pollUntil(() => api.get(one.body.pollUrl), (r) => r.body.status === 'completed')).body;
    expect(first).toMatchObject({ kind: 'hint', result: { level: 1, content: 'Think about what you have already seen.' } });
    const three = await api.post(`/v1/rooms/${room.id}/ai/hints`, { level: 3 });
    const second = (await pollUntil(() => api.get(three.body.pollUrl), (r) => r.body.status === 'completed')).body;
    expect(second.result.level).toBe(3);
    const [nudge, detailed] = world.fake.chatRequests().slice(-2).map((r) => r.body!.messages![0]!.content);
    expect(nudge).toMatch(/small nudge/);
    expect(detailed).toMatch(/detailed walk-through/);
    expect(detailed).toContain('Hints given so far: 1.');
    expectError(await api.post(`/v1/rooms/${room.id}/ai/hints`, { level: 4 }), 400, 'VALIDATION_FAILED');
  });
});
