// Static analysis with AI on: the analysis job carries the AI plane's complexity estimate next to the tool's
// issues (the fake OpenAI-compatible provider answers the structured request), and the code and the problem
// statement reach the provider. With AI off in the room, the provider is never asked.
import { describe, expect, it } from 'vitest';
import { pollUntil } from '../support/poll.ts';
import { as, createRoom, person, problemBySlug } from '../control/rooms/room-fixture.ts';
import { useAiWorld } from './ai-fixture.ts';

const CODE = 'import os\n\ndef two_sum(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n        if target - n in seen:\n            return [seen[target - n], i]\n        seen[n] = i\n';

describe('analysis with the complexity estimate', () => {
  const world = useAiWorld();

  async function analyse(mode: 'practice' | 'interview') {
    const me = await person(world.server, mode === 'practice' ? 'Pia' : 'Ivan');
    const problem = await problemBySlug(world.server, me, 'two-sum');
    const room = await createRoom(world.server, me, { mode, problemId: problem.id, language: 'python' });
    const api = as(world.server, me);
    const accepted = await api.post(`/v1/rooms/${room.id}/analysis`, { code: CODE, language: 'python' });
    expect(accepted.status).toBe(202);
    const done = await pollUntil(() => api.get(accepted.body.pollUrl), (r) => r.body.status === 'completed', { timeoutMs: 60_000, what: 'analysis completed' });
    return { job: done.body, problem };
  }

  it('a practice room (AI on) gets the estimate with the issues; the provider saw the code and the problem', async () => {
    world.fake.reply({ json: { time: 'O(n)', space: 'O(n)' } });
    const before = world.fake.chatRequests().length;
    const { job, problem } = await analyse('practice');
    expect(job.result.complexity).toEqual({ time: 'O(n)', space: 'O(n)' });
    expect(job.result.issues).toEqual([expect.objectContaining({ line: 1, ruleId: 'pyflakes:unused-import' })]);
    const asked = JSON.stringify(world.fake.chatRequests().slice(before).map((r) => r.body?.messages));
    expect(asked).toContain('seen[n] = i');
    expect(asked).toContain(problem.title);
  });

  it('an interview room with AI off asks no provider and has no estimate', async () => {
    const before = world.fake.chatRequests().length;
    const { job } = await analyse('interview');
    expect(job.result.complexity).toBeNull();
    expect(job.result.issues).toHaveLength(1);
    expect(world.fake.chatRequests().length).toBe(before);
  });
});
