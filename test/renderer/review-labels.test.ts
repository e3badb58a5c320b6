// The pure parts of the interviewer's review: timeline sentences (every event type has one, expected socket
// closes are dropped, one drop per user shows once), Run examples judging with the submission's rule, and durations.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SESSION_EVENT_TYPES } from '../../server/protocol/api/sessions.ts';
import type { RunResult } from '../../server/protocol/index.ts';
import type { SessionEvent } from '../../renderer/src/api/types.ts';
import { eventLabel, timelineEvents, timelineRows } from '../../renderer/src/history/event-labels.ts';
import { exampleRows, runOutcome } from '../../renderer/src/room/panels/run-outcome.ts';
import { formatDuration } from '../../renderer/src/ui/format.ts';

const HANA = randomUUID();
const CARL = randomUUID();
const names = new Map<string, string>([[HANA, 'Hana'], [CARL, 'Carl']]);
const nameOf = (id: string | null) => (id ? (names.get(id) ?? 'Someone') : 'Someone');

function event(type: SessionEvent['type'], data: Record<string, unknown> = {}, actorId: string | null = HANA, at = '2026-01-01T10:00:00.000Z'): SessionEvent {
  return { id: randomUUID(), sessionId: randomUUID(), at, type, actorId, data };
}

describe('timeline labels', () => {
  it('writes a sentence for every event type, never the raw type name', () => {
    for (const type of SESSION_EVENT_TYPES) {
      const label = eventLabel(event(type, { userId: CARL, to: 'coding', verdict: 'ACCEPTED', trigger: 'manual', action: 'accepted' }), nameOf);
      if (type.includes('-')) expect(label, type).not.toContain(type);
      expect(label.length, type).toBeGreaterThan(5);
    }
    expect(eventLabel(event('phase-changed', { from: 'waiting', to: 'warmup', by: HANA }), nameOf)).toBe('Hana moved the interview to Warm-up');
    expect(eventLabel(event('submission', { verdict: 'WRONG_ANSWER' }, CARL), nameOf)).toBe("Carl's submission: Wrong answer");
    expect(eventLabel(event('participant-joined', { participant: { userId: CARL, role: 'candidate' } }, CARL), nameOf)).toBe('Carl joined as candidate');
    // The AI conversation as the server records it: the question is the asker's, the reply has no actor.
    expect(eventLabel(event('ai-message', { userId: CARL, role: 'user' }, CARL), nameOf)).toBe('Carl asked the AI interviewer');
    expect(eventLabel(event('ai-message', { userId: CARL, role: 'assistant' }, null), nameOf)).toBe('The AI interviewer answered Carl');
  });

  it('leaves out closes caused by a leave, a kick or the finish, and shows one drop per user once', () => {
    const drop = (closeCode: number, at: string) => event('user-disconnected', { userId: CARL, closeCode }, CARL, at);
    const kept = timelineEvents([
      drop(1006, '2026-01-01T10:00:00.000Z'),
      drop(1006, '2026-01-01T10:00:01.000Z'), // the whiteboard socket of the same drop
      drop(1000, '2026-01-01T10:05:00.000Z'),
      drop(4003, '2026-01-01T10:06:00.000Z'),
      drop(1001, '2026-01-01T10:09:00.000Z'),
    ]);
    expect(kept.map((e) => eventLabel(e, nameOf))).toEqual(["Carl's connection dropped", 'Carl closed or reloaded the room page']);
  });

  it('folds a run of events that read the same into one row with its count and last time, and only consecutive ones', () => {
    const at = (s: number) => `2026-01-01T10:00:${String(s).padStart(2, '0')}.000Z`;
    const runs = [1, 2, 3].map((s) => event('run', {}, CARL, at(s)));
    const rows = timelineRows([event('phase-changed', { to: 'coding' }, HANA, at(0)), ...runs, event('run', {}, HANA, at(4)), event('run', {}, CARL, at(5))], nameOf);
    expect(rows.map((r) => [r.text.replace(/ \(3 times.*/, ' (3 times)'), r.count])).toEqual([
      ['Hana moved the interview to Coding', 1],
      ['Carl ran the code (3 times)', 3],
      ['Hana ran the code', 1],
      ['Carl ran the code', 1],
    ]);
    // The row is the run's first event (its moment in the replay) and names the last one's time.
    expect(rows[1]!.event).toBe(runs[0]);
    expect(rows[1]!.text).toBe(`Carl ran the code (3 times, the last at ${new Date(at(3)).toLocaleTimeString()})`);
  });
});

describe('Run examples', () => {
  const run = (stdin: string, stdout: string, verdict: 'ACCEPTED' | 'RUNTIME_ERROR' = 'ACCEPTED', exitCode = 0): RunResult => ({
    id: randomUUID(), roomId: randomUUID(), userId: CARL, language: 'python', stdin, status: 'completed',
    result: { stdout, stderr: '', stdoutTruncated: false, stderrTruncated: false, exitCode, timeMs: 30, memoryKb: 9000, verdict },
    error: null, createdAt: '2026-01-01T10:00:00.000Z', completedAt: '2026-01-01T10:00:01.000Z',
  });
  const examples = [
    { input: '1\n', output: '2\n', explanation: null },
    { input: '2\n', output: '4\n', explanation: null },
    { input: '3\n', output: '6\n', explanation: null },
    { input: '4\n', output: '8\n', explanation: null },
  ];

  it('passes on the judge’s normalised match, fails wrong output and crashes, and waits for unrun examples', () => {
    const rows = exampleRows(examples, [run('1\n', '2   \r\n\n'), run('2\n', '5\n'), run('3\n', '', 'RUNTIME_ERROR', 1)]);
    expect(rows.map((r) => [r.state, r.reason])).toEqual([
      ['pass', ''],
      ['fail', 'Wrong output'],
      ['fail', 'Exited with status 1'],
      ['not-run', ''],
    ]);
  });

  it('a free run that exits 0 reads as an exit status, not a verdict', () => {
    expect(runOutcome(run('', '').result!)).toEqual({ ok: true, text: 'Exited with status 0' });
  });
});

describe('durations', () => {
  it('reads seconds under a minute, then minutes, then hours and minutes', () => {
    expect([0, 14_200, 59_400, 59_600, 90_000, 3_600_000, 5_430_000].map(formatDuration)).toEqual(['0 s', '14 s', '59 s', '1 min', '2 min', '1 h 0 min', '1 h 31 min']);
    expect(formatDuration(null)).toBe('—');
  });
});
